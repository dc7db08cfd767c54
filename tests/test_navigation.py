"""Main navigation (sections marked "show in menus", current section marked) and breadcrumbs."""

import re

from wagtail.models import Page

from tests.helpers import find_nav, text_of

MAIN_NAV = "Hauptnavigation"
BREADCRUMBS = "Brotkrumen"


def nav_links(response, label=MAIN_NAV):
    """(href, text, aria-current) for every link of a navigation."""
    nav = find_nav(response, label)
    return [(a["href"], text_of(a), a.get("aria-current")) for a in nav.find_all("a")]


def current_links(response):
    return [(href, current) for href, _, current in nav_links(response) if current]


def test_main_nav_lists_menu_sections_in_tree_order(client, site_tree):
    response = client.get("/impressum/")
    assert response.status_code == 200
    links = [(href, text) for href, text, _ in nav_links(response)]
    assert links == [
        ("/", "Startseite"),
        ("/konzept/", "Das Konzept"),
        ("/praxisbeispiele/", "Praxisbeispiele"),
        ("/aktuelles/", "Aktuelles"),
        ("/ueber-das-projekt/", "Über das Projekt"),
        ("/kontakt/", "Kontakt"),
    ]
    # Pages not shown in menus (legal pages) stay out of the main navigation.
    hrefs = [href for href, _ in links]
    assert "/impressum/" not in hrefs
    assert "/datenschutz/" not in hrefs


def test_unpublished_or_hidden_sections_leave_the_menu(client, site_tree):
    Page.objects.get(pk=site_tree.concept_index.pk).specific.unpublish()
    about = Page.objects.get(pk=site_tree.about.pk)
    about.show_in_menus = False
    about.save()
    hrefs = [href for href, _, _ in nav_links(client.get("/aktuelles/"))]
    assert "/konzept/" not in hrefs
    assert "/ueber-das-projekt/" not in hrefs
    assert "/aktuelles/" in hrefs


def test_home_is_current_on_the_home_page(client, site_tree):
    assert current_links(client.get("/")) == [("/", "page")]


def test_section_index_is_the_current_page(client, site_tree):
    assert current_links(client.get("/praxisbeispiele/")) == [("/praxisbeispiele/", "page")]
    assert current_links(client.get("/konzept/")) == [("/konzept/", "page")]


def test_section_is_marked_on_pages_inside_it(client, site_tree):
    for url, section in [
        ("/praxisbeispiele/logistik-leipzig/", "/praxisbeispiele/"),
        ("/konzept/akteure/", "/konzept/"),
        ("/aktuelles/tagung-laendlicher-raum/", "/aktuelles/"),
        ("/aktuelles/2007/", "/aktuelles/"),
        ("/ueber-das-projekt/projektteam/", "/ueber-das-projekt/"),
    ]:
        current = current_links(client.get(url))
        assert len(current) == 1, f"{url}: {current}"
        href, value = current[0]
        assert href == section, url
        assert value in ("true", "page", "location"), url


def test_no_section_is_current_on_pages_outside_the_menu(client, site_tree):
    assert current_links(client.get("/impressum/")) == []


def crumbs(response):
    """(text, href or None) for every breadcrumb; the current page is not a link."""
    nav = find_nav(response, BREADCRUMBS)
    items = []
    for li in nav.find_all("li"):
        link = li.find("a")
        items.append((text_of(li), link["href"] if link else None))
    return nav, items


def test_breadcrumbs_on_a_case_study(client, site_tree):
    nav, items = crumbs(client.get("/praxisbeispiele/ernaehrungscluster-oldenburger-land/"))
    assert items == [
        ("Startseite", "/"),
        ("Praxisbeispiele", "/praxisbeispiele/"),
        ("Ernährungscluster Oldenburger Land", None),
    ]
    current = nav.find(attrs={"aria-current": "page"})
    assert text_of(current) == "Ernährungscluster Oldenburger Land"


def test_breadcrumbs_on_a_deep_standard_page(client, site_tree):
    _, items = crumbs(client.get("/ueber-das-projekt/projektteam/"))
    assert items == [
        ("Startseite", "/"),
        ("Über das Projekt", "/ueber-das-projekt/"),
        ("Das Projektteam", None),
    ]


def test_breadcrumbs_on_the_year_archive(client, site_tree):
    _, items = crumbs(client.get("/aktuelles/2007/"))
    assert items[0] == ("Startseite", "/")
    assert items[1] == ("Aktuelles", "/aktuelles/")
    assert items[-1][1] is None
    assert "2007" in items[-1][0]


def test_no_breadcrumbs_on_the_home_page(client, site_tree):
    response = client.get("/")
    assert response.status_code == 200
    assert b'aria-label="Brotkrumen"' not in response.content


def test_sitemap_lists_live_pages_only(client, site_tree):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    paths = {loc.split("localhost", 1)[-1] for loc in re.findall(r"<loc>([^<]+)</loc>", xml)}
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        assert page.url in paths, page.url
    assert "/praxisbeispiele/hafenkooperation-bremen/" not in paths
    assert "/aktuelles/unveroeffentlicht/" not in paths
