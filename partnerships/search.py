"""Site search at /suche/: Wagtail's search back end over all live, public pages.

On PostgreSQL the back end uses the German text search configuration (SEARCH_CONFIG
"german"): words are stemmed ("Partnerschaften" finds "Partnerschaft"), "ß" and "ss" are the
same, and umlauts are folded ("Forderung" finds "Förderung"). Words typed with "ae", "oe", "ue"
instead of umlauts are also searched with the umlaut (see ``umlaut_variant``).
"""

import logging
import re
import threading
import time
from contextlib import ExitStack, contextmanager

from django.apps import apps
from django.conf import settings
from django.core.paginator import Page as DjangoPage
from django.core.paginator import Paginator
from django.db import OperationalError, connection, transaction
from django.db.models import F, IntegerField
from django.db.models.functions import Cast, Coalesce
from django.shortcuts import render
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page
from wagtail.search.query import And, Or, Phrase, PlainText
from wagtail.search.utils import get_descendants_content_types_pks, normalise_query_string

from partnerships.caching.memo import memo
from partnerships.queries import public_q
from partnerships.utils import clean_param, requested_page, shown_page

logger = logging.getLogger(__name__)

SEARCH_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
_PHRASE = re.compile(r'"([^"]*)"')
_WORD = re.compile(r"\w+")

# The type filter: URL value -> (label, model label). Order is the order of the filter links.
SEARCH_TYPES = {
    "konzept": ("Konzept", "concepts.ConceptPage"),
    "praxisbeispiel": ("Praxisbeispiel", "casestudies.CaseStudyPage"),
    "aktuelles": ("Aktuelles", "news.NewsPage"),
}


MAX_QUERY_TERMS = 8
_SCANNED = 10_000  # more than a URL can carry through gunicorn (4094 bytes per request line)
_TERM = re.compile(r'"[^"]*"|\S+')  # a phrase in quotes or a word


def clean_query(raw):
    """(the query searched and shown in the search box, a German notice if it was shortened).

    Whitespace is folded and repeated words (in any case) are searched once: all words must
    match anyway. At most MAX_QUERY_TERMS words or quoted phrases and MAX_QUERY_LENGTH
    characters are searched; every further term made a long query slower (up to 12 s for a
    query of repeated short words) without finding anything more specific.
    """
    # Only the start is read (about a millisecond's work); a word cut off there is left out.
    scanned = _TERM.findall(clean_param(raw[:_SCANNED], _SCANNED))
    truncated = len(raw) > _SCANNED
    if truncated and len(scanned) > 1 and not raw[_SCANNED].isspace():
        scanned.pop()
    terms, seen = [], set()
    for term in scanned:
        if term.casefold() not in seen:
            seen.add(term.casefold())
            terms.append(term)
    too_many = len(terms) > MAX_QUERY_TERMS
    query = " ".join(terms[:MAX_QUERY_TERMS])
    too_long = len(query) > MAX_QUERY_LENGTH
    if len(query) > MAX_QUERY_LENGTH:
        # Cut between terms if possible, else inside the one long word.
        cut = query[: MAX_QUERY_LENGTH + 1].rsplit(" ", 1)[0]
        query = cut if len(cut) <= MAX_QUERY_LENGTH else query[:MAX_QUERY_LENGTH]
    if too_many and too_long:
        notice = f"die ersten {MAX_QUERY_TERMS} Begriffe und {MAX_QUERY_LENGTH} Zeichen"
    elif too_many:
        notice = f"die ersten {MAX_QUERY_TERMS} Begriffe"
    elif too_long:
        notice = f"die ersten {MAX_QUERY_LENGTH} Zeichen"
    elif truncated:
        return query, "Ihre Suche war sehr lang und wurde gekürzt."
    else:
        return query, ""
    return query, f"Ihre Suche wurde auf {notice} gekürzt."


_UMLAUTS = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"), ("Ae", "Ä"), ("Oe", "Ö"), ("Ue", "Ü"))


def umlaut_variant(word):
    """``word`` with ae/oe/ue written as umlauts, or None if it has none ("Foerderung")."""
    variant = word
    for plain, umlaut in _UMLAUTS:
        variant = variant.replace(plain, umlaut)
    return variant if variant != word else None


def _words_query(words):
    """All ``words`` must match; a word with ae/oe/ue matches either spelling."""
    parts = []
    for word in words:
        variant = umlaut_variant(word)
        if variant:
            parts.append(Or([PlainText(word), PlainText(variant)]))
        else:
            parts.append(PlainText(word))
    return parts


def build_query(query):
    """Quoted parts become phrases, the rest plain words (all must match).

    Quotes are never handed to the back end as syntax, so an unbalanced quote is harmless.
    Words without letters or digits (only punctuation) are dropped.
    """
    parts = [Phrase(p.strip()) for p in _PHRASE.findall(query) if _WORD.search(p)]
    rest = _PHRASE.sub(" ", query).replace('"', " ").split()
    parts += _words_query([word for word in rest if _WORD.search(word)])
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


# --- Highlighting -----------------------------------------------------------------------------

_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
_SUFFIXES = ("ern", "en", "er", "es", "em", "e", "n", "s")


def _fold(word):
    word = word.lower()
    for plain, umlaut in _UMLAUTS[:3]:
        word = word.replace(plain, umlaut)
    return word.translate(_FOLD)


def _stem(word):
    """A rough German stem for highlighting: folded, common endings removed."""
    word = _fold(word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def highlight_terms(query):
    """The stems of the words of ``query`` (at least two characters)."""
    return {_stem(w) for w in _WORD.findall(query) if len(w) >= 2}


def highlight(text, terms):
    """``text`` escaped, with words starting with one of the stems ``terms`` in <mark>."""
    if not text:
        return ""
    out, last = [], 0
    for match in _WORD.finditer(text):
        word = match.group()
        folded = _fold(word)
        if any(folded.startswith(term) for term in terms):
            out.append(escape(text[last : match.start()]))
            out.append(f"<mark>{escape(word)}</mark>")
            last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above


# --- The view ---------------------------------------------------------------------------------


def search_type(request):
    value = request.GET.get("typ", "")
    return value if value in SEARCH_TYPES else ""


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
    """Plain pages of any type with ``teaser`` and ``date`` (news) from their own tables,
    in the same query (LEFT JOINs) instead of one query per page type."""
    from partnerships.models import BasePage

    names = [
        f"{model._meta.model_name}__teaser"
        for model in apps.get_models()
        if issubclass(model, BasePage) and issubclass(model, Page)
    ]
    return pages.annotate(teaser=Coalesce(*names), date=F("newspage__date"))


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
        left = getattr(_search, "deadline", time.monotonic() + settings.SEARCH_TIMEOUT)
        with time_limit(left - time.monotonic()):
            return build()

    return memo("search", key, limited, MAX_REMEMBERED_SEARCHES)


_search = threading.local()  # the deadline of the search this thread answers


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
    model = apps.get_model(SEARCH_TYPES[kind][1]) if kind else Page
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
    for key, (_label, model_label) in SEARCH_TYPES.items():
        ids = set(get_descendants_content_types_pks(apps.get_model(model_label)))
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
        shown_params = [get_descendants_content_types_pks(apps.get_model(SEARCH_TYPES[kind][1]))]
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


# --- Time limit -------------------------------------------------------------------------------


class SearchTimeout(Exception):
    """The queries of a search took longer than ``settings.SEARCH_TIMEOUT``."""


def _cancelled(exc):
    """True if the database stopped the query because of the time limit."""
    cause = exc.__cause__
    return (
        getattr(cause, "pgcode", None) == "57014"  # query_canceled (statement_timeout)
        or str(exc) == "interrupted"  # SQLite, by the progress handler below
    )


@contextmanager
def time_limit(seconds):
    """All queries inside together may take ``seconds``; then ``SearchTimeout`` is raised.

    PostgreSQL: each query runs with ``SET LOCAL statement_timeout`` of the time that is
    left, in one transaction (so the setting ends with it, also on pooled connections).
    SQLite: a progress handler interrupts the query. Nothing is remembered of a search
    that was stopped.
    """
    deadline = time.monotonic() + seconds
    postgresql = connection.vendor == "postgresql"

    def limited(execute, sql, params, many, context):
        left = deadline - time.monotonic()
        if left <= 0:
            raise SearchTimeout
        if postgresql:
            context["cursor"].cursor.execute(
                f"SET LOCAL statement_timeout = {max(1, int(left * 1000))}"
            )
        try:
            return execute(sql, params, many, context)
        except OperationalError as exc:
            if _cancelled(exc):
                raise SearchTimeout from exc
            raise

    with ExitStack() as stack:
        if postgresql:
            nested = connection.in_atomic_block
            stack.enter_context(transaction.atomic())
            if nested:  # a savepoint keeps SET LOCAL until the outer transaction ends
                stack.enter_context(_statement_timeout_reset())
        else:
            connection.ensure_connection()
            raw = connection.connection
            raw.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
            stack.callback(raw.set_progress_handler, None, 0)
        stack.enter_context(connection.execute_wrapper(limited))
        yield


@contextmanager
def _statement_timeout_reset():
    yield  # after an error the savepoint is rolled back, and the setting with it
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL statement_timeout TO DEFAULT")


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
        _search.deadline = time.monotonic() + settings.SEARCH_TIMEOUT
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
        for key, (label, _model) in SEARCH_TYPES.items()
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
            "search_type_label": SEARCH_TYPES[kind][0] if kind else "",
            "type_filters": filters,
            "timed_out": timed_out,
        },
    )
    if timed_out:
        # The whole page with the query and advice, as 200: a 5xx makes Varnish (deploy/
        # varnish) abandon the fetch and run the same search again. Never stored anywhere.
        response["Cache-Control"] = "no-store"
    return response
