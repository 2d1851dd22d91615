"""Signal handlers that keep the header's cached navigation (cities/nav.py) honest."""

from django.db.models.signals import post_delete, post_save

from cities.nav import forget_navigation


def _membership_changed(sender, instance, **kwargs):
    forget_navigation(user_ids=[instance.user_id])


def _assignment_changed(sender, instance, **kwargs):
    forget_navigation(user_ids=[instance.coach_id])


def _cities_changed(sender, instance, **kwargs):
    forget_navigation(cities=True)


def connect():
    """Listen to the records the navigation shows. The senders are named by label (Django
    resolves them once the apps are loaded): cities imports no app above it."""
    for signal in (post_save, post_delete):
        for sender, handler, uid in (
            ("accounts.Membership", _membership_changed, "m"),
            ("coaching.CoachAssignment", _assignment_changed, "a"),
            ("cities.City", _cities_changed, "c"),
            ("cohorts.Enrollment", _cities_changed, "e"),
        ):
            signal.connect(handler, sender=sender, dispatch_uid=f"nav-{uid}-{signal}")
