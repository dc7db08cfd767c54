"""Site search at /suche/: Wagtail's search back end over all live, public pages."""

import re

from django.shortcuts import render
from wagtail.models import Page
from wagtail.search.query import And, Phrase, PlainText

from .utils import paginate

SEARCH_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
_PHRASE = re.compile(r'"([^"]*)"')


def clean_query(raw):
    """Printable characters only (NUL breaks PostgreSQL), whitespace folded, length capped."""
    text = "".join(ch if ch.isprintable() else " " for ch in raw)
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def build_query(query):
    """Quoted parts become phrases, the rest plain words (all must match).

    Quotes are never handed to the back end as syntax, so an unbalanced quote is harmless.
    """
    parts = [Phrase(p.strip()) for p in _PHRASE.findall(query) if p.strip()]
    rest = " ".join(_PHRASE.sub(" ", query).replace('"', " ").split())
    if rest:
        parts.append(PlainText(rest, operator="and"))
    if not parts:
        return None
    result = parts[0]
    for part in parts[1:]:
        result = And([result, part])
    return result


def search(request):
    query = clean_query(request.GET.get("q", ""))
    results_page = None
    search_query = build_query(query) if query else None
    if search_query is not None:
        results = Page.objects.live().public().exclude(depth__lte=1).specific().search(search_query)
        results_page = paginate(request, results, SEARCH_PER_PAGE)
    return render(request, "partnerships/search.html", {"query": query, "results": results_page})
