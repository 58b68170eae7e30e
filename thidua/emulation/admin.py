from django.contrib import admin

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


class ClusterMemberInline(admin.TabularInline):
    model = ClusterMember
    extra = 0
    autocomplete_fields = ["unit"]


@admin.register(Cluster)
class ClusterAdmin(admin.ModelAdmin):
    list_display = ["year", "code", "name", "kind", "organiser_level"]
    list_filter = ["year", "kind"]
    search_fields = ["code", "name"]
    inlines = [ClusterMemberInline]


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


@admin.register(Movement)
class MovementAdmin(admin.ModelAdmin):
    list_display = ["name", "year", "kind", "launched_by", "status"]
    list_filter = ["year", "kind", "status"]
    search_fields = ["name"]
    filter_horizontal = ["scope"]


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
