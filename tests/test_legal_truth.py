"""What the legal texts say about cookies and error reports is what the code does."""

import secrets
from pathlib import Path

import pytest
from django.test import override_settings

from partnerships.initial_content.pages import DATENSCHUTZ

ROOT = Path(__file__).resolve().parent.parent


def test_the_contact_forms_csrf_cookie_is_a_session_cookie_as_the_privacy_text_says(
    client, site_tree
):
    response = client.get(site_tree.contact.url)
    cookie = response.cookies["csrftoken"]
    assert cookie["max-age"] == "" and cookie["expires"] == ""  # gone when the browser closes
    # The Datenschutz text's cookie section (generated, templates/blocks/legal/cookies.html).
    assert ("legal_section", {"section": "cookies"}) in DATENSCHUTZ["body"]
    cookies_text = (ROOT / "templates/blocks/legal/cookies.html").read_text()
    assert "Sitzungs-Cookie: Ihr Browser löscht es, wenn Sie ihn schließen" in cookies_text
    assert "„csrftoken“" in cookies_text


@pytest.mark.parametrize("url", ["/", "/newsletter/", "/praxisbeispiele/"])
def test_public_pages_set_no_cookie(client, site_tree, url):
    assert not client.get(url).cookies


def render_500(**settings):
    from django.test import RequestFactory

    from partnerships.ops.errors import server_error

    with override_settings(**settings):
        try:
            raise ValueError("Test")
        except ValueError:
            return server_error(RequestFactory().get("/")).content.decode()


def test_the_500_page_says_the_error_was_logged_and_mailed_only_with_admins(db):
    without = render_500(ADMINS=[])
    assert "Der Fehler wurde protokolliert." in without and "E-Mail" not in without
    with_admins = render_500(ADMINS=[("Technik", "technik@example.org")])
    assert "per E-Mail benachrichtigt" in with_admins


def test_production_mails_server_errors_to_the_admins():
    from tests.settings_env import settings_from_env

    production = settings_from_env(
        "partnerships.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="example.org",
        ADMINS="Technik <technik@example.org>",
    )
    assert "mail_admins" in production.LOGGING["loggers"]["django.request"]["handlers"]
    assert production.ADMINS == [("Technik", "technik@example.org")]
