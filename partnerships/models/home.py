"""The home page: introduction, featured pages, the newest news items, the next events."""

from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from partnerships import routing
from partnerships.blocks import RICH_TEXT_FEATURES
from partnerships.models.base import SHARING, BasePage, page_types, promote_panels


class HomePage(BasePage):
    intro = RichTextField("Einleitung", features=RICH_TEXT_FEATURES)
    signature = models.CharField(
        "Unterschrift", max_length=120, blank=True, default="Rambøll Management"
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("teaser"),
        FieldPanel("intro"),
        FieldPanel("signature"),
        InlinePanel(
            "featured_items",
            label="Hervorgehobene Seiten",
            heading="Hervorgehobene Konzeptseiten und Praxisbeispiele",
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    promote_panels = promote_panels(
        f"Erscheint nur {SHARING}, wenn jemand die Startseite teilt. Leer: das "
        "Standard-Vorschaubild aus den Website-Einstellungen."
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "partnerships.StandardPage",
        "partnerships.ContactPage",
        "partnerships.AccessibilityPage",
        "partnerships.GlossaryPage",
        "partnerships.EasyLanguagePage",
        "concepts.ConceptIndexPage",
        "casestudies.CaseStudyIndexPage",
        "news.NewsIndexPage",
        "news.EventIndexPage",
    ]
    max_count = 1
    type_label = "Startseite"
    page_description = "Die Startseite der Website (nur einmal vorhanden)."

    class Meta:
        verbose_name = "Startseite"
        verbose_name_plural = "Startseiten"

    def route(self, request, path_components):
        if path_components:
            return routing.route(self, request, path_components)
        return super().route(request, path_components)

    def featured_pages(self):
        """Chosen pages in editor order: one query for the links with their pages' types,
        one per page type (with the card images)."""
        targets = [item.target for item in self.featured_items.select_related("target")]
        by_model = {}
        for target in targets:
            by_model.setdefault(target.specific_class, []).append(target.pk)
        by_id = {}
        for model, ids in by_model.items():
            if model is None:
                continue
            images = getattr(model, "card_image_fields", ())
            pages = (
                model._default_manager.live()
                .filter(routing.public_q(), id__in=ids)
                .defer_streamfields()
                .select_related(*images)
            )
            by_id.update((page.pk, page) for page in pages)
        return [by_id[target.pk] for target in targets if target.pk in by_id]

    def latest_news(self):
        """The three newest dated pages (types with a ``listing_date_field``: news items)."""
        newest = []
        for model in page_types():
            if model.listing_date_field and not model.event_fields:
                newest += (
                    model.objects.live()
                    .filter(routing.public_q())
                    .defer_streamfields()
                    .order_by(f"-{model.listing_date_field}", "-pk")[:3]
                )
        if len({type(page) for page in newest}) > 1:
            newest.sort(key=lambda page: (page.listing_date, page.pk), reverse=True)
        return newest[:3]

    def upcoming_events(self, limit=3):
        """„Nächste Termine“: the ``limit`` soonest pages of the types with ``event_fields``
        (events) that have not ended yet. Valid until one of them ends (``CONTENT_CLOCK``)."""
        now = timezone.now()
        upcoming = []
        for model in page_types():
            if model.event_fields:
                start, end = model.event_fields
                upcoming += (
                    model.objects.live()
                    .filter(routing.public_q(), **{f"{end}__gt": now})
                    .defer_streamfields()
                    .order_by(start, "pk")[:limit]
                )
        upcoming.sort(key=lambda page: getattr(page, page.event_fields[0]))
        return upcoming[:limit]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_pages"] = self.featured_pages()
        context["latest_news"] = self.latest_news()
        context["upcoming_events"] = self.upcoming_events()
        return context


class HomePageFeaturedItem(Orderable):
    page = ParentalKey(HomePage, related_name="featured_items", on_delete=models.CASCADE)
    target = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Seite",
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("target", ["concepts.ConceptPage", "casestudies.CaseStudyPage"])]

    class Meta(Orderable.Meta):
        verbose_name = "Hervorgehobene Seite"
        verbose_name_plural = "Hervorgehobene Seiten"
