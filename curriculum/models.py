"""The curriculum: three pillars, modules with objectives, materials and assignments.

Curriculum rows are program-wide (not city-owned): every city of a cohort sees the same
modules and materials.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from curriculum.pillars import pillar_text


class Pillar(models.Model):
    """One of the program's three pillars (seeded by a data migration)."""

    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    # Left empty: the shipped name and description for ``slug`` in the reader's language.
    name = models.CharField(_("name"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("pillar")
        verbose_name_plural = _("pillars")
        ordering = ["order", "name"]

    def __str__(self):
        return pillar_text(self, "name")


class Module(models.Model):
    """A unit of learning under a pillar, with its learning objectives."""

    pillar = models.ForeignKey(
        Pillar, on_delete=models.PROTECT, related_name="modules", verbose_name=_("pillar")
    )
    title = models.CharField(_("title"), max_length=200)
    objectives = models.TextField(
        _("learning objectives"), blank=True, help_text=_("One objective per line.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")
        ordering = ["pillar__order", "order", "title"]

    def __str__(self):
        return self.title

    def objective_list(self):
        return [line.strip() for line in self.objectives.splitlines() if line.strip()]


class Material(models.Model):
    """A link or a file attached to a module or to a session."""

    module = models.ForeignKey(
        Module, null=True, blank=True, on_delete=models.CASCADE, related_name="materials",
        verbose_name=_("module"),
    )
    session = models.ForeignKey(
        "schedule.Session", null=True, blank=True, on_delete=models.CASCADE,
        related_name="materials", verbose_name=_("session"),
    )
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("link"), blank=True)
    file = models.FileField(_("file"), upload_to="materials/%Y/%m/", blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["order", "title"]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if not self.module_id and not self.session_id:
            errors["module"] = _("Attach the material to a module or to a session.")
        if bool(self.url) == bool(self.file):
            errors["url"] = _("Give either a link or a file (one of the two).")
        if errors:
            raise ValidationError(errors)


class Assignment(models.Model):
    """Work a city's team does for a module, due on a date. Staff define them on
    ``/staff/curriculum/assignments/`` (``assignments.defining``); a hidden one is no longer
    shown to cities nor counted, and what cities handed in for it is kept."""

    module = models.ForeignKey(
        Module, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("module")
    )
    title = models.CharField(_("title"), max_length=200)
    instructions = models.TextField(_("instructions"), blank=True)
    due_on = models.DateField(_("due on"))
    position = models.PositiveSmallIntegerField(_("position in its module"), default=0)
    hidden = models.BooleanField(
        _("hidden"), default=False,
        help_text=_("Hidden from cities: no longer listed nor counted; what they handed in "
                    "is kept."))

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["position", "due_on", "title"]

    def __str__(self):
        return self.title
