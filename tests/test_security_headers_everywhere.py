"""Every response carries the full set of security headers under the production settings,
not only pages: the HTTPS redirect, the trailing-slash redirect, Wagtail's redirects, the 400
for an unknown host, 404, 500, static files and the health check."""

import secrets

import pytest
from django.test import Client
from wagtail.contrib.redirects.models import Redirect

from concepts.models import ConceptIndexPage
from tests.settings_env import settings_from_env
from tests.test_security_headers import assert_public_security_headers

HOST = "www.example.org"
HTTPS = {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_HOST": HOST}
HTTP = {"HTTP_HOST": HOST}
# The settings that decide which middleware answers what, as production has them.
PRODUCTION_NAMES = (
    "MIDDLEWARE",
    "ALLOWED_HOSTS",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_REDIRECT_EXEMPT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "CSRF_TRUSTED_ORIGINS",
)


@pytest.fixture
def production(settings):
    conf = settings_from_env(
        "partnerships.settings.production",
        drop=("SECRET_KEY", "DJANGO_SETTINGS_MODULE", "SECURE_SSL_REDIRECT"),
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS=HOST,
    )
    for name in PRODUCTION_NAMES:
        setattr(settings, name, getattr(conf, name))
    assert settings.SECURE_SSL_REDIRECT is True
    return Client(raise_request_exception=False)


def assert_headers_over_http(response):
    """The full set; HSTS only goes out over HTTPS (browsers ignore it over HTTP)."""
    response.headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    assert_public_security_headers(response)


def test_https_redirect_has_all_security_headers(production, site_tree):
    response = production.get("/konzept/", **HTTP)
    assert response.status_code == 301
    assert response["Location"] == f"https://{HOST}/konzept/"
    assert "Strict-Transport-Security" not in response.headers
    assert_headers_over_http(response)


def test_trailing_slash_redirect_has_all_security_headers(production, site_tree):
    response = production.get("/konzept", **HTTPS)
    assert response.status_code == 301
    assert response["Location"] == "/konzept/"
    assert_public_security_headers(response)


def test_wagtail_redirect_has_all_security_headers(production, site_tree):
    Redirect.objects.create(old_path="/alte-seite", redirect_link="/konzept/")
    response = production.get("/alte-seite/", **HTTPS)
    assert response.status_code == 301
    assert response["Location"].endswith("/konzept/")
    assert_public_security_headers(response)


@pytest.mark.parametrize("secure", [True, False], ids=["https", "http"])
def test_unknown_host_400_has_all_security_headers(production, site_tree, secure):
    headers = {**(HTTPS if secure else HTTP), "HTTP_HOST": "angreifer.example"}
    response = production.get("/konzept/", **headers)
    assert response.status_code == 400
    assert "Ungültige Anfrage" in response.content.decode()
    if secure:
        assert_public_security_headers(response)
    else:
        assert_headers_over_http(response)


def test_404_and_500_have_all_security_headers(production, site_tree, monkeypatch):
    response = production.get("/gibt-es-nicht/", **HTTPS)
    assert response.status_code == 404
    assert_public_security_headers(response)

    def broken(self, request, *args, **kwargs):
        raise RuntimeError("kaputt")

    monkeypatch.setattr(ConceptIndexPage, "get_context", broken)
    response = production.get("/konzept/", **HTTPS)
    assert response.status_code == 500
    assert_public_security_headers(response)


def test_static_files_have_all_security_headers(production, site_tree, settings):
    settings.WHITENOISE_USE_FINDERS = True  # no collectstatic in the test run
    response = production.get("/static/css/site.css", **HTTPS)
    assert response.status_code == 200
    assert_public_security_headers(response)


def test_health_check_has_all_security_headers(production):
    response = production.get("/healthz/", HTTP_HOST="10.0.0.5")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert_headers_over_http(response)
