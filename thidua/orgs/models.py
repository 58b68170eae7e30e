"""Units (a tree with history), people and their memberships, households, enterprises,
annual assessments and initiatives."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from thidua.common.errors import DomainError
from thidua.common.models import TimeStampedModel
from thidua.core.text import fold, name_sort_key, normalize, sort_key
from thidua.orgs.choices import (
    Discipline,
    Gender,
    InitiativeScope,
    Rating,
    SuccessionKind,
    UnitKind,
)

YEAR_VALIDATORS = [MinValueValidator(1945), MaxValueValidator(2100)]


class Unit(TimeStampedModel):
    """Đơn vị, cơ quan, địa phương. ``path`` holds the ancestors' ids ("/1/5/23/") so that a
    subtree is one indexed prefix query."""

    code = models.CharField("mã đơn vị", max_length=64, unique=True)
    name = models.CharField("tên đơn vị", max_length=255)
    kind = models.CharField("loại", max_length=32, choices=UnitKind.choices, default=UnitKind.KHAC)
    kind_label = models.CharField("loại đơn vị (như trên văn bản)", max_length=64, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name="đơn vị cấp trên",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=512, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    valid_from = models.DateField("hiệu lực từ", null=True, blank=True)
    valid_to = models.DateField("hiệu lực đến", null=True, blank=True)
    search_key = models.CharField(max_length=255, editable=False, default="")
    sort_key = models.CharField(max_length=512, editable=False, default="")
    # What the unit's own papers print (Nghị định 30/2020/NĐ-CP): its part of the số ký hiệu
    # and who signs for it; empty fields leave the symbol to its name and the name blank.
    symbol = models.CharField(
        "chữ viết tắt trong số ký hiệu",
        max_length=20,
        blank=True,
        help_text="Ví dụ: UBND, SGDĐT. Để trống: Ủy ban nhân dân ghi UBND, cơ quan khác "
        "ghi chữ đầu các từ trong tên.",
    )
    head_name = models.CharField(
        "họ và tên người đứng đầu",
        max_length=255,
        blank=True,
        help_text="Chủ tịch, Giám đốc, Hiệu trưởng…: in dưới chữ ký của văn bản.",
    )
    deputy_name = models.CharField(
        "họ và tên cấp phó ký thay",
        max_length=255,
        blank=True,
        help_text="Phó Chủ tịch, Phó Giám đốc được giao ký thay (KT.) văn bản thi đua, khen "
        "thưởng.",
    )

    class Meta:
        verbose_name = "đơn vị"
        verbose_name_plural = "đơn vị"
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.valid_to is None

    def save(self, *args: object, **kwargs: object) -> None:
        self.name = normalize(self.name)
        self.code = self.code.strip()
        self.search_key = fold(f"{self.name} {self.code}")
        self.sort_key = sort_key(self.name)
        if self.pk and self.parent is not None and f"/{self.pk}/" in self.parent.path:
            raise DomainError(
                "unit_cycle",
                f"Không thể đặt {self.name} trực thuộc {self.parent.name}: "
                "đơn vị cấp trên không được là chính nó hoặc đơn vị cấp dưới của nó.",
            )
        super().save(*args, **kwargs)  # type: ignore[arg-type]
        expected = (self.parent.path if self.parent else "/") + f"{self.pk}/"
        if self.path != expected:
            from thidua.orgs.tree import unit_path_rebuild

            unit_path_rebuild(self)


class UnitSuccession(TimeStampedModel):
    """A merge, split or rename: the successor carries the predecessor's history forward."""

    predecessor = models.ForeignKey(
        Unit, verbose_name="đơn vị cũ", on_delete=models.PROTECT, related_name="successions"
    )
    successor = models.ForeignKey(
        Unit, verbose_name="đơn vị mới", on_delete=models.PROTECT, related_name="predecessions"
    )
    kind = models.CharField("hình thức", max_length=16, choices=SuccessionKind.choices)
    effective_date = models.DateField("ngày hiệu lực")
    basis = models.CharField("căn cứ (số nghị quyết, quyết định)", max_length=255, blank=True)

    class Meta:
        verbose_name = "sắp xếp đơn vị"
        verbose_name_plural = "sắp xếp đơn vị"
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"], name="unit_succession_unique"
            ),
            models.CheckConstraint(
                condition=~Q(predecessor=models.F("successor")), name="unit_succession_not_self"
            ),
        ]


class Person(TimeStampedModel):
    """Cán bộ, công chức, viên chức, người lao động. ``code`` is the stable identity that
    survives moves between units; ``unit`` is the current one (memberships keep the past)."""

    code = models.CharField("mã cá nhân", max_length=64, unique=True)
    full_name = models.CharField("họ và tên", max_length=255)
    birth_date = models.DateField("ngày sinh", null=True, blank=True)
    gender = models.CharField("giới tính", max_length=8, choices=Gender.choices, blank=True)
    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị hiện tại", on_delete=models.PROTECT, related_name="people"
    )
    position = models.CharField("chức vụ", max_length=255, blank=True)
    search_key = models.CharField(max_length=255, editable=False, default="", db_index=True)
    sort_key = models.CharField(max_length=512, editable=False, default="", db_index=True)

    class Meta:
        verbose_name = "cá nhân"
        verbose_name_plural = "cá nhân"

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args: object, **kwargs: object) -> None:
        self.full_name = normalize(self.full_name)
        self.position = normalize(self.position)
        self.search_key = fold(f"{self.full_name} {self.code}")
        self.sort_key = name_sort_key(self.full_name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class Membership(TimeStampedModel):
    """A period a person worked in a unit, with the position held."""

    person = models.ForeignKey(
        Person, verbose_name="cá nhân", on_delete=models.CASCADE, related_name="memberships"
    )
    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="memberships"
    )
    position = models.CharField("chức vụ", max_length=255, blank=True)
    start = models.DateField("từ ngày", null=True, blank=True)
    end = models.DateField("đến ngày", null=True, blank=True)

    class Meta:
        verbose_name = "quá trình công tác"
        verbose_name_plural = "quá trình công tác"
        ordering = ["person", "start"]


class Household(TimeStampedModel):
    code = models.CharField("mã hộ", max_length=64, unique=True)
    name = models.CharField("chủ hộ", max_length=255)
    unit = models.ForeignKey(
        Unit, verbose_name="thuộc đơn vị", on_delete=models.PROTECT, related_name="households"
    )
    address = models.CharField("địa chỉ", max_length=255, blank=True)
    search_key = models.CharField(max_length=255, editable=False, default="")

    class Meta:
        verbose_name = "hộ gia đình"
        verbose_name_plural = "hộ gia đình"

    def __str__(self) -> str:
        return f"Hộ {self.name}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.name = normalize(self.name)
        self.search_key = fold(f"{self.name} {self.code}")
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class Enterprise(TimeStampedModel):
    code = models.CharField("mã doanh nghiệp", max_length=64, unique=True)
    name = models.CharField("tên doanh nghiệp", max_length=255)
    unit = models.ForeignKey(
        Unit, verbose_name="thuộc đơn vị", on_delete=models.PROTECT, related_name="enterprises"
    )
    tax_code = models.CharField("mã số thuế", max_length=32, blank=True)
    search_key = models.CharField(max_length=255, editable=False, default="")

    class Meta:
        verbose_name = "doanh nghiệp"
        verbose_name_plural = "doanh nghiệp"

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.name = normalize(self.name)
        self.search_key = fold(f"{self.name} {self.code}")
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class Assessment(TimeStampedModel):
    """Đánh giá, xếp loại hằng năm of a person or a unit: the facts most criteria read."""

    year = models.PositiveSmallIntegerField("năm", validators=YEAR_VALIDATORS)
    person = models.ForeignKey(
        Person,
        verbose_name="cá nhân",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="assessments",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name="tập thể",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="assessments",
    )
    rating = models.CharField("mức độ hoàn thành nhiệm vụ", max_length=20, choices=Rating.choices)
    discipline = models.CharField(
        "kỷ luật", max_length=20, choices=Discipline.choices, blank=True, default=""
    )
    service_months = models.PositiveSmallIntegerField(
        "số tháng công tác", default=12, validators=[MaxValueValidator(12)]
    )
    note = models.CharField("ghi chú", max_length=255, blank=True)

    class Meta:
        verbose_name = "đánh giá, xếp loại"
        verbose_name_plural = "đánh giá, xếp loại"
        constraints = [
            models.CheckConstraint(
                condition=(Q(person__isnull=False) & Q(unit__isnull=True))
                | (Q(person__isnull=True) & Q(unit__isnull=False)),
                name="assessment_one_subject",
            ),
            models.CheckConstraint(
                condition=Q(service_months__lte=12), name="assessment_months_0_12"
            ),
            models.UniqueConstraint(
                fields=["year", "person"],
                condition=Q(person__isnull=False),
                name="assessment_person_year",
            ),
            models.UniqueConstraint(
                fields=["year", "unit"],
                condition=Q(unit__isnull=False),
                name="assessment_unit_year",
            ),
        ]


class Initiative(TimeStampedModel):
    """Sáng kiến, đề tài khoa học được công nhận, with the scope of its influence."""

    year = models.PositiveSmallIntegerField("năm công nhận", validators=YEAR_VALIDATORS)
    title = models.CharField("tên sáng kiến", max_length=500)
    scope = models.CharField("phạm vi ảnh hưởng", max_length=16, choices=InitiativeScope.choices)
    unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị áp dụng",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="initiatives",
    )
    authors = models.ManyToManyField(Person, verbose_name="tác giả", related_name="initiatives")
    recognised_by = models.CharField("quyết định công nhận", max_length=255, blank=True)

    class Meta:
        verbose_name = "sáng kiến"
        verbose_name_plural = "sáng kiến"

    def __str__(self) -> str:
        return self.title
