"""One rule for every slug, anchor and filter value the site makes: German transliteration.

„Ernährungswirtschaft in Oldenburg und Münster: Straße“ becomes
``ernaehrungswirtschaft-in-oldenburg-und-muenster-strasse``: ä → ae, ö → oe, ü → ue, ß → ss
(Ä, Ö, Ü alike), then Django's ``slugify`` (other accents lose their marks, everything but
letters, digits, ``-`` and ``_`` goes, spaces become ``-``).

The same table drives the admin (``partnerships.editorial.slug_fields``): Wagtail's slug
widget gets it as ``formatters``, so the slug Wagtail's ``urlify`` makes while an editor
types the title is the one this module makes, and the page form puts right a slug that
arrives in Wagtail's own spelling. Tags get their slugs by it as well (``german_tag_slug``).
"""

import re
import unicodedata

from django.utils.text import slugify

GERMAN_TRANSLITERATION = {
    "ä": "ae",
    "ö": "oe",
    "ü": "ue",
    "ß": "ss",
    "ẞ": "SS",
    "Ä": "Ae",
    "Ö": "Oe",
    "Ü": "Ue",
}
_TABLE = str.maketrans(GERMAN_TRANSLITERATION)


def german_slug(text, fallback=""):
    """The slug of ``text`` by the German rule; ``fallback`` if nothing is left."""
    # Composed first: a pasted "u" + combining diaeresis is an "ü" too.
    composed = unicodedata.normalize("NFC", text or "")
    return slugify(composed.translate(_TABLE)) or fallback


def wagtail_default_slugs(title):
    """The slugs Wagtail itself makes of ``title`` without the German rule: its server-side
    default (Django's ``slugify``: ß vanishes) and its admin's ``urlify`` (ä → a, ß → ss)."""
    plain = slugify(title or "")
    latin = slugify((title or "").replace("ß", "ss").replace("ẞ", "SS"))
    return {slug for slug in (plain, latin) if slug}


def slug_formatters():
    """(regex, replacement) pairs for Wagtail's ``SlugInput(formatters=...)``."""
    formatters = []
    for letter, replacement in GERMAN_TRANSLITERATION.items():
        # The browser does not compose a pasted "u" + combining diaeresis: both forms.
        decomposed = unicodedata.normalize("NFD", letter)
        if decomposed != letter:
            formatters.append((re.escape(decomposed), replacement))
        formatters.append((re.escape(letter), replacement))
    return formatters


def german_tag_slug(sender, instance, raw=False, **kwargs):
    """``pre_save`` of taggit's tags: a new tag's slug (the ``?tag=`` filter value) by the
    German rule instead of taggit's (``ländlicher-raum``, ``fachkräfte``), unique as taggit
    makes it (``_2``, ``_3`` …). A slug set by hand stays."""
    if raw or not instance._state.adding or not instance.name:
        return
    taggit_spelling = instance.slugify(instance.name)
    if instance.slug != taggit_spelling and not instance.slug.startswith(taggit_spelling + "_"):
        return
    base = german_slug(instance.name)
    if not base:
        return
    slug, n = base, 1
    while sender.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}_{n}"
    instance.slug = slug
