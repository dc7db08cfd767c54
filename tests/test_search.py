"""Site search: German terms, only live pages, safe with odd input."""

import pytest

from tests.helpers import html_lang, main, main_text

URL = "/suche/"


def result_links(response):
    return [a.get("href") for a in main(response).find_all("a")]


def test_search_finds_live_pages(client, site_tree):
    response = client.get(URL, {"q": "Logistikdrehscheibe"})
    assert response.status_code == 200
    assert "/praxisbeispiele/logistik-leipzig/" in result_links(response)
    assert "Logistikdrehscheibe Leipzig" in main_text(response)


def test_search_does_not_find_drafts(client, site_tree):
    response = client.get(URL, {"q": "Hafenkooperation"})
    assert response.status_code == 200
    assert "/praxisbeispiele/hafenkooperation-bremen/" not in result_links(response)
    assert "Keine Ergebnisse" in main_text(response)


def test_search_without_query_explains_itself(client, site_tree):
    response = client.get(URL)
    assert response.status_code == 200
    assert html_lang(response) == "de"
    assert "Suchbegriff" in main_text(response)


@pytest.mark.parametrize(
    "query",
    ["", "   ", "a" * 5000, "' OR 1=1 --", "<script>alert(1)</script>", "Cluster & Co", "%"],
)
def test_odd_queries_do_not_crash(client, site_tree, query):
    response = client.get(URL, {"q": query, "page": "abc"})
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


def test_query_is_shown_back_to_the_visitor(client, site_tree):
    response = client.get(URL, {"q": "  Maschinenbau   Ostwestfalen "})
    text = main_text(response)
    assert "„Maschinenbau Ostwestfalen“" in text


def test_german_stemming_on_postgresql(client, site_tree):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("German stemming is a PostgreSQL feature (SEARCH_CONFIG 'german')")
    # "Partnerschaften" finds the page titled "... Partnerschaft" and vice versa.
    response = client.get(URL, {"q": "Partnerschaften"})
    assert "/konzept/grundidee/" in result_links(response)
