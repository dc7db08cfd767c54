"""The admin as editors see it: dashboard panels, branding, session lifetime and cookies."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import WorkflowState

from news.models import NewsPage
from partnerships.editorial.permissions import EDITORS
from tests.conftest import _user_in_group
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


# --- The editor's own work: submitted and scheduled pages ------------------------------------


def submit_news(client, user, site_tree, title, **extra):
    client.force_login(user)
    response = client.post(
        f"/admin/pages/add/news/newspage/{site_tree.news_index.pk}/",
        news_form_data(title, **{"action-submit": "action-submit"}, **extra),
    )
    assert response.status_code == 302, response.status_code


def schedule(page, when, user):
    """A revision approved for publishing at ``when`` (what a moderator's approval of a page
    with a future go-live date leaves behind)."""
    page.go_live_at = when
    page.save_revision(user=user).publish(skip_permission_checks=True)


def test_editor_sees_own_submitted_pages_eingereicht(client, editor, moderator, site_tree):
    submit_news(client, editor, site_tree, "Meine eingereichte Meldung")
    other = _user_in_group("zweite.redakteurin", EDITORS)
    submit_news(client, other, site_tree, "Fremde eingereichte Meldung")
    client.force_login(editor)
    text = panel(client.get("/admin/"), "eingereicht")
    assert "Eingereicht" in text
    assert "Meine eingereichte Meldung" in text
    assert "wartet auf „Freigabe durch Moderatoren“" in text
    assert "Fremde eingereichte Meldung" not in text, "only my own submissions"
    # Once approved it is no longer waiting.
    page = NewsPage.objects.get(title="Meine eingereichte Meldung")
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    client.force_login(moderator)
    client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{state.current_task_state.pk}/",
        {"comment": ""},
    )
    client.force_login(editor)
    text = panel(client.get("/admin/"), "eingereicht")
    assert "Meine eingereichte Meldung" not in text
    assert "Sie haben keine Seiten zur Freigabe eingereicht." in text


def test_geplant_lists_scheduled_pages_with_german_date(client, editor, moderator, site_tree):
    when = timezone.make_aware(datetime.datetime(2027, 4, 24, 10, 0))
    mine = NewsPageFactory(parent=site_tree.news_index, title="Meine geplante Meldung", live=False)
    schedule(mine, when, editor)
    theirs = NewsPageFactory(parent=site_tree.news_index, title="Fremde geplante", live=False)
    schedule(theirs, when, moderator)
    client.force_login(editor)
    text = panel(client.get("/admin/"), "geplant")
    assert "Geplant" in text
    assert "Meine geplante Meldung" in text
    assert "geht online am 24.04.2027, 10:00 Uhr" in text
    assert "Fremde geplante" not in text, "editors see the pages they wrote"
    client.force_login(moderator)
    text = panel(client.get("/admin/"), "geplant")
    assert "Meine geplante Meldung" in text and "Fremde geplante" in text, (
        "moderators, who schedule, see every scheduled page"
    )


def dashboard_queries(client, user):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/admin/")
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_dashboard_queries_stay_constant_with_many_pages(role, client, request, site_tree):
    """Every panel full (drafts, submitted, scheduled, awaiting approval): the dashboard costs
    the same number of queries with 2 pages per panel as with 12."""
    editor = request.getfixturevalue("editor")
    moderator = request.getfixturevalue("moderator")
    user = editor if role == "editor" else moderator
    when = timezone.now() + datetime.timedelta(days=30)

    def fill(count, start):
        for n in range(start, start + count):
            submit_news(client, editor, site_tree, f"Eingereicht {n}")
            client.post(
                f"/admin/pages/add/news/newspage/{site_tree.news_index.pk}/",
                news_form_data(f"Entwurf {n}"),
            )
            page = NewsPageFactory(parent=site_tree.news_index, title=f"Geplant {n}", live=False)
            schedule(page, when, editor)

    fill(2, 0)
    client.force_login(user)
    dashboard_queries(client, user)  # warm up per-process caches
    few = dashboard_queries(client, user)
    fill(10, 2)
    client.force_login(user)
    # The first request after a change computes the content clock's next moment once.
    dashboard_queries(client, user)
    many = dashboard_queries(client, user)
    text = panel(client.get("/admin/"), "geplant")
    assert "Geplant 9" in text, "the panels did fill up"
    assert many == few, f"{few} queries with 2 pages per panel, {many} with 12"
