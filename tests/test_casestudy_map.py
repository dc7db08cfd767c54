"""The finder's map of the 16 Länder and the locator map of a case study.

The map counts what the list shows: for every combination of the other filters, the case
studies listed, grouped by Land, are the numbers on the map, and each Land's link leads to a
list of exactly that many.
"""

import gzip
import itertools
import json
import re
from collections import Counter
from urllib.parse import parse_qs, urlsplit

import pytest

from casestudies.map import OUTLINE_FILE, count_classes
from partnerships.models.taxonomy import BUNDESLAENDER
from tests.helpers import links_to, main, main_text, soup

URL = "/praxisbeispiele/"
NAMES = dict(BUNDESLAENDER)
LABEL = re.compile(r"^(?P<name>.+): (?P<count>\d+) Praxisbeispiel(e?)$")

BRANCHEN = ["", "maschinenbau", "ernaehrungswirtschaft", "logistik"]
PHASEN = ["", "analyse", "strategie", "umsetzung"]
KONZEPTE = ["", "grundidee"]  # cited by Oldenburg only (build_site)


def the_map(response):
    """{Land name: (count, href, level, aria-current)} of the finder's map, in link order."""
    nav = main(response).find("nav", class_="laender-map")
    assert nav is not None, "no map on the page"
    title = nav.find(id=nav["aria-labelledby"])
    assert title is not None and title.get_text(strip=True)
    lands = {}
    for link in nav.find("svg").find_all("a"):
        match = LABEL.match(link["aria-label"])
        assert match, link["aria-label"]
        level = next(c for c in link["class"] if c.startswith("laender-map__land--"))
        lands[match["name"]] = (
            int(match["count"]),
            link["href"],
            int(level.rsplit("--", 1)[1]),
            link.get("aria-current"),
        )
    return lands


def listed(client, site_tree, query):
    """The keys of the case studies the list shows for ``query``, and the response."""
    response = client.get(URL, query)
    assert response.status_code == 200, query
    urls = {page.url: key for key, page in site_tree.case_studies.items()}
    return [urls[u] for u in links_to(main(response), urls)], response


def result_count(response):
    match = re.search(r"(\d+) Praxisbeispiel(e?)\b", main_text(response))
    assert match, "no result count"
    return int(match.group(1))


@pytest.mark.parametrize(
    ("branche", "phase", "konzept"), list(itertools.product(BRANCHEN, PHASEN, KONZEPTE))
)
def test_the_map_counts_what_the_list_shows_for_every_filter(
    client, site_tree, branche, phase, konzept
):
    others = {
        k: v for k, v in {"branche": branche, "phase": phase, "konzept": konzept}.items() if v
    }
    keys, response = listed(client, site_tree, others)
    expected = Counter(site_tree.case_studies[key].bundesland for key in keys)
    lands = the_map(response)
    assert {name: count for name, (count, *_rest) in lands.items()} == {
        name: expected.get(slug, 0) for slug, name in BUNDESLAENDER
    }
    # The same numbers with a Land chosen: the map follows the other filters, not the Land.
    _, narrowed = listed(client, site_tree, {**others, "bundesland": "sachsen"})
    narrowed_lands = the_map(narrowed)
    assert [v[0] for v in narrowed_lands.values()] == [v[0] for v in lands.values()]
    assert [name for name, v in narrowed_lands.items() if v[3]] == ["Sachsen"]
    assert not any(v[3] for v in lands.values())
    # Following a Land's link lists exactly as many case studies as the map says, all from
    # that Land (every Land with some, and one without).
    followed = [name for name, v in lands.items() if v[0]] + ["Hessen"]
    for name in followed:
        count, href, *_ = lands[name]
        parts = urlsplit(href)
        assert parts.path == URL
        assert {k: v[0] for k, v in parse_qs(parts.query).items()} == {
            **others,
            "bundesland": next(slug for slug, n in BUNDESLAENDER if n == name),
        }
        response = client.get(href)
        assert result_count(response) == count, href
        shown, _ = listed(client, site_tree, parse_qs(parts.query))
        assert {NAMES[site_tree.case_studies[key].bundesland] for key in shown} <= {name}


def test_sixteen_laender_with_names_counts_and_shades(client, site_tree):
    lands = the_map(client.get(URL))
    assert list(lands) == [name for _, name in BUNDESLAENDER]
    counts = {name: v[0] for name, v in lands.items()}
    assert counts["Niedersachsen"] == 2  # Oldenburg, Cloppenburg
    assert counts["Bremen"] == 0  # only a draft
    levels = {name: v[2] for name, v in lands.items()}
    assert levels["Niedersachsen"] == 3 > levels["Bayern"] > levels["Hessen"] == 0
    # The legend names the classes the shades stand for.
    legend = main(client.get(URL)).find("ul", class_="laender-map__legend")
    assert [li.get_text(strip=True) for li in legend.find_all("li")] == ["keine", "1", "2"]


def test_the_map_is_navigation_and_not_hidden(client, site_tree):
    nav = main(client.get(URL)).find("nav", class_="laender-map")
    hidden = [tag.name for tag in [nav, *nav.find_all(True)] if tag.get("aria-hidden") == "true"]
    assert hidden == ["g"]  # only the numbers drawn on the map, repeated in the link names
    assert not nav.find(attrs={"tabindex": "-1"})
    # The list comes first: the map follows the results in reading order.
    text = main_text(client.get(URL))
    assert text.index("5 Praxisbeispiele") < text.index("Praxisbeispiele nach Bundesland")


def test_an_unknown_filter_value_gives_an_empty_map_and_the_hint(client, site_tree):
    response = client.get(URL, {"branche": "gibt-es-nicht", "phase": "analyse"})
    assert response.status_code == 200
    assert "Unbekannter Filterwert" in main_text(response)
    lands = the_map(response)
    assert len(lands) == 16
    assert {v[0] for v in lands.values()} == {0}
    assert {v[2] for v in lands.values()} == {0}
    # The links keep the valid part of the filter and drop the unknown value.
    _, href, *_ = lands["Niedersachsen"]
    assert parse_qs(urlsplit(href).query) == {"bundesland": ["niedersachsen"], "phase": ["analyse"]}
    legend = main(response).find("ul", class_="laender-map__legend")
    assert [li.get_text(strip=True) for li in legend.find_all("li")] == ["keine"]


@pytest.mark.parametrize("maximum", [0, 1, 2, 3, 4, 5, 12, 40, 1000])
def test_every_count_falls_in_exactly_one_legend_class(maximum):
    classes = count_classes(maximum)
    for count in range(maximum + 1):
        assert sum(low <= count <= high for _, low, high in classes) == 1, count
    assert classes[0] == (0, 0, 0)
    assert classes[-1][2] == maximum
    assert len(classes) <= 4
    if maximum:
        assert classes[-1][0] == 3  # the most case studies: always the darkest shade


def test_the_outline_file_and_the_map_markup_are_small(client, site_tree):
    data = json.loads(OUTLINE_FILE.read_text(encoding="utf-8"))
    assert {land["slug"] for land in data["laender"]} == {slug for slug, _ in BUNDESLAENDER}
    assert OUTLINE_FILE.stat().st_size < 12_000
    html = client.get(URL).content.decode()
    markup = re.search(r'<nav class="laender-map".*?</nav>', html, re.S).group(0)
    assert len(gzip.compress(markup.encode())) < 15_000


def test_a_case_study_shows_its_land_on_a_locator_map(client, site_tree):
    page = site_tree.case_studies["leipzig"]
    doc = soup(client.get(page.url))
    svg = doc.find("svg", class_="locator-map")
    assert svg["role"] == "img"
    assert doc.find(id=svg["aria-labelledby"]).get_text(strip=True) == "Lage: Sachsen"
    assert not svg.find("a")
    sachsen = next(
        land
        for land in json.loads(OUTLINE_FILE.read_text(encoding="utf-8"))["laender"]
        if land["slug"] == "sachsen"
    )
    assert svg.find("path", class_="locator-map__land--current")["d"] == sachsen["d"]
