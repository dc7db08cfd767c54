"""The content clock (``CONTENT_CLOCK``, partnerships/caching/version.py): content that changes
without anybody saving (an event ends, a registration closes) renews the content version at
that moment, and every cache honours it: the memo, the whole-page cache, ``s-maxage`` and
Varnish (a BAN from whoever renews it, ``manage.py tick_content_clock`` included).

The clock here is a function of this module whose moments the tests set (``MOMENTS``); time is
moved with time-machine. Content "that only the clock reveals" is written behind the
process's back (a queryset ``update``, no signals), as it would look to the caches.
"""

import datetime
import io
import threading
import types
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from wagtail.models import Page

from partnerships.caching import memo, version
from partnerships.models.settings import ContentVersion
from tests.test_page_cache import WSGIClient

START = datetime.datetime(2027, 1, 15, 9, 0, tzinfo=datetime.UTC)
ENDS = START + datetime.timedelta(minutes=10)  # "the event ends"
MOMENTS = []  # what the test clock knows
CALLS = []  # when it was asked


def clock(now):
    """A clock function as a feature app would write one: the first moment after ``now``."""
    CALLS.append(now)
    return min((moment for moment in MOMENTS if moment > now), default=None)


def broken_clock(now):
    raise RuntimeError("Veranstaltungen nicht lesbar")


@pytest.fixture
def moments(settings, time_machine):
    """The test clock registered, time standing still at ``START``; ``MOMENTS`` to fill."""
    settings.CONTENT_CLOCK = ["tests.test_content_clock.clock"]
    time_machine.move_to(START, tick=False)
    MOMENTS[:], CALLS[:] = [], []
    yield MOMENTS
    MOMENTS[:], CALLS[:] = [], []


@pytest.fixture
def web(settings):
    settings.FULL_PAGE_CACHE = True
    return WSGIClient()


def seconds(moment):
    return int(moment.timestamp())


def stored():
    return ContentVersion.objects.values_list("token", "next_change").get(pk=1)


def rename_behind_the_back(page, title):
    """Content the caches cannot know has changed (no save, no signal)."""
    Page.objects.filter(pk=page.pk).update(title=title)


# --- the next moment is read with the version ---------------------------------------------


def test_the_next_moment_is_computed_once_per_version(db, moments, django_assert_num_queries):
    moments.append(ENDS)
    version.bump()  # a change: the moment is not known yet
    token, privacy, next_change = version.read_with_clock()
    assert next_change == seconds(ENDS)
    assert stored() == (token, seconds(ENDS))
    assert len(CALLS) == 1
    for _ in range(3):
        with django_assert_num_queries(1):  # a warm read: the version alone
            assert version.read_with_clock() == (token, privacy, seconds(ENDS))
        with django_assert_num_queries(1):
            assert version.read() == (token, privacy)
    assert len(CALLS) == 1


def test_a_change_computes_the_moment_again(db, moments):
    """An editor moves the end of an event: the save renews the version, and the new end
    is what the caches honour."""
    moments.append(ENDS)
    version.read()
    moments[:] = [ENDS + datetime.timedelta(hours=2)]
    assert version.read_with_clock()[2] == seconds(ENDS)  # stored: nothing was saved
    version.bump()
    assert stored()[1] is None
    assert version.read_with_clock()[2] == seconds(ENDS) + 7200


def test_a_moment_between_seconds_counts_from_the_next_full_second(db, moments, time_machine):
    moments.append(ENDS + datetime.timedelta(milliseconds=300))
    before = version.read()
    assert version.read_with_clock()[2] == seconds(ENDS) + 1
    time_machine.move_to(ENDS + datetime.timedelta(milliseconds=500), tick=False)
    assert version.read() == before  # not before the moment itself
    time_machine.move_to(ENDS + datetime.timedelta(seconds=1), tick=False)
    assert version.read()[0] == before[0] + 1


def test_of_two_readers_computing_at_once_the_earlier_moment_is_kept(db, moments):
    """One computed before the event ended (the end is next), one after it (the next end is
    later): the row keeps the earlier, so no process keeps what it built past its moment."""
    version.bump()
    token = stored()[0]
    with connection.cursor() as cursor:
        moments[:] = [ENDS + datetime.timedelta(hours=1)]
        version._next_change(cursor, token, START)
        moments[:] = [ENDS]
        version._next_change(cursor, token, START)
        assert stored() == (token, seconds(ENDS))
        moments[:] = [ENDS + datetime.timedelta(hours=2)]
        version._next_change(cursor, token, START)
        assert stored() == (token, seconds(ENDS))
        version._next_change(cursor, token - 1, START)  # computed for an older version
        moments[:] = [START + datetime.timedelta(minutes=1)]
        version._next_change(cursor, token - 1, START)
    assert stored() == (token, seconds(ENDS))


def test_without_clock_functions_nothing_changes(db, settings, django_assert_num_queries):
    settings.CONTENT_CLOCK = []  # a site without events
    version.bump()
    with django_assert_num_queries(1):  # even the first read after a change: nothing to store
        state = version.read_with_clock()
    assert state[2] == version.NEVER
    assert stored()[1] is None


# --- a passed moment renews the version ----------------------------------------------------


def test_a_passed_moment_renews_the_version_like_a_change(
    db, moments, time_machine, monkeypatch, django_capture_on_commit_callbacks
):
    moments[:] = [ENDS, ENDS + datetime.timedelta(hours=1)]
    published = []
    monkeypatch.setattr(version, "_listeners", [lambda *state: published.append(state)])
    before = version.read()
    time_machine.move_to(ENDS - datetime.timedelta(seconds=1), tick=False)
    assert version.read() == before
    time_machine.move_to(ENDS, tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        after = version.read_with_clock()
    token, privacy, next_change = after
    assert token == before[0] + 1
    assert privacy == before[1]  # no privacy change: a stale copy may be served meanwhile
    assert next_change == seconds(ENDS) + 3600  # the moment after it
    assert published == [(token, privacy)]
    assert version.read() == (token, privacy)
    assert published == [(token, privacy)]


def test_two_readers_seeing_the_moment_pass_renew_the_version_once(
    db, moments, time_machine, monkeypatch, django_capture_on_commit_callbacks
):
    """Two workers read the row before either renews it: only one renews and publishes."""
    moments.append(ENDS)
    before = version.read()
    time_machine.move_to(ENDS + datetime.timedelta(seconds=5), tick=False)
    with connection.cursor() as cursor:
        seen_by_both = version._fetch(cursor)
    published = []
    monkeypatch.setattr(version, "_listeners", [lambda *state: published.append(state)])
    fetch = version._fetch
    with django_capture_on_commit_callbacks(execute=True):
        first = version.read()
        late = [seen_by_both]  # the second reader's first look: before the first renewed it
        monkeypatch.setattr(version, "_fetch", lambda cursor: late.pop() if late else fetch(cursor))
        second = version.read()
    assert late == []
    assert first == second == (before[0] + 1, before[1])
    assert stored()[0] == before[0] + 1
    assert published == [first]


def test_a_change_saved_as_the_moment_passes_is_the_only_renewal(db, moments, time_machine):
    moments.append(ENDS)
    before = version.read()
    time_machine.move_to(ENDS, tick=False)
    with connection.cursor() as cursor:
        seen = version._fetch(cursor)
    version.bump()  # committed between the reader's look and its renewal
    with connection.cursor() as cursor:
        assert version._renew(cursor, seen[0], seen[2]) is False
    assert version.read()[0] == before[0] + 1


def test_a_broken_clock_function_costs_caching_time_not_the_page(
    client, site_tree, settings, time_machine, caplog
):
    settings.CONTENT_CLOCK = ["tests.test_content_clock.broken_clock"]
    time_machine.move_to(START, tick=False)
    version.bump()
    state = version.read_with_clock()
    assert state is not None
    assert state[2] == seconds(START) + version.RETRY_SECONDS
    assert stored()[1] is None  # asked again by the next read
    assert "Nächster Zeitpunkt nicht berechnet" in caplog.text
    assert client.get("/impressum/").status_code == 200


# --- every cache honours it ----------------------------------------------------------------


def test_the_memo_is_built_afresh_once_the_moment_passes(rf, db, moments, time_machine):
    moments.append(ENDS)
    calls = []
    events = types.ModuleType("events")

    def upcoming():
        calls.append(timezone.now())
        return "kommend" if timezone.now() < ENDS else "vergangen"

    events.upcoming = upcoming
    memo.memoize(events, "upcoming")

    def visit():
        memo.begin_request(rf.get("/veranstaltungen/"), version.read())
        try:
            return events.upcoming()
        finally:
            memo.end_request()

    assert visit() == "kommend"
    time_machine.move_to(ENDS - datetime.timedelta(seconds=1), tick=False)
    assert visit() == "kommend"
    assert len(calls) == 1  # from the memo
    time_machine.move_to(ENDS, tick=False)
    assert visit() == "vergangen"
    assert visit() == "vergangen"
    assert len(calls) == 2


def test_a_page_cached_before_the_moment_is_rendered_again_after_it(
    web, site_tree, moments, time_machine
):
    """Nobody saves: the first visitor after the moment gets the page rendered anew, and it
    is a hit again afterwards."""
    moments.append(ENDS)
    assert web.get("/impressum/").cache == "miss"
    rename_behind_the_back(site_tree.about, "Über die Partnerschaft")
    time_machine.move_to(ENDS - datetime.timedelta(seconds=1), tick=False)
    just_before = web.get("/impressum/")
    assert just_before.cache == "hit"
    assert "Über die Partnerschaft" not in just_before.text

    time_machine.move_to(ENDS, tick=False)
    after = web.get("/impressum/")
    assert after.cache == "miss"  # rendered by Django, which renewed the version
    assert "Über die Partnerschaft" in after.text
    again = web.get("/impressum/")
    assert again.cache == "hit" and again.body == after.body


def test_visitors_get_the_old_copy_while_one_renders_it_after_the_moment(
    web, site_tree, moments, time_machine
):
    from django.core.cache import cache

    from partnerships.caching.pagecache import REBUILD_KEY

    moments.append(ENDS)
    first = web.get("/impressum/")
    time_machine.move_to(ENDS, tick=False)
    cache.add(REBUILD_KEY, 1)  # another worker is rendering a page right now
    meanwhile = web.get("/impressum/")
    assert meanwhile.cache == "stale" and meanwhile.body == first.body
    assert meanwhile.headers["cache-control"] == "private, no-cache"  # not for Varnish


def test_s_maxage_ends_at_the_next_moment(web, site_tree, moments, time_machine):
    moments.append(ENDS)
    first = web.get("/konzept/")
    assert first.headers["cache-control"] == "public, max-age=0, s-maxage=600"
    time_machine.move_to(ENDS - datetime.timedelta(minutes=4), tick=False)
    hit = web.get("/konzept/")
    assert hit.cache == "hit"
    assert hit.headers["cache-control"] == "public, max-age=0, s-maxage=240"
    time_machine.move_to(ENDS - datetime.timedelta(milliseconds=200), tick=False)
    assert web.get("/konzept/").headers["cache-control"].endswith("s-maxage=1")


def test_without_a_moment_pages_are_kept_as_long_as_ever(web, site_tree, moments):
    first = web.get("/konzept/")
    assert first.headers["cache-control"] == "public, max-age=0, s-maxage=3600"
    assert web.get("/konzept/").headers["cache-control"] == "public, max-age=0, s-maxage=3600"


# --- Varnish: a BAN from whoever renews the version ----------------------------------------


@pytest.fixture
def varnish(settings):
    """A real HTTP server standing in for Varnish: records every BAN it receives."""
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_BAN(self):  # noqa: N802 - http.server's naming
            received.append(("BAN", self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield received
    server.shutdown()
    server.server_close()


def test_the_scheduler_bans_varnish_when_the_moment_passes(
    site_tree, moments, time_machine, varnish, django_capture_on_commit_callbacks
):
    """Varnish may answer every request itself: ``tick_content_clock`` (once a minute in
    the scheduler) renews the version and sends the BAN."""
    moments.append(ENDS)
    out = io.StringIO()
    call_command("tick_content_clock", stdout=out)
    assert out.getvalue() == ""  # nothing to do, nothing to say
    before = version.read()
    time_machine.move_to(ENDS + datetime.timedelta(seconds=30), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("tick_content_clock", stdout=out)
    assert varnish == [("BAN", "/")]
    assert version.read()[0] == before[0] + 1
    assert f"neuer Inhaltsstand {before[0] + 1}" in out.getvalue()
    assert "Nächster Zeitpunkt: keiner bekannt." in out.getvalue()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("tick_content_clock", stdout=io.StringIO())
    assert varnish == [("BAN", "/")]  # once per moment


def test_a_visitor_reaching_django_after_the_moment_bans_varnish(
    client, site_tree, moments, time_machine, varnish, django_capture_on_commit_callbacks
):
    moments.append(ENDS)
    client.get("/impressum/")
    time_machine.move_to(ENDS, tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get("/impressum/").status_code == 200
    assert varnish == [("BAN", "/")]


def test_the_tick_command_names_the_next_moment(db, moments):
    moments.append(ENDS)
    out = io.StringIO()
    call_command("tick_content_clock", verbosity=2, stdout=out)
    # Europe/Berlin: 9:10 UTC is 10:10 in winter.
    assert out.getvalue() == "Nächster Zeitpunkt: 15.01.2027 10:10:00.\n"


def test_the_tick_command_says_when_the_version_cannot_be_read(db):
    from django.core.management.base import CommandError

    ContentVersion.objects.all().delete()
    with pytest.raises(CommandError, match="Inhaltsstand nicht lesbar"):
        call_command("tick_content_clock", stdout=io.StringIO())
