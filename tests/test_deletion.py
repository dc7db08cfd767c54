"""Losing pages by accident: editors cannot delete a section, and deleting ten or more pages
at once makes moderators type the site name first (Wagtail's unsafe-deletion limit)."""

from django.conf import settings
from django.test import Client
from wagtail.models import Page

from tests.helpers import soup


def delete_url(page):
    return f"/admin/pages/{page.pk}/delete/"


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_unsafe_deletion_limit_is_ten():
    assert settings.WAGTAILADMIN_UNSAFE_PAGE_DELETION_LIMIT == 10


def test_editor_cannot_delete_a_section(editor, site_tree):
    client = logged_in(editor)
    for section in (site_tree.news_index, site_tree.cs_index):
        before = section.get_descendant_count()
        assert client.get(delete_url(section)).status_code in (302, 403)
        response = client.post(delete_url(section))
        assert response.status_code in (302, 403)
        assert Page.objects.filter(pk=section.pk).exists()
        assert Page.objects.get(pk=section.pk).get_descendant_count() == before


def test_editor_cannot_delete_a_published_page_of_someone_else(editor, site_tree):
    page = site_tree.news[0]
    response = logged_in(editor).post(delete_url(page))
    assert response.status_code in (302, 403)
    assert Page.objects.filter(pk=page.pk).exists()


def test_deleting_a_large_section_asks_the_moderator_to_type_the_site_name(moderator, site_tree):
    section = site_tree.news_index
    assert section.get_descendant_count() + 1 >= 10
    client = logged_in(moderator)
    form = soup(client.get(delete_url(section))).find("input", attrs={"name": "confirm_site_name"})
    assert form is not None, "no type-to-confirm field"

    client.post(delete_url(section), {"confirm_site_name": "falsch"})
    assert Page.objects.filter(pk=section.pk).exists()

    client.post(delete_url(section), {"confirm_site_name": settings.WAGTAIL_SITE_NAME})
    assert not Page.objects.filter(pk=section.pk).exists()


def test_small_deletions_need_no_typing(moderator, site_tree):
    page = site_tree.concepts[0]
    response = logged_in(moderator).get(delete_url(page))
    assert response.status_code == 200
    assert soup(response).find("input", attrs={"name": "confirm_site_name"}) is None
