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
from django.core.paginator import Paginator
from django.db import OperationalError, connection, transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.shortcuts import render
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page
from wagtail.search.query import And, Or, Phrase, PlainText
from wagtail.search.utils import normalise_query_string

from .caching.memo import memo
from .queries import public_q
from .utils import clean_param, requested_page, shown_page

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

    type_counts = remembered(
        ("counts", terms, promoted), lambda: count_results(live_pages(), search_query)
    )
    number = shown_page(requested_page(request), type_counts[kind], SEARCH_PER_PAGE)
    results_page = remembered(
        ("page", terms, kind, number, promoted),
        lambda: results_page_for(
            live_pages(), query, kind, search_query, number, type_counts[kind]
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
    """The number of hits, in all types ("") and per type."""
    type_counts = {"": live_pages().search(search_query).count()}
    for key, (_label, model_label) in SEARCH_TYPES.items():
        type_counts[key] = live_pages(apps.get_model(model_label)).search(search_query).count()
    return type_counts


def results_page_for(live_pages, query, kind, search_query, number, count):
    """Page ``number`` of the results (of type ``kind``), with highlighted excerpts."""
    if kind:
        base = live_pages(apps.get_model(SEARCH_TYPES[kind][1])).defer_streamfields()
    else:
        base = with_listing_fields(live_pages())
    paginator = Paginator(base.search(search_query), SEARCH_PER_PAGE)
    paginator.count = count
    results_page = paginator.page(number)
    results_page.object_list = list(results_page.object_list)
    terms = highlight_terms(query)
    for result in results_page:
        result.search_excerpt = highlight(
            getattr(result, "teaser", "") or result.search_description, terms
        )
    return results_page


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
