"""The GET filter of the case-study list and its choices."""

from django import forms

from casestudies.snippets import BUNDESLAENDER, Branche, Projektphase
from concepts.models import ConceptPage
from partnerships.routing import public_q


class CaseStudyFilterForm(forms.Form):
    """The GET filter of the case study list. Values are slugs so links stay readable."""

    branche = forms.ChoiceField(label="Branche / Cluster", required=False)
    bundesland = forms.ChoiceField(label="Bundesland", required=False)
    phase = forms.ChoiceField(label="Projektphase", required=False)
    konzept = forms.ChoiceField(label="Konzeptbaustein", required=False)

    FIELDS = ("branche", "bundesland", "phase", "konzept")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["branche"].choices = [("", "Alle Branchen"), *snippet_choices(Branche)]
        self.fields["bundesland"].choices = [("", "Alle Bundesländer"), *BUNDESLAENDER]
        self.fields["phase"].choices = [("", "Alle Phasen"), *snippet_choices(Projektphase)]
        self.fields["konzept"].choices = [("", "Alle Bausteine"), *concept_choices()]


def snippet_choices(model):
    """(slug, name) of every Branche or Projektphase, for the filter."""
    return list(model.objects.values_list("slug", "name"))


def concept_choices():
    """(slug, title) of the live, public concept pages, in the order of the concept index."""
    return list(
        ConceptPage.objects.live().filter(public_q()).order_by("path").values_list("slug", "title")
    )
