"""Pages are found and protected as with Wagtail's own routing (partnerships.routing.route
finds the pages along a URL in one query and reads the view restrictions from it)."""

import pytest
from wagtail.models import PageViewRestriction

from tests.helpers import soup


@pytest.fixture
def login_required(site_tree):
    def restrict(page):
        return PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.LOGIN
        )

    return restrict


def test_pages_at_every_depth_are_found(client, site_tree):
    for url in [
        "/",
        "/konzept/",
        "/konzept/grundidee/",
        "/ueber-das-projekt/projektteam/",
        "/aktuelles/tagung-laendlicher-raum/",
        "/aktuelles/2007/",
        "/aktuelles/feed/",
    ]:
        assert client.get(url).status_code == 200, url


def test_unknown_paths_and_drafts_are_not_found(client, site_tree):
    for url in [
        "/gibt-es-nicht/",
        "/konzept/gibt-es-nicht/",
        "/konzept/grundidee/noch-tiefer/",
        "/praxisbeispiele/hafenkooperation-bremen/",  # draft
        "/aktuelles/unveroeffentlicht/",  # draft
        "/aktuelles/1999/",  # no news that year
    ]:
        assert client.get(url).status_code == 404, url


def test_a_restricted_page_asks_for_login(client, site_tree, login_required):
    login_required(site_tree.case_studies["leipzig"])
    response = client.get("/praxisbeispiele/logistik-leipzig/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"] or "login" in response["Location"]


def test_a_restriction_on_a_section_protects_its_pages(client, site_tree, login_required):
    login_required(site_tree.about)
    assert client.get("/ueber-das-projekt/").status_code == 302
    assert client.get("/ueber-das-projekt/projektteam/").status_code == 302
    assert client.get("/impressum/").status_code == 200


def test_an_alias_has_the_restrictions_of_its_source(client, site_tree, login_required):
    source = site_tree.case_studies["leipzig"]
    source.create_alias(parent=site_tree.about, update_slug="leipzig-kopie")
    assert client.get("/ueber-das-projekt/leipzig-kopie/").status_code == 200
    login_required(source)
    assert client.get("/ueber-das-projekt/leipzig-kopie/").status_code == 302


def test_restricted_pages_stay_out_of_menus_and_listings(client, site_tree, login_required):
    login_required(site_tree.about)
    login_required(site_tree.case_studies["leipzig"])
    login_required(site_tree.seed_news)
    home = soup(client.get("/"))
    assert "Über das Projekt" not in home.select_one("nav.main-nav").get_text()
    listing = client.get("/praxisbeispiele/").content.decode()
    assert "Logistikdrehscheibe Leipzig" not in listing
    assert "Ernährungscluster Oldenburger Land" in listing
    news = (
        client.get("/aktuelles/?page=2").content.decode()
        + client.get("/aktuelles/").content.decode()
    )
    assert site_tree.seed_news.title not in news
    assert site_tree.seed_news.title not in client.get("/aktuelles/feed/").content.decode()
