"""Upload rules for images and documents, collections, and how documents are served.

The image upload checks and their German messages, on every upload path:
``tests/test_image_uploads.py``."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.models import Collection

from partnerships.models.images import CustomImage
from tests.helpers import soup, text_of

Document = get_document_model()
MB = 1024 * 1024


def png_bytes(width=40, height=30, mode="RGB"):
    buffer = io.BytesIO()
    PILImage.new(mode, (width, height), "white" if mode == "RGB" else 255).save(buffer, "PNG")
    return buffer.getvalue()


def collection(name):
    return Collection.objects.get(name=name)


def upload_image(client, upload, collection_name="Aktuelles", title="Testbild"):
    return client.post(
        "/admin/images/add/",
        {
            "title": title,
            "file": upload,
            "description": "Zwei Personen vor einer Werkhalle",
            "collection": str(collection(collection_name).pk),
        },
    )


def form_errors(response):
    assert response.status_code == 200, response.status_code
    return " ".join(text_of(node) for node in soup(response).select(".error-message"))


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_editor_uploads_an_image_into_a_section_collection(editor_client):
    response = upload_image(editor_client, SimpleUploadedFile("b.png", png_bytes()))
    assert response.status_code == 302
    image = CustomImage.objects.get(title="Testbild")
    assert image.collection.name == "Aktuelles"


def test_editor_chooses_only_the_section_collections_for_uploads(editor_client):
    options = soup(editor_client.get("/admin/images/add/")).select("select[name=collection] option")
    names = {text_of(option).strip("↳ ").strip() for option in options}
    assert names == {"Aktuelles", "Praxisbeispiele", "Konzept"}


def test_editor_cannot_upload_into_the_root_collection(editor_client):
    upload_image(editor_client, SimpleUploadedFile("b.png", png_bytes()), "Root")
    assert not CustomImage.objects.filter(title="Testbild").exists()


def test_moderator_uploads_anywhere(client, moderator):
    client.force_login(moderator)
    response = upload_image(client, SimpleUploadedFile("b.png", png_bytes()), "Root")
    assert response.status_code == 302
    assert CustomImage.objects.get(title="Testbild").collection.depth == 1


def upload_document(client, upload, collection_name="Aktuelles"):
    return client.post(
        "/admin/documents/add/",
        {"title": "Leitfaden", "file": upload, "collection": str(collection(collection_name).pk)},
    )


def test_editor_uploads_a_document(editor_client):
    response = upload_document(editor_client, SimpleUploadedFile("leitfaden.pdf", b"%PDF-1.4"))
    assert response.status_code == 302
    assert Document.objects.get(title="Leitfaden").collection.name == "Aktuelles"


def test_too_large_document_gives_a_german_error(editor_client):
    data = b"%PDF-1.4" + b"\0" * (20 * MB)
    response = upload_document(editor_client, SimpleUploadedFile("gross.pdf", data))
    assert "Die Datei ist zu groß" in form_errors(response)
    assert not Document.objects.exists()


def test_document_type_not_allowed_gives_a_german_error(editor_client):
    response = upload_document(editor_client, SimpleUploadedFile("skript.html", b"<script>"))
    assert "Dateiendung" in form_errors(response)
    assert not Document.objects.exists()


def test_documents_are_downloads_with_safe_headers(client, db):
    document = Document.objects.create(
        title="Leitfaden",
        file=SimpleUploadedFile("leitfaden.pdf", b"%PDF-1.4 Inhalt"),
        collection=Collection.get_first_root_node(),
    )
    response = client.get(document.url)
    assert document.url.startswith("/dokumente/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert document.filename in response["Content-Disposition"]
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == b"%PDF-1.4 Inhalt"
