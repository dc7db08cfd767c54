"""The German editor guide in the admin: reached from the help menu (not wagtail.org), with
this site's screenshots, and naming only buttons and fields the admin really shows."""

import json
from pathlib import Path

import pytest
from bs4.element import NavigableString, TemplateString
from django.conf import settings
from wagtail.models import WorkflowState

from partnerships.editorial import guide
from tests.helpers import news_form_data, soup, text_of

GUIDE_URL = "/admin/anleitung/"
SCREENSHOTS = Path(settings.BASE_DIR) / "partnerships" / "static" / "partnerships" / "guide"


def test_the_help_menu_leads_to_the_site_guide_not_to_wagtail_org(client, editor, site_tree):
    client.force_login(editor)
    response = client.get("/admin/")
    # The sidebar is drawn from JSON: its menu, decoded, as the editor reads it.
    menu = json.dumps(json.loads(soup(response).find(id="wagtail-sidebar-props").string))
    menu = menu.encode().decode("unicode_escape")
    assert f'"{GUIDE_URL}"' in menu
    assert "Anleitung für die Redaktion" in menu
    assert "wagtail.org" not in menu
    assert "wagtail.org" not in response.content.decode()


@pytest.mark.parametrize("user", ["editor", "moderator"])
def test_the_guide_covers_what_editors_do(client, request, site_tree, user):
    client.force_login(request.getfixturevalue(user))
    response = client.get(GUIDE_URL)
    assert response.status_code == 200
    page = soup(response)
    headings = [text_of(h) for h in page.select("section > h2")]
    assert headings == [title for _, title, _, _ in guide.SECTIONS]
    for needed in ("Meldung", "Praxisbeispiel", "Alternativtext", "Freigabe", "planen"):
        assert any(needed in heading for heading in headings), needed
    toc = [a["href"] for a in page.select("nav a[href^='#']")]
    assert toc == [f"#{anchor}" for anchor, _, _, _ in guide.SECTIONS]


def test_every_screenshot_is_there_small_and_described(client, editor, site_tree):
    client.force_login(editor)
    page = soup(client.get(GUIDE_URL))
    figures = page.select("figure img")
    assert len(figures) == sum(1 for section in guide.SECTIONS if section[2])
    for img in figures:
        assert len(img["alt"]) > 30, img["src"]
        name = img["src"].rsplit("/", 1)[-1]
        path = SCREENSHOTS / name
        assert path.exists(), f"missing screenshot {name}: make guide-screenshots"
        assert path.stat().st_size < 150_000, f"{name}: {path.stat().st_size} bytes"
        assert client.get(img["src"]).status_code == 200


def admin_text(client, path):
    """What the user reads on the screen: text, button labels and tooltips, the sidebar."""
    response = client.get(path)
    assert response.status_code == 200, path
    page = soup(response)
    sidebar = page.find(id="wagtail-sidebar-props")
    # Dialogs (the publishing schedule) wait in <template> elements until opened.
    parts = [page.get_text(" ", types=(NavigableString, TemplateString))]
    parts += [node[attr] for attr in ("aria-label", "title") for node in page.select(f"[{attr}]")]
    if sidebar is not None:
        parts.append(json.dumps(json.loads(sidebar.string), ensure_ascii=False))
    return " ".join(parts)


def test_the_guide_names_only_labels_the_admin_shows(client, editor, moderator, site_tree):
    """Every button or field the guide quotes (<b class="guide-ui">) is on a screen of the
    user it is meant for: the guide does not drift from the admin."""
    client.force_login(editor)
    client.post(
        f"/admin/pages/add/news/newspage/{site_tree.news_index.pk}/",
        news_form_data("Eingereichte Meldung", **{"action-submit": "action-submit"}),
    )
    labels = {text_of(b) for b in soup(client.get(GUIDE_URL)).select("b.guide-ui")}
    assert len(labels) > 15
    news = site_tree.news_index.get_children().get(title="Eingereichte Meldung")
    study = next(iter(site_tree.case_studies.values()))
    screens = [
        admin_text(client, path)
        for path in (
            "/admin/",
            f"/admin/pages/{site_tree.news_index.pk}/",
            f"/admin/pages/add/news/newspage/{site_tree.news_index.pk}/",
            f"/admin/pages/{study.pk}/edit/",
            "/admin/images/add/",
        )
    ]
    client.force_login(moderator)
    assert WorkflowState.objects.filter(object_id=str(news.pk)).exists()
    screens += [
        admin_text(client, path)
        for path in ("/admin/", f"/admin/pages/{news.pk}/edit/", "/admin/redirects/")
    ]
    everything = " ".join(" ".join(screen.split()) for screen in screens)
    missing = sorted(label for label in labels if label not in everything)
    assert missing == [], ", ".join(missing)
