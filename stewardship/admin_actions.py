"""Admin actions of data stewardship (added to ``accounts.admin.UserAdmin`` by
``stewardship/admin.py``)."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from stewardship.deletion import delete_account


@admin.action(description=_("Delete the selected accounts (anonymise, keep the cities' records)"))
def delete_accounts(modeladmin, request, queryset):
    """The admin's way to :func:`stewardship.deletion.delete_account`, one person at a time."""
    done = 0
    for user in queryset:
        if user.pk == request.user.pk:
            modeladmin.message_user(
                request, _("You cannot delete your own account from here."), messages.ERROR
            )
            continue
        try:
            delete_account(user=user, by=request.user)
        except ValidationError as error:
            modeladmin.message_user(
                request, f"{user.email}: {' '.join(error.messages)}", messages.ERROR
            )
        else:
            done += 1
    if done:
        modeladmin.message_user(
            request,
            ngettext("%(count)d account deleted.", "%(count)d accounts deleted.", done)
            % {"count": done},
            messages.SUCCESS,
        )
