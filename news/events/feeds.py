"""RSS 2.0 and Atom feeds of new events: the events newest published first, each with its
German date and place (django.contrib.syndication, like the news feeds)."""

from django.utils.feedgenerator import Atom1Feed

from news.feeds import FEED_ITEMS, NewsFeed


class EventFeed(NewsFeed):
    """The newest published events below ``index_page``."""

    def title(self):
        return "Neue Veranstaltungen – Strategische Partnerschaften"

    def description(self):
        return (
            self.index_page.teaser or "Neue Veranstaltungen rund um strategische Partnerschaften."
        )

    def items(self):
        return (
            self.index_page.events()
            .order_by("-first_published_at", "-pk")
            .prefetch_related("themen")[:FEED_ITEMS]
        )

    def item_description(self, item):
        parts = [item.when, item.place_label]
        if item.status_label:
            parts.insert(0, item.status_label)
        text = " · ".join(part for part in parts if part)
        return f"{text}. {item.teaser}" if item.teaser else text

    def item_pubdate(self, item):
        return item.first_published_at

    def item_categories(self, item):
        return [theme.name for theme in item.themen.all()]


class EventAtomFeed(EventFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
