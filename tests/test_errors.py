"""German error pages."""

import pytest
from django.test import RequestFactory

from partnerships.ops import errors
from tests.helpers import html_lang, main, soup, text_of


@pytest.mark.parametrize(
    "url",
    [
        "/gibt-es-nicht/",
        "/praxisbeispiele/gibt-es-nicht/",
        "/konzept/grundidee/weiter/",
        "/impressum/%C3%28/",
    ],
)
def test_unknown_url_is_a_german_404(client, site_tree, url):
    response = client.get(url)
    assert response.status_code == 404
    assert html_lang(response) == "de"
    doc = soup(response)
    assert text_of(doc.find("h1")) == "Seite nicht gefunden"
    assert "Seite nicht gefunden" in doc.find("title").get_text()
    # The visitor gets a way on: the home page and the search.
    links = [a.get("href") for a in main(response).find_all("a")]
    assert "/" in links
    assert "/suche/" in links
    # Not to be indexed.
    robots = doc.find("meta", attrs={"name": "robots"})
    assert robots is not None and "noindex" in robots["content"]


def test_404_keeps_the_site_navigation(client, site_tree):
    response = client.get("/gibt-es-nicht/")
    nav = soup(response).find("nav", attrs={"aria-label": "Hauptnavigation"})
    assert nav is not None
    assert "/praxisbeispiele/" in [a["href"] for a in nav.find_all("a")]


def test_500_handler_renders_the_german_page_without_the_database():
    # No ``db`` fixture: any database query in the handler would fail this test.
    request = RequestFactory().get("/kaputt/")
    response = errors.server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="de">' in html
    doc = soup(response)
    assert text_of(doc.find("h1")) == "Interner Fehler"
    assert "Bitte versuchen Sie es in einigen Minuten erneut." in text_of(doc)


def test_500_handler_is_wired_up():
    from django.urls import get_resolver

    resolver = get_resolver()
    assert resolver.resolve_error_handler(500) is errors.server_error
    assert resolver.resolve_error_handler(404) is errors.page_not_found


def test_unhandled_error_gives_the_german_500_page(client, site_tree, monkeypatch):
    from concepts.models import ConceptIndexPage

    def broken(self, request, *args, **kwargs):
        raise RuntimeError("kaputt")

    monkeypatch.setattr(ConceptIndexPage, "get_context", broken)
    client.raise_request_exception = False
    response = client.get("/konzept/")
    assert response.status_code == 500
    assert "Interner Fehler" in response.content.decode()
    assert html_lang(response) == "de"


def test_database_outage_gives_the_german_503_page(client, site_tree, monkeypatch):
    from django.db import OperationalError

    from concepts.models import ConceptIndexPage

    def database_down(self, request, *args, **kwargs):
        raise OperationalError('connection to server at "127.0.0.1" failed: Connection refused')

    monkeypatch.setattr(ConceptIndexPage, "get_context", database_down)
    client.raise_request_exception = False
    response = client.get("/konzept/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    doc = soup(response)
    assert html_lang(response) == "de"
    assert text_of(doc.find("h1")) == "Vorübergehend nicht erreichbar"
    assert "Bitte versuchen Sie es in wenigen Minuten erneut." in text_of(doc)


def test_503_page_renders_without_the_database():
    # No ``db`` fixture: the maintenance page must not query the database it reports missing.
    from django.db import OperationalError

    request = RequestFactory().get("/")
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = errors.server_error(request)
    assert response.status_code == 503
    assert "Vorübergehend nicht erreichbar" in response.content.decode()
