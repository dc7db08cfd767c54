"""A visitor downloads „In den Kalender (.ics)“ in Chromium and gets a calendar file that
icalendar reads back; the list and an event at phone and desktop width (screenshots)."""

from pathlib import Path

import icalendar
import pytest

from news.models import EventPage
from tests.browser.conftest import content_live_server

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
SHOTS.mkdir(parents=True, exist_ok=True)
FORUM = "fachforum-partnerschaften-mit-unternehmen"


@pytest.fixture(scope="module")
def event_server(django_db_setup, django_db_blocker):
    with content_live_server(django_db_blocker) as start:
        forum = EventPage.objects.get(slug=FORUM)
        expected = (forum.title, forum.start_date, forum.start_time)
        yield start(), expected


def test_the_calendar_file_downloads_and_reads_back(browser, event_server, tmp_path):
    server, (title, day, time) = event_server
    context = browser.new_context(accept_downloads=True, locale="de-DE")
    page = context.new_page()
    page.goto(f"{server.url}/veranstaltungen/{FORUM}/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="In den Kalender (.ics)").click()
    download = download_info.value
    assert download.suggested_filename == f"{FORUM}.ics"
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    cal = icalendar.Calendar.from_ical(target.read_bytes())
    (event,) = cal.walk("VEVENT")
    assert str(event["SUMMARY"]) == title
    start = event.decoded("DTSTART")
    assert (start.date(), start.time().replace(tzinfo=None)) == (day, time)
    assert str(event["DTSTART"].params["TZID"]) == "Europe/Berlin"
    context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots_of_the_list_and_an_event(browser, event_server, width):
    server, _ = event_server
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="de-DE")
    page = context.new_page()
    for name, path in (("list", "/veranstaltungen/"), ("event", f"/veranstaltungen/{FORUM}/")):
        response = page.goto(server.url + path)
        assert response.status == 200
        # Nothing wider than the screen: no sideways scrolling on a phone.
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.screenshot(path=str(SHOTS / f"events-{name}-{width}.png"), full_page=True)
    context.close()
