from django import forms
from django.utils.translation import gettext_lazy as _

from notifications.models import Category, Delivery

# Categories added after people had the form open: a form posted without one keeps the
# person's current choice for it instead of refusing the whole form.
OPTIONAL = {Category.ANNOUNCEMENTS, Category.FEEDBACK, Category.ASSESSMENT}


class PreferencesForm(forms.Form):
    """One choice per category: e-mail immediately, in a daily digest, or in-app only."""

    def __init__(self, *args, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        current = current or {}
        for value, label in Category.choices:
            self.fields[value] = forms.ChoiceField(
                label=label, choices=Delivery.choices, widget=forms.RadioSelect,
                initial=current.get(value, Delivery.IMMEDIATELY), required=value not in OPTIONAL,
                error_messages={"required": _("Choose how to hear about this.")},
            )

    def clean(self):
        data = super().clean()
        return {category: delivery for category, delivery in data.items() if delivery}

    def by_category(self):
        return [(self[value], value) for value in Category.values]
