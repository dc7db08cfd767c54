"""The content checks editors see in the userbar and in the page editor's "Überprüfungen"
panel: the configuration Wagtail renders for axe-core (the browser side is in
``tests/browser/test_content_checks.py``)."""

import json
import re

import pytest
from django.contrib.staticfiles import finders

from partnerships.editorial.content_checks import VAGUE_LINK_TEXTS
from tests.factories import ImageFactory, NewsPageFactory, heading, paragraph

pytestmark = pytest.mark.django_db

CONFIG_RE = re.compile(
    r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>', re.S
)
MARKER = 'data-inhaltspruefung="'  # the attribute on an image (not the configuration)
CUSTOM_RULES = {"sp-alternativtext", "sp-linktext", "sp-suchbeschreibung"}


def axe_configuration(html):
    found = CONFIG_RE.findall(html)
    assert len(found) == 1, "expected exactly one checker configuration"
    return json.loads(found[0])


def check_options(config, check_id):
    return next(c for c in config["spec"]["checks"] if c["id"] == check_id).get("options")


@pytest.fixture
def news(site_tree):
    return NewsPageFactory(
        parent=site_tree.news_index,
        title="Netzwerktreffen im Landkreis",
        teaser="",
        search_description="",
        image=ImageFactory(description="", is_decorative=False, title="Gruppenfoto"),
        body=[heading("Ergebnisse"), paragraph('<p><a href="https://example.org/">mehr</a></p>')],
    )


def test_editor_gets_the_site_rules_with_german_messages(client, editor, news):
    client.force_login(editor)
    html = client.get(news.url).content.decode()
    config = axe_configuration(html)
    run_only = set(config["options"]["runOnly"])
    assert CUSTOM_RULES | {"heading-order", "alt-text-quality", "link-name"} <= run_only
    rules = {rule["id"]: rule for rule in config["spec"]["rules"]}
    assert set(rules) >= CUSTOM_RULES
    assert rules["sp-linktext"]["any"] == ["sp-check-linktext"]
    messages = config["messages"]
    assert messages["sp-alternativtext"]["error_name"] == "Bild ohne Alternativtext"
    assert messages["sp-linktext"]["error_name"] == "Nichtssagender Linktext"
    assert messages["sp-suchbeschreibung"]["error_name"] == "Suchbeschreibung fehlt"
    assert messages["heading-order"]["error_name"] == "Überschriftenebene übersprungen"
    for rule in run_only:
        # Every rule that can fire has a German name and help text.
        assert messages[rule]["error_name"] and messages[rule]["help_text"]
        assert not re.search(r"\b(the|is|empty|found|use)\b", messages[rule]["error_name"])
    texts = check_options(config, "sp-check-linktext")["texts"]
    assert {"hier klicken", "klicken sie hier", "hier", "mehr", "weiter", "link"} <= set(texts)
    assert texts == VAGUE_LINK_TEXTS
    # The page's empty search description travels in the configuration …
    assert check_options(config, "sp-check-suchbeschreibung") == {"missing": True}
    # … and the evaluation functions are loaded with the userbar.
    assert '<script src="/static/partnerships/js/content-checks.js"' in html
    assert finders.find("partnerships/js/content-checks.js")


def test_search_description_filled_in_passes(client, editor, news):
    news.search_description = "Landkreis und Unternehmen gründen ein Netzwerk."
    news.save_revision().publish()
    client.force_login(editor)
    config = axe_configuration(client.get(news.url).content.decode())
    assert check_options(config, "sp-check-suchbeschreibung") == {"missing": False}


def test_teaser_is_the_published_description_so_no_warning(client, editor, news):
    """The page's teaser is its meta description (``includes/meta.html``): no
    „Suchbeschreibung fehlt“ although „Meta-Information Beschreibung“ is empty."""
    news.teaser = "Landkreis und Unternehmen gründen ein Netzwerk."
    news.save_revision().publish()
    client.force_login(editor)
    html = client.get(news.url).content.decode()
    assert '<meta name="description" content="Landkreis und Unternehmen' in html
    assert check_options(axe_configuration(html), "sp-check-suchbeschreibung") == {"missing": False}


def test_blank_descriptions_are_missing(client, editor, news):
    """Only white space in either field publishes no description: the check fires."""
    news.teaser = "   "
    news.search_description = " \n "
    news.save_revision().publish()
    client.force_login(editor)
    html = client.get(news.url).content.decode()
    assert '<meta name="description"' not in html
    assert check_options(axe_configuration(html), "sp-check-suchbeschreibung") == {"missing": True}


def test_visitors_get_no_checker_and_no_markers(client, news):
    html = client.get(news.url).content.decode()
    assert "checker-axe-configuration" not in html
    assert "content-checks.js" not in html
    assert MARKER not in html


def test_preview_marks_images_without_alt_text(client, editor, news, site_tree):
    client.force_login(editor)
    # The live page, even for an editor, carries no marker …
    assert MARKER not in client.get(news.url).content.decode()
    # … the preview does, on the image without alt text only.
    html = news.make_preview_request().content.decode()
    assert html.count('data-inhaltspruefung="alternativtext-fehlt"') == 1
    described = NewsPageFactory(parent=site_tree.news_index, image=ImageFactory())
    decorative = NewsPageFactory(
        parent=site_tree.news_index, image=ImageFactory(description="", is_decorative=True)
    )
    for page in (described, decorative):
        assert MARKER not in page.make_preview_request().content.decode()


def test_page_editor_checks_panel_uses_the_same_rules(client, editor, news):
    client.force_login(editor)
    html = client.get(f"/admin/pages/{news.pk}/edit/").content.decode()
    config = axe_configuration(html)
    assert {rule["id"] for rule in config["spec"]["rules"]} >= CUSTOM_RULES
    assert check_options(config, "sp-check-suchbeschreibung") == {"missing": True}
    assert config["messages"]["sp-linktext"]["help_text"].startswith("Der Linktext")
