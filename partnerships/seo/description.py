"""The description a page publishes: one function for the page head and the content checks."""


def meta_description(page):
    """The text of the page's ``<meta name="description">`` (and Open Graph, Twitter card and
    JSON-LD description): its „Meta-Information Beschreibung“ (``search_description``), else
    its „Kurzbeschreibung“ (``teaser``); ``""`` when neither holds more than white space.

    The content check „Suchbeschreibung fehlt“ asks this function too, so it warns exactly
    when the published page has no description."""
    for value in (getattr(page, "search_description", ""), getattr(page, "teaser", "")):
        text = (value or "").strip()
        if text:
            return text
    return ""
