"""Every public response – pages of each type, 404, 500 and 503 – carries the full set of
security headers; the Wagtail admin gets the same CSP report-only."""

import pytest
from django.db import OperationalError

from concepts.models import ConceptIndexPage

HSTS_MIN = 180 * 24 * 60 * 60

PAGE_URLS = {
    "home": "/",
    "standard_page": "/impressum/",
    "concept_index": "/konzept/",
    "concept_page": "/konzept/grundidee/",
    "case_study_index": "/praxisbeispiele/",
    "case_study_index_filtered": "/praxisbeispiele/?bundesland=niedersachsen&phase=umsetzung",
    "case_study": "/praxisbeispiele/ernaehrungscluster-oldenburger-land/",
    "news_index": "/aktuelles/",
    "news_year_archive": "/aktuelles/2024/",
    "search": "/suche/?q=Cluster",
    "sitemap": "/sitemap.xml",
}


def csp_directives(value):
    result = {}
    for part in value.split(";"):
        words = part.split()
        if words:
            result[words[0]] = words[1:]
    return result


def assert_public_security_headers(response):
    csp = response.headers.get("Content-Security-Policy")
    assert csp, "no Content-Security-Policy"
    directives = csp_directives(csp)
    for name in ("default-src", "script-src", "style-src"):
        assert directives[name] == ["'self'"], f"{name}: {directives.get(name)}"
    assert "unsafe" not in csp
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "Content-Security-Policy-Report-Only" not in response.headers

    hsts = response.headers.get("Strict-Transport-Security", "")
    max_age = int(hsts.split("max-age=")[1].split(";")[0])
    assert max_age >= HSTS_MIN
    assert "includeSubDomains" in hsts
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    permissions = response.headers["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions


@pytest.mark.parametrize("key", PAGE_URLS)
def test_public_page_has_all_security_headers(client, site_tree, key):
    if key == "news_year_archive":
        url = f"/aktuelles/{site_tree.news[0].date.year}/"
    else:
        url = PAGE_URLS[key]
    response = client.get(url, secure=True)
    assert response.status_code == 200, url
    assert_public_security_headers(response)


def test_news_page_has_all_security_headers(client, site_tree):
    response = client.get(site_tree.news[0].url, secure=True)
    assert response.status_code == 200
    assert_public_security_headers(response)


def test_404_has_all_security_headers(client, site_tree):
    response = client.get("/gibt-es-nicht/", secure=True)
    assert response.status_code == 404
    assert_public_security_headers(response)


def test_500_has_all_security_headers(client, site_tree, monkeypatch):
    def broken(self, request, *args, **kwargs):
        raise RuntimeError("kaputt")

    monkeypatch.setattr(ConceptIndexPage, "get_context", broken)
    client.raise_request_exception = False
    response = client.get("/konzept/", secure=True)
    assert response.status_code == 500
    assert "Interner Fehler" in response.content.decode()
    assert_public_security_headers(response)


def test_503_has_all_security_headers(client, site_tree, monkeypatch):
    def database_down(self, request, *args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(ConceptIndexPage, "get_context", database_down)
    client.raise_request_exception = False
    response = client.get("/konzept/", secure=True)
    assert response.status_code == 503
    assert "Vorübergehend nicht erreichbar" in response.content.decode()
    assert_public_security_headers(response)


def test_admin_gets_the_policy_report_only(admin_client_de, site_tree):
    response = admin_client_de.get("/admin/", secure=True)
    assert response.status_code == 200
    # Enforced, the strict policy would block the admin's inline scripts and styles.
    assert "Content-Security-Policy" not in response.headers
    report_only = csp_directives(response.headers["Content-Security-Policy-Report-Only"])
    assert report_only["script-src"] == ["'self'"]
    assert report_only["frame-ancestors"] == ["'none'"]
    assert response.headers["X-Frame-Options"] == "DENY"


def test_public_templates_have_no_inline_scripts_or_styles():
    """The enforced CSP forbids them; catch them before a browser does."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "templates"
    offenders = []
    for path in root.rglob("*.html"):
        if path.parent == root / "partnerships" / "mail":
            # Mails: inline styles are all mail programs understand; never a site page
            # (the admin's preview of an issue is outside the enforced CSP).
            continue
        text = path.read_text().lower()
        for needle in ("<script", "<style", " style=", " onclick=", " onload=", "javascript:"):
            if needle in text:
                offenders.append(f"{path.relative_to(root)}: {needle.strip()}")
    assert offenders == []


def test_only_the_admin_preview_may_be_framed_by_the_admin(admin_client_de, site_tree):
    """The editor's preview panel is an iframe of the admin's preview view: without
    SAMEORIGIN there the preview (and its content checks) stays empty."""
    from tests.helpers import news_form_data

    page = site_tree.seed_news
    url = f"/admin/pages/{page.pk}/edit/preview/"
    admin_client_de.post(url, news_form_data("Vorschau", slug=page.slug))
    response = admin_client_de.get(url, {"in_preview_panel": "true"})
    assert response.status_code == 200
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    # The public page's enforced policy (frame-ancestors 'none') would block the iframe too.
    assert "Content-Security-Policy" not in response.headers
    report_only = csp_directives(response.headers["Content-Security-Policy-Report-Only"])
    assert report_only["script-src"] == ["'self'"]
    assert admin_client_de.get(f"/admin/pages/{page.pk}/edit/").headers["X-Frame-Options"] == (
        "DENY"
    )
    public = admin_client_de.get(page.url)
    assert public.headers["X-Frame-Options"] == "DENY"
    assert csp_directives(public.headers["Content-Security-Policy"])["frame-ancestors"] == [
        "'none'"
    ]
