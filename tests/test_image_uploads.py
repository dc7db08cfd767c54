"""Every way an editor uploads an image refuses a broken or unsuitable file with a German form
error that says what to do – never a server error, and nothing is stored.

The upload paths: Bilder → Hinzufügen (Wagtail's multiple upload, one AJAX request per file),
the single add view (``/admin/images/add/``), replacing the file in an image's edit view, and
the upload tab of the image chooser in the page editor. ``tests/test_media.py`` has the
collection rules; the browser half is ``tests/browser/test_image_uploads.py``.
"""

import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.models import Collection, UploadedFile

from partnerships.models.images import CustomImage
from tests.helpers import normalise, soup, strip_tags, text_of

pytestmark = pytest.mark.django_db

BROKEN_MESSAGE = "beschädigt oder unvollständig"
EMPTY_MESSAGE = "Die Datei ist leer (0 Byte)"


def jpeg_bytes(width=400, height=300, icc_size=20_000):
    """A JPEG like a camera's: a large metadata block (here an ICC profile) before the pixels."""
    buffer = io.BytesIO()
    photo = PILImage.effect_noise((width, height), 40).convert("RGB")  # compresses like a photo
    photo.save(buffer, "JPEG", quality=90, icc_profile=b"\0" * icc_size or None)
    return buffer.getvalue()


def png_bytes(width=40, height=30, mode="RGB"):
    buffer = io.BytesIO()
    PILImage.new(mode, (width, height), "white" if mode == "RGB" else 255).save(buffer, "PNG")
    return buffer.getvalue()


def gif_bytes(width=40, height=30, frames=1):
    buffer = io.BytesIO()
    colours = ["teal", "orange", "navy", "olive", "maroon"]
    images = [PILImage.new("RGB", (width, height), colours[n % 5]) for n in range(frames)]
    images[0].save(buffer, "GIF", save_all=frames > 1, append_images=images[1:])
    return buffer.getvalue()


# name -> (bytes, what the editor must read)
BROKEN_FILES = {
    # A download broken off inside the metadata: Pillow stops with "Truncated File Read".
    "abgebrochen.jpg": (jpeg_bytes()[:5_000], BROKEN_MESSAGE),
    # Broken off in the pixel data: the header (and the size) read fine, the pixels do not.
    "halb.jpg": (jpeg_bytes(icc_size=0)[:20_000], BROKEN_MESSAGE),
    # Starts like a GIF, is none: Pillow raises UnidentifiedImageError.
    "kein-gif.gif": (b"GIF89a" + b"\x00" * 200, BROKEN_MESSAGE),
    "leer.png": (b"", EMPTY_MESSAGE),
    "text.png": (b"Dies ist eine Textdatei, kein Bild.\n", BROKEN_MESSAGE),
}


def collection(name="Aktuelles"):
    return Collection.objects.get(name=name)


def stored_files():
    """Uploaded files (originals, pending uploads); renditions (``images/``) left out: the
    edit view shows the image it keeps."""
    root = Path(settings.MEDIA_ROOT)
    return {p for p in root.rglob("*") if p.is_file() and p.parent != root / "images"}


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def nothing_stored(db):
    """Asserts afterwards that no image, no pending upload and no file was stored."""
    images, files = CustomImage.objects.count(), stored_files()
    yield
    assert CustomImage.objects.count() == images
    assert not UploadedFile.objects.exists()
    assert stored_files() == files


# --- The four upload paths; each returns the German error text the editor sees ------------


def upload_multiple(client, name, data):
    """Bilder → Hinzufügen: the uploader's AJAX request for one file."""
    response = client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile(name, data), "collection": str(collection().pk)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200, response.status_code
    payload = response.json()
    assert payload["success"] is False, payload
    return normalise(payload["error_message"])


def upload_single(client, name, data):
    response = client.post(
        "/admin/images/add/",
        {
            "title": "Testbild",
            "file": SimpleUploadedFile(name, data),
            "description": "Zwei Personen vor einer Werkhalle",
            "collection": str(collection().pk),
        },
    )
    assert response.status_code == 200, response.status_code
    return " ".join(text_of(node) for node in soup(response).select(".error-message"))


def upload_in_chooser(client, name, data):
    """The upload tab of the image chooser (page editor): a modal-workflow JSON answer."""
    response = client.post(
        "/admin/images/chooser/create/?select_format=true",
        {
            "image-chooser-upload-title": "Testbild",
            "image-chooser-upload-file": SimpleUploadedFile(name, data),
            "image-chooser-upload-description": "Zwei Personen vor einer Werkhalle",
            "image-chooser-upload-collection": str(collection().pk),
        },
    )
    assert response.status_code == 200, response.status_code
    payload = json.loads(response.content)
    assert payload["step"] == "reshow_creation_form", payload.get("step")
    fragment = soup_of(payload["htmlFragment"])
    return " ".join(text_of(node) for node in fragment.select(".error-message"))


def soup_of(html):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")


@pytest.fixture
def existing_image(editor):
    """An image the editor uploaded (editors may change their own images)."""
    image = CustomImage(
        uploaded_by_user=editor,
        title="Werkhalle",
        description="Eine Werkhalle von außen",
        collection=collection(),
        file=SimpleUploadedFile("werkhalle.png", png_bytes()),
    )
    image._set_image_file_metadata()
    image.save()
    return image


def replace_file(client, image, name, data):
    """The image's edit view with a new file."""
    response = client.post(
        f"/admin/images/{image.pk}/",
        {
            "title": image.title,
            "file": SimpleUploadedFile(name, data),
            "description": image.description,
            "collection": str(image.collection_id),
        },
    )
    assert response.status_code == 200, response.status_code
    return " ".join(text_of(node) for node in soup(response).select(".error-message"))


NEW_UPLOAD_PATHS = {
    "bilder-hinzufuegen": upload_multiple,
    "einzeln": upload_single,
    "auswahldialog": upload_in_chooser,
}


@pytest.mark.parametrize("name", BROKEN_FILES)
@pytest.mark.parametrize("path", NEW_UPLOAD_PATHS)
def test_a_broken_file_gets_a_german_error_on_every_upload_path(
    editor_client, nothing_stored, path, name
):
    data, message = BROKEN_FILES[name]
    errors = NEW_UPLOAD_PATHS[path](editor_client, name, data)
    assert message in errors
    assert "erneut hochladen" in errors  # says what to do


@pytest.mark.parametrize("name", BROKEN_FILES)
def test_replacing_the_file_with_a_broken_one_keeps_the_image(editor_client, existing_image, name):
    before = existing_image.file.name
    files = stored_files()
    data, message = BROKEN_FILES[name]
    assert message in replace_file(editor_client, existing_image, name, data)
    existing_image.refresh_from_db()
    assert existing_image.file.name == before
    assert existing_image.file.storage.exists(before)
    assert stored_files() == files


@pytest.mark.parametrize("path", NEW_UPLOAD_PATHS)
def test_a_good_image_is_still_accepted(editor_client, path):
    if path == "bilder-hinzufuegen":
        response = editor_client.post(
            "/admin/images/multiple/add/",
            {
                "files[]": SimpleUploadedFile("foto.jpg", jpeg_bytes()),
                "collection": collection().pk,
            },
            headers={"x-requested-with": "XMLHttpRequest"},
        )
        assert response.json()["success"] is True
        # The first step only has the file; the alt text is asked for in the next one.
        assert UploadedFile.objects.count() == 1
        return
    if path == "einzeln":
        response = editor_client.post(
            "/admin/images/add/",
            {
                "title": "Foto",
                "file": SimpleUploadedFile("foto.gif", gif_bytes(frames=3)),
                "description": "Zwei Personen vor einer Werkhalle",
                "collection": str(collection().pk),
            },
        )
        assert response.status_code == 302
    else:
        response = editor_client.post(
            "/admin/images/chooser/create/?select_format=true",
            {
                "image-chooser-upload-title": "Foto",
                "image-chooser-upload-file": SimpleUploadedFile("foto.jpg", jpeg_bytes()),
                "image-chooser-upload-description": "Zwei Personen vor einer Werkhalle",
                "image-chooser-upload-collection": str(collection().pk),
            },
        )
        assert json.loads(response.content)["step"] == "select_format"
    assert CustomImage.objects.get(title="Foto").collection.name == "Aktuelles"


def test_replacing_the_file_with_a_good_one_works(editor_client, existing_image):
    response = editor_client.post(
        f"/admin/images/{existing_image.pk}/",
        {
            "title": existing_image.title,
            "file": SimpleUploadedFile("neu.jpg", jpeg_bytes(120, 90)),
            "description": existing_image.description,
            "collection": str(existing_image.collection_id),
        },
    )
    assert response.status_code == 302
    existing_image.refresh_from_db()
    assert (existing_image.width, existing_image.height) == (120, 90)


# --- The messages for files that are readable but unsuitable -------------------------------


@pytest.mark.parametrize("path", NEW_UPLOAD_PATHS)
def test_too_many_pixels_in_german_numbers_with_the_size_to_scale_to(editor_client, path):
    data = png_bytes(9000, 5000, mode="L")  # 45,000,000 pixels in a small file
    errors = NEW_UPLOAD_PATHS[path](editor_client, "riesig.png", data)
    assert "45.000.000 Pixel, höchstens 40.000.000" in errors
    # 9000 × 5000 scaled by sqrt(40/45): the largest size with the same proportions.
    assert "auf höchstens 8.485 × 4.714 Pixel verkleinern und erneut hochladen" in errors
    assert not CustomImage.objects.exists()


def test_the_size_to_scale_to_fits_within_the_limit():
    from partnerships.images.forms import scaled_to_fit

    for width, height in [(9000, 5000), (7000, 7000), (40_001, 1000), (6001, 6667)]:
        new_width, new_height = scaled_to_fit(width, height, 40_000_000)
        assert new_width * new_height <= 40_000_000
        assert (new_width + 1) * (new_height + 1) > 40_000_000
        assert abs(new_width / new_height - width / height) < 0.01 * width / height


@pytest.mark.parametrize("path", NEW_UPLOAD_PATHS)
def test_too_large_file_in_german_units_with_advice(editor_client, path):
    data = png_bytes() + b"\0" * (11 * 1024 * 1024)
    errors = NEW_UPLOAD_PATHS[path](editor_client, "gross.png", data)
    assert "Die Datei ist zu groß (11 MB), höchstens 10 MB" in errors
    assert "erneut hochladen" in errors
    assert not CustomImage.objects.exists()


@pytest.mark.parametrize("path", NEW_UPLOAD_PATHS)
def test_svg_is_refused_with_the_advice_to_convert_it(editor_client, path):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    errors = NEW_UPLOAD_PATHS[path](editor_client, "logo.svg", svg)
    assert "SVG" in errors
    assert "als PNG oder WebP" in errors
    assert "erneut hochladen" in errors
    assert not CustomImage.objects.exists()


def test_iphone_photos_are_refused_with_the_advice_to_save_them_as_jpeg(editor_client):
    errors = upload_single(editor_client, "IMG_0001.heic", b"\0\0\0\x18ftypheic" + b"\0" * 64)
    assert "HEIC" in errors
    assert "als JPEG" in errors


def test_other_formats_name_the_allowed_ones_in_german(editor_client):
    errors = upload_single(editor_client, "scan.tiff", b"II*\0" + b"\0" * 64)
    assert "Nicht unterstütztes Bildformat (.tiff)" in errors
    assert "AVIF, GIF, JPEG, PNG oder WebP" in errors


def test_a_file_with_the_wrong_extension_says_what_it_is(editor_client):
    errors = upload_single(editor_client, "foto.png", gif_bytes())
    assert "Die Datei heißt .png, ist aber ein GIF-Bild" in errors
    assert "foto.gif" in errors  # the name to give it


def test_the_uploader_checks_size_and_type_in_the_browser_with_the_same_words(editor_client):
    """Bilder → Hinzufügen refuses too large or unsupported files before sending them, with
    the messages in its ``data-messages`` attribute."""
    page = soup(editor_client.get("/admin/images/multiple/add/"))
    messages = {
        key: normalise(text)
        for key, text in json.loads(page.select_one("[data-messages]")["data-messages"]).items()
    }
    assert messages["maxFileSize"].startswith("Die Datei ist zu groß, höchstens 10 MB.")
    assert "SVG" in messages["acceptFileTypes"]
    assert "AVIF, GIF, JPEG, PNG oder WebP" in messages["acceptFileTypes"]
    help_text = text_of(page)
    assert "höchstens 10 MB und 40.000.000 Pixel" in help_text


def test_the_add_form_states_the_rules_in_german_numbers(editor_client):
    text = strip_tags(editor_client.get("/admin/images/add/").content.decode())
    assert "AVIF, GIF, JPEG, PNG oder WebP, höchstens 10 MB und 40.000.000 Pixel" in text
