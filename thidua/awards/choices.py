from django.db import models

from thidua.core.catalog import CATALOG, Recipient

AWARD_CODE_CHOICES = [(a.code, a.name) for a in CATALOG]


class RecipientKind(models.TextChoices):
    INDIVIDUAL = Recipient.INDIVIDUAL.value, "Cá nhân"
    COLLECTIVE = Recipient.COLLECTIVE.value, "Tập thể"
    HOUSEHOLD = Recipient.HOUSEHOLD.value, "Hộ gia đình"
    ENTERPRISE = Recipient.ENTERPRISE.value, "Doanh nghiệp"


class DecisionStatus(models.TextChoices):
    DRAFT = "draft", "Nháp"
    ISSUED = "issued", "Đã ban hành"
    REVOKED = "revoked", "Đã hủy"
