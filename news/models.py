from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from news.feeds import NewsAtomFeed, NewsFeed
from partnerships.blocks import BodyStreamBlock
from partnerships.listing import clean_param, paginate
from partnerships.models.base import SHARING, BasePage, IndexPage, promote_panels
from partnerships.models.images import CustomImage
from partnerships.routing import public_q
from partnerships.seo.canonical import with_canonical

NEWS_PER_PAGE = 10
MAX_TAG_LENGTH = 100
# Paths the news index answers itself; a news item with such a slug would be unreachable.
RESERVED_SLUGS = {"feed", "atom"}


class NewsTagFilterForm(forms.Form):
    """The news list's filter (``?tag=``) as a form, for following news by e-mail."""

    tag = forms.ChoiceField(label="Schlagwort", required=False)

    FIELDS = ("tag",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        tags = Tag.objects.filter(news_newspagetag_items__isnull=False).distinct()
        self.fields["tag"].choices = [
            ("", "Alle Schlagwörter"),
            *tags.order_by("name").values_list("slug", "name"),
        ]


class NewsIndexPage(RoutablePageMixin, IndexPage):
    subpage_types = ["news.NewsPage"]
    has_feeds = True
    follow_label = "Meldungen"
    follow_filter_form = NewsTagFilterForm
    page_description = "Die Nachrichtenübersicht „Aktuelles“, neueste zuerst, mit Jahresarchiv."

    class Meta:
        verbose_name = "Nachrichten-Übersicht"
        verbose_name_plural = "Nachrichten-Übersichten"

    def news_items(self):
        # Lists and feeds show no images: no image joins.
        return self.live_children(NewsPage).order_by("-date", "-pk")

    def follow_pages(self, filters):
        items = self.news_items()
        if "tag" in filters:
            items = items.filter(tagged_items__tag__slug=filters["tag"])
        return items

    def archive_years(self):
        """Years with news, newest first."""
        return [d.year for d in self.news_items().dates("date", "year", order="DESC")]

    def news_count(self):
        """The number of news items."""
        return self.news_items().count()

    def get_context(self, request, *args, year=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = self.news_items()
        if year is not None:
            items = items.filter(date__year=year)
        # ?tag=<slug>: news with that tag. An unknown or odd value gives an empty list.
        tag_slug = clean_param(request.GET.get("tag", ""), MAX_TAG_LENGTH)
        tag = None
        if tag_slug and year is None:
            tag = Tag.objects.filter(slug=tag_slug).first()
            items = items.filter(tagged_items__tag=tag) if tag else items.none()
        count = self.news_count() if year is None and not tag_slug else None
        context["news_page"] = paginate(request, items, NEWS_PER_PAGE, count=count)
        context["archive_years"] = self.archive_years()
        context["year"] = year
        context["tag_slug"] = tag_slug if year is None else ""
        context["index_url"] = self.get_url(request)  # for the archive links
        context["tag"] = tag
        # The list's own address: the year or a known tag, and the page shown.
        query = {"tag": tag.slug} if tag else {}
        if context["news_page"].number > 1:
            query["page"] = context["news_page"].number
        context["canonical_url"] = (
            self.get_full_url(request)
            + (f"{year}/" if year is not None else "")
            + ("?" + urlencode(query) if query else "")
        )
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("feed/", name="feed")
    def rss_feed(self, request):
        return with_canonical(NewsFeed(self)(request), self.get_full_url(request) + "feed/")

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return with_canonical(NewsAtomFeed(self)(request), self.get_full_url(request) + "atom/")

    @path("<int:year>/")
    def year_archive(self, request, year):
        if year not in self.archive_years():
            raise Http404("Für dieses Jahr gibt es keine Meldungen.")
        return self.render(request, year=year)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(BasePage):
    date = models.DateField(
        "Datum", default=timezone.localdate, help_text="Erscheint als z. B. 24.04.2007."
    )
    body = StreamField(BodyStreamBlock(), verbose_name="Inhalt")
    image = models.ForeignKey(
        CustomImage,
        verbose_name="Bild",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Erscheint groß über dem Text der Meldung, der Bildnachweis darunter. Ohne "
        "Vorschaubild (Reiter „Veröffentlichung“) auch beim Teilen in sozialen Netzwerken.",
    )
    tags = ClusterTaggableManager(
        "Schlagwörter", through=NewsPageTag, blank=True, help_text="Kommagetrennt."
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("teaser"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    promote_panels = promote_panels(
        f"Erscheint nur {SHARING}; die Listen der Meldungen zeigen keine Bilder. Leer: das Bild "
        "der Meldung."
    )

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    page_description = "Eine datierte Meldung unter „Aktuelles“."

    class Meta:
        verbose_name = "Meldung"
        verbose_name_plural = "Meldungen"
        ordering = ["-date"]
        # Lists, feeds and the home page show the newest first: with this index the
        # database reads the first ten in order instead of sorting every news item.
        indexes = [models.Index(fields=["-date", "-page_ptr"], name="news_newest_first")]

    type_label = "Meldung"
    search_filter = ("aktuelles", "Aktuelles")
    schema_type = "NewsArticle"
    card_image_fields = ("listing_image", "image")
    listing_date_field = "date"
    route_select_related = ("listing_image", "image")

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS or self.slug.isdigit():
            raise ValidationError(
                {
                    "slug": "Dieser Kurztitel ist für die Übersicht reserviert (Feeds und "
                    "Jahresarchiv). Bitte wählen Sie einen anderen."
                }
            )

    @property
    def published_date(self):
        return self.date

    def tag_list(self):
        """The news item's tags, in their order."""
        return list(self.tags.all())

    def events(self):
        """The live, public events that name this news item among their related pages (the
        report of a Tagung links back to it)."""
        from news.events.models import EventPage

        return list(
            EventPage.objects.live()
            .filter(public_q(), related_pages__target=self)
            .defer_streamfields()
            .order_by("-starts_at")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tags"] = self.tag_list()
        context["events"] = self.events()
        return context


# The event pages (news and events are „Aktuelles“ to visitors): see news/events/models.py.
from news.events.models import (  # noqa: E402
    EventContactPerson,
    EventIndexPage,
    EventPage,
    EventPartner,
    EventRelatedPage,
)

__all__ = [
    "EventContactPerson",
    "EventIndexPage",
    "EventPage",
    "EventPartner",
    "EventRelatedPage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
]
