"""KhenThuong: titles and awards granted, the history behind every later proposal.

Each row is a record under a legacy decision found or created by (number, issuing body).
Records are only ever added: an issued decision's records cannot change, so a row that
repeats a record with a different unit or achievement is refused, not applied. New records
go into their decision while it is a draft; rows for a decision recorded before are its
"Bổ sung danh sách" (``decision_amend`` does the same one at a time), written down as one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone

from thidua.awards.choices import DecisionStatus
from thidua.awards.models import LOCKED_STATUSES, AwardRecord, Decision, DecisionAmendment
from thidua.awards.services.decisions import (
    recorded_award_refusal,
    recorded_year_refusal,
    standing_grants,
)
from thidua.common.errors import ImmutableRecordError
from thidua.core.catalog import BY_CODE, PRECEDENCE, RECIPIENT_LABELS, Recipient
from thidua.core.rules.one_award import Granted
from thidua.core.rules.vocabulary import Occasion
from thidua.core.text import fold, format_date
from thidua.dataio.workbook.base import Column, Sheet, chunks
from thidua.dataio.workbook.cells import Cells
from thidua.dataio.workbook.context import ImportContext, unknown_person, unknown_unit
from thidua.dataio.workbook.scope import ExportScope
from thidua.dataio.workbook.vocab import AWARD, RECIPIENT_KIND
from thidua.dataio.workbook.writer import bulk_create, insert_rows
from thidua.orgs.models import Enterprise, Household

YEAR, AWARD_COL, KIND, SUBJECT, SUBJECT_NAME, UNIT = (
    "Năm",
    "Mã danh hiệu",
    "Loại đối tượng",
    "Mã đối tượng",
    "Tên đối tượng",
    "Mã đơn vị",
)
NUMBER, DATE, BODY, ACHIEVEMENT = (
    "Số quyết định",
    "Ngày quyết định",
    "Cơ quan quyết định",
    "Thành tích",
)
INDIVIDUAL, COLLECTIVE, HOUSEHOLD, ENTERPRISE = (r.value for r in Recipient)
OWNED: dict[str, type[Household] | type[Enterprise]] = {
    HOUSEHOLD: Household,
    ENTERPRISE: Enterprise,
}
SUBJECT_FIELD = {
    INDIVIDUAL: "person_id",
    COLLECTIVE: "collective_id",
    HOUSEHOLD: "household_id",
    ENTERPRISE: "enterprise_id",
}
DecisionKey = tuple[str, str]


@dataclass(slots=True)
class AwardRow:
    row: int
    year: int
    code: str
    kind: str
    subject: str
    subject_name: str
    unit_code: str
    number: str
    decision_date: date | None
    body: str
    achievement: str

    @property
    def decision(self) -> DecisionKey:
        return (self.number, self.body)


@dataclass(slots=True)
class _Owned:
    """A household or an enterprise: stored (``id``) or to be created by this import."""

    id: int | None
    name: str
    unit_code: str
    row: int


@dataclass(slots=True)
class _StoredDecision:
    id: int
    date: date | None
    status: str
    is_legacy: bool


class AwardsSheet(Sheet[AwardRow]):
    name = "KhenThuong"
    title = "Danh hiệu thi đua, hình thức khen thưởng đã được tặng"
    columns = (
        Column(
            YEAR,
            "Năm thành tích (năm quyết định ghi), không phải năm ký.",
            8,
            "year",
            required=True,
        ),
        Column(
            AWARD_COL,
            "Mã hoặc tên danh hiệu, hình thức khen thưởng như trong danh mục (trang DanhMuc).",
            36,
            choices=AWARD,
            required=True,
        ),
        Column(
            KIND,
            "Cá nhân, Tập thể, Hộ gia đình hoặc Doanh nghiệp.",
            14,
            choices=RECIPIENT_KIND,
            required=True,
        ),
        Column(
            SUBJECT,
            "Cá nhân: mã cá nhân; Tập thể: mã đơn vị; hộ gia đình, doanh nghiệp: mã hộ, "
            "mã doanh nghiệp (tạo mới nếu chưa có).",
            14,
            required=True,
        ),
        Column(
            SUBJECT_NAME,
            "Để kiểm tra: nếu ghi, phải đúng tên đối tượng. Bắt buộc khi tạo mới hộ gia đình, "
            "doanh nghiệp.",
            28,
        ),
        Column(
            UNIT,
            "Cá nhân: đơn vị khi được khen (để trống: đơn vị ở trang CaNhan). Tập thể: để "
            "trống. Hộ gia đình, doanh nghiệp: bắt buộc, đơn vị nơi hộ, doanh nghiệp thuộc về.",
            14,
        ),
        Column(NUMBER, "Số quyết định, ví dụ 123/QĐ-UBND.", 16, required=True),
        Column(DATE, "Ngày quyết định dd/mm/yyyy; bắt buộc với quyết định chưa có.", 12, "date"),
        Column(BODY, "Cơ quan ban hành quyết định, ví dụ UBND quận Kiến An.", 28, required=True),
        Column(ACHIEVEMENT, "Thành tích được khen (không bắt buộc).", 40),
    )
    notes = (
        "Mỗi dòng một lần khen. Quyết định được nhận biết theo số quyết định và cơ quan "
        "quyết định; quyết định chưa có được tạo (dữ liệu cũ) và ban hành.",
        "Cùng năm, mã danh hiệu, đối tượng và quyết định ghi hai lần là một lần khen.",
        "Khen thưởng theo quyết định đã ban hành không sửa được: nhập lại chỉ thêm dòng mới.",
    )

    def parse(self, cells: Cells) -> AwardRow | None:
        row = AwardRow(
            cells.row,
            cells.year(YEAR) or 0,
            cells.choice(AWARD_COL, AWARD),
            cells.choice(KIND, RECIPIENT_KIND),
            cells.text(SUBJECT, required=True, max_length=64),
            cells.text(SUBJECT_NAME),
            cells.text(UNIT, max_length=64),
            cells.text(NUMBER, required=True, max_length=64),
            cells.date(DATE),
            cells.text(BODY, required=True),
            cells.text(ACHIEVEMENT, max_length=10000),
        )
        if row.code and row.kind and not BY_CODE[row.code].accepts(Recipient(row.kind)):
            cells.problem(
                AWARD_COL,
                f"{BY_CODE[row.code].name} không tặng cho {RECIPIENT_LABELS[Recipient(row.kind)]}.",
            )
        if row.kind == COLLECTIVE and row.unit_code and row.unit_code != row.subject:
            cells.problem(UNIT, "với tập thể, để trống mã đơn vị (đơn vị là chính tập thể).")
        if row.kind in OWNED and not row.unit_code:
            label = RECIPIENT_LABELS[Recipient(row.kind)]
            cells.problem(UNIT, f"cần ghi mã đơn vị nơi {label} thuộc về.")
        return row if cells.ok else None

    def check(self, rows: list[AwardRow], ctx: ImportContext) -> None:
        ctx.load_persons(r.subject for r in rows if r.kind == INDIVIDUAL)
        # A person already stored and absent from CaNhan brings their unit, not yet loaded.
        person_units = [
            p.unit_code for r in rows if r.kind == INDIVIDUAL and (p := ctx.person(r.subject))
        ]
        ctx.load_units(
            [r.subject for r in rows if r.kind == COLLECTIVE]
            + [r.unit_code for r in rows]
            + person_units
        )
        owned = {
            kind: _stored_owned(model, {r.subject for r in rows if r.kind == kind})
            for kind, model in OWNED.items()
        }
        self.stored_owned = owned
        decisions = _stored_decisions({r.decision for r in rows})
        # (decision id, year, code, kind, subject id) → (unit id, achievement)
        stored = _stored_records(sorted(d.id for d in decisions.values()))
        dates: dict[DecisionKey, AwardRow] = {}
        seen: dict[tuple[Any, ...], AwardRow] = {}
        self.records: list[tuple[AwardRow, str, str]] = []  # (row, unit code, recipient name)
        self.owned: dict[str, dict[str, _Owned]] = {kind: {} for kind in OWNED}
        self.decisions = decisions
        self.new_decisions: dict[DecisionKey, date | None] = {}
        receiving: dict[DecisionKey, AwardRow] = {}
        facts: list[tuple[AwardRow, str, int | None]] = []
        for r in rows:
            resolved = self._subject(r, ctx, owned)
            if r.decision_date is not None:
                head = dates.setdefault(r.decision, r)
                if head.decision_date != r.decision_date:
                    ctx.problem(
                        self.name,
                        r.row,
                        DATE,
                        f"quyết định số {r.number} đã ghi ngày {format_date(head.decision_date)} "
                        f"ở dòng {head.row}.",
                    )
                    continue
            if resolved is None:
                continue
            unit_code, name, subject_id = resolved
            key = (r.decision, r.year, r.code, r.kind, r.subject)
            twin = seen.get(key)
            if twin is not None:
                if (twin.unit_code, twin.achievement) != (r.unit_code, r.achievement):
                    ctx.problem(
                        self.name,
                        r.row,
                        ACHIEVEMENT if twin.achievement != r.achievement else UNIT,
                        f"trùng lần khen ở dòng {twin.row} nhưng khác đơn vị hoặc thành tích.",
                    )
                else:
                    self.outcome(r, "unchanged")
                continue
            seen[key] = r
            decision = decisions.get(r.decision)
            if decision is not None and subject_id is not None:
                existing = stored.get((decision.id, r.year, r.code, r.kind, subject_id))
                if existing is not None:
                    unit = ctx.unit(unit_code)
                    if existing != (unit.id if unit else None, r.achievement):
                        ctx.problem(
                            self.name,
                            r.row,
                            ACHIEVEMENT if existing[1] != r.achievement else UNIT,
                            f"lần khen này đã có theo quyết định số {r.number} nhưng khác "
                            "đơn vị hoặc thành tích; khen thưởng theo quyết định đã ban hành "
                            "không sửa được.",
                        )
                    else:
                        self.outcome(r, "unchanged")
                    continue
            signed = r.decision_date or (decision.date if decision else None)
            late = recorded_year_refusal(r.year, signed)
            if late:
                ctx.problem(self.name, r.row, YEAR, late)
                continue
            facts.append((r, name, subject_id))
            receiving.setdefault(r.decision, r)
            self.records.append((r, unit_code, name))
            self.outcome(r, "created")
            # Records count by the recipient's unit at the time (reports, scoping).
            ctx.writes(self.name, r.row, UNIT if r.unit_code else SUBJECT, unit_code)
        for decision_key, first in receiving.items():
            self._check_decision(decision_key, first, dates.get(decision_key), ctx)
        self._check_one_award(facts, ctx)

    def _check_one_award(
        self, facts: list[tuple[AwardRow, str, int | None]], ctx: ImportContext
    ) -> None:
        """One achievement, one award (the rule ``recorded_award_add`` keeps), against what
        issued decisions hold and the rows above in the sheet, in one query."""
        refs = [(SUBJECT_FIELD[r.kind], pk) for r, _name, pk in facts if pk is not None]
        standing = standing_grants(subjects=refs, years=[r.year for r, _n, _pk in facts])
        above: dict[tuple[str, str, int], list[Granted]] = {}
        for r, name, pk in facts:
            mine = above.setdefault((r.kind, r.subject, r.year), [])
            held = standing.get(((SUBJECT_FIELD[r.kind], pk), r.year), []) if pk else []
            refusal = recorded_award_refusal(name=name, code=r.code, year=r.year, held=held + mine)
            if refusal:
                ctx.problem(self.name, r.row, AWARD_COL, refusal)
            mine.append(
                Granted(r.code, r.year, "", Occasion.THUONG_XUYEN, f"Quyết định số {r.number}")
            )

    def _subject(
        self, r: AwardRow, ctx: ImportContext, owned: dict[str, dict[str, _Owned]]
    ) -> tuple[str, str, int | None] | None:
        """(unit code at the time, recipient name, subject id if stored), or ``None`` with
        the problem recorded."""
        if r.kind == INDIVIDUAL:
            person = ctx.person(r.subject)
            if person is None:
                ctx.problem(self.name, r.row, SUBJECT, unknown_person(r.subject))
                return None
            unit_code, name, subject_id = (
                r.unit_code or person.unit_code,
                person.full_name,
                person.id,
            )
            names = [name]
        elif r.kind == COLLECTIVE:
            unit = ctx.unit(r.subject)
            if unit is None:
                ctx.problem(self.name, r.row, SUBJECT, unknown_unit(r.subject))
                return None
            unit_code, name, subject_id, names = r.subject, unit.name, unit.id, [unit.name]
        else:
            found = self._owned(r, owned[r.kind], ctx)
            if found is None:
                return None
            unit_code, subject_id = found.unit_code, found.id
            name = f"Hộ {found.name}" if r.kind == HOUSEHOLD else found.name
            names = [found.name, name]
        if ctx.unit(unit_code) is None:
            ctx.problem(self.name, r.row, UNIT, unknown_unit(unit_code))
            return None
        if r.subject_name and r.subject_name.casefold() not in {n.casefold() for n in names}:
            ctx.problem(
                self.name,
                r.row,
                SUBJECT_NAME,
                f"“{r.subject_name}” khác tên của “{r.subject}” là “{names[0]}”.",
            )
            return None
        return unit_code, name, subject_id

    def _owned(self, r: AwardRow, stored: dict[str, _Owned], ctx: ImportContext) -> _Owned | None:
        label = RECIPIENT_LABELS[Recipient(r.kind)]
        old = stored.get(r.subject)
        if old is not None:
            if old.unit_code != r.unit_code:
                ctx.problem(
                    self.name,
                    r.row,
                    UNIT,
                    f"{label} “{r.subject}” thuộc đơn vị “{old.unit_code}”, không phải "
                    f"“{r.unit_code}”.",
                )
                return None
            return old
        name = r.subject_name
        if r.kind == HOUSEHOLD and fold(name).startswith("ho "):
            name = name[3:].strip()
        new = self.owned[r.kind].setdefault(r.subject, _Owned(None, name, r.unit_code, r.row))
        if new.row == r.row:
            if not name:
                ctx.problem(
                    self.name, r.row, SUBJECT_NAME, f"cần ghi tên để tạo {label} “{r.subject}”."
                )
                return None
            return new
        if (name and name.casefold() != new.name.casefold()) or r.unit_code != new.unit_code:
            ctx.problem(
                self.name,
                r.row,
                SUBJECT_NAME if new.unit_code == r.unit_code else UNIT,
                f"{label} “{r.subject}” đã ghi ở dòng {new.row} với tên “{new.name}”, "
                f"đơn vị “{new.unit_code}”.",
            )
            return None
        return new

    def _check_decision(
        self, key: DecisionKey, first: AwardRow, dated: AwardRow | None, ctx: ImportContext
    ) -> None:
        """A decision that receives new records: a new one needs its date; a stored one must
        be a legacy decision, not revoked, and keep its date."""
        number = key[0]
        stored = self.decisions.get(key)
        if dated is not None and dated.decision_date and dated.decision_date > ctx.today:
            ctx.problem(
                self.name,
                dated.row,
                DATE,
                f"ngày {format_date(dated.decision_date)} của quyết định số {number} sau ngày "
                f"hôm nay ({format_date(ctx.today)}): chỉ ghi quyết định đã ký.",
            )
            return
        if stored is None:
            if dated is None:
                ctx.problem(self.name, first.row, DATE, f"cần ghi ngày của quyết định số {number}.")
            self.new_decisions[key] = dated.decision_date if dated else None
            return
        if stored.status == DecisionStatus.REVOKED:
            message = f"quyết định số {number} đã bị hủy, không thể bổ sung khen thưởng."
        elif not stored.is_legacy:
            message = (
                f"quyết định số {number} được lập trong hệ thống, không bổ sung bằng tệp được; "
                "hãy ghi số quyết định khác hoặc bổ sung trong hệ thống."
            )
        elif dated is not None and stored.date not in (None, dated.decision_date):
            ctx.problem(
                self.name,
                dated.row,
                DATE,
                f"quyết định số {number} đã có với ngày {format_date(stored.date)}.",
            )
            return
        else:
            return
        ctx.problem(self.name, first.row, NUMBER, message)

    def apply(self, ctx: ImportContext) -> None:
        owned_ids: dict[tuple[str, str], int] = {}
        for kind, model in OWNED.items():
            objs = [
                model(
                    code=code,
                    name=o.name,
                    unit_id=ctx.unit_ids[o.unit_code],
                    search_key=fold(f"{o.name} {code}")[:255],
                )
                for code, o in self.owned[kind].items()
            ]
            bulk_create(model, objs, ctx, counted=False)
            owned_ids.update({(kind, o.code): o.pk for o in objs})
        new = [
            Decision(
                number=number,
                issuing_body=body,
                date=when,
                is_legacy=True,
                status=DecisionStatus.DRAFT,
            )
            for (number, body), when in self.new_decisions.items()
        ]
        bulk_create(Decision, new, ctx, counted=False)
        decision_ids = {k: d.id for k, d in self.decisions.items()}
        decision_ids.update({(d.number, d.issuing_body): d.pk for d in new})
        touched = sorted({decision_ids[r.decision] for r, _, _ in self.records})
        for part in chunks(touched):
            Decision.objects.filter(pk__in=part).reopen_legacy()
            # What ``AwardRecord.objects.bulk_create`` checks, as ``insert_rows`` goes past it.
            if Decision.objects.filter(pk__in=part, status__in=LOCKED_STATUSES).exists():
                raise ImmutableRecordError("Không thể thêm khen thưởng vào quyết định đã ban hành.")
        ids: dict[str, dict[str, int] | dict[str, int | None]] = {
            INDIVIDUAL: ctx.person_ids,
            COLLECTIVE: ctx.unit_ids,
            **{
                kind: {code: o.id for code, o in self.stored_owned[kind].items()}
                | {code: i for (k, code), i in owned_ids.items() if k == kind}
                for kind in OWNED
            },
        }
        unit_ids = ctx.unit_ids
        slot = {kind: i for i, kind in enumerate(SUBJECT_FIELD)}
        empty = (None,) * len(SUBJECT_FIELD)

        def subjects(r: AwardRow) -> tuple[int | None, ...]:
            out: list[int | None] = list(empty)
            out[slot[r.kind]] = ids[r.kind][r.subject]
            return tuple(out)

        columns = (
            "decision_id",
            "code",
            "year",
            "recipient_kind",
            "unit_id",
            "recipient_name",
            "achievement",
            *SUBJECT_FIELD.values(),
        )
        records = (
            (
                decision_ids[r.decision],
                r.code,
                r.year,
                r.kind,
                unit_ids[unit_code],
                name,
                r.achievement,
                *subjects(r),
            )
            for r, unit_code, name in self.records
        )
        insert_rows(AwardRecord, columns, records, ctx)
        self._record_amendments(decision_ids)
        now = timezone.now()
        for part in chunks(touched):
            Decision.objects.filter(pk__in=part, status=DecisionStatus.DRAFT).update(
                status=DecisionStatus.ISSUED, updated_at=now
            )

    def _record_amendments(self, decision_ids: dict[DecisionKey, int]) -> None:
        """Rows added to a decision recorded before are a "Bổ sung danh sách", written down
        as one (the decision page lists it), never a silent reopening."""
        added: dict[int, int] = {}
        for r, _, _ in self.records:
            if r.decision in self.decisions:
                pk = decision_ids[r.decision]
                added[pk] = added.get(pk, 0) + 1
        DecisionAmendment.objects.bulk_create(
            DecisionAmendment(
                decision_id=pk,
                added=n,
                source=f"Nhập sổ Excel (sheet {self.name})",
                reason="Bổ sung khen thưởng có trong sổ nhập mà quyết định đã ghi nhận chưa có.",
            )
            for pk, n in sorted(added.items())
        )

    def describe(self, row: AwardRow) -> str:
        name = f" ({row.subject_name})" if row.subject_name else ""
        return (
            f"{BY_CODE[row.code].name} năm {row.year}: {row.subject}{name}, "
            f"quyết định số {row.number}"
        )

    def export(self, scope: ExportScope) -> Iterable[tuple[Any, ...]]:
        rows = scope.records().values_list(
            "year",
            "code",
            "recipient_kind",
            "person__code",
            "person__full_name",
            "collective__code",
            "collective__name",
            "household__code",
            "household__name",
            "enterprise__code",
            "enterprise__name",
            "unit__code",
            "decision__number",
            "decision__date",
            "decision__issuing_body",
            "achievement",
        )
        out = []
        for year, code, kind, *subjects, unit, number, when, body, achievement in rows:
            subject, name = next(
                (c, n) for c, n in zip(subjects[::2], subjects[1::2], strict=True) if c
            )
            out.append(
                (
                    year,
                    BY_CODE[code].name,
                    RECIPIENT_KIND.word(kind),
                    subject,
                    name,
                    None if kind == COLLECTIVE else unit,
                    number,
                    when,
                    body,
                    achievement or None,
                    PRECEDENCE[code],
                )
            )
        out.sort(key=lambda o: (o[0], o[8], o[6], o[10], o[2], o[3]))
        for o in out:
            yield o[:10]


def _stored_owned(model: type[Household] | type[Enterprise], codes: set[str]) -> dict[str, _Owned]:
    found: dict[str, _Owned] = {}
    for part in chunks(sorted(codes)):
        qs = model.objects.filter(code__in=part).values_list("pk", "code", "name", "unit__code")
        for pk, code, name, unit_code in qs:
            found[code] = _Owned(pk, name, unit_code, 0)
    return found


def _stored_decisions(keys: set[DecisionKey]) -> dict[DecisionKey, _StoredDecision]:
    found: dict[DecisionKey, _StoredDecision] = {}
    for part in chunks(sorted({number for number, _ in keys})):
        qs = Decision.objects.filter(number__in=part).values_list(
            "pk", "number", "issuing_body", "date", "status", "is_legacy"
        )
        for pk, number, body, when, status, is_legacy in qs:
            if (number, body) in keys:
                found[(number, body)] = _StoredDecision(pk, when, status, is_legacy)
    return found


def _stored_records(decision_ids: list[int]) -> dict[tuple[Any, ...], tuple[int, str]]:
    found: dict[tuple[Any, ...], tuple[int, str]] = {}
    fields = (
        "decision_id",
        "year",
        "code",
        "recipient_kind",
        *SUBJECT_FIELD.values(),
        "unit_id",
        "achievement",
    )
    for part in chunks(decision_ids):
        for decision, year, code, kind, *subjects, unit, achievement in AwardRecord.objects.filter(
            decision_id__in=part
        ).values_list(*fields):
            subject = next(s for s in subjects if s is not None)
            found[(decision, year, code, kind, subject)] = (unit, achievement)
    return found
