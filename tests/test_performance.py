"""Listings stay fast as content grows: the number of queries does not depend on the number of
items shown (no query per card)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from casestudies.models import CaseStudyConceptLink
from tests.factories import (
    CaseStudyPageFactory,
    ConceptPageFactory,
    ImageFactory,
    NewsPageFactory,
)

URLS = [
    "/",
    "/konzept/",
    "/praxisbeispiele/",
    "/aktuelles/",
    "/aktuelles/2010/",
    "/aktuelles/?tag=neu",
    "/aktuelles/feed/",
    "/aktuelles/atom/",
    "/sitemap.xml",
    "/suche/?q=Neu",
    "/suche/?q=Neu&typ=praxisbeispiel",
    "/praxisbeispiele/logistik-leipzig/",  # "Weitere Praxisbeispiele" grows with the Branche
    "/konzept/grundidee/",  # case studies citing the concept grow
]


def queries(client, url):
    client.get(url)  # image renditions are made (and cached) on the first request
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def add_items(site_tree, start, n):
    for i in range(start, start + n):
        image = ImageFactory(title=f"Listenbild {i}")
        case_study = CaseStudyPageFactory(
            parent=site_tree.cs_index,
            title=f"Neu Beispiel {i:02d}",
            slug=f"neu-beispiel-{i:02d}",
            listing_image=image,
            phase=site_tree.phasen["analyse"],
            branchen=[site_tree.branchen["logistik"], site_tree.branchen["maschinenbau"]],
        )
        CaseStudyConceptLink.objects.create(page=case_study, concept=site_tree.concepts[0])
        news = NewsPageFactory(
            parent=site_tree.news_index,
            title=f"Neu Meldung {i:02d}",
            slug=f"neu-meldung-{i:02d}",
            date=datetime.date(2010, 1, 1 + i),
            image=image,
            listing_image=image,
        )
        news.tags.add("Neu", f"Schlagwort {i}")
        news.save()
        ConceptPageFactory(
            parent=site_tree.concept_index,
            title=f"Neu Baustein {i:02d}",
            slug=f"neu-baustein-{i:02d}",
            listing_image=image,
        )


@pytest.mark.parametrize("url", URLS)
def test_query_count_does_not_grow_with_the_number_of_items(client, site_tree, url):
    add_items(site_tree, 0, 1)
    few = queries(client, url)
    add_items(site_tree, 1, 8)
    many = queries(client, url)
    assert many <= few, f"{url}: {few} queries with few items, {many} with many"
