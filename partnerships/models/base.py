"""The abstract pages every page type builds on, and what the core reads from page types.

Page types describe themselves with class attributes (``type_label``, ``search_filter``,
``card_image_fields``, ``schema_type``, ``listing_date_field``); the core reads them here
instead of naming feature apps.
"""

import functools

from django.apps import apps
from django.db import models
from django.db.models import F
from django.db.models.functions import Coalesce
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from partnerships import routing
from partnerships.blocks import RICH_TEXT_FEATURES
from partnerships.editorial.scheduling import EditableWhenScheduledMixin
from partnerships.editorial.slug_fields import GermanSlugPageForm
from partnerships.seo import description

SHARING = "beim Teilen in sozialen Netzwerken und Messengern"
SHOW_IN_MENUS_HELP = (
    "Wirkt nur bei Seiten direkt unter der Startseite: Sie stehen dann im Hauptmenü und auf "
    "der Startseite unter „Auf dieser Website“."
)


def promote_panels(listing_image_help, show_in_menus=False):
    """The "Promote" tab: Wagtail's fields for search engines, „In Menüs anzeigen“ only for
    types whose pages can be a menu item (``show_in_menus`` is read for the home page's
    children only, ``partnerships.templatetags.navigation_tags``), and the „Vorschaubild“
    with where this type shows it (``listing_image_help``)."""
    search_engines, menus = Page.promote_panels
    panels = [search_engines]
    if show_in_menus:
        panels.append(
            MultiFieldPanel(
                [FieldPanel("show_in_menus", help_text=SHOW_IN_MENUS_HELP)],
                heading="Für Seitenmenü",
            )
        )
    panels.append(
        MultiFieldPanel(
            [FieldPanel("listing_image", help_text=listing_image_help)], heading="Übersichten"
        )
    )
    return panels


# Where the „Vorschaubild“ of a page appears that no list shows with an image.
ONLY_SHARING_HELP = (
    f"Erscheint nur {SHARING}; keine Übersicht zeigt diese Seite mit Bild. Leer: das "
    "Standard-Vorschaubild aus den Website-Einstellungen."
)


class BasePage(EditableWhenScheduledMixin, Page):
    """Fields every page has: a teaser for listings and meta descriptions, a listing image."""

    teaser = models.TextField(
        "Kurzbeschreibung",
        blank=True,
        max_length=400,
        help_text="Ein bis zwei Sätze für Übersichten, Suchergebnisse und Vorschauen.",
    )
    listing_image = models.ForeignKey(
        "partnerships.CustomImage",
        verbose_name="Vorschaubild",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Erscheint in Übersichten und beim Teilen in sozialen Netzwerken.",
    )

    search_fields = [*Page.search_fields, index.SearchField("teaser")]
    promote_panels = promote_panels(ONLY_SHARING_HELP, show_in_menus=True)

    # German slugs (ä → ae …) and the slug's help text with this site's address.
    base_form_class = GermanSlugPageForm

    # Loaded together with the page when it is served (see partnerships.routing.route).
    route_select_related = ("listing_image",)

    # What visitors read as the kind of page (search results, cards); None: verbose_name.
    type_label = None
    # (URL value, label) of the search's type filter for this type, or None.
    search_filter = None
    # Image fields for the teaser card and sharing, in order of preference.
    card_image_fields = ("listing_image",)
    # schema.org type of the page's JSON-LD (e.g. "Article"), or None.
    schema_type = None
    # A date field listings (search results) show beside the type, or None.
    listing_date_field = None

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        return routing.view_restrictions(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The page's own address (``<link rel="canonical">``); lists add the query they show.
        context.setdefault("canonical_url", self.get_full_url(request))
        return context

    @property
    def meta_description(self):
        return description.meta_description(self)

    @property
    def listing_date(self):
        return getattr(self, self.listing_date_field) if self.listing_date_field else None

    @property
    def card_image(self):
        """The first image of ``card_image_fields`` that is set, or None."""
        for name in self.card_image_fields:
            image = getattr(self, name, None)
            if image is not None:
                return image
        return None


class IndexPage(BasePage):
    """A section's overview below the home page (once per site): an introduction and a list
    of the section's pages, which the subclass builds."""

    intro = RichTextField("Einleitung", features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("teaser"), FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["partnerships.HomePage"]
    max_count = 1
    type_label = "Übersicht"
    # True for the news section: its items have RSS and Atom feeds (routes "feed", "atom"),
    # which every page's head links, and the home page's news link goes there.
    has_feeds = False

    class Meta:
        abstract = True

    def live_children(self, model):
        """The live, public pages of ``model`` below this index, without their StreamFields."""
        return model.objects.child_of(self).live().filter(routing.public_q()).defer_streamfields()


@functools.cache
def page_types():
    """The concrete page types built on ``BasePage``, in the order of ``INSTALLED_APPS``."""
    return tuple(
        model
        for model in apps.get_models()
        if issubclass(model, BasePage) and not model._meta.abstract
    )


def type_label(model):
    """A short German label for pages of ``model``, e.g. "Praxisbeispiel"."""
    return getattr(model, "type_label", None) or model._meta.verbose_name


@functools.cache
def search_filters():
    """{URL value: (label, model)} of the search's type filter, in the order of the types."""
    return {
        model.search_filter[0]: (model.search_filter[1], model)
        for model in page_types()
        if model.search_filter
    }


def _first_set(names):
    """The first of the (LEFT JOINed) fields ``names`` that is not NULL; None without names."""
    if not names:
        return None
    return Coalesce(*names) if len(names) > 1 else F(names[0])


def teaser_expression(models):
    """The ``teaser`` of pages of any of ``models`` in one query (LEFT JOINs to their tables),
    for a query on ``Page``; None without models."""
    return _first_set([f"{model._meta.model_name}__teaser" for model in models])


def listing_date_expression():
    """The listing date of pages of any type (``listing_date_field``), for a query on ``Page``."""
    names = [
        f"{model._meta.model_name}__{model.listing_date_field}"
        for model in page_types()
        if model.listing_date_field
    ]
    return _first_set(names) or models.Value(None, output_field=models.DateField())
