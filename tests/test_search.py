"""Site search: German terms, only live pages, safe with odd input."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from casestudies.models import CaseStudyPage, CaseStudyPartner
from news.models import NewsPage
from tests.factories import NewsPageFactory
from tests.helpers import html_lang, main, main_text, text_of

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


def test_html_in_the_query_is_shown_as_text(client, site_tree):
    response = client.get(URL, {"q": "Netzwerk <b>fett</b>"})
    assert "„Netzwerk &lt;b&gt;fett&lt;/b&gt;“" in response.content.decode()
    assert main(response).find("b") is None


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


# --- Results: type, date, highlighted teaser, pagination ------------------------------------


def results(response):
    return main(response).select("ol.result-list > li.result")


def test_results_show_title_type_date_and_highlighted_teaser(client, site_tree):
    response = client.get(URL, {"q": "Oldenburg"})
    items = results(response)
    news = next(r for r in items if "Wirtschaftsförderer" in r.get_text())
    assert "Meldung · 24.04.2007" in text_of(news.select_one(".result__type"))
    marks = [m.get_text() for m in news.select(".result__text mark")]
    assert marks == ["Oldenburg"]


def test_highlighting_escapes_the_teaser_and_the_query(client, site_tree):
    NewsPageFactory(
        parent=site_tree.news_index,
        title="Sonderzeichen im Anriss",
        slug="sonderzeichen",
        teaser='Netzwerk <script>alert("t")</script> & Kooperation für Netzwerke',
    )
    response = client.get(URL, {"q": "Netzwerk"})
    assert b'<script>alert("t")</script>' not in response.content
    item = next(r for r in results(response) if "Sonderzeichen" in r.get_text())
    text = item.select_one(".result__text")
    # Only the matched words are marked; the markup in the teaser is shown as text.
    assert [m.get_text() for m in text.select("mark")] == ["Netzwerk", "Netzwerke"]
    assert '<script>alert("t")</script>' in text.get_text()
    assert text.find("script") is None


def test_ten_results_per_page(client, site_tree):
    for i in range(13):
        NewsPageFactory(
            parent=site_tree.news_index, title=f"Zukunftswerkstatt {i:02d}", slug=f"zw-{i:02d}"
        )
    first = client.get(URL, {"q": "Zukunftswerkstatt"})
    assert len(results(first)) == 10
    assert "13 Ergebnisse" in main_text(first)
    second = client.get(URL, {"q": "Zukunftswerkstatt", "page": "2"})
    assert len(results(second)) == 3
    assert "Seite 2 von 2" in main_text(second)
    # The pagination keeps the query.
    next_link = main(first).select_one(".pagination a[rel=next]")["href"]
    assert next_link == "/suche/?q=Zukunftswerkstatt&page=2"


@pytest.mark.parametrize("page", ["-1", "0", "abc", "99999", "9" * 40])
def test_bad_page_numbers_give_a_normal_page(client, site_tree, page):
    response = client.get(URL, {"q": "Maschinenbau", "page": page})
    assert response.status_code == 200
    assert results(response)


# --- Type filter ----------------------------------------------------------------------------


def type_filter(response):
    nav = main(response).find("nav", attrs={"aria-label": "Ergebnisse eingrenzen"})
    assert nav is not None
    return {text_of(a): a for a in nav.find_all("a")}


def test_type_filter_narrows_results_and_shows_counts(client, site_tree):
    NewsPageFactory(parent=site_tree.news_index, title="Maschinenbau-Tag", slug="maschinenbau-tag")
    response = client.get(URL, {"q": "Maschinenbau"})
    links = type_filter(response)
    assert set(links) == {
        "Alle (3)",
        "Konzept (0)",
        "Praxisbeispiel (2)",
        "Aktuelles (1)",
        "Veranstaltungen (0)",
    }
    assert links["Alle (3)"].get("aria-current") == "page"
    assert links["Praxisbeispiel (2)"]["href"] == "/suche/?q=Maschinenbau&typ=praxisbeispiel"

    filtered = client.get(links["Praxisbeispiel (2)"]["href"])
    assert {text_of(r.select_one(".result__type")) for r in results(filtered)} == {"Praxisbeispiel"}
    assert len(results(filtered)) == 2
    assert type_filter(filtered)["Praxisbeispiel (2)"].get("aria-current") == "page"
    news = client.get(URL, {"q": "Maschinenbau", "typ": "aktuelles"})
    assert [text_of(r.h3) for r in results(news)] == ["Maschinenbau-Tag"]


def test_unknown_type_means_all_types(client, site_tree):
    response = client.get(URL, {"q": "Maschinenbau", "typ": "<script>"})
    assert response.status_code == 200
    assert len(results(response)) == 2


def test_empty_type_result_offers_all_areas(client, site_tree):
    response = client.get(URL, {"q": "Maschinenbau", "typ": "konzept"})
    text = main_text(response)
    assert "Keine Ergebnisse für „Maschinenbau“ in „Konzept“" in text
    assert "/suche/?q=Maschinenbau" in [a["href"] for a in main(response).find_all("a")]


# --- No results, promotions, query statistics -----------------------------------------------


def test_no_results_message_suggests_the_sections_and_the_finder(client, site_tree):
    response = client.get(URL, {"q": "Quantencomputer"})
    text = main_text(response)
    assert "Keine Ergebnisse für „Quantencomputer“" in text
    assert "Prüfen Sie die Schreibweise" in text
    links = [a["href"] for a in main(response).select(".notice a")]
    assert {"/konzept/", "/praxisbeispiele/", "/aktuelles/"} <= set(links)
    assert "nach Branche, Bundesland und Projektphase filtern" in text


def test_editors_promotions_come_first(client, site_tree):
    query = Query.get("cluster")
    SearchPromotion.objects.create(
        query=query, page=site_tree.concepts[2], sort_order=0, description="Unser Einstieg."
    )
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://example.org/clusterstudie",
        external_link_text="Clusterstudie (PDF)",
        sort_order=1,
    )
    SearchPromotion.objects.create(query=query, page=site_tree.draft_news, sort_order=2)
    response = client.get(URL, {"q": "  Cluster "})
    body = main(response)
    section = body.find("section", class_="search-promotions")
    assert text_of(section.h2) == "Empfehlungen"
    links = [a["href"] for a in section.find_all("a")]
    # Live pages and external links in the editors' order; the draft is left out.
    assert links == ["/konzept/massnahmen/", "https://example.org/clusterstudie"]
    assert "Unser Einstieg." in text_of(section)
    # The promotions come before the ordinary results and are not repeated there.
    ordinary = body.find("section", class_="search-results")
    assert section.sourceline < ordinary.sourceline
    assert "/konzept/massnahmen/" not in [a["href"] for a in ordinary.find_all("a")]


def test_searches_are_counted_for_the_report(client, site_tree):
    client.get(URL, {"q": "Fachkräfte"})
    client.get(URL, {"q": "fachkräfte "})
    client.get(URL, {"q": "Fachkräfte", "page": "2"})  # paging is not a new search
    client.get(URL)  # no query, nothing counted
    assert Query.objects.get(query_string="fachkräfte").hits == 2
    assert Query.objects.count() == 1


@pytest.mark.parametrize(
    "query",
    [
        "a" * 1000,
        "!!! ??? ...",
        '"',
        '"""',
        "Cluster\x00\x07",
        "DROP TABLE wagtailcore_page; --",
        "<img src=x onerror=alert(1)>",
        "Cluster:Region",
        "-Cluster",
        "&&||!",
    ],
)
def test_bad_input_gives_a_normal_page_with_the_query_escaped(client, site_tree, query):
    response = client.get(URL, {"q": query, "page": "-1", "typ": "aktuelles"})
    assert response.status_code == 200
    assert b"<img src=x" not in response.content
    assert b"\x00" not in response.content


def test_tags_and_partners_are_searchable_as_soon_as_they_are_published(client, site_tree):
    news = NewsPage.objects.get(pk=site_tree.news[3].pk)
    news.tags.add("Breitbandausbau")
    news.save_revision().publish()
    case_study = CaseStudyPage.objects.get(pk=site_tree.case_studies["owl"].pk)
    case_study.partners.add(CaseStudyPartner(name="Gießereiverbund Teutoburg", kind="netzwerk"))
    case_study.save_revision().publish()

    assert news.url in result_links(client.get(URL, {"q": "Breitbandausbau"}))
    assert case_study.url in result_links(client.get(URL, {"q": "Gießereiverbund"}))


def test_moderators_manage_promotions_and_editors_do_not(client, site_tree, moderator, editor):
    client.force_login(moderator)
    assert client.get("/admin/searchpicks/").status_code == 200
    assert client.get("/admin/searchpicks/add/").status_code == 200
    client.force_login(editor)
    assert client.get("/admin/searchpicks/").status_code in (302, 403)


# --- One search per page shown --------------------------------------------------------------


@pytest.fixture
def warm_client(client, site_tree):
    """A client after a first request: that one creates the site settings, a content change
    that empties the result memo (``partnerships.snapshot``)."""
    client.get(URL)
    return client


def searches_run(client, params):
    """Queries that searched the index while answering ``params``."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, params)
    assert response.status_code == 200
    return response, [q for q in queries if "wagtailsearch_indexentry" in q["sql"]]


@pytest.mark.parametrize("page", ["1", "01", "000001", "0" * 50 + "1", "0", "-3", "abc"])
def test_any_spelling_of_the_first_page_is_one_search(warm_client, page):
    first, searched = searches_run(warm_client, {"q": "Maschinenbau"})
    assert searched
    again, searched = searches_run(warm_client, {"q": "Maschinenbau", "page": page})
    assert searched == []  # answered from the result memo
    assert results(again) and text_of(main(again).h2) == text_of(main(first).h2)


@pytest.mark.parametrize("params", [{}, {"typ": "aktuelles"}])
def test_a_first_time_search_is_one_full_text_query(warm_client, params):
    # Issue 11: four counts (all, per type) and a ranked query joining nine page tables took
    # p95 480 ms on 11,000 pages. PostgreSQL: counts and ranking in one query; SQLite (another
    # back end): the counts grouped by type in one query, and the ranked one.
    from django.db import connection

    _, searched = searches_run(warm_client, {"q": "Maschinenbau", **params})
    assert len(searched) == (1 if connection.vendor == "postgresql" else 2), searched
    if not params:  # all types: ranked without joining the page-type tables
        assert not any("news_newspage" in q["sql"] for q in searched)


def test_pages_beyond_the_end_are_the_last_page_and_one_search(warm_client, site_tree):
    client = warm_client
    for i in range(13):
        NewsPageFactory(
            parent=site_tree.news_index, title=f"Zukunftswerkstatt {i:02d}", slug=f"zw-{i:02d}"
        )
    _, searched = searches_run(client, {"q": "Zukunftswerkstatt", "page": "2"})
    assert searched
    for page in ("02", "3", "99999", "9" * 40):
        response, searched = searches_run(client, {"q": "Zukunftswerkstatt", "page": page})
        assert searched == [], page
        assert "Seite 2 von 2" in main_text(response)
        assert len(results(response)) == 3


def test_the_first_page_in_any_spelling_is_counted_for_the_report(client, site_tree):
    client.get(URL, {"q": "Cluster", "page": "0001"})
    client.get(URL, {"q": "Cluster", "page": "1"})
    client.get(URL, {"q": "Cluster", "page": "02"})  # a pagination link, not a new search
    assert Query.objects.get(query_string="cluster").hits == 2


# --- Long and repetitive queries ------------------------------------------------------------


def search_box(response):
    return main(response).find("input", attrs={"name": "q"})["value"]


def notice(response):
    found = main(response).select_one(".search-notice")
    return text_of(found) if found else None


@pytest.fixture
def searched_terms(monkeypatch):
    """The words and phrases each search handed to the search back end."""
    from partnerships.search import views as search_views

    seen = []
    original = search_views.build_query

    def spy(query):
        seen.append(query.split())
        return original(query)

    monkeypatch.setattr(search_views, "build_query", spy)
    return seen


def test_repeated_words_are_searched_once(client, site_tree, searched_terms):
    response = client.get(URL, {"q": "  Maschinenbau maschinenbau\tMASCHINENBAU " * 100})
    assert search_box(response) == "Maschinenbau"
    assert "Ergebnisse für „Maschinenbau“" in main_text(response)
    assert len(results(response)) == 2
    assert notice(response) is None  # nothing left out that could have changed the results
    assert searched_terms == [["Maschinenbau"]]


def test_a_query_of_300_short_words_is_cut_to_eight_terms_with_a_notice(
    client, site_tree, searched_terms
):
    words = ["Netz", "Rat", "Amt", "Bau", "Hof", "Tal", "See", "Weg", "Dorf", "Land"]
    query = " ".join(words[i % 10] for i in range(300))
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    assert notice(response) == "Ihre Suche wurde auf die ersten 8 Begriffe gekürzt."
    assert search_box(response) == "Netz Rat Amt Bau Hof Tal See Weg"
    assert searched_terms == [words[:8]]


def test_an_overlong_word_is_cut_with_a_notice(client, site_tree):
    response = client.get(URL, {"q": "a" * 5000})
    assert notice(response) == "Ihre Suche wurde auf die ersten 200 Zeichen gekürzt."
    assert search_box(response) == "a" * 200


def test_pagination_keeps_the_query_as_searched(client, site_tree):
    for i in range(13):
        NewsPageFactory(
            parent=site_tree.news_index, title=f"Zukunftswerkstatt {i:02d}", slug=f"zw-{i:02d}"
        )
    response = client.get(URL, {"q": "zukunftswerkstatt  Zukunftswerkstatt", "typ": "aktuelles"})
    next_link = main(response).select_one(".pagination a[rel=next]")["href"]
    assert next_link == "/suche/?q=zukunftswerkstatt&typ=aktuelles&page=2"
