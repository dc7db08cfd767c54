"""Site-wide data read once per process and reused while the content is unchanged.

Every page shows the same site-wide parts: the site and its home page, the navigation
(children of the home page with their teasers), the site settings (footer, organisation,
default sharing image), the news feed links, and the view restrictions every listing must
respect. Reading them costs several queries and, above all, building those queries in Python
costs more than the database takes to answer them. They change only when an editor changes
content.

So each process keeps one *snapshot* of that data, labelled with the **content version**: a
random token in one database row (``ContentVersion``), renewed in the same transaction as
every change to pages, sites, site settings, view restrictions, images, documents and
snippets (signals below, and ``bump()`` for bulk loads). A request reads the token with one
small query; while it matches, the snapshot is used, otherwise it is dropped and rebuilt
from the database. The token is read *before* the data, so a snapshot can only ever hold data
newer than its label, never older: nothing stale is shown, in any process, with or without
Redis, and no response is cached here (that is ``partnerships.cache``, which
``FULL_PAGE_CACHE=0`` switches off independently).

``CONTENT_SNAPSHOT=0`` (setting and environment variable) switches the snapshot off: every
request then reads everything from the database, as before.
"""

import secrets
import threading
from collections import OrderedDict

from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.http.request import split_domain_port
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

TABLE = "partnerships_contentversion"
_MISSING = object()
_lock = threading.Lock()
_process = {"snapshot": None}  # the newest snapshot this process has built
_local = threading.local()  # the snapshot of the request this thread is serving


class Snapshot:
    """Values computed once per content version (``get``); never changed after building."""

    def __init__(self, token):
        self.token = token
        self._values = {}

    def get(self, key, build):
        value = self._values.get(key, _MISSING)
        if value is _MISSING:
            value = build()
            self._values[key] = value
        return value

    def get_bounded(self, group, key, build, limit):
        """Like ``get`` for keys chosen by visitors (search terms): at most ``limit`` values
        per ``group``, the oldest dropped first."""
        values = self.get(("bounded", group), OrderedDict)
        value = values.get(key, _MISSING)
        if value is _MISSING:
            value = build()
            with _lock:  # threaded workers (GUNICORN_THREADS) may evict at the same time
                values[key] = value
                while len(values) > limit:
                    values.popitem(last=False)
        return value


def enabled():
    return getattr(settings, "CONTENT_SNAPSHOT", True)


def read_token():
    """The current content version, or None (table missing, database unreachable)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT token FROM {TABLE} WHERE id = 1")  # noqa: S608 - constant
            row = cursor.fetchone()
    except DatabaseError:
        return None
    return row[0] if row else None


def _snapshot_for(token):
    with _lock:
        snapshot = _process["snapshot"]
        if snapshot is None or snapshot.token != token:
            snapshot = _process["snapshot"] = Snapshot(token)
        return snapshot


def current():
    """The snapshot for the request this thread serves (None outside requests or when off)."""
    return getattr(_local, "snapshot", None)


def begin_request():
    """Read the content version and pick the matching snapshot for this thread's request."""
    _local.snapshot = None
    if not enabled():
        return None
    token = read_token()
    if token is not None:
        _local.snapshot = _snapshot_for(token)
    return _local.snapshot


def end_request():
    _local.snapshot = None


def forget():
    """Drop this process's snapshot (tests: a rolled-back transaction restores an old token
    together with data that changes made without signals may have altered)."""
    _local.snapshot = None
    _process["snapshot"] = None


def bump():
    """Give the content a new version (in the current transaction).

    The request that made the change stops using its snapshot at once; every process drops
    its snapshot on its next request, after the change has been committed.
    """
    _local.snapshot = None
    _process["snapshot"] = None
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {TABLE} SET token = %s WHERE id = 1",  # noqa: S608 - constant
                [secrets.randbits(62)],
            )
    except DatabaseError:
        # Only before the migration creating the table; no snapshot can exist then.
        if connection.in_atomic_block:
            raise


class ContentSnapshotMiddleware:
    """Reads the content version once per request (public pages and the admin alike) and
    hands the site to Wagtail from the snapshot, saving its hostname query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        snapshot = begin_request()
        try:
            if snapshot is not None:
                site = site_for_request(request, snapshot)
                if site is not _MISSING:
                    request._wagtail_site = site
            return self.get_response(request)
        finally:
            end_request()


def site_for_request(request, snapshot):
    """Wagtail's ``Site.find_for_request`` from the snapshot (by hostname and port)."""
    try:
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()
    except Exception:  # an odd Host header: let Wagtail and Django answer it
        return _MISSING
    return snapshot.get(("site", hostname, port), lambda: _find_site(request))


def _find_site(request):
    site = Site._find_for_request(request)
    if site is not None:
        # The home page, specific, with everything Wagtail caches on it, kept with the site.
        site.root_page = site.root_page.specific
    return site


def snapshot_value(key, build):
    """``build()``, computed once per content version where the snapshot is on."""
    snapshot = current()
    return build() if snapshot is None else snapshot.get(key, build)


def remembered_value(group, key, build, limit):
    """``build()``, computed once per content version for keys chosen by visitors (filters,
    search terms): at most ``limit`` per ``group``, the oldest dropped first."""
    snapshot = current()
    return build() if snapshot is None else snapshot.get_bounded(group, key, build, limit)


# Rendered fragments per group (e.g. the cards of one site's case studies).
MAX_REMEMBERED_FRAGMENTS = 5000


def rendered_cards(request, group, ids, fetch, render):
    """The HTML of one card per id in ``ids``, in that order, for objects that still exist.

    A card shows only its own object, so it is rendered once per content version and site;
    ``fetch(ids)`` (a dict id -> object) is called for the ids without a card only, and
    ``render(obj)`` renders one. Previews mark images for the editor's checks: their cards
    are rendered afresh and never kept."""
    snapshot = current()
    keep = snapshot is not None and not getattr(request, "is_preview", False)
    if keep:
        site = Site.find_for_request(request)
        group = (group, getattr(site, "pk", None))
        kept = snapshot.get(("bounded", group), OrderedDict)
        cards = {pk: kept.get(pk) for pk in ids}
    else:
        cards = dict.fromkeys(ids)
    missing = [pk for pk, card in cards.items() if card is None]
    if missing:
        for pk, obj in fetch(missing).items():
            html = render(obj)
            if keep:
                snapshot.get_bounded(group, pk, lambda html=html: html, MAX_REMEMBERED_FRAGMENTS)
            cards[pk] = html
    return [cards[pk] for pk in ids if cards.get(pk) is not None]


def restricted_paths():
    """Tree paths of all pages with a view restriction, from the snapshot (None without)."""
    snapshot = current()
    if snapshot is None:
        return None
    return snapshot.get(
        "restricted_paths",
        lambda: tuple(
            PageViewRestriction.objects.order_by("page__path").values_list("page__path", flat=True)
        ),
    )


# --- what renews the version --------------------------------------------------------------


def _content_models():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.snippets.models import get_snippet_models

    return (
        Page,
        Site,
        PageViewRestriction,
        get_image_model(),
        get_document_model(),
        apps.get_model("partnerships", "SiteSettings"),
        *get_snippet_models(),
    )


def _is_content(sender):
    # Historical models in migrations are other classes: they never match.
    return isinstance(sender, type) and issubclass(sender, _content_models())


# Fields a draft save (``save_revision``, autosave, locking) writes on a page: visitors see
# none of them, so such saves keep the version (editors typing must not empty every snapshot).
DRAFT_FIELDS = {
    "draft_title",
    "latest_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
    "wagtail_admin_comments",
    "comments",
}


@receiver(post_save)
@receiver(post_delete)
def _content_saved(sender, update_fields=None, **kwargs):
    if not _is_content(sender):
        return
    if update_fields and issubclass(sender, Page) and set(update_fields) <= DRAFT_FIELDS:
        return
    bump()


@receiver(m2m_changed)
def _content_relation_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and _is_content(type(instance)):
        bump()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def _page_changed(sender, **kwargs):
    bump()
