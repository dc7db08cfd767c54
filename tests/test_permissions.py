"""The permission matrix, cell by cell, through the admin's HTTP views.

Roles: anonymous visitor, Redakteur, Moderator, Administrator (superuser). Every test sends the
request an editor's browser would send and then checks what changed in the database.
"""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from news.models import NewsPage
from tests.factories import NewsIndexPageFactory, NewsPageFactory
from tests.helpers import assert_denied, assert_login_required, news_form_data

ROLES = ["anonym", "redakteur", "moderator", "administrator"]
ALLOWED = {
    # action: roles that may do it
    "create": {"redakteur", "moderator", "administrator"},
    "edit": {"redakteur", "moderator", "administrator"},
    "publish": {"moderator", "administrator"},
    "unpublish": {"moderator", "administrator"},
    "delete": {"moderator", "administrator"},
    "move": {"moderator", "administrator"},
    "users": {"administrator"},
    "settings": {"administrator"},
}


@pytest.fixture
def as_role(request, client, db):
    """A client logged in with the role given by the test's ``role`` parameter."""
    from tests.conftest import _user_in_group

    role = request.getfixturevalue("role")
    if role == "redakteur":
        client.force_login(_user_in_group("redakteurin", "Redakteure"))
    elif role == "moderator":
        client.force_login(_user_in_group("moderator", "Moderatoren"))
    elif role == "administrator":
        client.force_login(
            get_user_model().objects.create_superuser("admin", "admin@example.org", "pw-admin-1")
        )
    return client


def check(role, action, client, response):
    """Allowed: the view did not refuse. Refused: login page or Wagtail's refusal."""
    if role == "anonym":
        assert_login_required(response)
    elif role not in ALLOWED[action]:
        assert_denied(client, response)
    else:
        assert response.status_code in (200, 302), response.status_code
        assert not response.get("Location", "").startswith("/admin/login/")


def live_news(site_tree):
    return NewsPage.objects.get(pk=site_tree.seed_news.pk)


@pytest.mark.parametrize("role", ROLES)
def test_create_news_page(role, as_role, site_tree):
    url = f"/admin/pages/add/news/newspage/{site_tree.news_index.pk}/"
    response = as_role.post(url, news_form_data("Neue Clusterkonferenz"))
    check(role, "create", as_role, response)
    created = NewsPage.objects.filter(title="Neue Clusterkonferenz").first()
    assert (created is not None) is (role in ALLOWED["create"])
    if created is not None:
        assert not created.live, "saving a new page must not publish it"


@pytest.mark.parametrize("role", ROLES)
def test_create_concept_page_is_for_moderators(role, as_role, site_tree):
    """Editors edit concept pages but do not create new ones."""
    url = f"/admin/pages/add/concepts/conceptpage/{site_tree.concept_index.pk}/"
    response = as_role.get(url)
    if role == "anonym":
        assert_login_required(response)
    elif role == "redakteur":
        assert_denied(as_role, response)
    else:
        assert response.status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_edit_news_page(role, as_role, site_tree):
    page = live_news(site_tree)
    response = as_role.post(
        f"/admin/pages/{page.pk}/edit/",
        news_form_data("Geänderter Titel", slug=page.slug),
    )
    check(role, "edit", as_role, response)
    page.refresh_from_db()
    latest = page.get_latest_revision_as_object()
    assert (latest.title == "Geänderter Titel") is (role in ALLOWED["edit"])
    assert page.live and page.title != "Geänderter Titel", "a draft leaves the live page alone"


@pytest.mark.parametrize("role", ROLES)
def test_edit_concept_page(role, as_role, site_tree):
    page = site_tree.concepts[0]
    response = as_role.get(f"/admin/pages/{page.pk}/edit/")
    if role == "anonym":
        assert_login_required(response)
    else:
        assert response.status_code == 200


@pytest.mark.parametrize("role", ["redakteur", "moderator"])
def test_only_administrators_edit_the_legal_pages_and_home(role, as_role, site_tree):
    for page in (site_tree.impressum, site_tree.home):
        response = as_role.get(f"/admin/pages/{page.pk}/edit/")
        if role == "redakteur":
            assert_denied(as_role, response)
        else:
            # Moderators keep editing and publishing everywhere (see README).
            assert response.status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_publish(role, as_role, site_tree):
    draft = NewsPageFactory(parent=site_tree.news_index, title="Entwurf", live=False)
    response = as_role.post(
        f"/admin/pages/{draft.pk}/edit/",
        news_form_data("Entwurf", slug=draft.slug, **{"action-publish": "action-publish"}),
    )
    if role == "anonym":
        assert_login_required(response)
    draft.refresh_from_db()
    assert draft.live is (role in ALLOWED["publish"])


def test_editor_sees_submit_but_no_publish_button(client, editor, site_tree):
    client.force_login(editor)
    html = client.get(f"/admin/pages/{site_tree.seed_news.pk}/edit/").content.decode()
    assert 'name="action-publish"' not in html
    assert 'name="action-submit"' in html


@pytest.mark.parametrize("role", ROLES)
def test_unpublish(role, as_role, site_tree):
    page = live_news(site_tree)
    response = as_role.post(f"/admin/pages/{page.pk}/unpublish/")
    check(role, "unpublish", as_role, response)
    page.refresh_from_db()
    assert page.live is (role not in ALLOWED["unpublish"])


@pytest.mark.parametrize("role", ROLES)
def test_delete_published_page(role, as_role, site_tree):
    page = live_news(site_tree)
    response = as_role.post(f"/admin/pages/{page.pk}/delete/")
    check(role, "delete", as_role, response)
    assert Page.objects.filter(pk=page.pk).exists() is (role not in ALLOWED["delete"])


def test_editor_deletes_own_draft(client, editor, site_tree):
    draft = NewsPageFactory(parent=site_tree.news_index, live=False, owner=editor)
    client.force_login(editor)
    response = client.post(f"/admin/pages/{draft.pk}/delete/")
    assert response.status_code == 302
    assert not Page.objects.filter(pk=draft.pk).exists()


def test_moderator_cannot_delete_the_home_page(client, moderator, site_tree):
    client.force_login(moderator)
    response = client.post(f"/admin/pages/{site_tree.home.pk}/delete/")
    assert_denied(client, response)
    assert Page.objects.filter(pk=site_tree.home.pk).exists()


@pytest.mark.parametrize("role", ROLES)
def test_move_published_page(role, as_role, site_tree):
    archive = NewsIndexPageFactory(parent=site_tree.home, title="Archiv", slug="archiv")
    page = live_news(site_tree)
    response = as_role.post(f"/admin/pages/{page.pk}/move/{archive.pk}/confirm/")
    check(role, "move", as_role, response)
    page.refresh_from_db()
    moved = page.get_parent().pk == archive.pk
    assert moved is (role in ALLOWED["move"])


@pytest.mark.parametrize("role", ROLES)
def test_user_management(role, as_role, db):
    response = as_role.get("/admin/users/")
    check(role, "users", as_role, response)
    if role in ALLOWED["users"]:
        assert response.status_code == 200
        response = as_role.post(
            "/admin/users/new/",
            {
                "username": "neue.redakteurin",
                "email": "neu@example.org",
                "first_name": "Neu",
                "last_name": "Redakteurin",
                "password1": "ein-langes-passwort-2026",
                "password2": "ein-langes-passwort-2026",
                "groups": [],
                "is_active": "on",
            },
        )
        assert response.status_code == 302
    else:
        as_role.post("/admin/users/new/", {"username": "eindringling"})
    exists = get_user_model().objects.filter(username="neue.redakteurin").exists()
    assert exists is (role in ALLOWED["users"])
    assert not get_user_model().objects.filter(username="eindringling").exists()


@pytest.mark.parametrize("role", ROLES)
def test_group_management(role, as_role, db):
    response = as_role.get("/admin/groups/")
    check(role, "users", as_role, response)


@pytest.mark.parametrize("role", ROLES)
def test_site_settings(role, as_role, site_tree):
    site = Site.objects.get(is_default_site=True)
    response = as_role.get(f"/admin/settings/partnerships/sitesettings/{site.pk}/")
    check(role, "settings", as_role, response)
    if role in ALLOWED["settings"]:
        assert response.status_code == 200
    response = as_role.get(f"/admin/sites/edit/{site.pk}/")
    check(role, "settings", as_role, response)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/redirects/",
        "/admin/searchpicks/",
        "/admin/snippets/partnerships/branche/",
        "/admin/snippets/casestudies/projektphase/",
    ],
)
@pytest.mark.parametrize("role", ROLES)
def test_snippets_redirects_and_search_promotions(role, as_role, url, db):
    response = as_role.get(url)
    if role == "anonym":
        assert_login_required(response)
    elif role == "redakteur":
        assert_denied(as_role, response)
    else:
        assert response.status_code == 200


def test_moderator_adds_a_redirect(client, moderator, site_tree):
    from wagtail.contrib.redirects.models import Redirect

    client.force_login(moderator)
    response = client.post(
        "/admin/redirects/add/",
        {
            "old_path": "/alte-meldungen/",
            "site": "",
            "is_permanent": "on",
            "redirect_page": site_tree.news_index.pk,
            "redirect_link": "",
        },
    )
    assert response.status_code == 302
    assert Redirect.objects.get(old_path="/alte-meldungen").redirect_page_id == (
        site_tree.news_index.pk
    )
    assert client.get("/alte-meldungen/")["Location"] == "/aktuelles/"


def test_audit_log_is_visible_to_moderators(client, moderator, site_tree):
    client.force_login(moderator)
    client.post(f"/admin/pages/{site_tree.seed_news.pk}/unpublish/")
    response = client.get("/admin/reports/site-history/")
    assert response.status_code == 200
    assert site_tree.seed_news.title in response.content.decode()
