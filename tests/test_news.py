"""Aktuelles: newest first, ten per page, the year archive, German dates."""

import pytest

from news.models import NEWS_PER_PAGE
from tests.helpers import find_nav, html_lang, links_to, main, main_text, soup, text_of

URL = "/aktuelles/"
PAGE_1 = [f"/aktuelles/meldung-{i:02d}/" for i in range(10, 0, -1)]
PAGE_2 = ["/aktuelles/clusterkonferenz-vechta/", "/aktuelles/tagung-laendlicher-raum/"]


def news_links(response, site_tree):
    return links_to(main(response), [n.url for n in site_tree.news])


def test_newest_first_ten_per_page(client, site_tree):
    assert NEWS_PER_PAGE == 10
    first = client.get(URL)
    assert first.status_code == 200
    assert news_links(first, site_tree) == PAGE_1
    second = client.get(URL, {"page": "2"})
    assert news_links(second, site_tree) == PAGE_2
    assert "Seite 2 von 2" in main_text(second)


def test_list_shows_german_dates(client, site_tree):
    text = main_text(client.get(URL, {"page": 2}))
    assert "24.04.2007" in text
    assert "05.11.2007" in text
    assert "2007-04-24" not in text
    text = main_text(client.get(URL))
    assert "19.05.2009" in text
    assert "10.01.2008" in text


def test_drafts_are_not_listed(client, site_tree):
    for page in (1, 2):
        assert "Unveröffentlichte Meldung" not in main_text(client.get(URL, {"page": page}))


@pytest.mark.parametrize(
    ("value", "expected"),
    [("abc", PAGE_1), ("-1", PAGE_1), ("0", PAGE_1), ("99999", PAGE_2), ("9" * 40, PAGE_2)],
)
def test_page_parameter_bounds(client, site_tree, value, expected):
    response = client.get(URL, {"page": value})
    assert response.status_code == 200
    assert news_links(response, site_tree) == expected


def test_year_archive_shows_only_that_year(client, site_tree):
    response = client.get("/aktuelles/2007/")
    assert response.status_code == 200
    assert news_links(response, site_tree) == PAGE_2
    assert "2007" in text_of(main(response).find("h1"))
    response = client.get("/aktuelles/2008/")
    assert news_links(response, site_tree) == PAGE_1[5:]
    assert "19.05.2009" not in main_text(response)


def test_year_archive_paginates_and_survives_bad_page_values(client, site_tree):
    for page in ("abc", "99999", "-5"):
        response = client.get("/aktuelles/2007/", {"page": page})
        assert response.status_code == 200
        assert news_links(response, site_tree) == PAGE_2


def test_archive_links_list_the_years_with_news(client, site_tree):
    response = client.get(URL)
    years = [a["href"] for a in main(response).find_all("a") if a["href"][11:15].isdigit()]
    assert years == ["/aktuelles/2009/", "/aktuelles/2008/", "/aktuelles/2007/"]
    # 2006 has only a draft: no link, and the archive page does not exist.
    assert "/aktuelles/2006/" not in years


@pytest.mark.parametrize(
    "url",
    [
        "/aktuelles/1999/",
        "/aktuelles/2006/",  # only a draft
        "/aktuelles/99999/",
        "/aktuelles/0/",
        "/aktuelles/" + "9" * 30 + "/",
        "/aktuelles/2007/extra/",
        "/aktuelles/zweitausendsieben/",
    ],
)
def test_unknown_years_are_a_german_404(client, site_tree, url):
    response = client.get(url)
    assert response.status_code == 404
    assert html_lang(response) == "de"
    assert "Seite nicht gefunden" in soup(response).get_text()


def test_news_page_date_and_back_link(client, site_tree):
    response = client.get("/aktuelles/tagung-laendlicher-raum/")
    body = main(response)
    assert "24.04.2007" in text_of(body)
    assert URL in [a.get("href") for a in body.find_all("a")]
    # Breadcrumbs lead back through the section.
    crumbs = [a["href"] for a in find_nav(response, "Brotkrumen").find_all("a")]
    assert crumbs == ["/", URL]
