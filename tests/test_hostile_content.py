"""Hostile content and form posts: markup typed by editors or visitors (search, contact form)
comes out escaped or removed on every public page; oversized and malformed posts get German
errors."""

import io
import json

import pytest
from django.test import Client
from PIL import Image
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from partnerships.blocks import RICH_TEXT_FEATURES
from tests.factories import CaseStudyPageFactory, ConceptPageFactory, heading
from tests.helpers import soup, text_of

SCRIPT = "<script>alert('xss')</script>"
HANDLER = '<img src=x onerror="alert(1)">'
HOSTILE_TITLE = f"Cluster {SCRIPT} Kooperation"


def rich_text_from_editor(text, link_url):
    """What the admin stores when an editor types ``text`` in Draftail and links its first
    word to ``link_url`` (the same conversion the admin's form field does on save)."""
    contentstate = {
        "blocks": [
            {
                "key": "a1b2c",
                "type": "unstyled",
                "depth": 0,
                "text": text,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": 7, "key": 0}],
                "data": {},
            }
        ],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": link_url}}},
    }
    return ContentstateConverter(RICH_TEXT_FEATURES).to_database_format(json.dumps(contentstate))


@pytest.fixture
def hostile_pages(site_tree):
    rich = rich_text_from_editor(f"Klicken {SCRIPT} {HANDLER}", "javascript:alert(document.cookie)")
    table = {
        "data": [[SCRIPT, HANDLER], ["<a href='javascript:alert(1)'>Link</a>", "2024"]],
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_caption": SCRIPT,
    }
    concept = ConceptPageFactory(
        parent=site_tree.concept_index,
        title=HOSTILE_TITLE,
        slug="feindlich",
        teaser=f"Teaser {HANDLER}",
        body=[
            heading(f"Abschnitt {SCRIPT}"),
            {"type": "paragraph", "value": rich},
            {"type": "table", "value": table},
            {"type": "quote", "value": {"quote": SCRIPT, "attribution": HANDLER}},
            {"type": "info_box", "value": {"title": SCRIPT, "text": rich}},
        ],
    )
    case_study = CaseStudyPageFactory(
        parent=site_tree.cs_index,
        title=HOSTILE_TITLE + " (Fallstudie)",
        slug="feindliche-fallstudie",
        kommune=SCRIPT,
        bundesland="bayern",
        ausgangslage=rich,
        ergebnisse=rich,
    )
    return concept, case_study


def assert_harmless(response):
    html = response.content.decode()
    doc = soup(response)
    # The public site ships no executable scripts, so any such <script> element is injected.
    # JSON-LD data blocks are the exception: they must stay inert JSON with no raw "<".
    for script in doc.find_all("script"):
        assert script.get("type") == "application/ld+json", "a <script> element got through"
        assert "<" not in script.string, "markup inside JSON-LD"
        json.loads(script.string)
    for tag in doc.find_all(True):
        for attribute, value in tag.attrs.items():
            assert not attribute.lower().startswith("on"), (
                f"event handler: <{tag.name} {attribute}>"
            )
            if attribute in ("href", "src", "action", "formaction") and isinstance(value, str):
                assert not value.strip().lower().startswith("javascript:"), f"{tag.name} {value}"
    assert "<img src=x" not in html
    return doc


def test_hostile_content_is_escaped_on_the_page_itself(client, hostile_pages):
    concept, case_study = hostile_pages
    for page in (concept, case_study):
        response = client.get(page.url)
        assert response.status_code == 200
        doc = assert_harmless(response)
        # Visitors see what the editor typed, as text.
        assert SCRIPT in text_of(doc.find("h1"))
    concept_text = text_of(soup(client.get(concept.url)).find("main"))
    assert "<script>alert('xss')</script>" in concept_text  # table cell, quote, heading


def test_hostile_titles_are_escaped_in_listings_navigation_and_search(client, hostile_pages):
    for url in ("/konzept/", "/praxisbeispiele/", "/suche/?q=Kooperation", "/sitemap.xml"):
        response = client.get(url)
        assert response.status_code == 200, url
        if url != "/sitemap.xml":
            assert_harmless(response)
        assert "<script>alert" not in response.content.decode(), url


@pytest.mark.parametrize(
    "query",
    [SCRIPT, HANDLER, '"><svg onload=alert(1)>', "javascript:alert(1)", "</title><script>"],
)
def test_search_query_is_shown_escaped(client, site_tree, query):
    for url in ("/suche/", "/praxisbeispiele/", "/aktuelles/"):
        response = client.get(url, {"q": query, "page": query, "branche": query})
        assert response.status_code == 200
        assert_harmless(response)
    response = client.get("/suche/", {"q": query})
    if "<" in query:  # markup is never echoed raw
        assert query not in response.content.decode()


@pytest.mark.parametrize(
    "value",
    [SCRIPT, HANDLER, '"><svg onload=alert(1)>', "javascript:alert(1)", "</textarea><script>"],
)
def test_contact_form_shows_hostile_input_escaped(client, site_tree, value):
    """Markup typed into the contact form: escaped in the form with errors (invalid e-mail)
    and on the thank-you page (valid post)."""
    fields = ["name", "organisation_oder_kommune", "anliegen", "nachricht"]
    with_errors = client.post(
        "/kontakt/", {**dict.fromkeys(fields, value), "e_mail_adresse": value}
    )
    assert with_errors.status_code == 200
    assert soup(with_errors).select(".form-field__error")
    thanks = client.post(
        "/kontakt/", {**dict.fromkeys(fields, value), "e_mail_adresse": "erika@example.org"}
    )
    assert thanks.status_code == 200
    assert value in text_of(soup(thanks).find("main"))  # shown as text
    for response in (with_errors, thanks):
        assert_harmless(response)
        if "<" in value:
            assert value not in response.content.decode()


def admin_errors(response):
    """The error messages an admin form shows next to its fields."""
    return " ".join(text_of(node) for node in soup(response).select(".error-message"))


def png_bytes(size=(20, 20)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, "PNG")
    return buffer.getvalue()


def upload(client, name, content, **extra):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        "/admin/images/add/",
        {"title": "Upload", "file": SimpleUploadedFile(name, content), "alt_text": "Bild", **extra},
    )


def test_malformed_image_upload_gets_a_german_error(editor, site_tree):
    client = Client()
    client.force_login(editor)
    response = upload(client, "bild.png", b"das ist kein Bild")
    assert response.status_code == 200  # the form again, with the error
    assert "Die hochgeladene Datei ist kein Bild oder ist defekt" in admin_errors(response)


def test_oversized_image_upload_gets_a_german_error(editor, site_tree, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    client = Client()
    client.force_login(editor)
    response = upload(client, "gross.png", png_bytes((600, 600)) + b"\0" * 5000)
    assert response.status_code == 200
    assert "zu groß" in admin_errors(response)


def test_wrong_file_type_gets_a_german_error(editor, site_tree):
    client = Client()
    client.force_login(editor)
    response = upload(client, "skript.svg", b"<svg onload='alert(1)'></svg>")
    assert response.status_code == 200
    assert "Nicht unterstütztes Bildformat" in admin_errors(response)


def test_oversized_form_post_gets_the_german_400_page(editor, site_tree, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    response = client.post("/admin/images/add/", {"title": "x" * 20_000})
    assert response.status_code == 400
    doc = soup(response)
    assert text_of(doc.find("h1")) == "Ungültige Anfrage"
    assert doc.find("html")["lang"] == "de"


def test_too_many_fields_get_the_german_400_page(editor, site_tree, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 100
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    response = client.post("/admin/images/add/", {f"f{i}": "1" for i in range(200)})
    assert response.status_code == 400
    assert text_of(soup(response).find("h1")) == "Ungültige Anfrage"


def test_form_post_without_csrf_token_gets_a_german_page(editor, site_tree):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post("/admin/images/add/", {"title": "x"})
    assert response.status_code == 403
    assert text_of(soup(response).find("h1")) == "Sicherheitsprüfung fehlgeschlagen"


def test_empty_snippet_form_gets_german_field_errors(moderator, site_tree):
    client = Client()
    client.force_login(moderator)
    response = client.post("/admin/snippets/partnerships/branche/add/", {"name": "", "slug": "!!"})
    assert response.status_code == 200
    errors = admin_errors(response)
    assert "Dieses Feld muss ausgefüllt werden" in errors
    assert "Bitte ein gültiges Kürzel" in errors
