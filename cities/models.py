from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from accounts.models import validate_time_zone


class City(models.Model):
    """The tenant: every city-owned row reaches its city by a foreign key."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    country = CountryField(_("country"), blank_label=_("Choose a country"))
    country_as_written = models.CharField(
        _("country as first written"), max_length=100, blank=True, editable=False,
        help_text=_("Kept when the free-text country could not be matched to a country code."),
    )
    region = models.CharField(_("region or state"), max_length=100, blank=True)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, blank=True,
        help_text=_("The language of the city's documents (the strategy's PDF) unless the "
                    "team chooses another. Leave empty to follow the country."),
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, validators=[validate_time_zone], default="America/New_York"
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_source = models.CharField(_("population source"), max_length=200, blank=True)
    population_year = models.PositiveSmallIntegerField(_("population year"), null=True, blank=True)
    chief_data_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("chief data officer"),
    )
    monthly_commitment_hours = models.DecimalField(
        _("monthly training commitment (hours)"), max_digits=5, decimal_places=1, default=5
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("dashboards:city_home", kwargs={"city": self.slug})

