from django.contrib import admin

from thidua.orgs.models import (
    Assessment,
    Enterprise,
    Household,
    Initiative,
    Membership,
    Person,
    Unit,
    UnitSuccession,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["unit"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "parent", "valid_from", "valid_to"]
    list_filter = ["kind"]
    search_fields = ["code", "name", "search_key"]
    autocomplete_fields = ["parent"]


@admin.register(UnitSuccession)
class UnitSuccessionAdmin(admin.ModelAdmin):
    list_display = ["predecessor", "successor", "kind", "effective_date", "basis"]
    autocomplete_fields = ["predecessor", "successor"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["code", "full_name", "unit", "position", "birth_date"]
    search_fields = ["code", "full_name", "search_key"]
    autocomplete_fields = ["unit"]
    inlines = [MembershipInline]


@admin.register(Household)
class HouseholdAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "unit", "address"]
    search_fields = ["code", "name", "search_key"]
    autocomplete_fields = ["unit"]


@admin.register(Enterprise)
class EnterpriseAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "unit", "tax_code"]
    search_fields = ["code", "name", "search_key"]
    autocomplete_fields = ["unit"]


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["year", "person", "unit", "rating", "discipline", "service_months"]
    list_filter = ["year", "rating"]
    autocomplete_fields = ["person", "unit"]


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    list_display = ["year", "title", "scope", "unit"]
    list_filter = ["year", "scope"]
    search_fields = ["title"]
    autocomplete_fields = ["unit", "authors"]
