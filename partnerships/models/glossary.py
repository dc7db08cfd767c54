"""The Glossar: terms with a short explanation (snippet ``GlossaryTerm``), listed on the one
``GlossaryPage`` at ``/glossar/`` and linked from the texts of concept pages and case studies
(``partnerships.glossary``, template tag ``glossary_tags``)."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from partnerships import glossary, routing
from partnerships.blocks import RICH_TEXT_FEATURES
from partnerships.models.base import BasePage
from partnerships.slugs import german_slug

# Ids the glossary page uses itself: an anchor of that name would land elsewhere.
RESERVED_ANCHORS = {"inhalt", "kopf-suche", "buchstaben", "glossar-titel"}


class GlossaryTerm(index.Indexed, models.Model):
    term = models.CharField(
        "Begriff",
        max_length=100,
        unique=True,
        help_text="Wie er im Glossar steht und in Texten markiert wird, z. B. „Cluster“. "
        "Groß- und Kleinschreibung zählt.",
    )
    slug = models.SlugField(
        "Anker (URL)",
        max_length=100,
        unique=True,
        blank=True,
        help_text="Sprungmarke im Glossar, z. B. …/glossar/#cluster. Leer lassen: wird aus dem "
        "Begriff gebildet (ä, ö, ü und ß werden zu ae, oe, ue und ss).",
    )
    definition = models.TextField(
        "Erklärung",
        max_length=600,
        help_text="Ein bis drei Sätze, verständlich ohne Vorwissen. Reiner Text.",
    )
    word_forms = models.CharField(
        "Weitere Wortformen",
        max_length=300,
        blank=True,
        help_text="Durch Kommas getrennt, z. B. „Clustern, Clusters“. Auch diese Formen werden "
        "in Texten erkannt (nur ganze Wörter, Groß- und Kleinschreibung zählt).",
    )
    related_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Weiterführende Seite",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional: eine Seite dieser Website, die den Begriff ausführlich behandelt. "
        "Das Glossar verlinkt sie unter der Erklärung.",
    )

    panels = [
        FieldPanel("term"),
        FieldPanel("slug"),
        FieldPanel("definition"),
        FieldPanel("word_forms"),
        FieldPanel("related_page"),
    ]
    search_fields = [
        index.SearchField("term"),
        index.AutocompleteField("term"),
        index.SearchField("definition"),
        index.SearchField("word_forms"),
        index.FilterField("term"),
    ]

    class Meta:
        verbose_name = "Glossarbegriff"
        verbose_name_plural = "Glossarbegriffe"
        ordering = ["term", "pk"]

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    @property
    def forms(self):
        """The term and its further word forms, each once, in the editor's order."""
        return glossary.split_forms(self.term, self.word_forms)

    def _unique_slug(self):
        base = german_slug(self.term, fallback="begriff")
        slug, n = base, 1
        others = GlossaryTerm.objects.exclude(pk=self.pk)
        while slug in RESERVED_ANCHORS or others.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug

    def clean(self):
        super().clean()
        self.term = " ".join(self.term.split())
        if self.slug in RESERVED_ANCHORS or self.slug.startswith(glossary.LETTER_ANCHOR_PREFIX):
            raise ValidationError(
                {
                    "slug": "Dieser Anker ist auf der Glossarseite schon vergeben. Bitte einen "
                    "anderen wählen."
                }
            )
        # A form that another term already has would make the marking ambiguous.
        mine = set(self.forms)
        clashes = sorted(
            form
            for other in GlossaryTerm.objects.exclude(pk=self.pk).only("term", "word_forms")
            for form in mine.intersection(other.forms)
        )
        if clashes:
            raise ValidationError(
                {"word_forms": "Schon bei einem anderen Begriff eingetragen: " + ", ".join(clashes)}
            )


class GlossaryPage(BasePage):
    """The Glossar: every term, alphabetically, grouped by initial letter (A–Z bar)."""

    intro = RichTextField(
        "Einleitung",
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Steht über der Buchstabenleiste. Die Begriffe selbst werden unter "
        "„Glossar“ im Menü gepflegt.",
    )

    content_panels = [*Page.content_panels, FieldPanel("teaser"), FieldPanel("intro")]
    # The terms and their explanations, so the site search finds the Glossar for them
    # (indexed again when a term changes: ``partnerships.search.signals``).
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("glossary_text"),
    ]

    parent_page_types = ["partnerships.HomePage"]
    subpage_types = []
    max_count = 1
    type_label = "Glossar"
    schema_type = "DefinedTermSet"
    page_description = (
        "Das Glossar: alle Begriffe aus dem Menüpunkt „Glossar“ alphabetisch mit ihrer "
        "Erklärung und einer Buchstabenleiste von A bis Z (nur einmal vorhanden)."
    )

    class Meta:
        verbose_name = "Glossarseite"
        verbose_name_plural = "Glossarseiten"

    def terms(self):
        """Every term in German alphabetical order, with its related page: one query, read
        once per page object (the list and the JSON-LD of one request share it)."""
        cached = getattr(self, "_terms", None)
        if cached is None:
            terms = list(GlossaryTerm.objects.select_related("related_page"))
            restricted = routing.restricted_paths()
            for term in terms:
                page = term.related_page
                if page is not None and (
                    not page.live or any(page.path.startswith(p) for p in restricted)
                ):
                    term.related_page = None  # only what every visitor can open
            cached = self._terms = glossary.sorted_terms(terms)
        return cached

    def glossary_text(self):
        """Every term with its word forms and explanation, for the search index."""
        return "\n".join(
            f"{', '.join(term.forms)}: {term.definition}"
            for term in GlossaryTerm.objects.order_by("term")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        terms = self.terms()
        context["letters"] = glossary.letter_groups(terms)
        context["term_count"] = len(terms)
        return context

    def structured_data(self, data, request):
        """A schema.org ``DefinedTermSet`` with every term as ``DefinedTerm``."""
        url = data["url"]
        data["@id"] = url
        data["name"] = self.title
        data["hasDefinedTerm"] = [
            {
                "@type": "DefinedTerm",
                "@id": f"{url}#{term.slug}",
                "name": term.term,
                "description": term.definition,
                "url": f"{url}#{term.slug}",
                "inDefinedTermSet": url,
            }
            for term in self.terms()
        ]
        return data
