"""Filters for the generated legal sections (templates/blocks/legal/)."""

import re

from django import template

register = template.Library()


@register.filter
def lines(value):
    """The non-empty lines of a multi-line settings field (names, an address)."""
    return [line.strip() for line in str(value or "").splitlines() if line.strip()]


@register.filter
def phone_href(value):
    """A phone number as a ``tel:`` target: digits and a leading +, nothing else."""
    number = str(value or "").strip()
    digits = re.sub(r"[^\d]", "", number)
    return f"+{digits}" if number.startswith("+") else digits
