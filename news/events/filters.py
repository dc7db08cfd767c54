"""The GET filter of the event list (and of its calendar feeds) and its choices."""

from django import forms

from partnerships.models.taxonomy import BUNDESLAENDER, Branche

FORMATS = [("praesenz", "Präsenz"), ("online", "Online"), ("hybrid", "Hybrid")]


class EventFilterForm(forms.Form):
    """Format, Bundesland and Thema (a Branche); values are slugs so links stay readable."""

    format = forms.ChoiceField(label="Format", required=False)
    bundesland = forms.ChoiceField(label="Bundesland", required=False)
    thema = forms.ChoiceField(label="Thema", required=False)

    FIELDS = ("format", "bundesland", "thema")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["format"].choices = [("", "Alle Formate"), *FORMATS]
        self.fields["bundesland"].choices = [("", "Alle Bundesländer"), *BUNDESLAENDER]
        self.fields["thema"].choices = [("", "Alle Themen"), *thema_choices()]

    def chosen(self):
        """{field: value} of the valid filter, without empty fields, in the fields' order."""
        return {key: self.cleaned_data[key] for key in self.FIELDS if self.cleaned_data[key]}

    def describe(self):
        """The filter in words, for feed titles: „in Niedersachsen, Online, Thema Logistik“."""
        labels = {key: dict(self.fields[key].choices) for key in self.FIELDS}
        chosen = self.chosen()
        parts = []
        if "bundesland" in chosen:
            parts.append(f"in {labels['bundesland'][chosen['bundesland']]}")
        if "format" in chosen:
            parts.append(f"Format {labels['format'][chosen['format']]}")
        if "thema" in chosen:
            parts.append(f"Thema {labels['thema'][chosen['thema']]}")
        return ", ".join(parts)


def thema_choices():
    """(slug, name) of every Branche, for the filter „Thema“."""
    return list(Branche.objects.values_list("slug", "name"))


def filter_events(events, chosen):
    """``events`` (a queryset of EventPage) narrowed by a valid filter's ``chosen`` values."""
    if "format" in chosen:
        events = events.filter(format=chosen["format"])
    if "bundesland" in chosen:
        events = events.filter(bundesland=chosen["bundesland"])
    if "thema" in chosen:
        events = events.filter(themen__slug=chosen["thema"])
    return events
