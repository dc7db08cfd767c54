"""Search results: counted per type, ranked, paginated and remembered per content version."""

import threading
import time

from django.conf import settings
from django.core.paginator import Page as DjangoPage
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import F, IntegerField
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import get_descendants_content_types_pks, normalise_query_string

from partnerships.caching.memo import memo
from partnerships.listing import requested_page, shown_page
from partnerships.models.base import (
    listing_date_expression,
    page_types,
    search_filters,
    teaser_expression,
)
from partnerships.routing import public_q
from partnerships.search.query import highlight, highlight_terms
from partnerships.search.timeout import time_limit

SEARCH_PER_PAGE = 10


def promotions_for(query):
    """Editors' search promotions for ``query``, in their order: external links and live,
    public pages (two queries however many there are)."""
    promotions = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    page_ids = [p.page_id for p in promotions if p.page_id]
    if not page_ids:
        return promotions
    visible = set(
        Page.objects.live().filter(public_q(), id__in=page_ids).values_list("id", flat=True)
    )
    return [p for p in promotions if p.page_id is None or p.page_id in visible]


def record_hit(query):
    """Count a search for the report "Suchbegriffe" (as ``Query.get(query).add_hit()``): one
    UPDATE once the term has been searched today, Wagtail's two or three queries otherwise."""
    today = timezone.now().date()
    updated = QueryDailyHits.objects.filter(
        query__query_string=normalise_query_string(query), date=today
    ).update(hits=F("hits") + 1)
    if not updated:
        Query.get(query).add_hit(today)


def with_listing_fields(pages):
    """Plain pages of any type with ``teaser`` and ``date`` (``listing_date_field``) from
    their own tables, in the same query (LEFT JOINs) instead of one query per page type."""
    return pages.annotate(teaser=teaser_expression(page_types()), date=listing_date_expression())


def add_listing_fields(pages):
    """``teaser`` and ``date`` set on the plain ``pages`` (a few), in one query."""
    if not pages:
        return
    fields = {
        pk: (teaser, date)
        for pk, teaser, date in with_listing_fields(
            Page.objects.filter(pk__in=[page.pk for page in pages])
        ).values_list("pk", "teaser", "date")
    }
    for page in pages:
        page.teaser, page.date = fields.get(page.pk, ("", None))


# Result pages remembered per process and content version (a few KB each).
MAX_REMEMBERED_SEARCHES = 200


def remembered(key, build):
    """``build()``, computed once per content version for ``key`` (``partnerships.caching``):
    ranking thousands of matches is the expensive part of a search, and the ranking only
    changes when the content does. Only a search that really runs gets the time limit (and
    its transaction): a remembered one asks the database nothing."""

    def limited():
        left = getattr(deadline, "at", time.monotonic() + settings.SEARCH_TIMEOUT)
        with time_limit(left - time.monotonic()):
            return build()

    return memo("search", key, limited, MAX_REMEMBERED_SEARCHES)


deadline = threading.local()  # ``at``: the deadline of the search this thread answers


def remembered_results(request, query, kind, search_query, promotions):
    """(hits per type, the page of results shown), remembered per normalised terms, type,
    page actually shown and promotions: ``?page=01``, ``?page=1`` and no page are one entry,
    and so is every number beyond the last page. Case does not change what is found."""
    terms = query.casefold()
    promoted = tuple(p.pk for p in promotions)
    promoted_ids = [p.page_id for p in promotions if p.page_id]
    found = []  # searchable(), made once and only if something has to be searched

    def live_pages():
        if not found:
            found.append(searchable(promoted_ids))
        return found[0]

    ranked = {}  # PostgreSQL: (kind, number) -> the ids ranked by the query that counted

    def counted():
        if connection.vendor != "postgresql":
            return count_results(live_pages(), search_query)
        number = min(requested_page(request), _MAX_PAGE_ASKED)
        per_type, ids = first_search(live_pages(), search_query, kind, number)
        ranked[kind, number] = ids
        return type_counts_from(per_type)

    type_counts = remembered(("counts", terms, promoted), counted)
    number = shown_page(requested_page(request), type_counts[kind], SEARCH_PER_PAGE)
    results_page = remembered(
        ("page", terms, kind, number, promoted),
        lambda: results_page_for(
            live_pages(),
            query,
            kind,
            search_query,
            number,
            type_counts[kind],
            ranked.get((kind, number)),
        ),
    )
    return type_counts, results_page


def searchable(promoted_ids):
    """``live_pages(model=Page)``: the live, public pages of ``model`` that can be found."""
    # The search back end only understands plain lookups: Wagtail's own private-section
    # filter, read once for all the queries of a search.
    private = Page.objects.all().private_q()

    def live_pages(model=Page):
        # Each type is searched through its own model, not Page.type(model): PostgreSQL
        # misjudges the join of the latter and took over 1 s for 1,000 case studies.
        pages = model.objects.live().exclude(private).exclude(depth__lte=1)
        return pages.exclude(id__in=promoted_ids) if promoted_ids else pages

    return live_pages


def count_results(live_pages, search_query):
    """The number of hits, in all types ("") and per type, from one query: the matches grouped
    by page type (the back end's facet). SQLite; PostgreSQL counts in ``first_search``."""
    per_type = live_pages().search(search_query, order_by_relevance=False).facet("content_type_id")
    return type_counts_from(per_type)


def results_page_for(live_pages, query, kind, search_query, number, count, ids=None):
    """Page ``number`` of the results (of type ``kind``), with highlighted excerpts.

    PostgreSQL: the pages ``ids`` (ranked by ``first_search``, which is run if they are not
    given), read with their listing fields. SQLite: the search back end's own ranked query.
    """
    model = search_filters()[kind][1] if kind else Page
    paginator = Paginator([], SEARCH_PER_PAGE)
    paginator.count = count
    if connection.vendor == "postgresql":
        if ids is None:
            _per_type, ids = first_search(live_pages, search_query, kind, number)
        results = listing_pages(model, ids)
    else:
        base = live_pages(model).defer_streamfields() if kind else live_pages()
        start = (number - 1) * SEARCH_PER_PAGE
        results = list(base.search(search_query)[start : start + SEARCH_PER_PAGE])
        if not kind:
            add_listing_fields(results)
    results_page = DjangoPage(results, number, paginator)
    terms = highlight_terms(query)
    for result in results_page:
        result.search_excerpt = highlight(
            getattr(result, "teaser", "") or result.search_description, terms
        )
    return results_page


def listing_pages(model, ids):
    """The pages ``ids`` in this order: of ``model`` (a type's results), or plain pages with
    ``teaser`` and ``date`` (all types); one query."""
    if not ids:
        return []
    if model is Page:
        pages = with_listing_fields(Page.objects.filter(pk__in=ids))
    else:
        pages = model.objects.filter(pk__in=ids).defer_streamfields()
    by_id = {page.pk: page for page in pages}
    return [by_id[pk] for pk in ids if pk in by_id]


def type_counts_from(per_type):
    """{"" : all hits, type key: hits of that type and its subclasses} from the hits per
    content type id."""
    type_counts = {"": sum(per_type.values())}
    for key, (_label, model) in search_filters().items():
        ids = set(get_descendants_content_types_pks(model))
        type_counts[key] = sum(
            n for content_type_id, n in per_type.items() if content_type_id in ids
        )
    return type_counts


# Pages asked for beyond this are beyond the end anyway; it keeps OFFSET within bigint.
_MAX_PAGE_ASKED = 10**9


def first_search(live_pages, search_query, kind, number):
    """PostgreSQL: ({content type id: hits}, the ids of page ``number`` of the results of type
    ``kind``, best first), from ONE query instead of one count per type and a ranked query.

    The same matches and order as ``live_pages().search(search_query)`` (tested against it
    in tests/test_search_database.py): the search query, the rank expression and the match
    (``title || body @@ tsquery``) come from the back end's query compiler (modelsearch's
    PostgreSQL back end); what differs is the plan. The back end joins the page table to the
    index and computes the rank after the join, and the planner hashed the index entries
    with their whole vectors (about 80 ms for 9,000 matches); it also scanned all entries
    instead of using the GIN index (migration 0011), since the planner has no idea how
    expensive ``title || body`` is. Here the rank is computed while reading the matching
    entries (a materialised CTE), joined to the page ids by integer, and counted and sorted
    from there. Ties are broken by page id, descending, as the back end does.
    """
    pages = live_pages().order_by().values_list("id", "content_type_id")
    pages_sql, pages_params = pages.query.sql_with_params()
    entries_sql, entries_params = _ranked_entries(live_pages(), search_query)
    shown = ""
    shown_params = []
    if kind:
        shown = "WHERE content_type_id = ANY(%s)"
        shown_params = [get_descendants_content_types_pks(search_filters()[kind][1])]
    sql = f"""
        WITH entries AS MATERIALIZED ({entries_sql}),
        matches AS MATERIALIZED (
            SELECT pages.id, pages.content_type_id, entries.rank
            FROM entries INNER JOIN ({pages_sql}) AS pages ON pages.id = entries.page_id
        )
        (SELECT id, NULL::integer, NULL::bigint FROM matches {shown}
            ORDER BY rank DESC, id DESC LIMIT %s OFFSET %s)
        UNION ALL
        (SELECT NULL, content_type_id, count(*) FROM matches GROUP BY content_type_id)
    """  # noqa: S608 - only SQL compiled by Django, the values are parameters
    params = [
        *entries_params,
        *pages_params,
        *shown_params,
        SEARCH_PER_PAGE,
        (number - 1) * SEARCH_PER_PAGE,
    ]
    with connection.cursor() as cursor:
        # Index scans for the entries (see above), for this statement only: set back after
        # it, and rolled back with the search's transaction (time_limit) if it fails.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(sql, params)
        rows = cursor.fetchall()
        cursor.execute("SET LOCAL enable_seqscan TO DEFAULT")
    ids = [page_id for page_id, _ct, _n in rows if page_id is not None]
    per_type = {content_type_id: n for page_id, content_type_id, n in rows if page_id is None}
    return per_type, ids


def _ranked_entries(pages, search_query):
    """(SQL, params): ``page_id`` and ``rank`` of the index entries of pages that match,
    built by the back end's query compiler as for ``pages.search(search_query)``."""
    from wagtail.search.backends import get_search_backend
    from wagtail.search.models import IndexEntry

    backend = get_search_backend()
    compiler = backend.query_compiler_class(pages, search_query)
    config = compiler.get_config(backend)
    tsquery = compiler.build_tsquery(search_query, config=config)
    # The back end's vectors (get_index_vectors), on the index entry instead of via the page.
    rank = compiler._build_rank_expression(
        [(F("title"), F("title_norm")), (F("body"), 1.0)], config
    )
    entries = (
        IndexEntry.objects.filter(content_type_id__in=get_descendants_content_types_pks(Page))
        .annotate(_vector_=F("title")._combine(F("body"), "||", False))
        .filter(_vector_=tsquery)
        .annotate(page_id=Cast("object_id", IntegerField()), rank=rank)
        .order_by()
        .values_list("page_id", "rank")
    )
    return entries.query.sql_with_params()
