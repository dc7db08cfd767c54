"""Every page type renders with a small, fixed number of database queries: at most 12 on a
warm request (image renditions made), and the same number with the initial content as with
many more news items, case studies and events (no query per card, tag, Branche or link).

The module loads the initial content once, measures every page, adds news items and case
studies with ``generate_demo_load`` (images, tags, Branchen and cited concept pages shared
with the initial content) and measures again.
"""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from casestudies.models import CaseStudyConceptLink, CaseStudyPage
from news.models import EventPage, NewsPage
from tests.conftest import outer_transaction

MAX_QUERIES = 12
MORE_NEWS = 56  # 4 + 56 = 60 news items: six pages of ten
MORE_CASE_STUDIES = 33  # 7 + 33 = 40 case studies: four pages of twelve
MORE_EVENTS = 56  # 4 + 56 = 60 events, upcoming and past: six pages of ten

PAGES = {
    "home": "/",
    "standard": "/impressum/",
    "contact": "/kontakt/",
    "concept_index": "/konzept/",
    "concept": "/konzept/strategische-partnerschaft/",
    "case_study_index": "/praxisbeispiele/",
    "case_study_index_page_2": "/praxisbeispiele/?page=2",
    "case_study_filter": "/praxisbeispiele/?branche=logistik&bundesland=sachsen-anhalt"
    "&phase=umsetzung",
    "case_study_filter_branche": "/praxisbeispiele/?branche=logistik",
    # One with "more case studies" in both data sets (without any the cards need no query).
    "case_study": "/praxisbeispiele/kunststoffverarbeitung-in-suedwestfalen/",
    "case_study_bibtex": "/praxisbeispiele/kunststoffverarbeitung-in-suedwestfalen/zitat/bibtex/",
    "concept_ris": "/konzept/strategische-partnerschaft/zitat/ris/",
    "news_index": "/aktuelles/",
    "news_index_page_2": "/aktuelles/?page=2",
    "news_tag": "/aktuelles/?tag=cluster",
    "news_year": "/aktuelles/2007/",
    "news": "/aktuelles/fachkraefte-querschnittsthema-fuer-cluster/",
    "search": "/suche/?q=Partnerschaft",
    "search_case_studies": "/suche/?q=Partnerschaft&typ=praxisbeispiel",
    "search_news": "/suche/?q=Partnerschaft&typ=aktuelles",
    "search_nothing": "/suche/?q=Quantencomputer",
    "event_index": "/veranstaltungen/",
    "event_index_page_2": "/veranstaltungen/?page=2",
    "event_index_past": "/veranstaltungen/?page=5",
    "event_filter": "/veranstaltungen/?format=praesenz&bundesland=niedersachsen",
    "event_filter_thema": "/veranstaltungen/?thema=logistik",
    "event_past": "/veranstaltungen/tagung-wirtschaftsfoerderung-im-laendlichen-raum-2007/",
    "event": "/veranstaltungen/fachforum-partnerschaften-mit-unternehmen/",
    "search_events": "/suche/?q=Partnerschaft&typ=veranstaltung",
    "rss": "/aktuelles/feed/",
    "atom": "/aktuelles/atom/",
    "sitemap": "/sitemap.xml",
    "not_found": "/gibt-es-nicht/",
}


def warm_queries(client, url):
    """The queries of the second request (the first makes the image renditions)."""
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    expected = 404 if url == PAGES["not_found"] else 200
    assert response.status_code == expected, url
    return len(ctx.captured_queries)


@pytest.fixture(scope="module")
def _measured(django_db_setup, django_db_blocker):
    with outer_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            call_command("load_initial_content", stdout=io.StringIO())
            client = Client()
            small = {name: warm_queries(client, url) for name, url in PAGES.items()}
            sizes = {"news": NewsPage.objects.live().count()}
            call_command(
                "generate_demo_load",
                "--news",
                str(MORE_NEWS),
                "--casestudies",
                str(MORE_CASE_STUDIES),
                "--events",
                str(MORE_EVENTS),
                stdout=io.StringIO(),
            )
            sizes["more_news"] = NewsPage.objects.live().count()
            sizes["more_case_studies"] = CaseStudyPage.objects.live().count()
            sizes["concept_links"] = CaseStudyConceptLink.objects.count()
            sizes["more_events"] = EventPage.objects.live().count()
        yield {"small": small, "sizes": sizes}


@pytest.fixture
def measured(_measured, db):
    return _measured


def test_the_larger_set_spans_several_listing_pages(measured):
    sizes = measured["sizes"]
    assert sizes["news"] < 12
    assert sizes["more_news"] >= 60  # six pages of news
    assert sizes["more_case_studies"] >= 40  # four pages of case studies
    assert sizes["concept_links"] >= MORE_CASE_STUDIES  # every new case study cites a concept
    assert sizes["more_events"] >= 60  # six pages of events


@pytest.mark.parametrize("name", PAGES)
def test_queries_are_few_and_do_not_grow_with_the_content(
    measured, client, django_assert_max_num_queries, name
):
    url = PAGES[name]
    client.get(url)  # renditions of the new items' images
    with django_assert_max_num_queries(MAX_QUERIES) as captured:
        response = client.get(url)
    assert response.status_code == (404 if name == "not_found" else 200)
    small = measured["small"][name]
    assert small <= MAX_QUERIES, f"{url}: {small} queries with the initial content"
    assert len(captured) == small, (
        f"{url}: {small} queries with the initial content, {len(captured)} with "
        f"{MORE_NEWS} more news items, {MORE_CASE_STUDIES} more case studies and {MORE_EVENTS} "
        "more events"
    )
