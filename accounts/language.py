"""A person's language: chosen in the header's switcher, remembered on their account.

Pages follow the switcher's cookie, then the account's language, then the browser's
Accept-Language (an account whose language is empty never chose one). E-mails,
notifications and calendar entries are written in the account's language, so a choice made
in the switcher is saved there too.
"""

from django.conf import settings


def choose_language(*, user, language):
    """Remember ``language`` (a code of ``settings.LANGUAGES``) as ``user``'s language.

    Returns True when it changed; an unknown code changes nothing.
    """
    if language not in dict(settings.LANGUAGES) or user.language == language:
        return False
    user.language = language
    user.save(update_fields=["language"])
    return True
