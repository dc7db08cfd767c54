"""Site search at /suche/: Wagtail's search back end over all live, public pages.

On PostgreSQL the back end uses the German text search configuration (SEARCH_CONFIG
"german"): words are stemmed ("Partnerschaften" finds "Partnerschaft"), "ß" and "ss" are the
same, and umlauts are folded ("Forderung" finds "Förderung"). Words typed with "ae", "oe", "ue"
instead of umlauts are also searched with the umlaut (see ``umlaut_variant``).
"""

import logging
import time

from django.conf import settings
from django.shortcuts import render

from partnerships.listing import requested_page
from partnerships.models.base import search_filters
from partnerships.search.query import build_query, clean_query
from partnerships.search.results import deadline, promotions_for, record_hit, remembered_results
from partnerships.search.timeout import SearchTimeout

logger = logging.getLogger(__name__)


# --- Highlighting -----------------------------------------------------------------------------


# --- The view ---------------------------------------------------------------------------------


def search_type(request):
    value = request.GET.get("typ", "")
    return value if value in search_filters() else ""


# --- Time limit -------------------------------------------------------------------------------


def search(request):
    query, shortened = clean_query(request.GET.get("q", ""))
    kind = search_type(request)
    results_page = None
    promotions = []
    type_counts = {}
    search_query = build_query(query) if query else None
    if query:
        promotions = promotions_for(query)
    timed_out = False
    if search_query is not None:
        deadline.at = time.monotonic() + settings.SEARCH_TIMEOUT
        try:
            type_counts, results_page = remembered_results(
                request, query, kind, search_query, promotions
            )
        except SearchTimeout:
            logger.warning("Search stopped after %s s: %r", settings.SEARCH_TIMEOUT, query)
            timed_out = True
    if query and requested_page(request) == 1:
        record_hit(query)  # for the admin's report "Suchbegriffe"; paging is not a new search
    filters = [{"value": "", "label": "Alle", "count": type_counts.get("", 0), "active": not kind}]
    filters += [
        {"value": key, "label": label, "count": type_counts.get(key, 0), "active": key == kind}
        for key, (label, _model) in search_filters().items()
    ]
    response = render(
        request,
        "partnerships/search.html",
        {
            "query": query,
            "shortened": shortened,
            # Pagination links carry the query as searched, not as typed.
            "page_params": {"q": query, **({"typ": kind} if kind else {})},
            "results": results_page,
            "promotions": promotions,
            "search_type": kind,
            "search_type_label": search_filters()[kind][0] if kind else "",
            "type_filters": filters,
            "timed_out": timed_out,
        },
    )
    if timed_out:
        # The whole page with the query and advice, as 200: a 5xx makes Varnish (deploy/
        # varnish) abandon the fetch and run the same search again. Never stored anywhere.
        response["Cache-Control"] = "no-store"
    return response
