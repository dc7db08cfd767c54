"""The content version: one counter, raised in the transaction of every content change and
handed to the page cache and the HTTP caches after commit, and raised once more at every
moment of the content clock (``CONTENT_CLOCK``) at which content changes without a save.
Details: docs/architecture.md.
"""

import logging
import math
import threading
from contextlib import contextmanager
from functools import lru_cache

from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.module_loading import import_string
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger(__name__)

TABLE = "partnerships_contentversion"
NEVER = 2**62  # ``next_change`` when no clock function knows a moment ahead
RETRY_SECONDS = 60  # a clock function failed: caches keep nothing longer, the next read retries
_local = threading.local()
_listeners = []  # called with the version after its change committed (memo, page cache, HTTP)

# Fields a draft save (``save_revision``, autosave, locking) writes on a page: visitors see
# none of them, so such saves keep the version (editors typing must not empty every cache).
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


def read():
    """``(version, privacy)`` now, or None (table missing, database unreachable). A moment of
    the content clock that has passed renews the version first (``read_with_clock``)."""
    state = read_with_clock()
    return None if state is None else state[:2]


def read_with_clock():
    """``(version, privacy, next_change)``: ``read`` and the unix second from which the version
    is due to change without a save (``NEVER``: no such moment known), or None."""
    return tick()[0]


def tick():
    """``(read_with_clock(), ticked)``; ``ticked`` is True if this call renewed the version
    because a moment of the content clock had passed (it is then published like a change)."""
    ticked = False
    try:
        with connection.cursor() as cursor:
            row = _fetch(cursor)
            for attempt in range(3):  # a passed moment; rarely the next one passed too
                if row is None:
                    return None, ticked
                token, privacy, next_change = row
                now = _now()
                if next_change is None:
                    next_change = _next_change(cursor, token, now)
                if now.timestamp() < next_change or attempt == 2:
                    break
                if _renew(cursor, token, next_change):
                    ticked = True
                    transaction.on_commit(_publish)
                row = _fetch(cursor)  # whoever renewed it: the version after that moment
    except DatabaseError:
        return None, ticked
    # A privacy mark above the version (the number was set back: a restored backup, code that
    # wrote it otherwise) counts as the version itself.
    return (token, min(privacy, token), next_change), ticked


def _fetch(cursor):
    cursor.execute(f"SELECT token, privacy, next_change FROM {TABLE} WHERE id = 1")  # noqa: S608
    row = cursor.fetchone()
    if row is None:
        return None
    return int(row[0]), int(row[1]), None if row[2] is None else int(row[2])


def _now():
    return timezone.now()


def _renew(cursor, token, due):
    """The version after the moment ``due``: only the first of all readers that saw it due
    renews it (and publishes); a change committed meanwhile has renewed it already."""
    cursor.execute(
        f"UPDATE {TABLE} SET token = token + 1, privacy = {ORDINARY_MARK}, next_change = NULL"  # noqa: S608
        " WHERE id = 1 AND token = %s AND next_change = %s",
        [token, due],
    )
    return cursor.rowcount == 1


@lru_cache(maxsize=4)
def _clock_functions(paths):
    return [import_string(path) for path in paths]


def clock_functions():
    """The functions of ``CONTENT_CLOCK``, imported on first use."""
    return _clock_functions(tuple(getattr(settings, "CONTENT_CLOCK", ())))


def next_moment(now):
    """The first unix second strictly after ``now`` at which a function of ``CONTENT_CLOCK``
    says content changes (rounded up: content has changed when the version is renewed), or
    ``NEVER``. Moments at or before ``now`` are past: what is read now already shows them."""
    earliest = NEVER
    for function in clock_functions():
        moment = function(now)
        if moment is None:
            continue
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        if moment > now:
            earliest = min(earliest, math.ceil(moment.timestamp()))
    return earliest


def _next_change(cursor, token, now):
    """The next moment for ``token`` (computed once per version: stored in the row)."""
    functions = clock_functions()
    if not functions:
        return NEVER  # nothing to store: no query beyond the one of ``read``
    try:
        if connection.in_atomic_block:  # a failing query must not break the caller's
            with transaction.atomic():
                moment = next_moment(now)
        else:
            moment = next_moment(now)
    except Exception:  # a broken clock function costs caching time, never the page
        logger.exception("Nächster Zeitpunkt nicht berechnet (CONTENT_CLOCK)")
        return math.floor(now.timestamp()) + RETRY_SECONDS
    # Only for this version (a change committed meanwhile wins) and only earlier: two readers
    # that computed at different times keep the first moment either of them saw.
    cursor.execute(
        f"UPDATE {TABLE} SET next_change = %s WHERE id = 1 AND token = %s"  # noqa: S608
        " AND (next_change IS NULL OR next_change > %s)",
        [moment, token, moment],
    )
    return moment


# The privacy mark after an ordinary change. A mark above the number (written by other code) is
# what ``read`` already took as a privacy change at the number: keep it there, so that an
# ordinary change after it is no privacy change too (else no stale copy could be served until
# the number passed the mark).
ORDINARY_MARK = "CASE WHEN privacy > token THEN token ELSE privacy END"


def on_change(listener):
    """Register ``listener(version, privacy)``, called in this process after a change commits."""
    _listeners.append(listener)
    return listener


def bump(privacy=False):
    """Renew the content version inside the current transaction (see module doc)."""
    if getattr(_local, "bulk", False):
        _local.bulk_changed = True
        _local.bulk_privacy = getattr(_local, "bulk_privacy", False) or privacy
        return
    _local.changed_in_request = True
    # Any change may move the next moment of the content clock: computed again after it.
    mark = "token + 1" if privacy else ORDINARY_MARK
    sql = f"UPDATE {TABLE} SET token = token + 1, privacy = {mark}, next_change = NULL"
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql + " WHERE id = 1")  # noqa: S608 - constant
            row = cursor.rowcount
    except DatabaseError:
        # Only before the migration creating the table; nothing can be cached then.
        if connection.in_atomic_block:
            raise
        return
    if row:
        transaction.on_commit(_publish)


_published = {"version": None}


def forget():
    """Tests: a rolled-back transaction brings an old version back; publish it again."""
    _published["version"] = None


def _publish():
    """After commit: hand the committed version to the listeners, once per version — a publish
    saves the page, its revision, its log entry ..., each with a callback of its own."""
    version = read()
    if version is None or version == _published["version"]:
        return
    _published["version"] = version
    for listener in _listeners:
        try:
            listener(*version)
        except Exception:  # a cache that is down costs its own feature, never the change
            logger.exception("Inhaltsstand %s nicht weitergegeben (%s)", version, listener)


def changed_in_this_request():
    return getattr(_local, "changed_in_request", False)


def reset_request():
    _local.changed_in_request = False


@contextmanager
def bulk_changes():
    """Bulk loads: one new version (and one ban in front) at the end instead of one per row;
    bulk writes may also bypass the signals, so the end always counts as a change."""
    _local.bulk, _local.bulk_changed, _local.bulk_privacy = True, False, False
    try:
        yield
    finally:
        privacy = _local.bulk_privacy
        _local.bulk = False
        bump(privacy=privacy)


# --- what counts as content -------------------------------------------------------------------


def _content_models():
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.snippets.models import get_snippet_models

    return (
        Page,
        Site,
        PageViewRestriction,
        Collection,
        CollectionViewRestriction,
        Redirect,
        get_image_model(),
        get_document_model(),
        apps.get_model("partnerships", "SiteSettings"),
        *get_snippet_models(),
    )


_PRIVACY_MODELS = (PageViewRestriction, CollectionViewRestriction, Site)


def _is_content(sender):
    # Historical models in migrations are other classes: they never match.
    return isinstance(sender, type) and issubclass(sender, _content_models())


@receiver(post_save)
def _content_saved(sender, update_fields=None, raw=False, **kwargs):
    if raw or not _is_content(sender):
        return
    if update_fields and issubclass(sender, Page) and set(update_fields) <= DRAFT_FIELDS:
        return
    bump(privacy=issubclass(sender, _PRIVACY_MODELS))


@receiver(post_delete)
def _content_deleted(sender, **kwargs):
    if _is_content(sender):
        bump(privacy=True)  # whatever showed it must not be served again, not even stale


@receiver(m2m_changed)
def _content_relation_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and _is_content(type(instance)):
        bump(privacy=issubclass(type(instance), _PRIVACY_MODELS))


@receiver(page_published)
def _page_published(sender, **kwargs):
    bump()


@receiver(page_unpublished)
@receiver(post_page_move)
def _page_withdrawn(sender, **kwargs):
    bump(privacy=True)
