"""Names and letterheads of the commendation papers, from the units they speak for: a form
named after its decider (``core.documents.form_name``) and the letterhead, số ký hiệu and
signature block of the unit that issues (``core.documents.bodies``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from thidua.awards.models import AwardRecord, Decision, Proposal
from thidua.common.documents import Header, Signature
from thidua.core.documents import Body, document_symbol, form_name, issuer_name, signature_lines
from thidua.core.documents.bodies import is_deputy, parent_name
from thidua.core.documents.names import decider_kinds
from thidua.emulation.documents import place_of
from thidua.orgs.bodies import body_for, decider_for
from thidua.orgs.models import Unit


def record_decider(record: AwardRecord) -> Body | None:
    """The body whose head gave the award: the decision's, else the nearest body of the
    form's level above the recipient (a decision recorded from elsewhere with no unit)."""
    unit = record.decision.issuing_unit if record.decision_id else None
    if unit is not None:
        return body_for(unit)
    return decider_for(record.unit, decider_kinds(record.code))


def record_name(record: AwardRecord) -> str:
    return form_name(record.code, record_decider(record))


def proposal_name(proposal: Proposal) -> str:
    """The form as the proposal asks for it: named after the body that decides it."""
    return form_name(
        proposal.award_code,
        decider_for(proposal.reviewing_unit, decider_kinds(proposal.award_code)),
    )


def decision_names(decision: Decision, codes: list[str]) -> dict[str, str]:
    body = body_for(decision.issuing_unit)
    return {code: form_name(code, body) for code in codes}


@dataclass(frozen=True, slots=True)
class Issuer:
    """The unit a paper is issued by, as its letterhead and signature print it."""

    unit: Unit
    body: Body

    @classmethod
    def of(cls, unit: Unit) -> Issuer:
        body = body_for(unit)
        assert body is not None
        return cls(unit, body)

    @property
    def name(self) -> str:
        return issuer_name(self.body)

    def header(self, kind: str, *, number: str = "", day: date | None = None) -> Header:
        """``number`` as given, else blank before the body's symbol ("     /TTr-UBND"), left
        for the văn thư."""
        return Header(
            parent=parent_name(self.body),
            issuer=self.name,
            number=number or f"{' ' * 6}/{document_symbol(kind, self.body)}",
            place=place_of(self.unit),
            day=day,
        )

    def signer_name(self, signer_title: str) -> str:
        return self.unit.deputy_name if is_deputy(signer_title) else self.unit.head_name

    def signature(
        self,
        *,
        signer_title: str = "",
        on_behalf: bool,
        name: str | None = None,
        recipients: tuple[str, ...] = ("Như trên;", "Lưu: VT."),
    ) -> Signature:
        lines = signature_lines(self.body, signer_title=signer_title, on_behalf=on_behalf)
        return Signature(
            authority="\n".join(lines[:-1]),
            title=lines[-1],
            name=self.signer_name(signer_title) if name is None else name,
            recipients=recipients,
        )
