"""The content version: one counter, raised in the transaction of every content change and
handed to the page cache and the HTTP caches after commit. Details: docs/architecture.md.
"""

import logging
import threading
from contextlib import contextmanager

from django.apps import apps
from django.db import DatabaseError, connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger(__name__)

TABLE = "partnerships_contentversion"
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
    """``(version, privacy)`` now, or None (table missing, database unreachable)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT token, privacy FROM {TABLE} WHERE id = 1")  # noqa: S608
            row = cursor.fetchone()
    except DatabaseError:
        return None
    # A privacy mark above the version (the number was set back: a restored backup, code that
    # wrote it otherwise) counts as the version itself.
    return (int(row[0]), min(int(row[1]), int(row[0]))) if row else None


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
    # A privacy mark above the number (written by other code) is what ``read`` already took as
    # a privacy change at the number: keep it there, so that an ordinary change after it is no
    # privacy change too (else no stale copy could be served until the number passed the mark).
    mark = "token + 1" if privacy else "CASE WHEN privacy > token THEN token ELSE privacy END"
    sql = f"UPDATE {TABLE} SET token = token + 1, privacy = {mark}"
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
