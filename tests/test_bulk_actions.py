"""Page bulk actions in the explorer: editors are not offered publish, unpublish, delete or
move (moderation's tools), moderators are; an editor's hand-made bulk request is refused with
a German message naming who can do it, and pages a moderator may not touch come with a
reason."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from news.models import NewsPage
from tests.factories import NewsPageFactory
from tests.helpers import soup, text_of

ACTIONS = {"Veröffentlichen", "Veröffentlichung aufheben", "Löschen", "Verschieben"}
WHO = "eine Moderatorin oder ein Moderator der Freigabe"


def bulk_url(action, *pages, next_url=None):
    query = "&".join(f"id={page.pk}" for page in pages)
    if next_url:
        query += f"&next={next_url}"
    return reverse("wagtail_bulk_action", args=["wagtailcore", "page", action]) + "?" + query


def offered_actions(client, parent):
    response = client.get(f"/admin/pages/{parent.pk}/")
    assert response.status_code == 200
    footer = soup(response).select_one("[data-bulk-action-footer]")
    assert footer is not None, "the explorer has no bulk action footer"
    return {text_of(a) for a in footer.select("[data-bulk-action-button]")}


def messages_shown(client):
    return text_of(soup(client.get("/admin/")))


def test_moderation_actions_are_offered_to_moderators_only(client, editor, moderator, site_tree):
    client.force_login(editor)
    offered = offered_actions(client, site_tree.news_index)
    assert not offered & ACTIONS, offered
    client.force_login(moderator)
    assert offered_actions(client, site_tree.news_index) >= ACTIONS


def test_forged_bulk_publish_by_an_editor_is_refused_with_a_reason(
    client, editor, moderator, site_tree
):
    draft = NewsPageFactory(parent=site_tree.news_index, live=False, owner=editor)
    other = NewsPageFactory(parent=site_tree.news_index, live=False)
    client.force_login(editor)
    explorer = f"/admin/pages/{site_tree.news_index.pk}/"
    response = client.post(bulk_url("publish", draft, next_url=explorer))
    assert response.status_code == 302
    assert response["Location"] == explorer
    assert not NewsPage.objects.get(pk=draft.pk).live
    shown = messages_shown(client)
    assert "Mehrere Seiten auf einmal veröffentlichen darf nur" in shown
    assert WHO in shown
    assert "zur Freigabe ein" in shown

    # The moderator publishes both in one go.
    client.force_login(moderator)
    assert client.post(bulk_url("publish", draft, other)).status_code == 302
    assert NewsPage.objects.get(pk=draft.pk).live
    assert NewsPage.objects.get(pk=other.pk).live


@pytest.mark.parametrize("action", ["delete", "unpublish", "move"])
def test_forged_bulk_actions_on_live_pages_are_refused(client, editor, site_tree, action):
    page = site_tree.seed_news
    client.force_login(editor)
    response = client.post(bulk_url(action, page))
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    page = Page.objects.filter(pk=page.pk).first()
    assert page is not None and page.live
    assert page.get_parent().pk == site_tree.news_index.pk
    assert WHO in messages_shown(client)


def test_editor_opening_the_confirmation_page_is_sent_back(client, editor, site_tree):
    client.force_login(editor)
    response = client.get(bulk_url("delete", site_tree.seed_news))
    assert response.status_code == 302
    assert "Mehrere Seiten auf einmal löschen darf nur" in messages_shown(client)


def test_moderator_sees_why_the_home_page_is_left_out(client, moderator, site_tree):
    client.force_login(moderator)
    response = client.get(bulk_url("delete", site_tree.home, site_tree.draft_news))
    assert response.status_code == 200
    text = text_of(soup(response))
    assert "Unveröffentlichte Meldung" in text
    assert "Administratorin oder einem Administrator" in text
