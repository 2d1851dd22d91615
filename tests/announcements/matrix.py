"""Matrix cases of announcements: staff pages (403 for everyone signed in but staff)."""

from tests.tenancy import Case, expect_signed_in


def _announcement(world):
    from announcements.sending import write_announcement

    world.extra["announcement"] = write_announcement(
        cohort=world.cohort, author=world.users["staff"],
        texts={"en": ("Matrix", "A word to the cohort.")})


def _detail(world):
    return (f"/staff/cohorts/{world.cohort.slug}/announcements/"
            f"{world.extra['announcement'].pk}/")


WRITE = {"subject_en": "Hello", "body_en": "Welcome to the cohort.", "audience": "mayors"}

CASES = [
    Case("staff/cohorts/<slug:slug>/announcements/",
         lambda w: f"/staff/cohorts/{w.cohort.slug}/announcements/",
         expect_signed_in(403, staff=200)),
    Case("staff/cohorts/<slug:slug>/announcements/",
         lambda w: f"/staff/cohorts/{w.cohort.slug}/announcements/",
         expect_signed_in(403, staff=302), method="post", data=WRITE),
    Case("staff/cohorts/<slug:slug>/announcements/<int:announcement_id>/", _detail,
         expect_signed_in(403, staff=200), setup=_announcement),
    Case("staff/cohorts/<slug:slug>/announcements/<int:announcement_id>/", _detail,
         expect_signed_in(403, staff=302), setup=_announcement, method="post",
         data={"action": "send"}),
]
