from django import forms
from django.utils.translation import gettext_lazy as _

from notifications.models import Category, Delivery


class PreferencesForm(forms.Form):
    """One choice per category: e-mail immediately, in a daily digest, or in-app only."""

    def __init__(self, *args, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        current = current or {}
        for value, label in Category.choices:
            self.fields[value] = forms.ChoiceField(
                label=label, choices=Delivery.choices, widget=forms.RadioSelect,
                initial=current.get(value, Delivery.IMMEDIATELY),
                error_messages={"required": _("Choose how to hear about this.")},
            )

    def by_category(self):
        return [(self[value], value) for value in Category.values]
