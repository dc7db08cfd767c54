"""The contact form: field building with German errors, honeypot, rate limit, e-mail.

Used by ``partnerships.models.pages.ContactPage``. Nothing here talks to a third-party service:
spam is kept out by a honeypot field and a per-address limit counted in the database.
"""

import datetime
import logging

import django.forms
from django.utils.formats import date_format
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from partnerships.formatting import group_length_message

logger = logging.getLogger(__name__)

# Longest values accepted per field type (characters).
SINGLELINE_MAX_LENGTH = 255
MULTILINE_MAX_LENGTH = 5000
EMAIL_MAX_LENGTH = 254  # RFC 5321 path limit


# Values an editor may choose for a field's autocomplete attribute (WCAG 1.3.5).
AUTOCOMPLETE_CHOICES = [
    ("name", "Name (name)"),
    ("given-name", "Vorname (given-name)"),
    ("family-name", "Nachname (family-name)"),
    ("email", "E-Mail-Adresse (email)"),
    ("tel", "Telefonnummer (tel)"),
    ("organization", "Organisation (organization)"),
    ("organization-title", "Funktion (organization-title)"),
    ("street-address", "Straße und Hausnummer (street-address)"),
    ("postal-code", "Postleitzahl (postal-code)"),
    ("address-level2", "Ort (address-level2)"),
    ("url", "Website (url)"),
    ("off", "Keine Vorschläge (off)"),
]


# --- The form -------------------------------------------------------------------------------


class DescribedErrorsMixin:
    """Accessible error wiring for any form: a field with errors is marked ``aria-invalid``
    and described by its error message (and its help text)."""

    def full_clean(self):
        super().full_clean()
        for name, field in self.fields.items():
            bound = self[name]
            described_by = []
            if field.help_text:
                described_by.append(f"{bound.auto_id}_helptext")
            if name in self.errors:
                described_by.append(f"{bound.auto_id}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if described_by:
                field.widget.attrs["aria-describedby"] = " ".join(described_by)


class ContactForm(DescribedErrorsMixin, BaseForm):
    """Wagtail's form base plus accessible error wiring (``DescribedErrorsMixin``)."""

    def submitted_rows(self):
        """(label, value as text) of every answered field, for the thank-you page and the
        e-mail. Values are plain strings: templates escape them."""
        rows = []
        for bound in self:
            value = self.cleaned_data.get(bound.name)
            if value in (None, "", []):
                continue
            rows.append((str(bound.label), display_value(value)))
        return rows

    def sender_address(self):
        """The first e-mail address the visitor gave (for Reply-To), or None."""
        for name, field in self.fields.items():
            if isinstance(field, django.forms.EmailField) and self.cleaned_data.get(name):
                return self.cleaned_data[name]
        return None


def display_value(value):
    if isinstance(value, bool):
        return "Ja" if value else "Nein"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, datetime.datetime):
        return date_format(value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    return str(value)


class ContactFormBuilder(FormBuilder):
    """Wagtail's form builder with length limits on every text field, German error
    messages that name the field, and ``autocomplete`` attributes."""

    def create_singleline_field(self, field, options):
        return group_length_message(
            django.forms.CharField(**options, max_length=SINGLELINE_MAX_LENGTH)
        )

    def create_multiline_field(self, field, options):
        options.setdefault("widget", django.forms.Textarea(attrs={"rows": 8}))
        return group_length_message(
            django.forms.CharField(**options, max_length=MULTILINE_MAX_LENGTH)
        )

    def create_email_field(self, field, options):
        return group_length_message(django.forms.EmailField(**options, max_length=EMAIL_MAX_LENGTH))

    def create_hidden_field(self, field, options):
        options.setdefault("widget", django.forms.HiddenInput)
        return group_length_message(
            django.forms.CharField(**options, max_length=SINGLELINE_MAX_LENGTH)
        )

    def get_field_options(self, field):
        options = super().get_field_options(field)
        label = field.label
        messages = {
            "required": f"Bitte füllen Sie das Feld „{label}“ aus.",
            # Numbers with German digit grouping (GroupedMaxLengthValidator): "5.000".
            "max_length": f"„{label}“ ist zu lang. Höchstens %(limit_value)s Zeichen sind "
            "möglich (Ihre Eingabe: %(show_value)s Zeichen).",
        }
        if field.field_type == "checkbox":
            messages["required"] = f"Bitte bestätigen Sie „{label}“."
        elif field.field_type in ("checkboxes", "dropdown", "multiselect", "radio"):
            messages["required"] = f"Bitte wählen Sie bei „{label}“ etwas aus."
        elif field.field_type == "email":
            messages["invalid"] = (
                f"Bitte geben Sie bei „{label}“ eine gültige E-Mail-Adresse an, "
                "z. B. name@beispiel.de."
            )
        elif field.field_type == "url":
            messages["invalid"] = (
                f"Bitte geben Sie bei „{label}“ eine vollständige Adresse an, "
                "z. B. https://www.beispiel.de."
            )
        elif field.field_type == "number":
            messages["invalid"] = f"Bitte geben Sie bei „{label}“ eine Zahl an."
        elif field.field_type in ("date", "datetime"):
            messages["invalid"] = f"Bitte geben Sie bei „{label}“ ein gültiges Datum an."
        options["error_messages"] = messages
        return options

    @property
    def formfields(self):
        formfields = super().formfields
        for field in self.fields:
            name = field.clean_name or field.get_field_clean_name()
            autocomplete = getattr(field, "autocomplete", "") or (
                "email" if field.field_type == "email" else ""
            )
            if autocomplete and name in formfields:
                formfields[name].widget.attrs["autocomplete"] = autocomplete
        return formfields

    def get_form_class(self):
        return type("ContactForm", (ContactForm,), self.formfields)


# --- Rate limit -----------------------------------------------------------------------------


# --- E-mail ---------------------------------------------------------------------------------
