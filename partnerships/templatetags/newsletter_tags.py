"""The short sign-up form (home page, under news items) and „Diese Auswahl abonnieren“."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from partnerships.newsletter.subscriptions import CONSENT_TEXT

register = template.Library()


@register.inclusion_tag("partnerships/newsletter/signup.html")
def newsletter_signup(heading_level=2, id_prefix="newsletter"):
    return {
        "action": reverse("newsletter:subscribe"),
        "consent_text": CONSENT_TEXT,
        "level": heading_level,
        "prefix": id_prefix,
    }


@register.simple_tag
def follow_url(page, filters=None):
    """The sign-up page with this list (and its filter) chosen."""
    query = {"folgen": page.pk, **(filters or {})}
    return reverse("newsletter:subscribe") + "?" + urlencode(query)
