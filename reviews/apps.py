from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    """The review panel: reviewers, the rubric, scores, the decision meeting."""

    name = "reviews"
    verbose_name = _("Application reviews")

    def ready(self):
        from accounts.adapters import open_signup_when
        from accounts.mfa import require_mfa_for
        from cities.views import register_home
        from reviews import signals
        from reviews.reviewers import is_outside_reviewer

        signals.connect()
        # Reviewers sign in with two factors, as staff and coaches do (and see no
        # application before they have set them up: reviews.reviewers.ready_to_review).
        require_mfa_for(is_outside_reviewer)
        open_signup_when(signals.holds_reviewer_invitation)  # sign up from an invitation
        register_home(lambda user: "/review/" if is_outside_reviewer(user) else None)
