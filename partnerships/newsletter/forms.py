"""The readers' forms: subscribe (with what to receive) and change the settings."""

from urllib.parse import parse_qsl

from django import forms
from django.core.exceptions import ValidationError

from partnerships.contact.forms import DescribedErrorsMixin
from partnerships.formatting import group_length_message
from partnerships.models.newsletter import FREQUENCIES, WEEKLY
from partnerships.newsletter import follow

HONEYPOT_FIELD = "newsletter_homepage"
MAX_FILTER_LENGTH = 500


def list_choices(lists):
    return [(str(index.pk), f"Neue {index.follow_label}") for index in lists]


class ChosenFilter:
    """A finder's filter carried into the form („Diese Auswahl abonnieren“)."""

    def __init__(self, index, filters):
        self.index, self.filters = index, filters
        self.label = index.follow_describe(filters)
        self.query = follow.filter_key(filters)


def chosen_filter(lists, list_id, query):
    """The ChosenFilter of ``list_id`` with the filter in ``query`` (a query string or a
    mapping), or None if either is not valid."""
    by_id = {str(index.pk): index for index in lists}
    index = by_id.get(str(list_id or ""))
    if index is None:
        return None
    if isinstance(query, str):
        if len(query) > MAX_FILTER_LENGTH:
            return None
        query = dict(parse_qsl(query))
    filters = index.follow_filters(query)
    if filters is None:
        return None
    return ChosenFilter(index, filters)


class SubscribeForm(DescribedErrorsMixin, forms.Form):
    email = group_length_message(
        forms.EmailField(
            label="E-Mail-Adresse",
            max_length=254,
            widget=forms.EmailInput(attrs={"autocomplete": "email"}),
            error_messages={
                "required": "Bitte geben Sie Ihre E-Mail-Adresse ein.",
                "invalid": "Bitte geben Sie eine gültige E-Mail-Adresse ein, "
                "z. B. name@beispiel.de.",
                "max_length": "Die E-Mail-Adresse ist zu lang. Höchstens %(limit_value)s "
                "Zeichen sind möglich (Ihre Eingabe: %(show_value)s Zeichen).",
            },
        )
    )
    newsletter = forms.BooleanField(
        label="Newsletter: Neuigkeiten aus dem Projekt, einige Male im Jahr", required=False
    )
    lists = forms.MultipleChoiceField(
        label="Benachrichtigungen über neue Inhalte",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Eine Sammel-E-Mail mit allen neuen Seiten, nie eine E-Mail je Seite.",
    )
    frequency = forms.ChoiceField(
        label="Benachrichtigungen senden",
        choices=FREQUENCIES,
        initial=WEEKLY,
        widget=forms.RadioSelect,
    )
    folgen = forms.CharField(required=False, widget=forms.HiddenInput)
    filter = group_length_message(
        forms.CharField(required=False, widget=forms.HiddenInput, max_length=MAX_FILTER_LENGTH)
    )

    def __init__(self, *args, lists=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.lists = list(lists)
        self.fields["lists"].choices = list_choices(self.lists)
        if not self.lists:
            del self.fields["lists"]

    def clean(self):
        data = super().clean()
        chosen = None
        if data.get("folgen"):
            chosen = chosen_filter(self.lists, data["folgen"], data.get("filter", ""))
            if chosen is None:
                raise ValidationError(
                    "Diese Auswahl gibt es nicht (mehr). Bitte wählen Sie unten, worüber Sie "
                    "benachrichtigt werden möchten."
                )
        data["chosen"] = chosen
        if not (data.get("newsletter") or data.get("lists") or chosen):
            self.add_error(
                "newsletter",
                "Bitte wählen Sie den Newsletter oder mindestens eine Benachrichtigung.",
            )
        return data

    def alerts(self):
        """[(list page, filter)] chosen: whole lists, and the finder's selection."""
        by_id = {str(index.pk): index for index in self.lists}
        chosen = [(by_id[pk], {}) for pk in self.cleaned_data.get("lists", []) if pk in by_id]
        if self.cleaned_data.get("chosen"):
            chosen.append((self.cleaned_data["chosen"].index, self.cleaned_data["chosen"].filters))
        return chosen


class SettingsForm(DescribedErrorsMixin, forms.Form):
    newsletter = forms.BooleanField(label="Newsletter erhalten", required=False)
    keep = forms.MultipleChoiceField(
        label="Ihre Benachrichtigungen",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Entfernen Sie den Haken bei allem, worüber Sie nicht mehr benachrichtigt "
        "werden möchten.",
    )
    lists = forms.MultipleChoiceField(
        label="Benachrichtigungen hinzufügen",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    frequency = forms.ChoiceField(
        label="Benachrichtigungen senden", choices=FREQUENCIES, widget=forms.RadioSelect
    )

    def __init__(self, *args, subscriber, lists=(), alerts=(), **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "newsletter": subscriber.newsletter,
                "frequency": subscriber.frequency,
                "keep": [str(alert.pk) for alert, _ in alerts],
            },
        )
        super().__init__(*args, **kwargs)
        self.lists = list(lists)
        self.fields["keep"].choices = [(str(alert.pk), label) for alert, label in alerts]
        if not alerts:
            del self.fields["keep"]
        followed = {alert.index_page_id for alert, _ in alerts if not alert.filters}
        self.fields["lists"].choices = list_choices(
            [index for index in self.lists if index.pk not in followed]
        )
        if not self.fields["lists"].choices:
            del self.fields["lists"]

    def new_alerts(self):
        by_id = {str(index.pk): index for index in self.lists}
        return [(by_id[pk], {}) for pk in self.cleaned_data.get("lists", []) if pk in by_id]
