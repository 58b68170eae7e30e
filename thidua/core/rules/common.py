"""Pieces both rule sets share: the same condition resting on a different article in each.

Each builder takes the citations and returns the criteria, remarks or deciders, so the two rule
sets differ only where the law did.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from thidua.core.catalog import BY_CODE
from thidua.core.rules import checks
from thidua.core.rules.checks import (
    BK_TINH,
    BK_TTG,
    CO_CP,
    CO_TINH,
    CSTD_TINH,
    CSTD_TOAN_QUOC,
    CSTDCS,
    GDVH,
    GIAY_KHEN,
    HCLD3,
    LDTT,
    TTLDTT,
    TTLDXS,
)
from thidua.core.rules.citations import (
    ND_98_2023,
    ND_152_2025,
    Citation,
    Confidence,
    LegalText,
)
from thidua.core.rules.context import AnchoredChain
from thidua.core.rules.model import AwardRule, Criterion, Decider, Remark
from thidua.core.rules.reads import Years
from thidua.core.rules.settings import RuleSettings, ScopeSettings, Share
from thidua.core.rules.vocabulary import InitiativeScope, Rating, SubjectKind, UnitKind

INDIVIDUAL = (SubjectKind.INDIVIDUAL,)
COLLECTIVE = (SubjectKind.COLLECTIVE,)
HOUSEHOLD = (SubjectKind.HOUSEHOLD,)
ND_98_LAST_DAY = date(2025, 6, 30)
ND_152_FIRST_DAY = date(2025, 7, 1)
GRASS_ROOTS = frozenset({TTLDTT, CSTDCS, LDTT, GIAY_KHEN})
BO_TINH_LEVEL = frozenset({CSTD_TINH, CO_TINH, TTLDXS, BK_TINH})
PRIME_MINISTER_LEVEL = frozenset({CSTD_TOAN_QUOC, CO_CP, BK_TTG})

# -- individuals ----------------------------------------------------------------------------


def service_criterion(citation: Citation) -> Criterion:
    return Criterion(
        key="ldtt.service",
        text="Có thời gian công tác trong năm từ {min_service_months:02d} tháng trở lên "
        "(người mới tuyển dụng dưới {min_service_months:02d} tháng không xét)",
        citation=citation,
        check=checks.served_enough_in_year,
    )


def _discipline_applies(settings: RuleSettings, scope: ScopeSettings) -> bool:
    return scope.ldtt_barred_from is not None


def discipline_criterion(citation: Citation) -> Criterion:
    return Criterion(
        key="ldtt.discipline",
        text="Không bị kỷ luật từ hình thức {ldtt_barred_from} trở lên trong năm",
        citation=citation,
        check=checks.not_barred_by_discipline,
        when=_discipline_applies,
    )


def ldtt_standard_criterion(citation: Citation) -> Criterion:
    return Criterion(
        key="cstdcs.ldtt",
        text="Đạt tiêu chuẩn danh hiệu Lao động tiên tiến",
        citation=citation,
        check=checks.holds_in_year(LDTT),
    )


def three_cstdcs_criterion(citation: Citation) -> Criterion:
    return Criterion(
        key="cstd_tinh.cstdcs",
        text="Có 03 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở đến năm xét "
        "(tính sau lần được tặng danh hiệu Chiến sĩ thi đua Bộ, ban, ngành, tỉnh gần nhất)",
        citation=citation,
        check=checks.titles_in_a_row(CSTDCS, 3, after_last=CSTD_TINH),
    )


def two_cstd_tinh_criterion(citation: Citation) -> Criterion:
    return Criterion(
        key="cstd_toan_quoc.cstd_tinh",
        text="Có 02 lần liên tục đạt danh hiệu Chiến sĩ thi đua Bộ, ban, ngành, tỉnh, lần thứ "
        "hai vào năm xét hoặc không quá {cstdtq_max_lag_years:02d} năm trước đó",
        citation=citation,
        # Two provincial titles in a row lie one full chain of 03 CSTĐCS apart.
        check=checks.two_in_a_row(CSTD_TINH, 3, after_last=CSTD_TOAN_QUOC),
    )


def _two_provincial_chains(settings: RuleSettings) -> int:
    return 6 + settings.cstdtq_max_lag_years


INITIATIVE_DURING_CHAINS = checks.initiative_during_last_years(
    _two_provincial_chains, InitiativeScope.TOAN_QUOC
)


def council_vote(percent: int, *, law_2022: bool) -> tuple[Remark, ...]:
    """The council's secret ballot, over all its members (absent members vote in writing)."""
    text = (
        f"Được Hội đồng Thi đua – Khen thưởng bỏ phiếu với tỷ lệ đồng ý từ {percent}% trở lên "
        "tính trên tổng số thành viên Hội đồng"
    )
    if not law_2022:
        return (Remark(text=text),)
    return (
        Remark(
            text=text,
            citation=Citation(document=ND_98_2023, article=30, clause=7),
            valid_to=ND_98_LAST_DAY,
        ),
        # ND 152/2025 replaced ND 98/2023; the clause that carries the ballot on was not read.
        Remark(
            text=text,
            citation=Citation(document=ND_152_2025, confidence=Confidence.U),
            valid_from=ND_152_FIRST_DAY,
        ),
    )


# -- collectives ----------------------------------------------------------------------------

MOVEMENT_REMARK = "Có phong trào thi đua thường xuyên, thiết thực, hiệu quả"
UNITY_REMARK = (
    "Nội bộ đoàn kết, gương mẫu chấp hành chủ trương, chính sách của Đảng, pháp luật của Nhà nước"
)


def ttldtt_rule(*, rating: Citation, share: Citation, discipline: Citation) -> AwardRule:
    return AwardRule(
        code=TTLDTT,
        kinds=COLLECTIVE,
        criteria=(
            Criterion(
                key="ttldtt.rating",
                text="Hoàn thành tốt nhiệm vụ và kế hoạch được giao",
                citation=rating,
                check=checks.rated_in_year(Rating.TOT),
            ),
            Criterion(
                key="ttldtt.ldtt",
                text="Có {ttldtt_share} cá nhân trong tập thể đạt danh hiệu Lao động tiên tiến",
                citation=share,
                check=checks.members_share(checks.ldtt_members, _ttldtt_share),
            ),
            no_member_disciplined_criterion("ttldtt.discipline", discipline),
        ),
        to_confirm=(Remark(text=MOVEMENT_REMARK), Remark(text=UNITY_REMARK)),
    )


def _ttldtt_share(settings: RuleSettings) -> Share:
    return settings.ttldtt_ldtt_share


def _ttldxs_share(settings: RuleSettings) -> Share:
    return settings.ttldxs_ldtt_share


def no_member_disciplined_criterion(key: str, citation: Citation) -> Criterion:
    return Criterion(
        key=key,
        text="Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên",
        citation=citation,
        check=checks.no_member_disciplined,
    )


def ttldxs_criteria(
    *, rating: Citation, members: Citation, cstdcs: Citation
) -> tuple[Criterion, ...]:
    return (
        Criterion(
            key="ttldxs.rating",
            text="Sáng tạo, vượt khó, hoàn thành xuất sắc nhiệm vụ",
            citation=rating,
            check=checks.rated_in_year(Rating.XUAT_SAC),
        ),
        Criterion(
            key="ttldxs.completed",
            text="Có 100% cá nhân trong tập thể hoàn thành nhiệm vụ được giao",
            citation=members,
            check=checks.all_members_completed,
        ),
        Criterion(
            key="ttldxs.ldtt",
            text="Có {ttldxs_share} cá nhân trong tập thể đạt danh hiệu Lao động tiên tiến",
            citation=members,
            check=checks.members_share(checks.ldtt_members, _ttldxs_share),
        ),
        Criterion(
            key="ttldxs.cstdcs",
            text="Có cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở",
            citation=cstdcs,
            check=checks.member_holds_cstdcs,
        ),
    )


# -- forms whose standards the facts cannot decide ------------------------------------------


def giay_khen_rules(citation: Citation) -> tuple[AwardRule, ...]:
    """Giấy khen: the Bộ/tỉnh sets the standards. Left to the council unless the scope set a
    rating for it; households always to the council."""
    local = Criterion(
        key="giay_khen.local",
        text="Đạt tiêu chuẩn xét tặng Giấy khen do Bộ, ban, ngành, tỉnh quy định chi tiết",
        citation=citation,
        check=checks.undecidable,
        when=_giay_khen_left_to_council,
    )
    rated = Criterion(
        key="giay_khen.rating",
        text="Đạt mức {giay_khen_min_rating} trở lên (tiêu chuẩn Giấy khen của {scope_name})",
        citation=citation,
        check=checks.rated_for_local_giay_khen,
        when=_giay_khen_rated,
    )
    return (
        AwardRule(
            code=GIAY_KHEN,
            kinds=(SubjectKind.INDIVIDUAL, SubjectKind.COLLECTIVE),
            criteria=(local, rated),
        ),
        AwardRule(code=GIAY_KHEN, kinds=HOUSEHOLD, criteria=(replace(local, when=None),)),
    )


def _giay_khen_left_to_council(settings: RuleSettings, scope: ScopeSettings) -> bool:
    return scope.giay_khen_min_rating is None


def _giay_khen_rated(settings: RuleSettings, scope: ScopeSettings) -> bool:
    return scope.giay_khen_min_rating is not None


def household_contribution_rule(code: str, citation: Citation) -> AwardRule:
    """Bằng khen for a household rests on its contributions of effort, land or assets: evidence
    the yearly facts do not hold."""
    return AwardRule(
        code=code,
        kinds=HOUSEHOLD,
        criteria=(
            Criterion(
                key=f"{code}.household",
                text="Có đóng góp lớn về công sức, đất đai, tài sản cho địa phương, xã hội "
                "(cần hồ sơ chứng minh)",
                citation=citation,
                check=checks.undecidable,
            ),
        ),
    )


def gdvh_rule(citation: Citation) -> AwardRule:
    return AwardRule(
        code=GDVH,
        kinds=HOUSEHOLD,
        criteria=(
            Criterion(
                key="gdvh.exclusions",
                text="Không có thành viên bị truy cứu trách nhiệm hình sự, vi phạm nghĩa vụ "
                "quân sự, nghĩa vụ thuế, bị xử phạt vi phạm hành chính về bạo lực gia đình, "
                "tảo hôn, trật tự công cộng, tệ nạn xã hội",
                citation=citation,
                check=checks.no_exclusion_in_year,
            ),
        ),
        to_confirm=(
            Remark(
                text="Gương mẫu chấp hành chủ trương, chính sách của Đảng, pháp luật của Nhà "
                "nước; tích cực tham gia các phong trào thi đua, hoạt động của cộng đồng"
            ),
            Remark(text="Gia đình no ấm, tiến bộ, hạnh phúc, văn minh"),
            Remark(text="Đoàn kết, tương trợ, giúp đỡ mọi người trong cộng đồng"),
        ),
    )


# -- deciders ---------------------------------------------------------------------------------

_PROVINCIAL_UNITS = frozenset({UnitKind.TINH, UnitKind.SO, UnitKind.HUYEN, UnitKind.XA})
_MINISTERIAL_UNITS = frozenset({UnitKind.BO, UnitKind.DON_VI_TRUC_THUOC_BO})


def upper_deciders(document: LegalText) -> tuple[Decider, ...]:
    """Bộ/tỉnh heads, the Prime Minister, the President. The articles on their powers were not
    read (law.md §7): the names are certain, the article numbers are not."""
    citation = Citation(
        document=document,
        confidence=Confidence.U,
        note="thẩm quyền của Bộ, ban, ngành, tỉnh, Thủ tướng Chính phủ, Chủ tịch nước",
    )
    return (
        Decider(
            title="Chủ tịch Ủy ban nhân dân cấp tỉnh",
            codes=BO_TINH_LEVEL,
            unit_kinds=_PROVINCIAL_UNITS,
            citation=citation,
        ),
        Decider(
            title="Bộ trưởng, Thủ trưởng Bộ, ban, ngành",
            codes=BO_TINH_LEVEL,
            unit_kinds=_MINISTERIAL_UNITS,
            citation=citation,
        ),
        Decider(
            title="Thủ tướng Chính phủ",
            codes=PRIME_MINISTER_LEVEL,
            unit_kinds=None,
            citation=citation,
        ),
        Decider(
            title="Chủ tịch nước", codes=frozenset({HCLD3}), unit_kinds=None, citation=citation
        ),
    )


# -- chains that follow an earlier award ----------------------------------------------------


def following_award_criteria(
    *,
    code: str,
    chain: AnchoredChain,
    prior: str,
    years: Years,
    years_label: str,
    rated: str,
    citation: Citation,
) -> tuple[Criterion, Criterion]:
    """ "Đã được tặng <prior> và <years> năm tiếp theo liên tục <rated>": the prior award, then
    the unbroken years after it up to the evaluation year. ``years_label`` is how the text
    writes the number ("05", or a setting in braces)."""
    name = BY_CODE[code].name
    return (
        Criterion(
            key=f"{code}.prior",
            text=f"Đã được tặng {prior} (sau lần được tặng {name} gần nhất)",
            citation=citation,
            check=checks.chain_has_prior(chain),
        ),
        Criterion(
            key=f"{code}.years",
            text=f"Từ năm sau năm thành tích của {prior}, có từ {years_label} năm liên tục trở "
            f"lên đến năm xét {rated}",
            citation=citation,
            check=checks.chain_long_enough(chain, years),
        ),
    )


def chain_titles_criterion(
    *,
    code: str,
    chain: AnchoredChain,
    title: str,
    count: int,
    citation: Citation,
    verb: str = "đạt danh hiệu",
) -> Criterion:
    return Criterion(
        key=f"{code}.{title}",
        text=f"Trong thời gian đó có {count:02d} lần {verb} {BY_CODE[title].name}",
        citation=citation,
        check=checks.chain_holds_titles(chain, title, count),
    )


# -- collectives: chains whose length is an uncertain rule's setting -------------------------


def collective_bk_tinh_years(settings: RuleSettings) -> int:
    return settings.collective_bk_tinh_years


def collective_bk_ttg_years(settings: RuleSettings) -> int:
    return settings.collective_bk_ttg_years


def collective_hcld3_years(settings: RuleSettings) -> int:
    return settings.collective_hcld3_years


def collective_bk_tinh_criterion(citation: Citation) -> Criterion:
    return Criterion(
        key="bang_khen_tinh.collective",
        text="Có từ {collective_bk_tinh_years:02d} năm trở lên liên tục hoàn thành xuất sắc "
        "nhiệm vụ (tính sau lần được tặng Bằng khen này gần nhất)",
        citation=citation,
        check=checks.rated_years_in_a_row(
            Rating.XUAT_SAC, collective_bk_tinh_years, after_last=BK_TINH
        ),
    )
