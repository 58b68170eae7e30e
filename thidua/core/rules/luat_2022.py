"""Rule set ``luat-2022``: Luật Thi đua, khen thưởng số 06/2022/QH15 (in force 01/01/2024), with
Nghị định 98/2023/NĐ-CP and, from 01/07/2025, Nghị định 152/2025/NĐ-CP, and Thông tư
01/2024/TT-BNV. Evaluation years 2024 onward.

Confidence per citation as in ``shared/domain/law.md``; ``docs/law.md`` lists every rule.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from thidua.core.rules import checks, common
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
    LAW_2022,
    LOCAL_RULES,
    ND_86_2023,
    ND_98_2023,
    ND_152_2025,
    TT_01_2024,
    Citation,
    Cite,
    Confidence,
)
from thidua.core.rules.common import COLLECTIVE, INDIVIDUAL, UNITY_REMARK
from thidua.core.rules.context import AnchoredChain
from thidua.core.rules.model import AwardRule, Criterion, Decider, Quota, Remark, RuleSet
from thidua.core.rules.settings import RuleSettings, ScopeSettings, Share
from thidua.core.rules.vocabulary import (
    ClusterLevel,
    InitiativeScope,
    MovementLauncher,
    Rating,
    UnitKind,
)

V1, U = Confidence.V1, Confidence.U
DISTRICT_LAST_DAY = date(2025, 6, 30)


law = Cite(LAW_2022)

COMPLIANCE = Remark(
    text="Gương mẫu chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước"
)

# -- individuals ----------------------------------------------------------------------------

LAO_DONG_TIEN_TIEN = AwardRule(
    code=LDTT,
    kinds=INDIVIDUAL,
    criteria=(
        Criterion(
            key="ldtt.rating",
            text="Hoàn thành tốt nhiệm vụ trở lên",
            citation=law(24, 1),
            check=checks.rated_in_year(Rating.TOT),
        ),
        # TT 01/2024/TT-BNV: newly recruited for under 06 months are not considered.
        common.service_criterion(Citation(document=TT_01_2024, article=1, clause=5)),
        # No national clause was found after ND 91/2017; the Bộ/tỉnh details the standard
        # (Điều 24.3) and keeps, by default, the former bar from khiển trách upward.
        common.discipline_criterion(
            law(24, 3, confidence=U, note="Bộ, ban, ngành, tỉnh quy định chi tiết")
        ),
    ),
    to_confirm=(
        Remark(
            text="Có tinh thần tự lực, tự cường; đoàn kết, tương trợ, tích cực tham gia phong "
            "trào thi đua",
            citation=law(24, 1),
        ),
    ),
)

CHIEN_SI_THI_DUA_CO_SO = AwardRule(
    code=CSTDCS,
    kinds=INDIVIDUAL,
    criteria=(
        common.ldtt_standard_criterion(law(23, 1)),
        Criterion(
            key="cstdcs.excellence",
            text="Hoàn thành xuất sắc nhiệm vụ, hoặc có sáng kiến được công nhận, hoặc có đề "
            "tài, đề án, công trình khoa học và công nghệ đã được nghiệm thu và áp dụng",
            citation=law(23, 2),
            check=checks.excellent_or_initiative_in_year,
        ),
    ),
    to_confirm=common.council_vote(80, law_2022=True),
)

CHIEN_SI_THI_DUA_TINH = AwardRule(
    code=CSTD_TINH,
    kinds=INDIVIDUAL,
    criteria=(
        common.three_cstdcs_criterion(law(22)),
        Criterion(
            key="cstd_tinh.initiative",
            text="Trong 03 năm đó có sáng kiến được áp dụng hiệu quả, có khả năng nhân rộng "
            "trong phạm vi Bộ, ban, ngành, tỉnh, hoặc đề tài, đề án, công trình khoa học và công "
            "nghệ đã được nghiệm thu, áp dụng, có ảnh hưởng trong phạm vi Bộ, ban, ngành, tỉnh",
            citation=law(22),
            check=checks.initiative_during_last_years(3, InitiativeScope.TINH),
        ),
    ),
    to_confirm=(
        Remark(
            text="Có thành tích tiêu biểu xuất sắc, được lựa chọn trong số những cá nhân có 03 "
            "lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở",
            citation=law(22),
        ),
        *common.council_vote(90, law_2022=True),
    ),
)

_PUBLIC_COMMENT = "Được lấy ý kiến nhân dân trong 10 ngày làm việc trước khi trình"

CHIEN_SI_THI_DUA_TOAN_QUOC = AwardRule(
    code=CSTD_TOAN_QUOC,
    kinds=INDIVIDUAL,
    criteria=(
        common.two_cstd_tinh_criterion(law(21)),
        Criterion(
            key="cstd_toan_quoc.initiative",
            text="Trong thời gian đó có sáng kiến được áp dụng, có khả năng nhân rộng trong "
            "phạm vi toàn quốc, hoặc đề tài, đề án, công trình khoa học và công nghệ có ảnh "
            "hưởng trong phạm vi toàn quốc",
            citation=law(21),
            check=common.INITIATIVE_DURING_CHAINS,
        ),
    ),
    to_confirm=(
        Remark(
            text="Có thành tích tiêu biểu xuất sắc nhất, được lựa chọn trong số những cá nhân "
            "có 02 lần liên tục đạt danh hiệu Chiến sĩ thi đua Bộ, ban, ngành, tỉnh",
            citation=law(21),
        ),
        *common.council_vote(90, law_2022=True),
        Remark(
            text=_PUBLIC_COMMENT,
            citation=Citation(document=ND_98_2023, article=46, clause=1),
            valid_to=common.ND_98_LAST_DAY,
        ),
        Remark(
            text=_PUBLIC_COMMENT,
            citation=Citation(document=ND_152_2025, article=60, clause=3),
            valid_from=common.ND_152_FIRST_DAY,
        ),
    ),
)

BANG_KHEN_TINH = AwardRule(
    code=BK_TINH,
    kinds=INDIVIDUAL,
    criteria=(
        Criterion(
            key="bang_khen_tinh.record",
            text="Có 02 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở, hoặc có từ 02 năm "
            "trở lên liên tục hoàn thành xuất sắc nhiệm vụ, trong thời gian đó có 02 sáng kiến "
            "được công nhận và áp dụng hiệu quả ở cơ sở hoặc 02 đề tài, đề án, công trình khoa "
            "học và công nghệ đã được nghiệm thu và áp dụng (tính sau lần được tặng Bằng khen "
            "này gần nhất)",
            citation=law(74, 1, "d"),
            check=checks.any_of(
                checks.titles_in_a_row(CSTDCS, 2, after_last=BK_TINH),
                checks.rated_years_in_a_row(Rating.XUAT_SAC, 2, after_last=BK_TINH, initiatives=2),
            ),
        ),
    ),
    to_confirm=(replace(COMPLIANCE, citation=law(74, 1)),),
    other_grounds=(
        Remark(
            text="Có thành tích tiêu biểu xuất sắc được bình xét trong phong trào thi đua do "
            "Bộ, ban, ngành, tỉnh phát động",
            citation=law(74, 1, "a"),
        ),
        Remark(
            text="Lập được nhiều thành tích hoặc thành tích đột xuất có phạm vi ảnh hưởng trong "
            "lĩnh vực thuộc Bộ, ban, ngành, tỉnh quản lý",
            citation=law(74, 1, "b"),
        ),
        Remark(
            text="Có đóng góp lớn vào sự phát triển kinh tế – xã hội, ứng dụng khoa học, công "
            "nghệ, công tác xã hội, từ thiện nhân đạo",
            citation=law(74, 1, "c"),
        ),
    ),
)

_BK_TINH_THEN_GOOD_YEARS = AnchoredChain(anchor=BK_TINH, reset=BK_TTG, floor=Rating.TOT)

BANG_KHEN_THU_TUONG = AwardRule(
    code=BK_TTG,
    kinds=INDIVIDUAL,
    criteria=(
        *common.following_award_criteria(
            code=BK_TTG,
            chain=_BK_TINH_THEN_GOOD_YEARS,
            prior="Bằng khen của Bộ, ban, ngành, tỉnh",
            years=5,
            years_label="05",
            rated="hoàn thành tốt nhiệm vụ trở lên",
            citation=law(73, 1, "b"),
        ),
        common.chain_titles_criterion(
            code=BK_TTG,
            chain=_BK_TINH_THEN_GOOD_YEARS,
            title=CSTDCS,
            count=3,
            citation=law(73, 1, "b"),
        ),
    ),
    to_confirm=(replace(COMPLIANCE, citation=law(73, 1)),),
    other_grounds=(
        Remark(
            text="Có thành tích xuất sắc tiêu biểu được bình xét trong phong trào thi đua",
            citation=law(73, 1, "a"),
        ),
        Remark(
            text="Lập được nhiều thành tích hoặc thành tích đột xuất có phạm vi ảnh hưởng trong "
            "Bộ, ban, ngành, tỉnh, hoặc được tặng giải thưởng",
            citation=law(73, 1, "c"),
        ),
    ),
)

_BK_TTG_THEN_GOOD_YEARS = AnchoredChain(anchor=BK_TTG, reset=HCLD3, floor=Rating.TOT)
_PUBLIC_LIST = "Được công khai danh sách ít nhất 10 ngày làm việc trước khi Hội đồng họp xét"
PUBLIC_LIST_REMARKS = (
    Remark(
        text=_PUBLIC_LIST,
        citation=Citation(document=ND_98_2023, article=46, clause=2),
        valid_to=common.ND_98_LAST_DAY,
    ),
    Remark(
        text=_PUBLIC_LIST,
        citation=Citation(document=ND_152_2025, article=44, clause=2),
        valid_from=common.ND_152_FIRST_DAY,
    ),
)

HUAN_CHUONG_LAO_DONG_HANG_BA = AwardRule(
    code=HCLD3,
    kinds=INDIVIDUAL,
    criteria=(
        *common.following_award_criteria(
            code=HCLD3,
            chain=_BK_TTG_THEN_GOOD_YEARS,
            prior="Bằng khen của Thủ tướng Chính phủ",
            years=5,
            years_label="05",
            rated="hoàn thành tốt nhiệm vụ trở lên",
            citation=law(44, 1, "e"),
        ),
        Criterion(
            key="huan_chuong_lao_dong_hang_ba.excellent",
            text="Trong thời gian đó có ít nhất 01 năm hoàn thành xuất sắc nhiệm vụ",
            citation=law(44, 1, "e"),
            check=checks.chain_rated(_BK_TTG_THEN_GOOD_YEARS, Rating.XUAT_SAC, 1),
        ),
        common.chain_titles_criterion(
            code=HCLD3,
            chain=_BK_TTG_THEN_GOOD_YEARS,
            title=CSTDCS,
            count=3,
            citation=law(44, 1, "e"),
        ),
    ),
    to_confirm=PUBLIC_LIST_REMARKS,
    other_grounds=(
        Remark(
            text="Lập được thành tích đột xuất, có phát minh, sáng chế, công trình khoa học "
            "hoặc có nhiều đóng góp theo các điểm khác của khoản 1 Điều 44",
            citation=law(44, 1, confidence=U),
        ),
        Remark(
            text="Công nhân, nông dân, người lao động: có thành tích xuất sắc khi sơ kết, tổng "
            "kết phong trào thi đua do Bộ, ban, ngành, tỉnh phát động có thời gian từ 05 năm trở "
            "lên; có phát minh, sáng chế, sáng kiến được ứng dụng hiệu quả cao, có phạm vi ảnh "
            "hưởng trong Bộ, ban, ngành, tỉnh; có nhiều đóng góp cho sự phát triển kinh tế – xã "
            "hội, bảo đảm an sinh xã hội, từ thiện nhân đạo; hoặc lập được thành tích đột xuất",
            citation=law(44, 2),
        ),
    ),
)

# -- collectives ----------------------------------------------------------------------------

_EXCELLENT_AFTER_BK_TINH = AnchoredChain(anchor=BK_TINH, reset=BK_TTG, floor=Rating.XUAT_SAC)
_EXCELLENT_AFTER_BK_TTG = AnchoredChain(anchor=BK_TTG, reset=HCLD3, floor=Rating.XUAT_SAC)
_COLLECTIVE_UNITY = Remark(
    text="Nội bộ đoàn kết; tổ chức đảng, đoàn thể trong sạch, vững mạnh; thực hiện tốt quy chế "
    "dân chủ ở cơ sở, chăm lo đời sống vật chất, tinh thần của người lao động"
)


def _exceptional(citation: Citation) -> Remark:
    return Remark(
        text="Có thành tích xuất sắc tiêu biểu được bình xét trong phong trào thi đua, hoặc "
        "lập được thành tích đột xuất",
        citation=citation,
    )


TAP_THE_LAO_DONG_TIEN_TIEN = common.ttldtt_rule(
    rating=law(28),
    share=law(28, confidence=U),
    discipline=law(28),
)

TAP_THE_LAO_DONG_XUAT_SAC = AwardRule(
    code=TTLDXS,
    kinds=COLLECTIVE,
    criteria=common.ttldxs_criteria(
        rating=law(27, 1, "a"), members=law(27, 1, "c"), cstdcs=law(27, 1, "d")
    ),
    # The 2022 text has no clause on disciplined members (the 2013 one had): none is added.
    to_confirm=(
        Remark(text=common.MOVEMENT_REMARK, citation=law(27, 1, "b")),
        Remark(text=UNITY_REMARK, citation=law(27, 1, "đ")),
    ),
)

CO_THI_DUA_TINH = AwardRule(
    code=CO_TINH,
    kinds=COLLECTIVE,
    criteria=(
        Criterion(
            key="co_thi_dua_tinh.lead",
            text="Là tập thể dẫn đầu cụm, khối thi đua do Bộ, ban, ngành, tỉnh tổ chức, hoặc "
            "dẫn đầu phong trào thi đua có thời gian từ 05 năm trở lên khi sơ kết, tổng kết",
            citation=law(26, confidence=U),
            check=checks.any_of(
                checks.led_cluster(ClusterLevel.TINH),
                checks.led_movement(MovementLauncher.TINH, 5),
            ),
        ),
        Criterion(
            key="co_thi_dua_tinh.excellence",
            text="Hoàn thành vượt mức các chỉ tiêu thi đua và nhiệm vụ được giao trong năm "
            "(hoàn thành xuất sắc nhiệm vụ)",
            citation=law(26, confidence=U),
            check=checks.rated_in_year(Rating.XUAT_SAC),
        ),
    ),
    to_confirm=(
        Remark(text="Có nhân tố mới, mô hình mới để các tập thể khác học tập"),
        Remark(
            text="Nội bộ đoàn kết, đi đầu trong thực hành tiết kiệm, chống lãng phí, phòng, "
            "chống tham nhũng, tiêu cực và các tệ nạn xã hội"
        ),
        *common.council_vote(80, law_2022=True),
    ),
)

CO_THI_DUA_CHINH_PHU = AwardRule(
    code=CO_CP,
    kinds=COLLECTIVE,
    criteria=(
        Criterion(
            key="co_thi_dua_chinh_phu.lead",
            text="Dẫn đầu cụm, khối thi đua do Bộ, ban, ngành, tỉnh tổ chức và hoàn thành vượt "
            "mức chỉ tiêu thi đua, nhiệm vụ được giao trong năm (khoản 1); hoặc dẫn đầu cụm, "
            "khối thi đua do Hội đồng Thi đua – Khen thưởng Trung ương tổ chức (khoản 2); hoặc "
            "dẫn đầu phong trào thi đua do Thủ tướng Chính phủ phát động có thời gian từ 05 năm "
            "trở lên khi sơ kết, tổng kết (khoản 3)",
            citation=law(25),
            check=checks.any_of(
                checks.all_of(
                    checks.led_cluster(ClusterLevel.TINH), checks.rated_in_year(Rating.XUAT_SAC)
                ),
                checks.led_cluster(ClusterLevel.TRUNG_UONG),
                checks.led_movement(MovementLauncher.THU_TUONG, 5),
            ),
        ),
    ),
    to_confirm=(
        Remark(
            text="Là tập thể tiêu biểu xuất sắc, được lựa chọn trong số các tập thể dẫn đầu cụm, "
            "khối thi đua",
            citation=law(25, 1),
        ),
        Remark(
            text="Nội bộ đoàn kết; tổ chức đảng, đoàn thể trong sạch, vững mạnh; đi đầu trong "
            "thực hành tiết kiệm, chống lãng phí, phòng, chống tham nhũng, tiêu cực và các tệ "
            "nạn xã hội",
            citation=law(25, 1, "b"),
        ),
        *common.council_vote(80, law_2022=True),
    ),
)

BANG_KHEN_TINH_TAP_THE = AwardRule(
    code=BK_TINH,
    kinds=COLLECTIVE,
    criteria=(common.collective_bk_tinh_criterion(law(74, 2, confidence=U)),),
    to_confirm=(_COLLECTIVE_UNITY,),
    other_grounds=(_exceptional(law(74, 2, confidence=U)),),
)

BANG_KHEN_THU_TUONG_TAP_THE = AwardRule(
    code=BK_TTG,
    kinds=COLLECTIVE,
    criteria=common.following_award_criteria(
        code=BK_TTG,
        chain=_EXCELLENT_AFTER_BK_TINH,
        prior="Bằng khen của Bộ, ban, ngành, tỉnh",
        years=common.collective_bk_ttg_years,
        years_label="{collective_bk_ttg_years:02d}",
        rated="hoàn thành xuất sắc nhiệm vụ",
        citation=law(73, 2, confidence=U),
    ),
    to_confirm=(_COLLECTIVE_UNITY,),
    other_grounds=(_exceptional(law(73, 2, confidence=U)),),
)

HUAN_CHUONG_LAO_DONG_HANG_BA_TAP_THE = AwardRule(
    code=HCLD3,
    kinds=COLLECTIVE,
    criteria=common.following_award_criteria(
        code=HCLD3,
        chain=_EXCELLENT_AFTER_BK_TTG,
        prior="Bằng khen của Thủ tướng Chính phủ",
        years=common.collective_hcld3_years,
        years_label="{collective_hcld3_years:02d}",
        rated="hoàn thành xuất sắc nhiệm vụ",
        citation=law(44, confidence=U),
    ),
    to_confirm=(_COLLECTIVE_UNITY, *PUBLIC_LIST_REMARKS),
    other_grounds=(_exceptional(law(44, confidence=U)),),
)

# -- households and the forms left to local standards ----------------------------------------

GIA_DINH_VAN_HOA = common.gdvh_rule(Citation(document=ND_86_2023))

# -- deciders (Điều 80, read in the Official Gazette) ------------------------------------------

_GRASS_ROOTS = common.GRASS_ROOTS
ENTERPRISE_DIRECTOR = "Tổng giám đốc, Giám đốc doanh nghiệp, hợp tác xã"
ENTERPRISE_DIRECTOR_OR_BOARD = (
    f"{ENTERPRISE_DIRECTOR} hoặc Chủ tịch Hội đồng quản trị, Chủ tịch Hội đồng thành viên"
)
DECIDERS: tuple[Decider, ...] = (
    Decider(
        title="Giám đốc Sở",
        codes=_GRASS_ROOTS,
        unit_kinds=frozenset({UnitKind.SO}),
        citation=law(80, 1, confidence=V1),
    ),
    Decider(
        title="Thủ trưởng đơn vị trực thuộc Bộ, ban, ngành",
        codes=_GRASS_ROOTS,
        unit_kinds=frozenset({UnitKind.DON_VI_TRUC_THUOC_BO}),
        citation=law(80, 1, confidence=V1),
    ),
    # The district level was abolished on 01/07/2025; the powers of Điều 80.2 end with it and
    # the decree that moved them was not verified, so no decider is named after that date.
    Decider(
        title="Chủ tịch Ủy ban nhân dân cấp huyện",
        codes=_GRASS_ROOTS,
        unit_kinds=frozenset({UnitKind.HUYEN}),
        citation=law(80, 2, confidence=V1),
        valid_to=DISTRICT_LAST_DAY,
    ),
    Decider(
        title="Chủ tịch Ủy ban nhân dân cấp xã",
        codes=frozenset({LDTT, GIAY_KHEN}),
        unit_kinds=frozenset({UnitKind.XA}),
        citation=law(80, 3, confidence=V1),
    ),
    # Điều 80.3 gives the commune chairman neither CSTĐCS nor TTLĐTT: for commune staff and
    # collectives they were the district chairman's (Điều 80.2), until the district ended.
    Decider(
        title="Chủ tịch Ủy ban nhân dân cấp huyện",
        codes=frozenset({CSTDCS, TTLDTT}),
        unit_kinds=frozenset({UnitKind.XA}),
        citation=law(80, 2, confidence=V1),
        valid_to=DISTRICT_LAST_DAY,
    ),
    Decider(
        title="Chủ tịch Ủy ban nhân dân cấp xã",
        codes=frozenset({GDVH}),
        unit_kinds=None,
        citation=law(80, 3, confidence=V1),
    ),
    # Điều 80.4 lets the chairman of the board (Hội đồng quản trị, Hội đồng thành viên) award
    # the Giấy khen too, beside the director: either signs, as the enterprise's charter says.
    Decider(
        title=ENTERPRISE_DIRECTOR,
        codes=_GRASS_ROOTS - {GIAY_KHEN},
        unit_kinds=frozenset({UnitKind.DOANH_NGHIEP}),
        citation=law(80, 4, confidence=V1),
    ),
    Decider(
        title=ENTERPRISE_DIRECTOR_OR_BOARD,
        codes=frozenset({GIAY_KHEN}),
        unit_kinds=frozenset({UnitKind.DOANH_NGHIEP}),
        citation=law(80, 4, confidence=V1),
    ),
    *common.upper_deciders(LAW_2022),
)

QUOTAS: tuple[Quota, ...] = (
    Quota(
        code=CSTDCS,
        base=LDTT,
        setting="cstdcs_share_of_ldtt",
        text="tổng số cá nhân đạt danh hiệu Lao động tiên tiến",
        citation=Citation(document=LOCAL_RULES, confidence=U),
    ),
    Quota(
        code=LDTT,
        base=None,
        setting="ldtt_share_of_members",
        text="tổng số cá nhân của đơn vị",
        citation=Citation(document=LOCAL_RULES, confidence=U),
    ),
    Quota(
        code=CO_CP,
        base=CO_TINH,
        setting="co_cp_share_of_co_tinh",
        text="tổng số tập thể đạt tiêu chuẩn Cờ thi đua của Bộ, ban, ngành, tỉnh",
        citation=Citation(document=LOCAL_RULES, confidence=U),
    ),
)

LUAT_2022 = RuleSet(
    name="luat-2022",
    title="Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 98/2023/NĐ-CP, từ 01/07/2025 "
    "Nghị định 152/2025/NĐ-CP; Thông tư 01/2024/TT-BNV",
    first_year=2024,
    last_year=None,
    basis=(LAW_2022, ND_98_2023, ND_152_2025, TT_01_2024, ND_86_2023),
    rules=(
        CHIEN_SI_THI_DUA_TOAN_QUOC,
        HUAN_CHUONG_LAO_DONG_HANG_BA,
        HUAN_CHUONG_LAO_DONG_HANG_BA_TAP_THE,
        BANG_KHEN_THU_TUONG,
        BANG_KHEN_THU_TUONG_TAP_THE,
        common.household_contribution_rule(BK_TTG, law(73, 3, confidence=U)),
        CO_THI_DUA_CHINH_PHU,
        CO_THI_DUA_TINH,
        CHIEN_SI_THI_DUA_TINH,
        BANG_KHEN_TINH,
        BANG_KHEN_TINH_TAP_THE,
        common.household_contribution_rule(BK_TINH, law(74, 3, confidence=U)),
        TAP_THE_LAO_DONG_XUAT_SAC,
        CHIEN_SI_THI_DUA_CO_SO,
        TAP_THE_LAO_DONG_TIEN_TIEN,
        *common.giay_khen_rules(law(75, 2)),
        LAO_DONG_TIEN_TIEN,
        GIA_DINH_VAN_HOA,
    ),
    deciders=DECIDERS,
    settings=RuleSettings(min_service_months=6, ttldtt_ldtt_share=Share(70)),
    scope=ScopeSettings(),
    quotas=QUOTAS,
    one_award=law(5, 2, "c"),
)
