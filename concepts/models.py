from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from partnerships.blocks import BodyStreamBlock, heading_anchors
from partnerships.citations import CitablePageMixin
from partnerships.models.base import SHARING, BasePage, IndexPage, promote_panels
from partnerships.models.contact_persons import (
    PageContactPerson,
    contact_persons,
    contact_persons_panel,
)
from partnerships.routing import public_q

# Case studies citing a concept page, listed on it (the rest: the case-study list's filter).
RELATED_CASE_STUDIES = 6


class ConceptIndexPage(IndexPage):
    subpage_types = ["concepts.ConceptPage"]
    page_description = "Übersicht „Das Konzept“: listet die Konzeptseiten in Baumreihenfolge."

    class Meta:
        verbose_name = "Konzept-Übersicht"
        verbose_name_plural = "Konzept-Übersichten"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["concept_pages"] = (
            self.live_children(ConceptPage).select_related("listing_image").order_by("path")
        )
        return context


class ConceptPage(CitablePageMixin, BasePage):
    body = StreamField(BodyStreamBlock(), verbose_name="Inhalt")

    content_panels = [
        *Page.content_panels,
        FieldPanel("teaser"),
        FieldPanel("body"),
        contact_persons_panel(),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    promote_panels = promote_panels(
        "Erscheint auf der Karte der Seite in der Übersicht „Das Konzept“ und, wenn die Seite "
        f"hervorgehoben ist, unter „Im Fokus“ auf der Startseite; außerdem {SHARING}. Nicht "
        "auf der Seite selbst."
    )

    parent_page_types = ["concepts.ConceptIndexPage"]
    subpage_types = []
    page_description = (
        "Ein Baustein des Konzepts der strategischen Partnerschaft, mit Inhaltsverzeichnis "
        "aus den Zwischenüberschriften."
    )

    class Meta:
        verbose_name = "Konzeptseite"
        verbose_name_plural = "Konzeptseiten"

    type_label = "Konzept"
    search_filter = ("konzept", "Konzept")
    schema_type = "Article"

    def table_of_contents(self):
        """(anchor, text) for every H2 heading block, in order."""
        anchors = heading_anchors(self.body)
        return [
            (anchors[block.id], block.value["text"])
            for block in self.body
            if block.block_type == "heading" and block.value["level"] == "h2"
        ]

    def related_case_studies(self):
        """Case studies that cite this concept page, through the reverse relation of their
        links (``cited_by_case_studies``): this app does not import the case studies."""
        ids = self.cited_by_case_studies.values("page_id")
        return (
            citing_page_model()
            .objects.live()
            .filter(public_q(), id__in=ids)
            .order_by("title")
            .only("title", "url_path", "path", "depth", "kommune", "bundesland")
        )

    def citations(self):
        """(the first few citing case studies, how many cite this page)."""
        related = self.related_case_studies()
        shown = list(related[:RELATED_CASE_STUDIES])
        total = related.count() if len(shown) == RELATED_CASE_STUDIES else len(shown)
        return shown, total

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["toc"] = self.table_of_contents()
        context["contact_persons"] = contact_persons(self)
        # A few on the page, however many cite it; the rest in the filtered case-study list.
        shown, total = self.citations()
        context["related_case_studies"] = shown
        context["related_total"] = total
        if total > len(shown):
            index = case_study_index()
            if index is not None:
                context["related_all_url"] = f"{index.get_url(request)}?konzept={self.slug}"
        return context


class ConceptPageContactPerson(PageContactPerson):
    page = ParentalKey(ConceptPage, on_delete=models.CASCADE, related_name="contact_persons")


def citing_page_model():
    """The page type whose links cite concept pages (a case study)."""
    link = ConceptPage._meta.get_field("cited_by_case_studies").related_model
    return link._meta.get_field("page").related_model


def case_study_index():
    """The live list of the citing pages (where ``?konzept=<slug>`` filters), or None."""
    (index_model,) = citing_page_model().allowed_parent_page_models()
    return index_model.objects.live().filter(public_q()).order_by("path").first()
