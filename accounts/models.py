import secrets
import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager
from simple_history.models import HistoricalRecords


def time_zone_choices():
    """Every IANA time zone, for forms (kept off the model so migrations never churn)."""
    return sorted((tz, tz.replace("_", " ")) for tz in zoneinfo.available_timezones())


def validate_time_zone(value):
    """Refuse a name that is not an IANA time zone."""
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError(
            _("“%(value)s” is not a time zone. Use a name like America/Chicago."),
            params={"value": value},
        ) from error


# Deleted accounts keep their row (the cities' records point at it) with an address here.
DELETED_EMAIL_DOMAIN = "deleted.invalid"


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person: logs in with an e-mail address, sees times in their own zone and language."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    title = models.CharField(_("job title"), max_length=200, blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, validators=[validate_time_zone], default="America/New_York"
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    calendar_token = models.CharField(
        _("calendar token"), max_length=64, unique=True, default=secrets.token_urlsafe
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []
    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self):
        return self.get_full_name()

    @property
    def is_former_member(self):
        """The account was deleted (stewardship.deletion): show no one's name or address."""
        return self.email.endswith("@" + DELETED_EMAIL_DOMAIN)

    def get_full_name(self):
        if self.is_former_member:
            return str(_("Former member"))
        return self.name or self.email

    def get_short_name(self):
        return self.get_full_name().split(" ")[0]


class Role(models.TextChoices):
    MAYOR = "mayor", _("Mayor")
    CITY_MANAGER = "city_manager", _("City manager or chief of staff")
    CDO = "cdo", _("Chief data officer")
    EQUITY_LEAD = "equity_lead", _("Equity lead")
    POLICY_LEAD = "policy_lead", _("Policy lead")
    COMMUNICATIONS_LEAD = "communications_lead", _("Communications lead")
    OTHER = "other", _("Other team member")


SENIOR_TEAM_ROLES = [r for r in Role if r != Role.MAYOR]


class Membership(models.Model):
    """A person's place in a city's team. One person may belong to several cities."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships",
        verbose_name=_("user"),
    )
    city = models.ForeignKey(
        "cities.City", on_delete=models.CASCADE, related_name="memberships",
        verbose_name=_("city"),
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    is_city_admin = models.BooleanField(
        _("city administrator"), default=False,
        help_text=_("May invite team members and request the city's data export."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    objects = ScopedManager(city="city")

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "city"], name="one_membership_per_city")
        ]

    def __str__(self):
        return f"{self.user} · {self.city} · {self.get_role_display()}"


def _invitation_token():
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    """An invitation to join a city's team in a role; the only way to sign up."""

    email = models.EmailField(_("e-mail address"))
    city = models.ForeignKey(
        "cities.City", on_delete=models.CASCADE, related_name="invitations", verbose_name=_("city")
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    name = models.CharField(_("name"), max_length=200, blank=True)
    token = models.CharField(_("token"), max_length=64, unique=True, default=_invitation_token)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("accepted by"),
    )

    objects = ScopedManager(city="city")

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.city} ({self.get_role_display()})"
