from django.db import models

from thidua.core.catalog import CATALOG, Kind, Recipient
from thidua.core.rules.vocabulary import OCCASION_LABELS

AWARD_CODE_CHOICES = [(a.code, a.name) for a in CATALOG]
# Wherever a title and a form can both be chosen, they are grouped apart: danh hiệu thi đua
# and hình thức khen thưởng are two things (Điều 3 Luật Thi đua, khen thưởng 2022), and mixing
# them is the users' most common data error.
AWARD_CODE_GROUPS: list[tuple[str, list[tuple[str, str]]]] = [
    ("Danh hiệu thi đua", [(a.code, a.name) for a in CATALOG if a.kind is Kind.TITLE]),
    ("Hình thức khen thưởng", [(a.code, a.name) for a in CATALOG if a.kind is Kind.FORM]),
]
# Loại hình khen thưởng, worded as the law's core names them.
OCCASION_CHOICES = [(o.value, label[0].upper() + label[1:]) for o, label in OCCASION_LABELS.items()]


class RecipientKind(models.TextChoices):
    INDIVIDUAL = Recipient.INDIVIDUAL.value, "Cá nhân"
    COLLECTIVE = Recipient.COLLECTIVE.value, "Tập thể"
    HOUSEHOLD = Recipient.HOUSEHOLD.value, "Hộ gia đình"
    ENTERPRISE = Recipient.ENTERPRISE.value, "Doanh nghiệp"


class DecisionStatus(models.TextChoices):
    DRAFT = "draft", "Nháp"
    ISSUED = "issued", "Đã ban hành"
    REVOKED = "revoked", "Đã hủy"


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", "Nháp"
    SUBMITTED = "submitted", "Chờ duyệt"
    UNDER_REVIEW = "under_review", "Đang thẩm định"
    RETURNED = "returned", "Trả lại"
    PUBLIC_COMMENT = "public_comment", "Đang lấy ý kiến"
    COUNCIL = "council", "Trình Hội đồng"
    DECIDED = "decided", "Đã ban hành"
    REJECTED = "rejected", "Không khen thưởng"


class CheckStatus(models.TextChoices):
    """What the law engine said of a candidate when it was added or the proposal submitted."""

    ELIGIBLE = "eligible", "Đủ điều kiện"
    TO_CONFIRM = "to_confirm", "Hội đồng xem xét"
    OTHER_GROUNDS = "other_grounds", "Đề nghị theo căn cứ khác"
    REFUSED = "refused", "Không đủ điều kiện"


class CouncilResult(models.TextChoices):
    PENDING = "pending", "Chưa bỏ phiếu"
    PASSED = "passed", "Đạt"
    FAILED = "failed", "Không đạt"


class DocumentKind(models.TextChoices):
    TO_TRINH = "to_trinh", "Tờ trình đề nghị khen thưởng"
    DANH_SACH = "danh_sach", "Danh sách đề nghị khen thưởng"
    BAO_CAO_THANH_TICH = "bao_cao_thanh_tich", "Báo cáo thành tích"
    BIEN_BAN_HOP = "bien_ban_hop", "Biên bản họp Hội đồng Thi đua – Khen thưởng"
    KET_QUA_KIEM_PHIEU = "ket_qua_kiem_phieu", "Biên bản kiểm phiếu"
    XAC_NHAN_SANG_KIEN = "xac_nhan_sang_kien", "Giấy xác nhận hiệu quả áp dụng sáng kiến"
    KET_QUA_LAY_Y_KIEN = "ket_qua_lay_y_kien", "Tổng hợp kết quả lấy ý kiến"
    MINH_CHUNG = "minh_chung", "Tài liệu chứng minh căn cứ khác"
    KHAC = "khac", "Tài liệu khác"


class CommentStatus(models.TextChoices):
    NEW = "new", "Chưa trả lời"
    ANSWERED = "answered", "Đã trả lời"


class SessionStatus(models.TextChoices):
    PLANNED = "planned", "Dự kiến"
    OPEN = "open", "Đang họp"
    CLOSED = "closed", "Đã kết thúc"


class MemberRole(models.TextChoices):
    CHAIR = "chair", "Chủ tịch Hội đồng"
    VICE_CHAIR = "vice_chair", "Phó Chủ tịch Hội đồng"
    SECRETARY = "secretary", "Thư ký Hội đồng"
    MEMBER = "member", "Ủy viên"


class BallotMethod(models.TextChoices):
    SECRET = "secret", "Bỏ phiếu kín"
    SHOW_OF_HANDS = "show_of_hands", "Biểu quyết giơ tay"


class CalendarDayKind(models.TextChoices):
    DAY_OFF = "day_off", "Ngày nghỉ"
    WORKING_DAY = "working_day", "Ngày làm việc"


class RevocationGround(models.TextChoices):
    """Khoản 2 Điều 93 Luật Thi đua, khen thưởng 2022."""

    A = "a", "Điểm a khoản 2 Điều 93: gian dối trong việc kê khai thành tích"
    B = "b", "Điểm b khoản 2 Điều 93: cung cấp thông tin sai hoặc làm giả hồ sơ"
    C = "c", "Điểm c khoản 2 Điều 93: thẩm định, xét duyệt, đề nghị trái pháp luật"
    D = "d", "Điểm d khoản 2 Điều 93: có vi phạm đến mức không đủ tiêu chuẩn khen thưởng"
