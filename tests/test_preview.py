"""Preview of every page type, revisions (compare, restore) and page locking in the admin."""

import json

import pytest
from wagtail.models import Page

from casestudies.models import Branche, CaseStudyPage
from tests.factories import NewsPageFactory
from tests.helpers import news_form_data, strip_tags

PAGE_TYPES = [
    "home",
    "impressum",
    "concept_index",
    "concept_page",
    "cs_index",
    "case_study",
    "news_index",
    "news_page",
]


def pick(site_tree, key):
    return {
        "concept_page": site_tree.concepts[0],
        "case_study": site_tree.case_studies["oldenburg"],
        "news_page": site_tree.seed_news,
    }.get(key) or getattr(site_tree, key)


@pytest.mark.parametrize("key", PAGE_TYPES)
def test_every_page_type_renders_as_preview(key, site_tree):
    """What the admin's preview panel shows (Wagtail's serve_preview for each type)."""
    page = Page.objects.get(pk=pick(site_tree, key).pk).specific
    response = page.make_preview_request()
    assert response.status_code == 200
    text = strip_tags(response.content.decode())
    assert page.title in text


@pytest.mark.parametrize("key", ["concept_index", "cs_index", "news_index"])
def test_index_previews_list_their_children(key, site_tree):
    index = Page.objects.get(pk=pick(site_tree, key).pk).specific
    text = strip_tags(index.make_preview_request().content.decode())
    titles = [child.title for child in index.get_children().live()]
    shown = [title for title in titles if title in text]
    assert len(shown) >= min(3, len(titles)) > 0


def test_admin_preview_shows_unsaved_changes(client, editor, site_tree):
    page = site_tree.seed_news
    client.force_login(editor)
    url = f"/admin/pages/{page.pk}/edit/preview/"
    response = client.post(url, news_form_data("Noch nicht gespeichert", slug=page.slug))
    assert json.loads(response.content)["is_valid"] is True
    response = client.get(url)
    assert response.status_code == 200
    assert "Noch nicht gespeichert" in response.content.decode()
    assert Page.objects.get(pk=page.pk).get_latest_revision_as_object().title == page.title


def test_revisions_are_compared_and_restored(client, moderator, site_tree):
    page = NewsPageFactory(parent=site_tree.news_index, title="Erste Fassung")
    first = page.save_revision(user=moderator)
    page.title = "Zweite Fassung"
    second = page.save_revision(user=moderator)
    client.force_login(moderator)
    compare = client.get(f"/admin/pages/{page.pk}/revisions/compare/{first.pk}...{second.pk}/")
    assert compare.status_code == 200
    html = compare.content.decode()
    assert '<span class="deletion">Erste</span><span class="addition">Zweite</span>' in html
    # "Restore": the editor opens with the old revision's content; saving makes a new revision.
    revert = client.get(f"/admin/pages/{page.pk}/revisions/{first.pk}/revert/")
    assert revert.status_code == 200
    assert 'value="Erste Fassung"' in revert.content.decode()
    client.post(f"/admin/pages/{page.pk}/edit/", news_form_data("Erste Fassung", slug=page.slug))
    assert page.revisions.count() == 3
    assert Page.objects.get(pk=page.pk).get_latest_revision_as_object().title == "Erste Fassung"


def test_a_locked_page_cannot_be_changed_by_someone_else(client, moderator, editor, site_tree):
    page = site_tree.seed_news
    client.force_login(moderator)
    assert client.post(f"/admin/pages/{page.pk}/lock/").status_code == 302
    assert Page.objects.get(pk=page.pk).locked
    client.force_login(editor)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/", news_form_data("Übersehen", slug=page.slug)
    )
    assert response.status_code == 200
    assert "gesperrt" in response.content.decode()
    assert Page.objects.get(pk=page.pk).get_latest_revision_as_object().title != "Übersehen"


def case_study_index_form_data(index, title):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    return nested_form_data(
        {
            "title": title,
            "slug": index.slug,
            "teaser": index.teaser,
            "intro": rich_text("<p>Beispiele aus den Regionen.</p>"),
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            "comments": inline_formset([]),
        }
    )


def case_study_titles(html):
    return {
        title
        for title in CaseStudyPage.objects.live().values_list("title", flat=True)
        if title in strip_tags(html)
    }


def test_case_study_list_previews_unfiltered_and_filtered(client, moderator, site_tree):
    """Editors choose "Vorschau: gefiltert nach Branche …" in the preview panel and see the list
    as a visitor sees it after filtering, including their unsaved changes."""
    index = site_tree.cs_index
    client.force_login(moderator)
    edit = client.get(f"/admin/pages/{index.pk}/edit/").content.decode()
    assert "Vorschau: alle Praxisbeispiele" in edit
    assert "Vorschau: gefiltert nach Branche „Logistik“" in edit
    assert "Vorschau: gefiltert nach Projektphase „Umsetzung“" in edit

    url = f"/admin/pages/{index.pk}/edit/preview/"
    response = client.post(url, case_study_index_form_data(index, "Praxis ungespeichert"))
    assert json.loads(response.content)["is_valid"] is True

    everything = client.get(url).content.decode()
    assert "Praxis ungespeichert" in everything
    live = set(index.specific.case_studies().values_list("title", flat=True))
    assert case_study_titles(everything) == live

    logistik = client.get(url, {"mode": "branche:logistik"}).content.decode()
    assert "Praxis ungespeichert" in logistik
    expected = set(
        index.specific.case_studies()
        .filter(branchen__slug="logistik")
        .values_list("title", flat=True)
    )
    assert 0 < len(expected) < len(live)
    assert case_study_titles(logistik) == expected

    umsetzung = client.get(url, {"mode": "phase:umsetzung"}).content.decode()
    expected = set(
        index.specific.case_studies()
        .filter(phase__slug="umsetzung")
        .values_list("title", flat=True)
    )
    assert 0 < len(expected) < len(live)
    assert case_study_titles(umsetzung) == expected


def test_preview_modes_follow_the_snippets(site_tree):
    index = site_tree.cs_index.specific
    modes = dict(index.preview_modes)
    assert index.default_preview_mode == ""
    assert modes["branche:maschinenbau"] == "Vorschau: gefiltert nach Branche „Maschinenbau“"
    Branche.objects.create(name="Gesundheitswirtschaft", slug="gesundheit")
    assert "branche:gesundheit" in dict(index.preview_modes)
    # A mode for a Branche deleted meanwhile previews an empty list, never an error.
    response = index.make_preview_request(preview_mode="branche:gibt-es-nicht")
    assert response.status_code == 200
    assert "0 Praxisbeispiele" in strip_tags(response.content.decode())
