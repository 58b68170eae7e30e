from django.db import models


class ClusterKind(models.TextChoices):
    CUM = "cum", "Cụm thi đua"
    KHOI = "khoi", "Khối thi đua"


class OrganiserLevel(models.TextChoices):
    """Who organises the cluster: decides which flag its leading unit may receive."""

    TRUNG_UONG = "trung_uong", "Hội đồng Thi đua – Khen thưởng Trung ương"
    TINH = "tinh", "Hội đồng Thi đua – Khen thưởng tỉnh, thành phố"
    HUYEN = "huyen", "Hội đồng Thi đua – Khen thưởng quận, huyện"
    CO_SO = "co_so", "Cơ quan, đơn vị"


class RotationPolicy(models.TextChoices):
    DEPUTY_BECOMES_LEADER = "deputy_next", "Cụm phó năm trước làm cụm trưởng"
    ELECTION = "election", "Bầu tại hội nghị tổng kết"
    FIXED_ORDER = "fixed_order", "Luân phiên theo thứ tự cố định"


class MemberRole(models.TextChoices):
    LEADER = "leader", "Cụm trưởng / Khối trưởng"
    DEPUTY = "deputy", "Cụm phó / Khối phó"
    MEMBER = "member", "Thành viên"


class MovementKind(models.TextChoices):
    REGULAR = "regular", "Thường xuyên"
    THEMATIC = "thematic", "Theo đợt, chuyên đề"


class MovementStatus(models.TextChoices):
    DRAFT = "draft", "Nháp"
    LAUNCHED = "launched", "Đã phát động"
    REGISTRATION = "registration", "Đăng ký thi đua"
    INTERIM = "interim", "Sơ kết"
    FINAL = "final", "Tổng kết, khen thưởng"
    CLOSED = "closed", "Đã kết thúc"


class CriterionKind(models.TextChoices):
    GROUP = "group", "Nhóm tiêu chí"
    ITEM = "item", "Tiêu chí"
    BONUS = "bonus", "Điểm thưởng"
    PENALTY = "penalty", "Điểm trừ"


class CovenantStatus(models.TextChoices):
    DRAFT = "draft", "Nháp"
    OPEN = "open", "Đang ký kết"
    SIGNED = "signed", "Đã ký kết"


class RegistrationStatus(models.TextChoices):
    DRAFT = "draft", "Nháp"
    SUBMITTED = "submitted", "Chờ duyệt"
    APPROVED = "approved", "Đã duyệt"
    RETURNED = "returned", "Trả lại"


class ScoreSheetStatus(models.TextChoices):
    DRAFT = "draft", "Nháp"
    SUBMITTED = "submitted", "Đã gửi"
    LOCKED = "locked", "Đã khóa"
    RECUSED = "recused", "Từ chối chấm (xung đột lợi ích)"


class ScoreMethod(models.TextChoices):
    """How a member's final score comes from its reviewers (``thidua.core.scoring.Method``)."""

    MEAN = "mean", "Trung bình cộng điểm của các đơn vị chấm"
    MEDIAN = "median", "Trung vị điểm của các đơn vị chấm"
    LEADER = "leader_only", "Điểm của đơn vị cụm trưởng"


class ClusterChangeKind(models.TextChoices):
    JOINED = "joined", "Thành viên mới"
    LEFT = "left", "Không còn là thành viên"
    LEADER = "leader", "Cụm trưởng"
    DEPUTY = "deputy", "Cụm phó"
    CREATED = "created", "Lập cụm, khối của năm"
