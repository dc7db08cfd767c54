"""German number formatting for messages built in Python (forms, validators).

Templates are not affected: ``USE_THOUSAND_SEPARATOR`` stays off, so years and ids are never
grouped; a message that shows a count or a limit formats it here.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator


def german_number(value):
    """45000000 -> "45.000.000" (German digit grouping, whatever the active language)."""
    return f"{value:,}".replace(",", ".")


class GroupedMaxLengthValidator(MaxLengthValidator):
    """Django's length check whose message gets the numbers with German digit grouping
    ("5.000", not "5000"). Its parameters are strings, so messages use ``%(limit_value)s``
    and ``%(show_value)s``."""

    message = (
        "Höchstens %(limit_value)s Zeichen sind möglich (Ihre Eingabe: %(show_value)s Zeichen)."
    )

    def __call__(self, value):
        cleaned = self.clean(value)
        limit = self.limit_value() if callable(self.limit_value) else self.limit_value
        if self.compare(cleaned, limit):
            raise ValidationError(
                self.message,
                code=self.code,
                params={
                    "limit_value": german_number(limit),
                    "show_value": german_number(cleaned),
                    "value": value,
                },
            )


def group_length_message(field):
    """``field`` (a form field with ``max_length``) with its length check replaced by
    ``GroupedMaxLengthValidator``; returns the field."""
    field.validators = [
        GroupedMaxLengthValidator(validator.limit_value)
        if type(validator) is MaxLengthValidator
        else validator
        for validator in field.validators
    ]
    return field
