"""Rule set ``luat-2013``: Luật Thi đua, khen thưởng 2003 as amended in 2005, 2009 and 2013, with
Nghị định 91/2017/NĐ-CP (in force 01/10/2017) and its circulars TT 08/2017/TT-BNV, then TT
12/2019/TT-BNV. Evaluation years 2018–2023, so that imported history can be checked as it
stood.

What changed in 2024 shows here: "Chiến sĩ thi đua cơ sở" needed an initiative (excellence
alone did not do) and was capped at 15 % of "Lao động tiên tiến"; "Tập thể lao động tiên tiến"
needed more than half its members "Lao động tiên tiến"; newcomers under 10 months were not
considered. Sources and confidence: ``shared/domain/law-2013.md``, ``docs/law.md``.
"""

from __future__ import annotations

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
    TTLDXS,
)
from thidua.core.rules.citations import (
    LAW_2013,
    LOCAL_RULES,
    ND_91_2017,
    ND_122_2018,
    TT_08_2017,
    TT_12_2019,
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

U = Confidence.U
law = Cite(LAW_2013)
nd91 = Cite(ND_91_2017)

# -- individuals ----------------------------------------------------------------------------

LAO_DONG_TIEN_TIEN = AwardRule(
    code=LDTT,
    kinds=INDIVIDUAL,
    criteria=(
        Criterion(
            key="ldtt.rating",
            text="Hoàn thành tốt nhiệm vụ được giao, đạt năng suất và chất lượng cao",
            citation=law(24, 1, "a"),
            check=checks.rated_in_year(Rating.TOT),
        ),
        # ND 91/2017 Art 10: not considered when newly recruited under 10 months, or when
        # disciplined from khiển trách upward (the 40-day absence rule was dropped).
        common.service_criterion(nd91(10)),
        common.discipline_criterion(nd91(10)),
    ),
    to_confirm=(
        Remark(
            text="Chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước, có tinh "
            "thần tự lực, tự cường; đoàn kết, tương trợ, tích cực tham gia phong trào thi đua",
            citation=law(24, 1, "b"),
        ),
        Remark(
            text="Tích cực học tập chính trị, văn hóa, chuyên môn, nghiệp vụ",
            citation=law(24, 1, "c"),
        ),
        Remark(text="Có đạo đức, lối sống lành mạnh", citation=law(24, 1, "d")),
    ),
)

CHIEN_SI_THI_DUA_CO_SO = AwardRule(
    code=CSTDCS,
    kinds=INDIVIDUAL,
    criteria=(
        common.ldtt_standard_criterion(nd91(9, 3, "a")),
        # The Central Board: point b does not mention excellence for civil servants; an
        # initiative (or accepted research) is what it asks.
        Criterion(
            key="cstdcs.initiative",
            text="Có sáng kiến được cơ sở công nhận, hoặc đề tài nghiên cứu khoa học đã được "
            "nghiệm thu và áp dụng",
            citation=nd91(9, 3, "b"),
            check=checks.initiative_in_year(InitiativeScope.CO_SO),
        ),
    ),
)

CHIEN_SI_THI_DUA_TINH = AwardRule(
    code=CSTD_TINH,
    kinds=INDIVIDUAL,
    criteria=(
        common.three_cstdcs_criterion(law(22)),
        Criterion(
            key="cstd_tinh.initiative",
            text="Sáng kiến hoặc đề tài làm căn cứ được người đứng đầu Bộ, ban, ngành, tỉnh công "
            "nhận có hiệu quả áp dụng và phạm vi ảnh hưởng trong Bộ, ban, ngành, tỉnh (trong 03 "
            "năm đó)",
            citation=nd91(9, 2),
            check=checks.initiative_during_last_years(3, InitiativeScope.TINH),
        ),
    ),
    to_confirm=(
        Remark(
            text="Có thành tích tiêu biểu xuất sắc trong số những cá nhân có 03 lần liên tục đạt "
            "danh hiệu Chiến sĩ thi đua cơ sở",
            citation=law(22),
        ),
        Remark(
            text="Được Hội đồng Thi đua – Khen thưởng bỏ phiếu kín với tỷ lệ đồng ý từ 90% trở "
            "lên tính trên tổng số thành viên Hội đồng",
            citation=nd91(45, 8),
        ),
    ),
)

CHIEN_SI_THI_DUA_TOAN_QUOC = AwardRule(
    code=CSTD_TOAN_QUOC,
    kinds=INDIVIDUAL,
    criteria=(
        # ND 91 Art 48.1.a: proposed in the year after the decision on the second CSTĐ tỉnh.
        common.two_cstd_tinh_criterion(
            law(21, note="thời điểm đề nghị: điểm a khoản 1 Điều 48 Nghị định số 91/2017/NĐ-CP")
        ),
        Criterion(
            key="cstd_toan_quoc.initiative",
            text="Sáng kiến hoặc đề tài được áp dụng thực tiễn đạt hiệu quả cao và có phạm vi "
            "ảnh hưởng trong toàn quốc",
            citation=nd91(9, 1),
            check=common.INITIATIVE_DURING_CHAINS,
        ),
    ),
    to_confirm=(
        Remark(
            text="Được Hội đồng Thi đua – Khen thưởng bỏ phiếu kín với tỷ lệ đồng ý từ 90% trở "
            "lên tính trên tổng số thành viên Hội đồng",
            citation=nd91(45, 8),
        ),
        Remark(
            text="Được công khai danh sách và lấy ý kiến nhân dân trước khi trình",
            citation=nd91(45, 10),
        ),
    ),
)

_STATE_ALTERNATIVES = "Có thành tích xuất sắc được bình xét trong phong trào thi đua"

BANG_KHEN_TINH = AwardRule(
    code=BK_TINH,
    kinds=INDIVIDUAL,
    criteria=(
        Criterion(
            key="bang_khen_tinh.record",
            text="Có từ 02 năm trở lên liên tục hoàn thành xuất sắc nhiệm vụ, trong thời gian đó "
            "có 02 sáng kiến được công nhận và áp dụng hiệu quả trong phạm vi cấp cơ sở (tính "
            "sau lần được tặng Bằng khen này gần nhất)",
            citation=nd91(39, 1, "c"),
            check=checks.rated_years_in_a_row(
                Rating.XUAT_SAC, 2, after_last=BK_TINH, initiatives=2
            ),
        ),
    ),
    other_grounds=(
        Remark(text=_STATE_ALTERNATIVES, citation=nd91(39, 1, "a")),
        Remark(
            text="Lập được nhiều thành tích có phạm vi ảnh hưởng trong từng lĩnh vực thuộc Bộ, "
            "ban, ngành, tỉnh",
            citation=nd91(39, 1, "b"),
        ),
    ),
)

_BK_TINH_THEN_EXCELLENT = AnchoredChain(anchor=BK_TINH, reset=BK_TTG, floor=Rating.XUAT_SAC)

BANG_KHEN_THU_TUONG = AwardRule(
    code=BK_TTG,
    kinds=INDIVIDUAL,
    criteria=(
        *common.following_award_criteria(
            code=BK_TTG,
            chain=_BK_TINH_THEN_EXCELLENT,
            prior="Bằng khen của Bộ, ban, ngành, tỉnh",
            years=5,
            years_label="05",
            rated="hoàn thành xuất sắc nhiệm vụ",
            citation=nd91(38, 1, "c"),
        ),
        Criterion(
            key="bang_khen_thu_tuong.initiatives",
            text="Trong thời gian đó có 05 sáng kiến được công nhận và áp dụng hiệu quả trong "
            "phạm vi cấp cơ sở",
            citation=nd91(38, 1, "c"),
            check=checks.chain_initiatives(_BK_TINH_THEN_EXCELLENT, InitiativeScope.CO_SO, 5),
        ),
    ),
    other_grounds=(
        Remark(
            text="Có thành tích xuất sắc được bình xét trong phong trào thi đua do Hội đồng Thi "
            "đua – Khen thưởng Trung ương hoặc Bộ, ban, ngành, tỉnh phát động khi sơ kết, tổng "
            "kết từ 03 năm trở lên",
            citation=nd91(38, 1, "a"),
        ),
        Remark(
            text="Lập được nhiều thành tích hoặc thành tích đột xuất có phạm vi ảnh hưởng trong "
            "Bộ, ban, ngành, tỉnh",
            citation=nd91(38, 1, "b"),
        ),
    ),
)

_BK_TTG_THEN_EXCELLENT = AnchoredChain(anchor=BK_TTG, reset=HCLD3, floor=Rating.XUAT_SAC)

HUAN_CHUONG_LAO_DONG_HANG_BA = AwardRule(
    code=HCLD3,
    kinds=INDIVIDUAL,
    criteria=(
        # "05 năm tiếp theo trở lên liên tục lập được thành tích xuất sắc": read as excellent
        # every year of the five.
        *common.following_award_criteria(
            code=HCLD3,
            chain=_BK_TTG_THEN_EXCELLENT,
            prior="Bằng khen của Thủ tướng Chính phủ",
            years=5,
            years_label="05",
            rated="hoàn thành xuất sắc nhiệm vụ",
            citation=nd91(24, 1, "a"),
        ),
        Criterion(
            key="huan_chuong_lao_dong_hang_ba.initiatives",
            text="Trong thời gian đó có 02 sáng kiến được ứng dụng mang lại hiệu quả, có phạm vi "
            "ảnh hưởng và nêu gương trong Bộ, ban, ngành, tỉnh",
            citation=nd91(24, 1, "a"),
            check=checks.chain_initiatives(_BK_TTG_THEN_EXCELLENT, InitiativeScope.TINH, 2),
        ),
    ),
    to_confirm=(
        Remark(
            text="Được công khai danh sách và lấy ý kiến nhân dân trước khi trình",
            citation=nd91(45, 10),
        ),
    ),
    other_grounds=(
        Remark(
            text="Lập được thành tích đột xuất đặc biệt xuất sắc có phạm vi ảnh hưởng trong Bộ, "
            "ban, ngành, tỉnh",
            citation=nd91(24, 1, "b"),
        ),
    ),
)

# -- collectives ----------------------------------------------------------------------------


TAP_THE_LAO_DONG_TIEN_TIEN = common.ttldtt_rule(
    rating=law(28, 1, "a"), share=law(28, 1, "c"), discipline=law(28, 1, "c")
)

TAP_THE_LAO_DONG_XUAT_SAC = AwardRule(
    code=TTLDXS,
    kinds=COLLECTIVE,
    criteria=(
        *common.ttldxs_criteria(
            rating=law(27, 1, "a"), members=law(27, 1, "c"), cstdcs=law(27, 1, "d")
        ),
        common.no_member_disciplined_criterion("ttldxs.discipline", law(27, 1, "d")),
    ),
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
            text="Là tập thể tiêu biểu xuất sắc được bình xét, so sánh trong cụm, khối thi đua "
            "do Bộ, ban, ngành, tỉnh tổ chức (dẫn đầu cụm, khối)",
            citation=nd91(12),
            check=checks.led_cluster(ClusterLevel.TINH),
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
            text="Nội bộ đoàn kết, đi đầu trong thực hành tiết kiệm, chống lãng phí, chống tham "
            "nhũng và các tệ nạn xã hội"
        ),
    ),
)

CO_THI_DUA_CHINH_PHU = AwardRule(
    code=CO_CP,
    kinds=COLLECTIVE,
    criteria=(
        Criterion(
            key="co_thi_dua_chinh_phu.lead",
            text="Tiêu biểu xuất sắc trong số các tập thể đạt tiêu chuẩn Cờ thi đua của Bộ, "
            "ban, ngành, tỉnh (khoản 1); hoặc dẫn đầu cụm, khối thi đua do Hội đồng Thi đua – "
            "Khen thưởng Trung ương tổ chức (khoản 2); hoặc tiêu biểu xuất sắc nhất trong phong "
            "trào thi đua theo chuyên đề do Chủ tịch nước, Thủ tướng Chính phủ phát động khi "
            "tổng kết từ 05 năm trở lên (khoản 3)",
            citation=nd91(11),
            check=checks.any_of(
                checks.holds_in_year(CO_TINH),
                checks.led_cluster(ClusterLevel.TRUNG_UONG),
                checks.led_movement(MovementLauncher.THU_TUONG, 5),
            ),
        ),
    ),
    to_confirm=(
        Remark(
            text="Nội bộ đoàn kết, đi đầu trong thực hành tiết kiệm, chống lãng phí, chống tham "
            "nhũng và các tệ nạn xã hội",
            citation=law(25, 3),
        ),
    ),
)

BANG_KHEN_TINH_TAP_THE = AwardRule(
    code=BK_TINH,
    kinds=COLLECTIVE,
    criteria=(common.collective_bk_tinh_criterion(nd91(39, 2, confidence=U)),),
    to_confirm=(Remark(text=UNITY_REMARK),),
    other_grounds=(Remark(text=_STATE_ALTERNATIVES, citation=nd91(39, 2, confidence=U)),),
)

_EXCELLENT_AFTER_BK_TINH = AnchoredChain(anchor=BK_TINH, reset=BK_TTG, floor=Rating.XUAT_SAC)

BANG_KHEN_THU_TUONG_TAP_THE = AwardRule(
    code=BK_TTG,
    kinds=COLLECTIVE,
    # Read only in the predecessor ND 65/2014 Art 23.3.c: kept as the most likely default.
    criteria=(
        *common.following_award_criteria(
            code=BK_TTG,
            chain=_EXCELLENT_AFTER_BK_TINH,
            prior="Bằng khen của Bộ, ban, ngành, tỉnh",
            years=common.collective_bk_ttg_years,
            years_label="{collective_bk_ttg_years:02d}",
            rated="hoàn thành xuất sắc nhiệm vụ",
            citation=nd91(38, 2, confidence=U),
        ),
        common.chain_titles_criterion(
            code=BK_TTG,
            chain=_EXCELLENT_AFTER_BK_TINH,
            title=CO_TINH,
            count=1,
            citation=nd91(38, 2, confidence=U),
            verb="được tặng",
        ),
    ),
    to_confirm=(Remark(text=UNITY_REMARK),),
)

_EXCELLENT_AFTER_BK_TTG = AnchoredChain(anchor=BK_TTG, reset=HCLD3, floor=Rating.XUAT_SAC)

HUAN_CHUONG_LAO_DONG_HANG_BA_TAP_THE = AwardRule(
    code=HCLD3,
    kinds=COLLECTIVE,
    # Read only in the predecessor ND 65/2014 Art 17: kept as the most likely default.
    criteria=(
        *common.following_award_criteria(
            code=HCLD3,
            chain=_EXCELLENT_AFTER_BK_TTG,
            prior="Bằng khen của Thủ tướng Chính phủ",
            years=common.collective_hcld3_years,
            years_label="{collective_hcld3_years:02d}",
            rated="hoàn thành xuất sắc nhiệm vụ",
            citation=nd91(24, confidence=U),
        ),
        Criterion(
            key="huan_chuong_lao_dong_hang_ba.flags",
            text="Trong thời gian đó có 02 lần được tặng Cờ thi đua của Bộ, ban, ngành, tỉnh, "
            "hoặc 01 Cờ thi đua và 02 Bằng khen của Bộ, ban, ngành, tỉnh",
            citation=nd91(24, confidence=U),
            check=checks.any_of(
                checks.chain_holds_titles(_EXCELLENT_AFTER_BK_TTG, CO_TINH, 2),
                checks.all_of(
                    checks.chain_holds_titles(_EXCELLENT_AFTER_BK_TTG, CO_TINH, 1),
                    checks.chain_holds_titles(_EXCELLENT_AFTER_BK_TTG, BK_TINH, 2),
                ),
            ),
        ),
    ),
    to_confirm=(
        Remark(text="Có quá trình xây dựng, phát triển từ 10 năm trở lên"),
        Remark(text=UNITY_REMARK),
    ),
)

# -- households -------------------------------------------------------------------------------

GIA_DINH_VAN_HOA = common.gdvh_rule(Citation(document=ND_122_2018, confidence=U))

# -- deciders ---------------------------------------------------------------------------------

# TT 08/2017 Art 7 (as quoted for the grass-roots titles); TT 12/2019's clause was not read.
_grass_roots = Citation(document=TT_08_2017, article=7, confidence=U)
DECIDERS: tuple[Decider, ...] = (
    Decider(
        title="Giám đốc Sở",
        codes=common.GRASS_ROOTS,
        unit_kinds=frozenset({UnitKind.SO}),
        citation=_grass_roots,
    ),
    Decider(
        title="Thủ trưởng đơn vị trực thuộc Bộ, ban, ngành",
        codes=common.GRASS_ROOTS,
        unit_kinds=frozenset({UnitKind.DON_VI_TRUC_THUOC_BO}),
        citation=_grass_roots,
    ),
    Decider(
        title="Chủ tịch Ủy ban nhân dân cấp xã",
        codes=frozenset({GIAY_KHEN, GDVH}),
        unit_kinds=frozenset({UnitKind.XA}),
        citation=_grass_roots,
    ),
    Decider(
        title="Chủ tịch Ủy ban nhân dân cấp xã",
        codes=frozenset({GDVH}),
        unit_kinds=None,
        citation=_grass_roots,
    ),
    # Before 2024 commune staff received their titles from the district chairman.
    Decider(
        title="Chủ tịch Ủy ban nhân dân cấp huyện",
        codes=common.GRASS_ROOTS,
        unit_kinds=frozenset({UnitKind.HUYEN, UnitKind.XA}),
        citation=_grass_roots,
    ),
    Decider(
        title="Tổng giám đốc, Giám đốc doanh nghiệp",
        codes=common.GRASS_ROOTS,
        unit_kinds=frozenset({UnitKind.DOANH_NGHIEP}),
        citation=_grass_roots,
    ),
    *common.upper_deciders(LAW_2013),
)

QUOTAS: tuple[Quota, ...] = (
    Quota(
        code=CSTDCS,
        base=LDTT,
        setting="cstdcs_share_of_ldtt",
        text="tổng số cá nhân đạt danh hiệu Lao động tiên tiến",
        citation=nd91(9, 3),
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
        citation=nd91(11, 1),
    ),
)

LUAT_2013 = RuleSet(
    name="luat-2013",
    title="Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2013); Nghị định "
    "91/2017/NĐ-CP; Thông tư 08/2017/TT-BNV, 12/2019/TT-BNV",
    first_year=2018,
    last_year=2023,
    basis=(LAW_2013, ND_91_2017, TT_08_2017, TT_12_2019, ND_122_2018),
    rules=(
        CHIEN_SI_THI_DUA_TOAN_QUOC,
        HUAN_CHUONG_LAO_DONG_HANG_BA,
        HUAN_CHUONG_LAO_DONG_HANG_BA_TAP_THE,
        BANG_KHEN_THU_TUONG,
        BANG_KHEN_THU_TUONG_TAP_THE,
        common.household_contribution_rule(BK_TTG, nd91(38, confidence=U)),
        CO_THI_DUA_CHINH_PHU,
        CO_THI_DUA_TINH,
        CHIEN_SI_THI_DUA_TINH,
        BANG_KHEN_TINH,
        BANG_KHEN_TINH_TAP_THE,
        common.household_contribution_rule(BK_TINH, nd91(39, confidence=U)),
        TAP_THE_LAO_DONG_XUAT_SAC,
        CHIEN_SI_THI_DUA_CO_SO,
        TAP_THE_LAO_DONG_TIEN_TIEN,
        *common.giay_khen_rules(nd91(40)),
        LAO_DONG_TIEN_TIEN,
        GIA_DINH_VAN_HOA,
    ),
    deciders=DECIDERS,
    settings=RuleSettings(min_service_months=10, ttldtt_ldtt_share=Share(50, inclusive=False)),
    scope=ScopeSettings(cstdcs_share_of_ldtt=Share(15), co_cp_share_of_co_tinh=Share(20)),
    quotas=QUOTAS,
    one_award=Citation(document=TT_12_2019, article=3),
    one_state_form_a_year=Citation(document=TT_12_2019, article=3),
)
