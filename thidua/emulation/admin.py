"""The data admin of the emulation app: clusters, covenants, sheets; history and published
rankings are shown read-only."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from thidua.emulation.models import (
    Cluster,
    ClusterChange,
    ClusterMember,
    Covenant,
    CovenantSignature,
    Criterion,
    Movement,
    MovementAttachment,
    Nomination,
    Ranking,
    RankingRow,
    Registration,
    ScoreChange,
    ScoreLine,
    ScoreSheet,
)


class ReadOnlyInline(admin.TabularInline):
    """A record kept as it was written (history, published results)."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ClusterMemberInline(admin.TabularInline):
    model = ClusterMember
    extra = 0
    autocomplete_fields = ["unit"]


class ClusterChangeInline(ReadOnlyInline):
    model = ClusterChange


@admin.register(Cluster)
class ClusterAdmin(admin.ModelAdmin):
    list_display = ["year", "code", "name", "kind", "organiser_level"]
    list_filter = ["year", "kind"]
    search_fields = ["code", "name"]
    inlines = [ClusterMemberInline, ClusterChangeInline]


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0
    fields = ["number", "text", "kind", "max_points", "evidence", "order", "parent"]


class SignatureInline(admin.TabularInline):
    model = CovenantSignature
    extra = 0


@admin.register(Covenant)
class CovenantAdmin(admin.ModelAdmin):
    list_display = ["title", "cluster", "status", "signed_on"]
    inlines = [CriterionInline, SignatureInline]


class MovementAttachmentInline(admin.TabularInline):
    model = MovementAttachment
    extra = 0


@admin.register(Movement)
class MovementAdmin(admin.ModelAdmin):
    list_display = ["name", "year", "kind", "launched_by", "status"]
    list_filter = ["year", "kind", "status"]
    search_fields = ["name"]
    filter_horizontal = ["scope"]
    inlines = [MovementAttachmentInline]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["year", "unit", "person", "target", "status"]
    list_filter = ["year", "status", "target"]


class ScoreLineInline(admin.TabularInline):
    model = ScoreLine
    extra = 0


@admin.register(ScoreSheet)
class ScoreSheetAdmin(admin.ModelAdmin):
    list_display = ["covenant", "unit", "reviewer", "status"]
    inlines = [ScoreLineInline]


class ScoreChangeInline(ReadOnlyInline):
    model = ScoreChange
    fk_name = "line"


@admin.register(ScoreLine)
class ScoreLineAdmin(admin.ModelAdmin):
    list_display = ["sheet", "criterion", "points"]
    inlines = [ScoreChangeInline]


class RankingRowInline(ReadOnlyInline):
    model = RankingRow


class NominationInline(ReadOnlyInline):
    model = Nomination


@admin.register(Ranking)
class RankingAdmin(admin.ModelAdmin):
    """A published ranking is read here, never changed: publishing locked it."""

    list_display = ["covenant", "published_at", "published_by"]
    inlines = [RankingRowInline, NominationInline]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
