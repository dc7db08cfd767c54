"""The case study list: filters by Branche, Bundesland and Projektphase, counts, pagination."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from casestudies.models import CASE_STUDIES_PER_PAGE
from tests.factories import CaseStudyPageFactory
from tests.helpers import links_to, main, main_text, soup, text_of

URL = "/praxisbeispiele/"

TITLES = {
    "oldenburg": "Ernährungscluster Oldenburger Land",
    "owl": "Maschinenbau in Ostwestfalen",
    "leipzig": "Logistikdrehscheibe Leipzig",
    "cloppenburg": "Agrartechnik im Landkreis Cloppenburg",
    "allgaeu": "Lebensmittelregion Allgäu",
}


def shown(client, query, site_tree):
    """(keys of the case studies listed, response) for ``?query``."""
    response = client.get(URL, query)
    assert response.status_code == 200, query
    urls = {page.url: key for key, page in site_tree.case_studies.items()}
    keys = [urls[u] for u in links_to(main(response), urls)]
    return keys, response


def count_text(response):
    """The visible result count, e.g. "3 Praxisbeispiele"."""
    match = re.search(r"(\d+) Praxisbeispiel(e?)\b", main_text(response))
    assert match, "no result count on the page"
    return match.group(0)


def test_without_filter_all_live_case_studies_sorted_by_title(client, site_tree):
    keys, response = shown(client, {}, site_tree)
    assert keys == ["cloppenburg", "oldenburg", "allgaeu", "leipzig", "owl"]
    assert count_text(response) == "5 Praxisbeispiele"
    assert "Hafenkooperation" not in main_text(response)  # draft


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"branche": "maschinenbau"}, {"oldenburg", "owl", "cloppenburg"}),
        ({"branche": "ernaehrungswirtschaft"}, {"oldenburg", "allgaeu"}),
        ({"bundesland": "niedersachsen"}, {"oldenburg", "cloppenburg"}),
        ({"bundesland": "bayern"}, {"allgaeu"}),
        # Bremen has only a draft.
        ({"phase": "umsetzung"}, {"oldenburg", "leipzig"}),
        ({"phase": "strategie"}, {"owl", "allgaeu"}),
        ({"branche": "maschinenbau", "bundesland": "niedersachsen"}, {"oldenburg", "cloppenburg"}),
        ({"branche": "maschinenbau", "phase": "strategie"}, {"owl"}),
        ({"bundesland": "niedersachsen", "phase": "analyse"}, {"cloppenburg"}),
        ({"branche": "ernaehrungswirtschaft", "phase": "strategie"}, {"allgaeu"}),
        (
            {"branche": "maschinenbau", "bundesland": "niedersachsen", "phase": "umsetzung"},
            {"oldenburg"},
        ),
        # Empty values mean "all".
        ({"branche": "", "bundesland": "sachsen", "phase": ""}, {"leipzig"}),
    ],
)
def test_filters_alone_and_combined(client, site_tree, query, expected):
    keys, response = shown(client, query, site_tree)
    assert set(keys) == expected
    assert len(keys) == len(expected), "a case study is listed twice"
    n = len(expected)
    assert count_text(response) == (f"{n} Praxisbeispiel" if n == 1 else f"{n} Praxisbeispiele")


def test_filter_form_keeps_the_chosen_values(client, site_tree):
    _, response = shown(
        client, {"branche": "maschinenbau", "bundesland": "niedersachsen"}, site_tree
    )
    doc = soup(response)

    def selected(name):
        select = doc.find("select", attrs={"name": name})
        assert select is not None, f"no select {name}"
        chosen = select.find("option", selected=True)
        return chosen.get("value") if chosen else ""

    assert selected("branche") == "maschinenbau"
    assert selected("bundesland") == "niedersachsen"
    assert selected("phase") == ""


def test_filter_choices(client, site_tree):
    doc = soup(client.get(URL))
    options = {
        name: [text_of(o) for o in doc.find("select", attrs={"name": name}).find_all("option")]
        for name in ("branche", "bundesland", "phase")
    }
    assert options["branche"] == [
        "Alle Branchen",
        "Ernährungswirtschaft",
        "Logistik",
        "Maschinenbau",
    ]
    assert options["phase"] == ["Alle Phasen", "Analyse", "Strategieentwicklung", "Umsetzung"]
    assert len(options["bundesland"]) == 17
    assert "Baden-Württemberg" in options["bundesland"]
    assert "Thüringen" in options["bundesland"]
    # Every select has a visible label.
    for name in ("branche", "bundesland", "phase"):
        select = doc.find("select", attrs={"name": name})
        assert doc.find("label", attrs={"for": select["id"]}) is not None


def test_combination_without_result_shows_a_hint(client, site_tree):
    keys, response = shown(client, {"bundesland": "bayern", "phase": "umsetzung"}, site_tree)
    assert keys == []
    assert count_text(response) == "0 Praxisbeispiele"
    text = main_text(response)
    assert "kein Praxisbeispiel" in text
    # The hint offers the way back to the unfiltered list.
    assert URL in [a.get("href") for a in main(response).find_all("a")]


@pytest.mark.parametrize(
    ("query", "label"),
    [
        ({"branche": "raumfahrt"}, "Branche"),
        ({"bundesland": "atlantis"}, "Bundesland"),
        ({"phase": "nachbereitung"}, "Projektphase"),
        ({"branche": "maschinenbau", "bundesland": "NIEDERSACHSEN"}, "Bundesland"),
        ({"branche": "<script>alert(1)</script>"}, "Branche"),
    ],
)
def test_unknown_filter_values_give_an_empty_result_and_a_hint(client, site_tree, query, label):
    keys, response = shown(client, query, site_tree)
    assert keys == []
    assert count_text(response) == "0 Praxisbeispiele"
    text = main_text(response)
    assert "Unbekannter Filterwert" in text
    assert label in text
    assert b"<script>alert(1)</script>" not in response.content


@pytest.mark.parametrize(
    "query",
    [
        "branche=maschinenbau&branche=logistik",
        "bundesland=bayern&bundesland=sachsen&phase=umsetzung&phase=analyse",
        "branche[]=logistik",
        "page=1&page=2",
        "branche=" + "x" * 5000,
        "phase=%00",
        "bundesland=%C3%28",
    ],
)
def test_odd_query_strings_do_not_crash(client, site_tree, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    count_text(response)


def test_repeated_parameter_uses_the_last_value(client, site_tree):
    response = client.get(f"{URL}?branche=maschinenbau&branche=logistik")
    urls = {page.url: key for key, page in site_tree.case_studies.items()}
    assert [urls[u] for u in links_to(main(response), urls)] == ["leipzig"]


# --- Pagination -----------------------------------------------------------------------------


@pytest.fixture
def many_case_studies(site_tree):
    """13 more Hessian logistics case studies: 18 live in total, 14 with Branche Logistik."""
    branche = site_tree.branchen["logistik"]
    return [
        CaseStudyPageFactory(
            parent=site_tree.cs_index,
            title=f"Zusatzbeispiel {i:02d}",
            slug=f"zusatzbeispiel-{i:02d}",
            kommune=f"Gemeinde {i}",
            bundesland="hessen",
            phase=site_tree.phasen["analyse"],
            branchen=[branche],
        )
        for i in range(1, 14)
    ]


def listed(response):
    """Case study links in <main>: every link to a page below the index."""
    return [
        href
        for href in dict.fromkeys(a.get("href", "") for a in main(response).find_all("a"))
        if href.startswith(URL) and href != URL and "?" not in href and "/export/" not in href
    ]


def pagination_link(response, rel):
    link = soup(response).find("a", rel=rel)
    return link["href"] if link else None


def test_twelve_per_page(client, many_case_studies):
    assert CASE_STUDIES_PER_PAGE == 12
    first = client.get(URL)
    assert count_text(first) == "18 Praxisbeispiele"
    assert len(listed(first)) == 12
    next_url = pagination_link(first, "next")
    assert next_url is not None
    second = client.get(next_url)
    assert len(listed(second)) == 6
    assert set(listed(first)).isdisjoint(listed(second))
    assert pagination_link(second, "next") is None
    assert "Seite 2 von 2" in main_text(second)


def test_pagination_keeps_the_filter(client, many_case_studies):
    first = client.get(URL, {"branche": "logistik"})
    assert count_text(first) == "14 Praxisbeispiele"
    assert len(listed(first)) == 12
    next_url = pagination_link(first, "next")
    params = parse_qs(urlsplit(next_url).query)
    assert params == {"branche": ["logistik"], "page": ["2"]}
    second = client.get(next_url)
    assert count_text(second) == "14 Praxisbeispiele"
    assert len(listed(second)) == 2
    prev_url = pagination_link(second, "prev")
    assert parse_qs(urlsplit(prev_url).query) == {"branche": ["logistik"]}


def test_filter_with_one_page_has_no_pagination(client, many_case_studies):
    response = client.get(URL, {"bundesland": "niedersachsen"})
    assert pagination_link(response, "next") is None
    assert pagination_link(response, "prev") is None


@pytest.mark.parametrize(
    ("value", "expected_page"),
    [
        ("abc", 1),
        ("", 1),
        ("-1", 1),
        ("0", 1),
        ("1.5", 1),
        ("99999", 2),
        ("9" * 40, 2),
        ("9" * 5000, 1),  # too long for int(): treated like garbage
    ],
)
def test_page_parameter_bounds(client, many_case_studies, value, expected_page):
    response = client.get(URL, {"page": value})
    assert response.status_code == 200
    expected = 12 if expected_page == 1 else 6
    assert len(listed(response)) == expected
    assert f"Seite {expected_page} von 2" in main_text(response)


def test_filter_by_concept_lists_the_case_studies_citing_it(client, site_tree):
    doc = soup(client.get(URL))
    options = [text_of(o) for o in doc.find("select", attrs={"name": "konzept"}).find_all("option")]
    assert options == ["Alle Bausteine", *[page.title for page in site_tree.concepts]]
    select = doc.find("select", attrs={"name": "konzept"})
    assert text_of(doc.find("label", attrs={"for": select["id"]})) == "Konzeptbaustein"

    keys, response = shown(client, {"konzept": "grundidee"}, site_tree)
    assert keys == ["oldenburg"]  # the only case study citing "Grundidee"
    assert count_text(response) == "1 Praxisbeispiel"
    keys, _ = shown(client, {"konzept": "akteure"}, site_tree)
    assert keys == []
    # Combined with another filter, and an unknown concept like any unknown value.
    keys, _ = shown(client, {"konzept": "grundidee", "bundesland": "bayern"}, site_tree)
    assert keys == []
    response = client.get(URL, {"konzept": "gibt-es-nicht"})
    assert response.status_code == 200
    assert "Unbekannter Filterwert" in main_text(response)
    assert "Konzeptbaustein" in main_text(response)
