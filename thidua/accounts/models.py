"""Users, the roles that scope them to units, and API tokens."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils import timezone

from thidua.common.models import TimeStampedModel
from thidua.orgs.models import Unit


class User(AbstractUser):
    full_name = models.CharField("họ và tên", max_length=255, blank=True)
    # Set when an administrator gives the password (a new account, a reset): the person then
    # chooses their own before anything else (thidua.accounts.middleware).
    must_change_password = models.BooleanField("phải đổi mật khẩu", default=False)

    class Meta:
        verbose_name = "người dùng"
        verbose_name_plural = "người dùng"

    def __str__(self) -> str:
        return self.full_name or self.username


class RoleKind(models.TextChoices):
    ADMIN = "admin", "Quản trị hệ thống"
    OFFICER = "officer", "Cán bộ thi đua – khen thưởng"
    COUNCIL = "council", "Thành viên Hội đồng Thi đua – Khen thưởng"
    LEADER = "leader", "Lãnh đạo (chỉ xem)"


class Role(TimeStampedModel):
    """A user acts in a role for a unit and every unit under it."""

    user = models.ForeignKey(
        User, verbose_name="người dùng", on_delete=models.CASCADE, related_name="roles"
    )
    kind = models.CharField("vai trò", max_length=16, choices=RoleKind.choices)
    unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="roles",
    )

    class Meta:
        verbose_name = "vai trò"
        verbose_name_plural = "vai trò"
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "unit"], name="role_once"),
            models.CheckConstraint(
                condition=Q(kind="admin") | Q(unit__isnull=False), name="role_needs_unit"
            ),
        ]

    def __str__(self) -> str:
        where = f" – {self.unit}" if self.unit_id else ""
        return f"{self.get_kind_display()}{where}"


class TokenScope(models.TextChoices):
    READ = "read", "Chỉ đọc"
    WRITE = "write", "Đọc và ghi"


class ApiToken(TimeStampedModel):
    """A bearer token; only its SHA-256 is stored, the token itself is shown once. It works
    until ``expires_at`` or its revocation, whichever comes first; a read-only token is refused
    on every write, whatever its user's roles allow."""

    user = models.ForeignKey(
        User, verbose_name="người dùng", on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField("tên", max_length=100, blank=True)
    prefix = models.CharField("tiền tố", max_length=12)
    digest = models.CharField(max_length=64, unique=True)
    last_used_at = models.DateTimeField("lần dùng gần nhất", null=True, blank=True)
    revoked = models.BooleanField("đã thu hồi", default=False)
    scope = models.CharField(
        "phạm vi", max_length=5, choices=TokenScope.choices, default=TokenScope.WRITE
    )
    expires_at = models.DateTimeField("hết hạn lúc")

    class Meta:
        verbose_name = "mã truy cập API"
        verbose_name_plural = "mã truy cập API"

    @property
    def state(self) -> str:
        if self.revoked:
            return "Đã thu hồi"
        if self.expires_at <= timezone.now():
            return "Hết hạn"
        return "Đang dùng"


class UserSession(models.Model):
    """A browser signed in as a user, so that the person sees where they are signed in and
    can end it: Django's session table has no user column and keeps its data encoded."""

    session_key = models.CharField("mã phiên", max_length=40, unique=True)
    user = models.ForeignKey(
        User, verbose_name="người dùng", on_delete=models.CASCADE, related_name="sessions"
    )
    ip_address = models.GenericIPAddressField("địa chỉ IP", null=True, blank=True)
    user_agent = models.CharField("trình duyệt", max_length=300, blank=True)
    signed_in_at = models.DateTimeField("đăng nhập lúc")
    last_active_at = models.DateTimeField("hoạt động gần nhất")

    class Meta:
        verbose_name = "phiên đăng nhập"
        verbose_name_plural = "phiên đăng nhập"
        ordering = ["-last_active_at"]
