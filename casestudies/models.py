"""The case-study pages: the list with its filter („Praxisbeispiele“) and the case study."""

from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from casestudies import exports
from casestudies.filters import CaseStudyFilterForm
from casestudies.map import laender_map, locator_map
from casestudies.snippets import BUNDESLAENDER, Branche, Projektphase
from partnerships.blocks import RICH_TEXT_FEATURES
from partnerships.citations import CitablePageMixin
from partnerships.listing import paginate
from partnerships.models.base import SHARING, BasePage, IndexPage, promote_panels
from partnerships.models.contact_persons import (
    PageContactPerson,
    contact_persons,
    contact_persons_panel,
)
from partnerships.models.images import CustomImage
from partnerships.routing import public_q
from partnerships.seo.canonical import with_canonical

CASE_STUDIES_PER_PAGE = 12
MORE_CASE_STUDIES = 3
# The list's own routes (open data); a case study with this slug would be unreachable.
RESERVED_SLUGS = {"export"}


class CaseStudyIndexPage(RoutablePageMixin, IndexPage):
    subpage_types = ["casestudies.CaseStudyPage"]
    page_description = "Übersicht „Praxisbeispiele“ mit Filter nach Branche, Bundesland und Phase."
    # Shown where the search finds nothing: the case-study finder as a way on.
    search_hint = "Praxisbeispiele nach Branche, Bundesland und Projektphase filtern"

    class Meta:
        verbose_name = "Praxisbeispiel-Übersicht"
        verbose_name_plural = "Praxisbeispiel-Übersichten"

    def case_studies(self):
        return (
            self.live_children(CaseStudyPage)
            .select_related("phase", "hero_image", "listing_image")
            .prefetch_related("branchen")
            .order_by("title")
        )

    follow_label = "Praxisbeispiele"
    follow_filter_form = CaseStudyFilterForm

    def follow_pages(self, filters):
        return self.filtered(**filters)

    def filtered_ids(self, branche="", bundesland="", phase="", konzept=""):
        """The ids of the case studies matching the filter, in the order of the list."""
        return list(self.filtered(branche, bundesland, phase, konzept).values_list("pk", flat=True))

    def filtered(self, branche="", bundesland="", phase="", konzept=""):
        """The case studies matching the filter (a queryset), in the order of the list."""
        items = (
            CaseStudyPage.objects.child_of(self).live().filter(public_q()).order_by("title", "pk")
        )
        if branche:
            items = items.filter(branchen__slug=branche)
        if bundesland:
            items = items.filter(bundesland=bundesland)
        if phase:
            items = items.filter(phase__slug=phase)
        if konzept:  # case studies citing the concept page (see ConceptPage.related_case_studies)
            cited = CaseStudyConceptLink.objects.filter(concept__slug=konzept)
            items = items.filter(pk__in=cited.values("page_id"))
        return items

    # Preview modes: the whole list, and the list as a visitor sees it after choosing one
    # Branche or Projektphase in the filter (one mode per snippet, built when the editor opens).
    PREVIEW_FILTERS = {"branche": (Branche, "Branche"), "phase": (Projektphase, "Projektphase")}

    @property
    def preview_modes(self):
        modes = [("", "Vorschau: alle Praxisbeispiele")]
        for key, (model, label) in self.PREVIEW_FILTERS.items():
            modes += [
                (f"{key}:{slug}", f"Vorschau: gefiltert nach {label} „{name}“")
                for slug, name in model.objects.values_list("slug", "name")
            ]
        return modes

    def serve_preview(self, request, mode_name):
        key, _, slug = (mode_name or "").partition(":")
        if key in self.PREVIEW_FILTERS and slug:
            # The list filters on the query string (get_context): preview it as if chosen.
            query = request.GET.copy()
            query[key] = slug
            request.GET = query
        return super().serve_preview(request, mode_name)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Only the known parameters, each once: repeated or foreign keys are ignored.
        data = {key: request.GET.get(key, "") for key in CaseStudyFilterForm.FIELDS}
        form = CaseStudyFilterForm(data)
        invalid_filter = not form.is_valid()
        if invalid_filter:
            ids = []
        else:
            chosen = tuple(form.cleaned_data[key] for key in CaseStudyFilterForm.FIELDS)
            ids = self.filtered_ids(*chosen)
        page = paginate(request, ids, CASE_STUDIES_PER_PAGE)
        query = {k: v for k, v in data.items() if v}
        if not invalid_filter:  # the list's own address: the valid filter and the page shown
            canonical = {k: v for k, v in form.cleaned_data.items() if v}
            if page.number > 1:
                canonical["page"] = page.number
            context["canonical_url"] = self.get_full_url(request) + (
                "?" + urlencode(canonical) if canonical else ""
            )
        context.update(
            filter_form=form,
            invalid_filter=invalid_filter,
            is_filtered=bool(query),
            filter_query=query,
            case_study_page=page,
            cards=self.cards(request, list(page.object_list)),
            laender_map=self.laender_map(request, form, invalid_filter),
        )
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    def export_filter(self, request):
        """The valid filter of the request ({field: slug}), or a 404 for an unknown value."""
        data = {key: request.GET.get(key, "") for key in CaseStudyFilterForm.FIELDS}
        form = CaseStudyFilterForm(data)
        if not form.is_valid():
            raise Http404("Unbekannter Filterwert für den Export.")
        return {k: v for k, v in form.cleaned_data.items() if v}

    def export_rows(self, request, chosen):
        return exports.rows(exports.prepared(self.filtered(**chosen)), request)

    def export_url(self, request, chosen, kind):
        query = "?" + urlencode(chosen) if chosen else ""
        return f"{self.get_full_url(request)}export/{kind}/{query}"

    @path("export/csv/", name="export_csv")
    def export_csv(self, request):
        chosen = self.export_filter(request)
        reply = exports.csv_response(self.export_rows(request, chosen), filename=self.slug)
        return with_canonical(reply, self.export_url(request, chosen, "csv"))

    @path("export/json/", name="export_json")
    def export_json(self, request):
        chosen = self.export_filter(request)
        reply = exports.json_response(
            self.export_rows(request, chosen),
            filename=self.slug,
            source=self.get_full_url(request),
            licence=exports.licence(request),
            filters=chosen,
        )
        return with_canonical(reply, self.export_url(request, chosen, "json"))

    def bundesland_counts(self, branche="", phase="", konzept=""):
        """{Land: number of case studies} for the other filters (one aggregate query)."""
        rows = (
            self.filtered(branche=branche, phase=phase, konzept=konzept)
            .order_by()
            .values("bundesland")
            .annotate(count=models.Count("pk", distinct=True))
        )
        return {row["bundesland"]: row["count"] for row in rows}

    def laender_map(self, request, form, invalid_filter):
        """The finder's map: each Land shaded by the case studies the filter finds there, a
        link to the filter narrowed to it. An invalid filter finds nothing: all Länder empty,
        their links keep the valid part of the filter."""
        chosen = {key: form.cleaned_data.get(key, "") for key in CaseStudyFilterForm.FIELDS}
        counts = {}
        if not invalid_filter:
            counts = self.bundesland_counts(chosen["branche"], chosen["phase"], chosen["konzept"])
        base = self.get_url(request)

        def link(slug):
            query = {key: value for key, value in {**chosen, "bundesland": slug}.items() if value}
            return f"{base}?{urlencode(query)}"

        return laender_map(counts, link, current=chosen["bundesland"])

    def cards(self, request, ids):
        """The rendered cards of the case studies ``ids``, in that order."""
        items = self.case_studies().filter(pk__in=ids).in_bulk()
        return [
            render_to_string(
                "includes/card.html",
                {
                    "item": items[pk],
                    "label": f"{items[pk].kommune} · {items[pk].get_bundesland_display()}",
                    "image": items[pk].card_image,
                    "tags": items[pk].card_tags(),
                    "request": request,
                },
            )
            for pk in ids
            if pk in items
        ]


class CaseStudyPage(CitablePageMixin, BasePage):
    kommune = models.CharField(
        "Kommune / Region", max_length=150, help_text="z. B. „Landkreis Vechta“."
    )
    bundesland = models.CharField("Bundesland", max_length=30, choices=BUNDESLAENDER)
    branchen = ParentalManyToManyField(Branche, verbose_name="Branchen / Cluster", blank=True)
    phase = models.ForeignKey(
        Projektphase,
        verbose_name="Projektphase",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_studies",
    )
    year_from = models.PositiveSmallIntegerField(
        "Zeitraum von (Jahr)", validators=[MinValueValidator(1950), MaxValueValidator(2100)]
    )
    year_to = models.PositiveSmallIntegerField(
        "Zeitraum bis (Jahr)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
        help_text="Leer lassen, wenn das Projekt noch läuft.",
    )
    is_illustrative = models.BooleanField(
        "Illustratives Beispiel",
        default=False,
        help_text="Ankreuzen, wenn das Beispiel zur Veranschaulichung zusammengestellt wurde; "
        "die Seite weist dann darauf hin.",
    )
    hero_image = models.ForeignKey(
        CustomImage,
        verbose_name="Titelbild",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Erscheint groß oben auf dem Praxisbeispiel, der Bildnachweis darunter. "
        "Ohne Vorschaubild (Reiter „Veröffentlichung“) auch auf der Karte des Beispiels und "
        "beim Teilen.",
    )
    ausgangslage = RichTextField("Ausgangslage", features=RICH_TEXT_FEATURES, blank=True)
    ziele = RichTextField("Ziele", features=RICH_TEXT_FEATURES, blank=True)
    vorgehen = RichTextField("Vorgehen", features=RICH_TEXT_FEATURES, blank=True)
    ergebnisse = RichTextField("Ergebnisse", features=RICH_TEXT_FEATURES, blank=True)
    erfolgsfaktoren = RichTextField("Erfolgsfaktoren", features=RICH_TEXT_FEATURES, blank=True)

    SECTIONS = ("ausgangslage", "ziele", "vorgehen", "ergebnisse", "erfolgsfaktoren")
    route_select_related = ("listing_image", "hero_image", "phase")

    content_panels = [
        *Page.content_panels,
        FieldPanel("teaser"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kommune"), FieldPanel("bundesland")]),
                FieldPanel("branchen", widget=forms.CheckboxSelectMultiple),
                FieldPanel("phase", widget=forms.Select),
                FieldRowPanel([FieldPanel("year_from"), FieldPanel("year_to")]),
                FieldPanel("is_illustrative"),
            ],
            heading="Steckbrief",
        ),
        FieldPanel("hero_image"),
        MultiFieldPanel([FieldPanel(name) for name in SECTIONS], heading="Abschnitte"),
        InlinePanel("partners", label="Partner", heading="Partner"),
        contact_persons_panel(),
        InlinePanel(
            "related_concept_links",
            label="Konzeptseite",
            heading="Verwandte Konzeptseiten",
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("kommune", boost=2),
        index.SearchField("ausgangslage"),
        index.SearchField("ziele"),
        index.SearchField("vorgehen"),
        index.SearchField("ergebnisse"),
        index.SearchField("erfolgsfaktoren"),
        index.SearchField("get_bundesland_display"),
        index.FilterField("bundesland"),
        index.RelatedFields("branchen", [index.SearchField("name")]),
        index.RelatedFields("partners", [index.SearchField("name")]),
    ]
    promote_panels = promote_panels(
        "Erscheint auf der Karte des Praxisbeispiels: in der Übersicht „Praxisbeispiele“, unter "
        "„Weitere Praxisbeispiele“ und, wenn hervorgehoben, unter „Im Fokus“ auf der "
        f"Startseite; außerdem {SHARING}. Leer: das Titelbild."
    )

    parent_page_types = ["casestudies.CaseStudyIndexPage"]
    subpage_types = []
    page_description = (
        "Ein Praxisbeispiel aus einer Kommune oder Region, mit Steckbrief und Abschnitten."
    )

    class Meta:
        verbose_name = "Praxisbeispiel"
        verbose_name_plural = "Praxisbeispiele"

    type_label = "Praxisbeispiel"
    search_filter = ("praxisbeispiel", "Praxisbeispiel")
    # The open-data API (/api/v2/praxisbeispiele/, partnerships.api): the export's fields.
    api_fields = [
        APIField("teaser"),
        APIField("kommune"),
        APIField("bundesland"),
        APIField("branchen", serializer=serializers.StringRelatedField(many=True)),
        APIField("phase", serializer=serializers.StringRelatedField()),
        APIField("zeitraum"),
        APIField("partners", serializer=serializers.StringRelatedField(many=True)),
        APIField("last_published_at"),
    ]
    schema_type = "Article"
    card_image_fields = ("listing_image", "hero_image")

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {
                    "slug": "Dieser Kurztitel ist für die Übersicht reserviert (Export). "
                    "Bitte wählen Sie einen anderen."
                }
            )
        if self.year_to and self.year_from and self.year_to < self.year_from:
            raise ValidationError({"year_to": "Das Ende darf nicht vor dem Beginn liegen."})

    @property
    def zeitraum(self):
        if self.year_to == self.year_from:
            return str(self.year_from)
        return f"{self.year_from}–{self.year_to or 'heute'}"

    def sections(self):
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in self.SECTIONS
            if getattr(self, name)
        ]

    @cached_property
    def branche_list(self):
        """The Branchen of this case study, read once (through the cluster, so previews of
        unsaved changes show them too)."""
        return list(self.branchen.all())

    def related_concepts(self, request=None):
        if request is not None and getattr(request, "is_preview", False):
            # Read the links through the cluster so previews of unsaved changes work too.
            ids = [link.concept_id for link in self.related_concept_links.all()]
        else:
            ids = CaseStudyConceptLink.objects.filter(page=self).values("concept_id")
        return (
            Page.objects.live()  # the key only holds concept pages; no join to their table
            .filter(public_q(), id__in=ids)
            .only("title", "url_path", "path")
            .order_by("path")
        )

    def card_tags(self):
        """(text, CSS modifier) of the labels on its card: Branchen, phase, illustrative."""
        tags = [(branche.name, "") for branche in self.branchen.all()]
        if self.phase:
            tags.append((f"Phase: {self.phase.name}", "tag--phase"))
        if self.is_illustrative:
            tags.append(("Illustratives Beispiel", "tag--note"))
        return tags

    def more_case_studies(self, limit=MORE_CASE_STUDIES):
        """The ids of other live case studies sharing a Branche, most shared Branchen first."""
        branche_ids = [branche.pk for branche in self.branche_list]
        if not branche_ids:
            return []
        return list(
            CaseStudyPage.objects.live()
            .filter(public_q())
            .filter(branchen__in=branche_ids)
            .exclude(pk=self.pk)
            .values("pk", "title")
            .annotate(shared=models.Count("branchen"))
            .order_by("-shared", "title")
            .values_list("pk", flat=True)[:limit]
        )

    def more_case_study_cards(self, request):
        """The cards of ``more_case_studies``."""
        ids = self.more_case_studies()
        items = (
            CaseStudyPage.objects.filter(pk__in=ids)
            .select_related("listing_image", "hero_image")
            .defer_streamfields()
            .in_bulk()
        )
        return [
            render_to_string(
                "includes/card.html",
                {
                    "item": items[pk],
                    "level": 3,
                    "label": items[pk].kommune,
                    "image": items[pk].card_image,
                    "request": request,
                },
            )
            for pk in ids
            if pk in items
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_concepts"] = list(self.related_concepts(request))
        context["more_case_studies"] = self.more_case_study_cards(request)
        context["contact_persons"] = contact_persons(self)
        context["locator"] = locator_map(self.bundesland)
        return context


class CaseStudyPartner(Orderable):
    KINDS = [
        ("unternehmen", "Unternehmen"),
        ("kommune", "Kommune / Verwaltung"),
        ("wissenschaft", "Hochschule / Forschung"),
        ("kammer", "Kammer / Verband"),
        ("netzwerk", "Netzwerk / Initiative"),
        ("sonstige", "Sonstige"),
    ]
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField("Name", max_length=200)
    kind = models.CharField("Art", max_length=20, choices=KINDS)
    url = models.URLField("Webadresse", blank=True)

    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = "Partner"
        verbose_name_plural = "Partner"

    def __str__(self):
        return self.name


class CaseStudyContactPerson(PageContactPerson):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="contact_persons")


class CaseStudyConceptLink(Orderable):
    page = ParentalKey(
        CaseStudyPage, on_delete=models.CASCADE, related_name="related_concept_links"
    )
    concept = models.ForeignKey(
        "concepts.ConceptPage",
        verbose_name="Konzeptseite",
        on_delete=models.CASCADE,
        related_name="cited_by_case_studies",
    )

    panels = [PageChooserPanel("concept", ["concepts.ConceptPage"])]

    class Meta(Orderable.Meta):
        verbose_name = "Verwandte Konzeptseite"
        verbose_name_plural = "Verwandte Konzeptseiten"
