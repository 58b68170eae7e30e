"""Clusters and blocks of 2023 and 2024, the 2024 movements, covenants with their criteria and
signatures, registrations and score sheets, as the seeds describe them."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

from thidua.demo.decisions import CSTDCS, LDTT, TTLDTT, TTLDXS
from thidua.demo.places import CULTURE_BLOCK, KIEN_AN_WARDS, THAI_NGUYEN_COMMUNES
from thidua.demo.state import Demo
from thidua.emulation.choices import (
    ClusterKind,
    CovenantStatus,
    CriterionKind,
    MemberRole,
    MovementKind,
    MovementStatus,
    OrganiserLevel,
    RegistrationStatus,
    ScoreSheetStatus,
)
from thidua.emulation.models import (
    Cluster,
    ClusterMember,
    Covenant,
    CovenantSignature,
    Criterion,
    Movement,
    Registration,
    ScoreLine,
    ScoreSheet,
)

VN = ZoneInfo("Asia/Ho_Chi_Minh")

KA_WARDS = [f"HP-KA-{short}" for short, *_ in KIEN_AN_WARDS]
BLOCK = [f"HP-{short}" for short, _, _ in CULTURE_BLOCK]
TN_COMMUNES = [f"TN-TP-{short}" for short, _, _ in THAI_NGUYEN_COMMUNES]

# code, name, kind, organiser level, organiser, members, {year: (leader, deputy)}
CLUSTERS: tuple[tuple[str, str, str, str, str, list[str], dict[int, tuple[str, str]]], ...] = (
    (
        "CUM-KA-PHUONG",
        "Cụm thi đua khối phường quận Kiến An",
        ClusterKind.CUM,
        OrganiserLevel.HUYEN,
        "HP-KA",
        KA_WARDS,
        {2023: ("HP-KA-NS", "HP-KA-TTN"), 2024: ("HP-KA-TTN", "HP-KA-VD")},
    ),
    (
        "KHOI-VHXH-HP",
        "Khối thi đua các cơ quan quản lý nhà nước về Văn hóa – xã hội thành phố Hải Phòng",
        ClusterKind.KHOI,
        OrganiserLevel.TINH,
        "HP",
        BLOCK,
        {2023: ("HP-SKHCN", "HP-SGDDT"), 2024: ("HP-SGDDT", "HP-SYT")},
    ),
    (
        "CUM-TPTN-XA",
        "Cụm thi đua các xã thuộc thành phố Thái Nguyên",
        ClusterKind.CUM,
        OrganiserLevel.HUYEN,
        "TN-TP",
        TN_COMMUNES,
        {2023: ("TN-TP-TC", "TN-TP-DL"), 2024: ("TN-TP-DL", "TN-TP-PTR")},
    ),
)

# Seed 000 and 002: the covenant's six targets, with points out of 100.
KA_CRITERIA: tuple[tuple[str, str, int], ...] = (
    (
        "1",
        "Hoàn thành 100% các chỉ tiêu phát triển kinh tế – xã hội năm 2024 quận giao; thu ngân "
        "sách nhà nước trên địa bàn đạt và vượt dự toán",
        20,
    ),
    (
        "2",
        "Thực hiện chủ đề năm 2024 của thành phố và của quận: đẩy mạnh chỉnh trang đô thị, thu "
        "hút đầu tư; giải phóng mặt bằng đúng tiến độ",
        20,
    ),
    (
        "3",
        "Tăng cường thực hiện các chính sách xã hội và chuyển đổi số; 100% hồ sơ thủ tục hành "
        "chính được giải quyết đúng hạn",
        20,
    ),
    (
        "4",
        "Giữ vững quốc phòng, an ninh, trật tự an toàn xã hội; hoàn thành chỉ tiêu tuyển quân",
        10,
    ),
    (
        "5",
        "Không có cán bộ, công chức vi phạm kỷ luật, mắc tệ nạn xã hội, vi phạm an toàn giao "
        "thông; chấp hành nghiêm Chỉ thị 26/CT-TTg ngày 05/9/2016 của Thủ tướng Chính phủ",
        15,
    ),
    (
        "6",
        "100% cán bộ, công chức hoàn thành tốt nhiệm vụ trở lên; phát động và tổ chức tốt các "
        "phong trào thi đua, công tác khen thưởng",
        15,
    ),
)
TN_CRITERIA: tuple[tuple[str, str, int], ...] = (
    ("1", "Hoàn thành các chỉ tiêu phát triển kinh tế – xã hội năm 2024 của địa phương", 25),
    (
        "2",
        "Tích cực tham gia các phong trào “Thái Nguyên chung tay vì người nghèo”, “Toàn dân "
        "đoàn kết xây dựng nông thôn mới, đô thị văn minh”, “Dân vận khéo”",
        20,
    ),
    ("3", "Thực hiện phong trào thi đua “Cải cách hành chính – chuyển đổi số”", 15),
    (
        "4",
        "Không có cán bộ, công chức, viên chức vi phạm kỷ luật, mắc tệ nạn xã hội; vi phạm an "
        "toàn giao thông; chấp hành nghiêm Chỉ thị 26/CT-TTg ngày 05/9/2016",
        20,
    ),
    (
        "5",
        "100% cán bộ, công chức hoàn thành tốt nhiệm vụ, giữ vững đơn vị hoàn thành tốt nhiệm vụ "
        "trở lên",
        20,
    ),
)
BLOCK_CRITERIA: tuple[tuple[str, str, int], ...] = (
    ("1", "Hoàn thành và hoàn thành vượt mức các chỉ tiêu kế hoạch năm 2024 được giao", 30),
    ("2", "Công tác xây dựng Đảng, chính quyền, đoàn thể trong sạch, vững mạnh", 20),
    ("3", "Tổ chức tốt các phong trào thi đua, phát huy sáng kiến, nghiên cứu khoa học", 25),
    ("4", "Bảo đảm an ninh trật tự, an toàn cơ quan; thực hành tiết kiệm, chống lãng phí", 25),
)
EXTRAS: tuple[tuple[str, str, str, int], ...] = (
    ("II", "Có mô hình, cách làm hay được cấp trên biểu dương, nhân rộng", CriterionKind.BONUS, 5),
    ("III.1", "Chậm gửi báo cáo, hồ sơ thi đua (mỗi lần)", CriterionKind.PENALTY, 2),
    ("III.2", "Có cán bộ, công chức bị kỷ luật từ khiển trách trở lên", CriterionKind.PENALTY, 5),
)


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=VN)


def head_of(demo: Demo, unit_code: str) -> tuple[str, str]:
    """The unit's head (name, position): who signs the covenant for it."""
    for s in demo.staff:
        if s.stints[0][0] == unit_code and s.leader:
            return s.person.full_name, s.person.position
    raise KeyError(unit_code)  # pragma: no cover - every member unit has a head


def build_clusters(demo: Demo) -> dict[tuple[str, int], Cluster]:
    clusters: dict[tuple[str, int], Cluster] = {}
    for code, name, kind, level, organiser, members, leaders in CLUSTERS:
        previous: Cluster | None = None
        for year, (leader, deputy) in sorted(leaders.items()):
            cluster = Cluster.objects.create(
                year=year,
                code=code,
                name=name,
                kind=kind,
                organiser_level=level,
                organiser=demo.unit(organiser),
                previous=previous,
            )
            for order, member in enumerate(members, start=1):
                role = {leader: MemberRole.LEADER, deputy: MemberRole.DEPUTY}.get(
                    member, MemberRole.MEMBER
                )
                ClusterMember.objects.create(
                    cluster=cluster, unit=demo.unit(member), role=role, order=order
                )
            clusters[code, year] = cluster
            previous = cluster
    return clusters


def _movement(demo: Demo, launched_by: str, members: list[str], **fields: object) -> Movement:
    movement = Movement(launched_by=demo.unit(launched_by), **fields)
    movement.full_clean()
    movement.save()
    movement.scope.set([demo.unit(m) for m in members])
    return movement


def build_movements(demo: Demo) -> dict[str, Movement]:
    ka = _movement(
        demo,
        "HP-KA",
        [*KA_WARDS, "HP-KA-VP", "HP-KA-NV"],
        name="Phong trào thi đua yêu nước năm 2024 của quận Kiến An",
        theme=(
            "Đẩy mạnh chỉnh trang đô thị, thu hút đầu tư – Tăng cường thực hiện các chính sách "
            "xã hội và chuyển đổi số"
        ),
        kind=MovementKind.REGULAR,
        year=2024,
        authority="Chủ tịch UBND quận Kiến An",
        start=date(2024, 1, 25),
        end=date(2024, 12, 31),
        goals=(
            "Gắn với chủ đề năm 2024 của thành phố “Đẩy mạnh chỉnh trang, hiện đại hóa đô thị – "
            "Xây dựng nông thôn mới kiểu mẫu – Tăng cường thực hiện các chính sách xã hội và "
            "chuyển đổi số”; phấn đấu hoàn thành thắng lợi các chỉ tiêu kinh tế – xã hội năm 2024."
        ),
        criteria="\n".join(text for _, text, _ in KA_CRITERIA),
        status=MovementStatus.CLOSED,
    )
    do_son = _movement(
        demo,
        "HP-DS",
        [code for code in demo.units if code.startswith("HP-DS-")],
        name="Phong trào thi đua năm 2024 của quận Đồ Sơn",
        theme="Thực hiện thắng lợi 9 nhiệm vụ trọng tâm năm 2024 của quận",
        kind=MovementKind.REGULAR,
        year=2024,
        authority="Trần Khắc Kiên – Chủ tịch UBND quận Đồ Sơn",
        start=date(2024, 1, 19),
        end=date(2024, 12, 31),
        status=MovementStatus.CLOSED,
    )
    block = _movement(
        demo,
        "HP-SGDDT",
        BLOCK,
        name="Phong trào thi đua năm 2024 của Khối thi đua các cơ quan quản lý nhà nước về Văn "
        "hóa – xã hội",
        theme=(
            "Khối thi đua các cơ quan Quản lý nhà nước về Văn hóa – xã hội đoàn kết, sáng tạo, "
            "tăng tốc và hiệu quả"
        ),
        kind=MovementKind.REGULAR,
        year=2024,
        authority="Khối trưởng Khối thi đua (Sở Giáo dục và Đào tạo)",
        start=date(2024, 1, 26),
        end=date(2024, 12, 31),
        status=MovementStatus.CLOSED,
    )
    poor = _movement(
        demo,
        "TN",
        TN_COMMUNES,
        name="Thái Nguyên chung tay vì người nghèo",
        theme="Không để ai bị bỏ lại phía sau",
        kind=MovementKind.THEMATIC,
        year=2024,
        authority="UBND tỉnh Thái Nguyên",
        start=date(2024, 1, 1),
        end=date(2025, 12, 31),
        status=MovementStatus.INTERIM,
    )
    return {"KA": ka, "DS": do_son, "VHXH": block, "TN": poor}


def _covenant(
    demo: Demo,
    cluster: Cluster,
    movement: Movement | None,
    title: str,
    signed_on: date,
    items: tuple[tuple[str, str, int], ...],
) -> tuple[Covenant, list[Criterion]]:
    covenant = Covenant.objects.create(
        cluster=cluster,
        movement=movement,
        title=title,
        status=CovenantStatus.SIGNED,
        signed_on=signed_on,
    )
    total = sum(points for _, _, points in items)
    group = Criterion.objects.create(
        covenant=covenant,
        number="I",
        text="Các chỉ tiêu thi đua",
        kind=CriterionKind.GROUP,
        max_points=Decimal(total),
        order=0,
    )
    leaves = [
        Criterion.objects.create(
            covenant=covenant,
            parent=group,
            number=number,
            text=text,
            kind=CriterionKind.ITEM,
            max_points=Decimal(points),
            evidence="Báo cáo kết quả thực hiện, số liệu thống kê kèm theo",
            order=order,
        )
        for order, (number, text, points) in enumerate(items, start=1)
    ]
    for order, (number, text, kind, points) in enumerate(EXTRAS, start=len(items) + 1):
        leaves.append(
            Criterion.objects.create(
                covenant=covenant,
                number=number,
                text=text,
                kind=kind,
                max_points=Decimal(points),
                order=order,
            )
        )
    for member in cluster.members.select_related("unit").order_by("order"):
        name, post = head_of(demo, member.unit.code)
        CovenantSignature.objects.create(
            covenant=covenant,
            unit=member.unit,
            signer_name=name,
            signer_title=post,
            signed_at=_at(signed_on, 15),
        )
    return covenant, leaves


def build_emulation(demo: Demo, cstdcs_2024: set[str], ldtt_2024: set[str]) -> dict[str, int]:
    clusters = build_clusters(demo)
    movements = build_movements(demo)
    ka, ka_items = _covenant(
        demo,
        clusters["CUM-KA-PHUONG", 2024],
        movements["KA"],
        "Giao ước thi đua năm 2024 của Cụm thi đua khối phường quận Kiến An",
        date(2024, 2, 28),
        KA_CRITERIA,
    )
    _covenant(
        demo,
        clusters["KHOI-VHXH-HP", 2024],
        movements["VHXH"],
        "Giao ước thi đua năm 2024 của Khối thi đua các cơ quan quản lý nhà nước về Văn hóa – "
        "xã hội",
        date(2024, 1, 26),
        BLOCK_CRITERIA,
    )
    _covenant(
        demo,
        clusters["CUM-TPTN-XA", 2024],
        None,
        "Giao ước thi đua năm 2024 của Cụm thi đua các xã thuộc thành phố Thái Nguyên",
        date(2024, 3, 20),
        TN_CRITERIA,
    )
    sheets = _score_sheets(demo, ka, ka_items)
    registrations = _registrations(demo, movements["KA"], cstdcs_2024, ldtt_2024)
    return {
        "clusters": len(clusters),
        "movements": len(movements),
        "covenants": 3,
        "score_sheets": sheets,
        "registrations": registrations,
    }


def _score_sheets(demo: Demo, covenant: Covenant, items: list[Criterion]) -> int:
    """Every ward's own scores of 2024, sent in December (the cross-review and the ranking
    are played through the services once the accounts exist: ``emulation_year``)."""
    rng = demo.rng
    for code in KA_WARDS:
        sheet = ScoreSheet.objects.create(
            covenant=covenant,
            unit=demo.unit(code),
            status=ScoreSheetStatus.SUBMITTED,
            submitted_at=_at(date(2024, 12, rng.randint(9, 20)), 10),
        )
        for criterion in items:
            if criterion.kind == CriterionKind.ITEM:
                points = criterion.max_points - Decimal(rng.choice((0, 0, 0, 0.5, 1, 2)))
            elif criterion.kind == CriterionKind.BONUS:
                points = Decimal(rng.choice((0, 0, 2, 3, 5)))
            else:
                points = Decimal(rng.choice((0, 0, 0, criterion.max_points)))
            ScoreLine.objects.create(
                sheet=sheet,
                criterion=criterion,
                points=points,
                note="" if points == criterion.max_points else "Đã giải trình tại báo cáo",
            )
    return len(KA_WARDS)


def _registrations(
    demo: Demo, movement: Movement, cstdcs_2024: set[str], ldtt_2024: set[str]
) -> int:
    """The wards' registrations for 2024 (collective targets) and their people's."""
    rows: list[Registration] = []
    for code in KA_WARDS:
        unit = demo.unit(code)
        target = TTLDXS if code in ("HP-KA-NS", "HP-KA-TTN", "HP-KA-VD") else TTLDTT
        rows.append(
            Registration(
                year=2024,
                movement=movement,
                unit=unit,
                target=target,
                status=RegistrationStatus.APPROVED,
            )
        )
        people = demo.roster({code, f"{code}-MC"}, 2024)
        for s in people:
            if s.code in cstdcs_2024:
                target, status = CSTDCS, RegistrationStatus.APPROVED
            elif s.code in ldtt_2024 and demo.rng.random() < 0.25:
                target, status = LDTT, RegistrationStatus.APPROVED
            else:
                continue
            rows.append(
                Registration(
                    year=2024,
                    movement=movement,
                    unit=unit,
                    person=s.person,
                    target=target,
                    status=status,
                )
            )
    # One registration sent back for a missing initiative.
    returned = next(r for r in rows if r.person is not None and r.target == LDTT)
    returned.target = CSTDCS
    returned.status = RegistrationStatus.RETURNED
    returned.return_reason = (
        "Chưa có sáng kiến được công nhận; đề nghị bổ sung hoặc đăng ký danh hiệu Lao động "
        "tiên tiến."
    )
    Registration.objects.bulk_create(rows)
    return len(rows)
