"""The read-only open-data API (Wagtail's API v2 at /api/v2/): only public live pages, the
finder's filters, JSON only, rate-limited with a German message."""

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from casestudies.models import CaseStudyPage

API = "/api/v2/"


def titles(response):
    return [item["title"] for item in response.json()["items"]]


def test_pages_are_listed_without_drafts_or_restricted_pages(client, site_tree):
    restricted = CaseStudyPage.objects.get(pk=site_tree.case_studies["leipzig"].pk)
    PageViewRestriction.objects.create(
        page=restricted, restriction_type="password", password="geheim"
    )
    response = client.get(API + "pages/", {"limit": 100})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    found = titles(response)
    assert site_tree.concepts[0].title in found
    assert site_tree.draft_case_study.title not in found
    assert site_tree.draft_news.title not in found
    assert restricted.title not in found
    assert client.get(API + f"pages/{restricted.pk}/").status_code == 404
    assert client.get(API + f"pages/{site_tree.draft_case_study.pk}/").status_code == 404


@pytest.mark.parametrize(
    "filters",
    [{}, {"bundesland": "niedersachsen"}, {"branche": "maschinenbau", "phase": "analyse"}],
)
def test_the_case_study_endpoint_has_the_finders_filters(client, site_tree, filters):
    index = site_tree.cs_index
    ids = client.get(index.url, filters).context["case_study_page"].object_list
    expected = [CaseStudyPage.objects.get(pk=pk).title for pk in ids]
    response = client.get(API + "praxisbeispiele/", {**filters, "fields": "*"})
    assert response.status_code == 200
    assert titles(response) == expected
    for item in response.json()["items"]:
        assert {"kommune", "bundesland", "branchen", "phase", "zeitraum"} <= set(item)


def test_an_unknown_filter_is_a_400_in_german(client, site_tree):
    response = client.get(API + "praxisbeispiele/", {"bundesland": "atlantis"})
    assert response.status_code == 400
    assert "Unbekannter Filterwert" in response.json()["message"]


def test_images_and_documents_endpoints_answer(client, site_tree):
    assert client.get(API + "images/").status_code == 200
    assert client.get(API + "documents/").status_code == 200


def test_no_browsable_html_api(client, site_tree):
    response = client.get(API + "pages/", HTTP_ACCEPT="text/html")
    assert not response["Content-Type"].startswith("text/html")


def test_the_api_is_rate_limited_with_a_german_message(client, site_tree, settings):
    settings.API_RATE = "3/min"
    cache.clear()
    codes = [client.get(API + "pages/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    response = client.get(API + "pages/")
    assert "Anfrage" in response.json()["detail"] and response.has_header("Retry-After")
