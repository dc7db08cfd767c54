from django import forms
from wagtail.images.forms import BaseImageForm


class CustomImageForm(BaseImageForm):
    """Alt text is required unless the image is marked decorative.

    The rule lives in the form (not in ``Model.clean``) so that Wagtail's multiple upload,
    whose first step only has the file, still works; the edit step then asks for the text.
    """

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
