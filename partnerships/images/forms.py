"""The image form: alternative text rules and an upload field that refuses every broken or
unsuitable file with a German form error that says what to do.

Every admin upload path builds its form from ``WAGTAILIMAGES_IMAGE_FORM_BASE`` (this
``CustomImageForm``): Bilder → Hinzufügen (the multiple upload, whose AJAX answer carries the
file field's error), the single add view, the edit view (replacing the file) and the upload tab
of the image chooser. So the field below is the one place that checks uploads.
"""

import math
import os
from io import BytesIO

import willow
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.fields import FileField
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from partnerships.formatting import german_number

# How editors know the formats (the settings list extensions).
FORMAT_NAMES = {"jpg": "JPEG", "jpeg": "JPEG", "webp": "WebP", "heic": "HEIC", "heif": "HEIF"}

ADVICE_AGAIN = "und erneut hochladen"


def german_filesize(size):
    """Bytes in German units: "0 Byte", "850 KB", "10 MB", "11,5 MB" (1 MB = 1024 KB)."""
    if size < 1024:
        return f"{size}\u00a0Byte"
    if size < 1024 * 1024:
        return f"{german_number(round(size / 1024))}\u00a0KB"
    megabytes = round(size / (1024 * 1024), 1)
    text = f"{megabytes:.1f}".replace(".", ",").removesuffix(",0")
    return f"{text}\u00a0MB"


def format_name(extension):
    return FORMAT_NAMES.get(extension, extension.upper())


def allowed_formats_text(extensions):
    """["avif", "gif", "jpg", "jpeg", "png", "webp"] -> "AVIF, GIF, JPEG, PNG oder WebP"."""
    names = list(dict.fromkeys(format_name(extension) for extension in extensions))
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} oder {names[-1]}"


def scaled_to_fit(width, height, max_pixels):
    """The largest size with (nearly) the same proportions within ``max_pixels``."""
    factor = math.sqrt(max_pixels / (width * height))
    new_width, new_height = max(1, math.floor(width * factor)), max(1, math.floor(height * factor))
    while new_width * new_height > max_pixels:  # floating point at the edge
        new_width, new_height = max(1, new_width - 1), max(1, new_height - 1)
    return new_width, new_height


class UploadImageField(WagtailImageField):
    """Wagtail's image field with German messages and a check that the pixels can be read.

    Wagtail reads only an image's header; a file broken off in its metadata made that read
    raise (``OSError: Truncated File Read``, ``UnidentifiedImageError`` for a file that starts
    like a GIF), a server error; one broken off in its pixel data was stored, and every
    rendition of it failed later. Here any file that cannot be decoded is a form error. The
    checks run cheapest first, and the pixels are decoded only once their number is known to
    be within the limit (JPEG at an eighth of its size: the whole file is still read).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        extensions = self.allowed_image_extensions
        self.formats_text = allowed_formats_text(extensions)
        limits = []
        if self.max_upload_size is not None:
            limits.append(german_filesize(self.max_upload_size))
        if self.max_image_pixels is not None:
            limits.append(f"{german_number(self.max_image_pixels)} Pixel")
        self.help_text = f"Erlaubt sind {self.formats_text}" + (
            f", höchstens {' und '.join(limits)}." if limits else "."
        )
        self.error_messages.update(
            {
                "empty": "Die Datei ist leer (0\u00a0Byte). Bitte die Datei erneut "
                f"herunterladen oder exportieren {ADVICE_AGAIN}.",
                "invalid_image": "Die hochgeladene Datei ist kein Bild oder ist defekt "
                "(beschädigt oder unvollständig, etwa durch einen abgebrochenen Download). "
                "Bitte die Datei erneut herunterladen oder in einem Bildprogramm öffnen und "
                "neu speichern, dann erneut hochladen.",
                # Shown by Bilder → Hinzufügen before sending a file (it knows only the name).
                "invalid_image_extension": "Nicht unterstütztes Bildformat. Erlaubt sind "
                f"{self.formats_text}. Bitte das Bild in einem dieser Formate speichern – "
                f"Fotos als JPEG, Grafiken (auch SVG) als PNG oder WebP – {ADVICE_AGAIN}.",
                "file_too_large_unknown_size": self.too_large_message(None),
            }
        )

    # --- messages -----------------------------------------------------------------------

    @property
    def largest_side_text(self):
        dimension = getattr(settings, "WAGTAILIMAGES_MAX_RENDITION_DIMENSION", None)
        if not dimension:
            return ""
        return f" (für die Website genügen {german_number(dimension)} Pixel an der längeren Seite)"

    def too_large_message(self, size):
        measured = f" ({german_filesize(size)})" if size is not None else ""
        return (
            f"Die Datei ist zu groß{measured}, höchstens "
            f"{german_filesize(self.max_upload_size or 0)}. Bitte das Bild verkleinern"
            f"{self.largest_side_text} oder stärker komprimiert speichern (z. B. als JPEG mit "
            f"80\u00a0% Qualität) {ADVICE_AGAIN}."
        )

    def unsupported_message(self, extension):
        if extension == "svg":
            return (
                "Nicht unterstütztes Bildformat: SVG-Grafiken nimmt die Bildverwaltung nicht an. "
                f"Bitte die Grafik als PNG oder WebP exportieren {ADVICE_AGAIN}."
            )
        if extension in ("heic", "heif"):
            return (
                "Nicht unterstütztes Bildformat: HEIC-Fotos (z. B. vom iPhone) bitte als JPEG "
                f"speichern {ADVICE_AGAIN} (iPhone: Einstellungen → Kamera → Formate → "
                "„Maximale Kompatibilität“)."
            )
        named = f" (.{extension})" if extension else " (Datei ohne Endung)"
        return (
            f"Nicht unterstütztes Bildformat{named}. Erlaubt sind {self.formats_text}. Bitte "
            "das Bild in einem dieser Formate speichern – Fotos als JPEG, Grafiken als PNG oder "
            f"WebP – {ADVICE_AGAIN}."
        )

    def too_many_pixels_message(self, width, height):
        new_width, new_height = scaled_to_fit(width, height, self.max_image_pixels)
        return (
            f"Das Bild hat zu viele Pixel: {german_number(width * height)} Pixel, höchstens "
            f"{german_number(self.max_image_pixels)}. Bitte das Bild auf höchstens "
            f"{german_number(new_width)} × {german_number(new_height)} Pixel verkleinern "
            f"{ADVICE_AGAIN}{self.largest_side_text}."
        )

    def bomb_message(self, limit):
        return (
            f"Das Bild hat zu viele Pixel: mehr als {german_number(limit)}, höchstens "
            f"{german_number(min(self.max_image_pixels or limit, limit))}. Bitte das Bild "
            f"verkleinern {ADVICE_AGAIN}{self.largest_side_text}."
        )

    def error(self, message, code):
        return ValidationError(message, code=code)

    # --- checks --------------------------------------------------------------------------

    def to_python(self, data):
        f = FileField.to_python(self, data)  # empty file, missing name
        if f is None:
            return None

        if self.max_upload_size is not None and f.size > self.max_upload_size:
            raise self.error(self.too_large_message(f.size), "file_too_large")

        extension = os.path.splitext(f.name)[1].lower()[1:]
        if extension not in self.allowed_image_extensions:
            raise self.error(self.unsupported_message(extension), "invalid_image_extension")

        if hasattr(data, "temporary_file_path"):
            file = data
        elif hasattr(data, "read"):
            file = BytesIO(data.read())
        else:
            file = BytesIO(data["content"])

        broken = self.error(self.error_messages["invalid_image"], "invalid_image")
        try:
            f.image = willow.Image.open(file)
            f.content_type = f.image.mime_type
            # Renditions come from the first frame only (Willow's Pillow plugin; no Wand here),
            # so an animation counts as one frame, as in Wagtail's own check with Pillow.
            width, height = f.image.get_size()
        except (PILImage.DecompressionBombWarning, PILImage.DecompressionBombError) as exc:
            limit = PILImage.MAX_IMAGE_PIXELS
            if isinstance(exc, PILImage.DecompressionBombError):
                limit *= 2
            raise self.error(self.bomb_message(limit), "file_too_many_pixels") from None
        except Exception as exc:  # noqa: BLE001 - Pillow raises many kinds for broken files
            raise broken from exc

        if self.max_image_pixels is not None and width * height > self.max_image_pixels:
            raise self.error(self.too_many_pixels_message(width, height), "file_too_many_pixels")

        expected = "jpeg" if extension == "jpg" else extension
        if expected != f.image.format_name:
            actual = f.image.format_name
            stem = os.path.splitext(os.path.basename(f.name))[0]
            raise self.error(
                f"Die Datei heißt .{extension}, ist aber ein {format_name(actual)}-Bild. Bitte "
                f"sie in „{stem}.{'jpg' if actual == 'jpeg' else actual}“ umbenennen oder als "
                f"{format_name(expected)} speichern {ADVICE_AGAIN}.",
                "invalid_image_known_format",
            )

        try:
            decode(file)
        except Exception as exc:  # noqa: BLE001
            raise broken from exc

        if hasattr(f, "seek") and callable(f.seek):
            f.seek(0)
        return f


def decode(file):
    """Decode the first frame's pixels (a broken or truncated file raises)."""
    file.seek(0)
    with PILImage.open(file) as image:
        if image.format == "JPEG":
            # Decoding at 1/8 scale still reads every byte of the file, at a fraction of the
            # time and memory.
            image.draft(image.mode, (max(1, image.width // 8), max(1, image.height // 8)))
        image.load()
    file.seek(0)


class CustomImageForm(BaseImageForm):
    """Alt text is required unless the image is marked decorative; uploads are checked by
    ``UploadImageField``.

    The alt-text rule lives in the form (not in ``Model.clean``) so that Wagtail's multiple
    upload, whose first step only has the file, still works; the edit step then asks for the
    text.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail builds the file field with its own ``formfield_callback``; a field declared
        # on this class would survive the multiple upload's ``exclude``, so swap it here.
        field = self.fields.get("file")
        if field is not None and not isinstance(field, UploadImageField):
            self.fields["file"] = UploadImageField(
                label=field.label,
                required=field.required,
                max_length=field.max_length,
                widget=field.widget,
                disabled=field.disabled,
            )

    def clean(self):
        cleaned = super().clean()
        has_fields = "description" in self.fields and "is_decorative" in self.fields
        missing_alt = (
            not cleaned.get("is_decorative") and not (cleaned.get("description") or "").strip()
        )
        if has_fields and missing_alt:
            self.add_error(
                "description",
                forms.ValidationError(
                    "Bitte einen Alternativtext eingeben oder das Bild als dekorativ markieren.",
                    code="alt_text_required",
                ),
            )
        return cleaned
