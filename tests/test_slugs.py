"""One slug rule everywhere, German (``partnerships.slugs``): page slugs made in the admin,
table-of-contents anchors, snippet slugs and filter values, tags, the initial content.
The admin's client side is in ``tests/browser/test_slugs.py``."""

import json
import re

import pytest
from taggit.models import Tag

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from casestudies.snippets import BUNDESLAENDER
from news.models import NewsPage
from partnerships.blocks import heading_anchor
from partnerships.initial_content import casestudies as seeded_casestudies
from partnerships.initial_content import concepts as seeded_concepts
from partnerships.initial_content import news as seeded_news
from partnerships.initial_content import pages as seeded_pages
from partnerships.slugs import german_slug, wagtail_default_slugs
from tests.factories import NewsPageFactory
from tests.helpers import news_form_data, soup

TITLE = "Ernährungswirtschaft in Oldenburg und Münster: Straße"
GERMAN = "ernaehrungswirtschaft-in-oldenburg-und-muenster-strasse"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        (TITLE, GERMAN),
        ("Oldenburger Münsterland", "oldenburger-muensterland"),
        ("ÄRGER über Öl und Übermut", "aerger-ueber-oel-und-uebermut"),
        ("Fachkräfte", "fachkraefte"),
        ("Große Straße", "grosse-strasse"),
        ("GROẞE STRAẞE", "grosse-strasse"),
        ("Mu\u0308nster", "muenster"),  # "u" + combining diaeresis, as pasted from a PDF
        ("Café in Göttingen – 2. Tag", "cafe-in-goettingen-2-tag"),
        ("  Leerzeichen  am Rand  ", "leerzeichen-am-rand"),
        ("?!", ""),
    ],
)
def test_german_slug(text, slug):
    assert german_slug(text) == slug


def test_german_slug_fallback_and_normal_form():
    assert german_slug("…", fallback="abschnitt") == "abschnitt"
    # A slug by the rule is its own slug: applying the rule again changes nothing.
    assert german_slug(GERMAN) == GERMAN


def test_wagtails_own_spellings_are_what_the_page_form_puts_right():
    assert wagtail_default_slugs(TITLE) == {
        "ernahrungswirtschaft-in-oldenburg-und-munster-strae",  # Django's slugify
        "ernahrungswirtschaft-in-oldenburg-und-munster-strasse",  # Wagtail's urlify
    }


def test_anchors_and_filter_values_follow_the_rule():
    assert heading_anchor("Schlüsselbranchen im Überblick") == "schluesselbranchen-im-ueberblick"
    assert heading_anchor("§") == "abschnitt"
    assert dict(BUNDESLAENDER)["thueringen"] == "Thüringen"
    assert dict(BUNDESLAENDER)["baden-wuerttemberg"] == "Baden-Württemberg"
    for value, name in BUNDESLAENDER:
        assert value == german_slug(name)


def seeded_slugs():
    """Every slug the initial content sets, with the name or title it stands for."""
    for spec in [*seeded_casestudies.BRANCHEN, *seeded_casestudies.PROJEKTPHASEN]:
        yield spec["slug"], spec["name"]
    for module in (seeded_casestudies, seeded_concepts, seeded_news, seeded_pages):
        for value in vars(module).values():
            specs = value if isinstance(value, list) else [value]
            for spec in specs:
                if isinstance(spec, dict) and "slug" in spec and "title" in spec:
                    yield spec["slug"], spec["title"]


def test_initial_content_slugs_are_in_the_one_spelling():
    slugs = list(seeded_slugs())
    assert len(slugs) > 20
    for slug, _name in slugs:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug), slug
        assert german_slug(slug) == slug
    # Snippet slugs are their names by the rule (the finder's filter values).
    for spec in [*seeded_casestudies.BRANCHEN, *seeded_casestudies.PROJEKTPHASEN]:
        assert spec["slug"] == german_slug(spec["name"])


@pytest.mark.django_db
def test_tags_get_german_slugs(site_tree):
    page = NewsPageFactory(parent=site_tree.news_index, title="Mit Schlagwörtern")
    page.tags.add("ländlicher Raum", "Fachkräfte", "Cluster")
    page.save()
    assert set(Tag.objects.values_list("slug", flat=True)) >= {
        "laendlicher-raum",
        "fachkraefte",
        "cluster",
    }
    # A second tag with the same spelling gets its own slug, as with taggit.
    assert Tag.objects.create(name="Ländlicher-Raum").slug == "laendlicher-raum_2"
    # A slug given explicitly stays.
    assert Tag.objects.create(name="Übersicht", slug="eigener").slug == "eigener"


@pytest.mark.django_db
def test_tag_filter_link_uses_the_german_slug(client, site_tree):
    page = NewsPageFactory(parent=site_tree.news_index, title="Mit Schlagwort")
    page.tags.add("Fachkräfte")
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "?tag=fachkraefte" in html
    listing = client.get(site_tree.news_index.url + "?tag=fachkraefte").content.decode()
    assert "Mit Schlagwort" in listing


# --- The admin -------------------------------------------------------------------------------


def add_url(site_tree):
    return f"/admin/pages/add/news/newspage/{site_tree.news_index.pk}/"


@pytest.mark.django_db
@pytest.mark.parametrize("sent", sorted(wagtail_default_slugs(TITLE)))
def test_admin_stores_the_german_slug_of_the_title(client, editor, site_tree, sent):
    """Wagtail's spelling of the title (its server default or its urlify, e.g. without
    JavaScript) arrives: the page gets the German slug."""
    client.force_login(editor)
    response = client.post(add_url(site_tree), news_form_data(TITLE, slug=sent))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert NewsPage.objects.get(title=TITLE).slug == GERMAN


@pytest.mark.django_db
def test_admin_keeps_a_slug_the_editor_chose(client, editor, site_tree):
    client.force_login(editor)
    client.post(add_url(site_tree), news_form_data(TITLE, slug="tagung-oldenburg"))
    assert NewsPage.objects.get(title=TITLE).slug == "tagung-oldenburg"


@pytest.mark.django_db
def test_admin_keeps_the_slug_of_an_existing_page(client, moderator, site_tree):
    """A page stored before the rule keeps its address when it is edited."""
    page = NewsPageFactory(parent=site_tree.news_index, title=TITLE, slug="ernahrungswirtschaft")
    client.force_login(moderator)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        news_form_data(TITLE, slug="ernahrungswirtschaft"),
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().slug == "ernahrungswirtschaft"


def formatters(field):
    """The (pattern, replacement) pairs Wagtail's slug widget applies before it slugifies."""
    return {
        re.sub(r"\\u([0-9a-f]{4})", lambda m: chr(int(m[1], 16)), pattern[0]): replacement
        for pattern, replacement in json.loads(field["data-w-slug-formatters-value"])
    }


@pytest.mark.django_db
def test_page_slug_widget_transliterates_and_help_shows_the_address(client, editor, site_tree):
    client.force_login(editor)
    doc = soup(client.get(add_url(site_tree)))
    field = doc.find("input", attrs={"name": "slug"})
    assert field["data-controller"] == "w-slug"
    rules = formatters(field)
    for letter, replacement in {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ü": "Ue"}.items():
        assert rules[letter] == replacement
    wrapper = doc.find(attrs={"data-contentpath": "slug"})
    help_text = wrapper.find(class_="help").get_text(" ", strip=True)
    assert help_text.startswith("Die Adresse der Seite: http://localhost/aktuelles/<kurztitel>/")
    assert "URLs" not in help_text and "domain.com" not in help_text


@pytest.mark.django_db
def test_snippet_slug_widget_transliterates(client, moderator):
    client.force_login(moderator)
    doc = soup(client.get("/admin/snippets/partnerships/branche/add/"))
    field = doc.find("input", attrs={"name": "slug"})
    assert formatters(field)["ä"] == "ae"


def test_a_page_made_in_code_without_a_slug_gets_the_german_one(site_tree):
    index = CaseStudyIndexPage.objects.get()
    page = CaseStudyPage(
        title="Fachkräfteallianz Süd",
        teaser="Ein Bündnis.",
        kommune="Landkreis Emsland",
        bundesland="niedersachsen",
        year_from=2021,
    )
    index.add_child(instance=page)
    assert page.slug == "fachkraefteallianz-sued"
    twin = CaseStudyPage(
        title="Fachkräfteallianz Süd",
        teaser="Noch eins.",
        kommune="Landkreis Emsland",
        bundesland="niedersachsen",
        year_from=2022,
    )
    index.add_child(instance=twin)
    assert twin.slug == "fachkraefteallianz-sued-2"
