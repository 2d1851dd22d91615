from django.contrib import admin

from common.admin_inlines import LabelledTabularInline
from curriculum.models import Assignment, Material, Module, Pillar


@admin.register(Pillar)
class PillarAdmin(admin.ModelAdmin):
    list_display = ["__str__", "slug", "order"]
    prepopulated_fields = {"slug": ["name"]}


class MaterialInline(LabelledTabularInline):
    model = Material
    fk_name = "module"
    fields = ["title", "url", "file", "order"]
    extra = 0


class AssignmentInline(LabelledTabularInline):
    model = Assignment
    extra = 0


@admin.register(Module)
class ModuleAdmin(admin.ModelAdmin):
    list_display = ["title", "pillar", "order"]
    list_filter = ["pillar"]
    search_fields = ["title", "objectives"]
    inlines = [MaterialInline, AssignmentInline]


@admin.register(Material)
class MaterialAdmin(admin.ModelAdmin):
    list_display = ["title", "module", "session", "url", "file"]
    search_fields = ["title"]
    raw_id_fields = ["session"]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["title", "module", "due_on"]
    list_filter = ["module__pillar"]
    search_fields = ["title"]
