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
    from accounts.models import Membership
    from cities.models import City
    from coaching.models import CoachAssignment
    from cohorts.models import Enrollment

    for signal in (post_save, post_delete):
        signal.connect(_membership_changed, sender=Membership, dispatch_uid=f"nav-m-{signal}")
        signal.connect(_assignment_changed, sender=CoachAssignment, dispatch_uid=f"nav-a-{signal}")
        signal.connect(_cities_changed, sender=City, dispatch_uid=f"nav-c-{signal}")
        signal.connect(_cities_changed, sender=Enrollment, dispatch_uid=f"nav-e-{signal}")
