"""A time limit for all queries of one search (PostgreSQL ``statement_timeout``, an SQLite
progress handler)."""

import time
from contextlib import ExitStack, contextmanager

from django.db import OperationalError, connection, transaction


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
