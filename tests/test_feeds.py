"""News feeds (RSS 2.0, Atom) read with a real feed parser, their discovery links, and the tag
listing at /aktuelles/?tag=…."""

import datetime

import feedparser
import pytest
from django.core.exceptions import ValidationError

from tests.factories import NewsPageFactory
from tests.helpers import main, main_text, soup

RSS = "/aktuelles/feed/"
ATOM = "/aktuelles/atom/"


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, f"{url} is not a well-formed feed: {feed.bozo_exception}"
    return response, feed


def test_rss_feed_lists_the_newest_news_with_absolute_links(client, site_tree):
    response, feed = parse(client, RSS)
    assert response["Content-Type"].startswith("application/rss+xml")
    assert feed.version == "rss20"
    assert feed.feed.title == "Aktuelles – Strategische Partnerschaften"
    assert feed.feed.link == "http://localhost/aktuelles/"
    assert feed.feed.language == "de"
    # Twelve live news items, newest first; the draft is not in the feed.
    titles = [entry.title for entry in feed.entries]
    assert len(titles) == 12
    assert titles[0] == "Meldung aus 2009 Nr. 10"
    assert titles[-1] == site_tree.seed_news.title
    assert "Unveröffentlichte Meldung" not in titles
    seed = feed.entries[-1]
    assert seed.link == "http://localhost/aktuelles/tagung-laendlicher-raum/"
    assert seed.summary == "Tagung in Oldenburg am 21. und 22.04.2007."
    assert seed.published_parsed[:3] == (2007, 4, 23)  # midnight in Berlin is 22:00 UTC
    assert "+0200" in seed.published


def test_atom_feed_has_the_same_items(client, site_tree):
    response, feed = parse(client, ATOM)
    assert response["Content-Type"].startswith("application/atom+xml")
    assert feed.version == "atom10"
    entries = feed.entries
    assert len(entries) == 12
    assert entries[-1].link == "http://localhost/aktuelles/tagung-laendlicher-raum/"
    assert entries[-1].summary == "Tagung in Oldenburg am 21. und 22.04.2007."
    assert entries[-1].published.startswith("2007-04-24T00:00:00+02:00")
    assert entries[0].updated  # Atom requires <updated> on every entry


def test_feeds_stop_at_twenty_items_and_keep_tags(client, site_tree):
    for i in range(15):
        NewsPageFactory(
            parent=site_tree.news_index,
            title=f"Neu {i:02d}",
            slug=f"neu-{i:02d}",
            date=datetime.date(2011, 1, 1 + i),
        )
    tagged = NewsPageFactory(
        parent=site_tree.news_index, title="Mit Schlagwort", date=datetime.date(2012, 1, 1)
    )
    tagged.tags.add("Fachkräfte")
    tagged.save()
    for url in (RSS, ATOM):
        _, feed = parse(client, url)
        assert len(feed.entries) == 20
        assert feed.entries[0].title == "Mit Schlagwort"
        assert [t.term for t in feed.entries[0].tags] == ["Fachkräfte"]


def test_every_page_announces_both_feeds(client, site_tree):
    for url in ("/", "/konzept/grundidee/", "/praxisbeispiele/", "/aktuelles/", "/suche/"):
        head = soup(client.get(url)).head
        links = {
            link["type"]: link["href"]
            for link in head.find_all("link", rel="alternate")
            if link.get("type")
        }
        assert links == {
            "application/rss+xml": "http://localhost/aktuelles/feed/",
            "application/atom+xml": "http://localhost/aktuelles/atom/",
        }, url


def test_feed_paths_cannot_be_taken_by_news_slugs(site_tree):
    for slug in ("feed", "atom", "2007"):
        page = NewsPageFactory.build(title="Kollision", slug=slug)
        with pytest.raises(ValidationError) as error:
            page.clean()
        assert "reserviert" in str(error.value)


# --- Tags -----------------------------------------------------------------------------------


@pytest.fixture
def tagged_news(site_tree):
    pages = site_tree.news[:3]
    for page, tags in zip(pages, (["Fachkräfte", "Cluster"], ["Cluster"], ["Tagung"]), strict=True):
        page.tags.add(*tags)
        page.save()
    return pages


def test_tags_on_a_news_page_link_to_the_tag_listing(client, tagged_news):
    response = client.get(tagged_news[0].url)
    tags = {a.get_text(strip=True): a["href"] for a in main(response).select(".tags a")}
    assert tags == {
        "Cluster": "/aktuelles/?tag=cluster",
        "Fachkräfte": "/aktuelles/?tag=fachkraefte",
    }
    # The link works (new tags get the German slug rule: ä → ae).
    listing = client.get(tags["Fachkräfte"])
    assert [a["href"] for a in main(listing).select(".news-item a")] == [tagged_news[0].url]


def test_tag_listing_shows_only_news_with_that_tag(client, tagged_news):
    response = client.get("/aktuelles/", {"tag": "cluster"})
    assert response.status_code == 200
    text = main_text(response)
    assert "Aktuelles zum Schlagwort „Cluster“" in text
    links = [a["href"] for a in main(response).select(".news-item a")]
    assert links == [tagged_news[1].url, tagged_news[0].url]
    assert soup(response).title.get_text().startswith("Aktuelles zum Schlagwort „Cluster“")


@pytest.mark.parametrize(
    "value",
    [
        "gibt-es-nicht",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "x" * 2000,
        "%00",
        "a\x00b",
        "ä/ö",
    ],
)
def test_unknown_or_odd_tags_give_an_empty_list_with_a_hint(client, tagged_news, value):
    response = client.get("/aktuelles/", {"tag": value, "page": "-1"})
    assert response.status_code == 200
    assert main(response).select(".news-item") == []
    assert "gibt es keine Meldungen" in main_text(response)
    assert b"<script>alert(1)</script>" not in response.content


def test_repeated_tag_parameter_uses_the_last_value(client, tagged_news):
    response = client.get("/aktuelles/?tag=nix&tag=tagung")
    assert [a["href"] for a in main(response).select(".news-item a")] == [tagged_news[2].url]
