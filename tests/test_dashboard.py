"""The admin as editors see it: dashboard panels, branding, session lifetime and cookies."""

import datetime

from django.contrib.sessions.models import Session
from django.utils import timezone

from tests.factories import NewsPageFactory
from tests.helpers import news_form_data, soup, text_of
from tests.settings_env import settings_from_env


def panel(response, panel_id):
    node = soup(response).find(id=f"{panel_id}-section")
    assert node is not None, f"no dashboard panel {panel_id!r}"
    return text_of(node)


def test_moderator_sees_submitted_pages_zur_freigabe(client, editor, moderator, site_tree):
    client.force_login(editor)
    client.post(
        f"/admin/pages/add/news/newspage/{site_tree.news_index.pk}/",
        news_form_data("Eingereichte Meldung", **{"action-submit": "action-submit"}),
    )
    text = panel(client.get("/admin/"), "zur-freigabe")
    assert "Eingereichte Meldung" not in text, "editors do not approve"
    assert "Keine Seiten warten auf Ihre Freigabe." in text
    client.force_login(moderator)
    text = panel(client.get("/admin/"), "zur-freigabe")
    assert "Zur Freigabe" in text
    assert "Eingereichte Meldung" in text
    assert "eingereicht von redakteurin" in text


def test_editor_sees_own_drafts(client, editor, moderator, site_tree):
    client.force_login(editor)
    client.post(
        f"/admin/pages/add/news/newspage/{site_tree.news_index.pk}/",
        news_form_data("Mein Entwurf"),
    )
    text = panel(client.get("/admin/"), "meine-entwuerfe")
    assert "Mein Entwurf" in text and "Entwurf" in text
    client.force_login(moderator)
    assert "Mein Entwurf" not in panel(client.get("/admin/"), "meine-entwuerfe")


def test_recently_published_pages_newest_first(client, moderator, site_tree):
    older = NewsPageFactory(parent=site_tree.news_index, title="Ältere Meldung")
    older.save_revision().publish()
    newer = NewsPageFactory(parent=site_tree.news_index, title="Neueste Meldung")
    newer.save_revision().publish()
    client.force_login(moderator)
    text = panel(client.get("/admin/"), "zuletzt-veroeffentlicht")
    assert text.index("Neueste Meldung") < text.index("Ältere Meldung")


def test_admin_shows_the_site_name_and_logo(admin_client_de):
    page = soup(admin_client_de.get("/admin/"))
    assert page.title.get_text().strip().endswith("Strategische Partnerschaften")
    logo = page.select_one("template[data-wagtail-sidebar-branding-logo]")
    assert "img/favicon.svg" in logo.decode_contents()


def test_login_page_shows_the_site_name(client, db):
    page = soup(client.get("/admin/login/"))
    assert "Anmelden – Strategische Partnerschaften" in text_of(page.find("h1"))


def test_admin_session_lasts_eight_hours(client, superuser):
    response = client.post(
        "/admin/login/", {"username": "admin", "password": "ein-sicheres-passwort"}
    )
    assert response.status_code == 302
    cookie = response.cookies["sessionid"]
    assert cookie["max-age"] == ""  # ends with the browser session ...
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    # ... and after eight hours on the server at the latest.
    session = Session.objects.get(session_key=cookie.value)
    lifetime = session.expire_date - timezone.now()
    assert datetime.timedelta(hours=7, minutes=59) < lifetime <= datetime.timedelta(hours=8)


def test_remember_me_keeps_the_session_for_eight_hours(client, superuser):
    response = client.post(
        "/admin/login/",
        {"username": "admin", "password": "ein-sicheres-passwort", "remember": "on"},
    )
    assert response.cookies["sessionid"]["max-age"] == 8 * 60 * 60


def test_production_session_cookies_are_secure():
    conf = settings_from_env(
        "partnerships.settings.production",
        SECRET_KEY="x" * 20 + "abcdefghijklmnopqrstuvwxyz0123456789",
        ALLOWED_HOSTS="example.org",
    )
    assert conf.SESSION_COOKIE_SECURE is True
    assert conf.SESSION_COOKIE_HTTPONLY is True
    assert conf.SESSION_COOKIE_SAMESITE == "Lax"
    assert conf.CSRF_COOKIE_SECURE is True
    assert conf.SESSION_COOKIE_AGE == 28800
