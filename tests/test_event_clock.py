"""Time moves without editors: an event that ends moves from upcoming to past, a closed
registration loses its link — in the list, on the home page and on the event page — with the
whole-page cache in front, and nobody saving anything (``news.events.clock`` in
``CONTENT_CLOCK``)."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from news.events.clock import next_change
from news.models import EventPage
from tests.conftest import outer_transaction
from tests.factories import EventPageFactory, build_events, build_site
from tests.test_page_cache import WSGIClient

SECOND = datetime.timedelta(seconds=1)


@pytest.fixture(scope="module")
def _module_events(django_db_setup, django_db_blocker):
    with outer_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            ns = build_events(build_site())
        yield ns


@pytest.fixture
def events(_module_events, db):
    return _module_events


@pytest.fixture
def web(settings):
    settings.FULL_PAGE_CACHE = True
    return WSGIClient()


def main_text(response):
    return BeautifulSoup(response.text, "html.parser").find("main").get_text(" ", strip=True)


def section_text(response, heading_id):
    doc = BeautifulSoup(response.text, "html.parser")
    heading = doc.find(id=heading_id)
    return heading.find_parent("section").get_text(" ", strip=True) if heading else ""


def upcoming_part(response):
    """The list's text before „Vergangene Veranstaltungen“."""
    return main_text(response).split("Vergangene Veranstaltungen")[0]


def test_the_next_change_is_the_soonest_end_or_registration_close(events):
    now = timezone.now()
    online = EventPage.objects.get(pk=events.events["online"].pk)
    assert next_change(now) == online.ends_at
    hybrid = EventPage.objects.get(pk=events.events["hybrid"].pk)
    hybrid.registration_deadline = now + datetime.timedelta(days=2)
    hybrid.save()
    assert next_change(now) == hybrid.registration_deadline
    assert next_change(online.ends_at + datetime.timedelta(days=1000)) is None


def test_drafts_set_no_moment(events):
    now = timezone.now()
    soon = EventPageFactory(
        parent=events.event_index,
        start_date=datetime.date.today(),
        start_time=None,
        end_time=None,
        live=False,
    )
    assert next_change(now) != soon.ends_at


def test_an_event_moves_to_the_past_when_it_ends_with_the_list_cached(web, events, time_machine):
    online = EventPage.objects.get(pk=events.events["online"].pk)
    time_machine.move_to(online.ends_at - 60 * SECOND, tick=False)
    first = web.get("/veranstaltungen/")
    assert first.status == 200
    assert online.title in upcoming_part(first)
    home = web.get("/")
    assert online.title in section_text(home, "termine-titel")
    assert web.get("/veranstaltungen/").cache == "hit"
    assert web.get("/").cache == "hit"

    time_machine.move_to(online.ends_at - SECOND, tick=False)
    assert web.get("/veranstaltungen/").cache == "hit"  # nothing changed yet

    time_machine.move_to(online.ends_at, tick=False)
    after = web.get("/veranstaltungen/")
    assert after.cache == "miss"  # rendered again, nobody saved
    assert online.title not in upcoming_part(after)
    year = online.start_date.year
    assert f"Vergangene Veranstaltungen {year}" in main_text(after)
    assert online.title in main_text(after).split(f"Vergangene Veranstaltungen {year}")[1]
    home_after = web.get("/")
    assert home_after.cache == "miss"
    assert online.title not in section_text(home_after, "termine-titel")
    assert web.get("/veranstaltungen/").cache == "hit"


def test_the_registration_link_disappears_at_the_deadline_with_the_page_cached(
    web, events, time_machine
):
    hybrid = EventPage.objects.get(pk=events.events["hybrid"].pk)
    deadline = hybrid.starts_at - datetime.timedelta(days=3)
    hybrid.registration_deadline = deadline
    hybrid.save()
    time_machine.move_to(deadline - SECOND, tick=False)
    before = web.get(hybrid.url)
    assert "Zur Anmeldung" in main_text(before)
    assert web.get(hybrid.url).cache == "hit"

    time_machine.move_to(deadline, tick=False)
    after = web.get(hybrid.url)
    assert "Zur Anmeldung" not in main_text(after)
    assert "Die Anmeldung ist geschlossen." in main_text(after)


def test_s_maxage_for_varnish_ends_when_the_next_event_ends(web, events, time_machine):
    online = EventPage.objects.get(pk=events.events["online"].pk)
    time_machine.move_to(online.ends_at - 90 * SECOND, tick=False)
    response = web.get("/veranstaltungen/")
    assert response.headers["cache-control"] == "public, max-age=0, s-maxage=90"
