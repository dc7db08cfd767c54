"""Calendar files: „In den Kalender (.ics)“ for every event and a subscribable feed for the
list and every filter (``webcal://``), RFC 5545 as ``icalendar`` parses it back; RSS and Atom
of new events."""

import datetime

import feedparser
import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models import EventPage
from tests.conftest import outer_transaction
from tests.factories import EventPageFactory, build_events, build_site
from tests.helpers import main, soup

BERLIN = "Europe/Berlin"


@pytest.fixture(scope="module")
def _module_events(django_db_setup, django_db_blocker):
    with outer_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            ns = build_events(build_site())
        yield ns


@pytest.fixture
def events(_module_events, db):
    return _module_events


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def vevents(cal):
    return {str(event["SUMMARY"]): event for event in cal.walk("VEVENT")}


def event_file(client, page):
    return parse(client.get(page.url + "kalender/"))


def test_every_event_page_offers_its_calendar_file(client, events):
    page = events.events["hybrid"]
    link = main(client.get(page.url)).find("a", string="In den Kalender (.ics)")
    assert link["href"] == page.url + "kalender/"
    response = client.get(link["href"])
    assert response["Content-Disposition"] == 'attachment; filename="logistikforum-leipzig.ics"'
    assert response["Link"] == f'<http://localhost{page.url}kalender/>; rel="canonical"'


def test_a_timed_event_in_berlin_time_with_its_vtimezone(client, events):
    page = EventPage.objects.get(pk=events.events["online"].pk)
    cal = event_file(client, page)
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == [BERLIN]
    assert str(cal["VERSION"]) == "2.0" and "Strategische Partnerschaften" in str(cal["PRODID"])
    (event,) = cal.walk("VEVENT")
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert event["DTSTART"].params["TZID"] == BERLIN
    assert (start.date(), start.hour, start.minute) == (page.start_date, 14, 0)
    assert (end.hour, end.minute) == (15, 30)
    assert start.astimezone(datetime.UTC) == page.starts_at
    assert str(event["URL"]) == f"http://localhost{page.url}"
    assert str(event["STATUS"]) == "CONFIRMED"
    # an online event: the link where one takes part, as location and conference
    assert str(event["LOCATION"]) == "https://konferenz.example.org/sprechstunde"
    assert "https://konferenz.example.org/sprechstunde" in str(event["DESCRIPTION"])
    assert str(event["CONFERENCE"]) == "https://konferenz.example.org/sprechstunde"
    assert [str(c) for c in event["CATEGORIES"].cats] == ["Logistik"]


@pytest.mark.parametrize(
    ("day", "offset"),
    [(datetime.date(2027, 7, 14), 2), (datetime.date(2027, 1, 14), 1)],  # summer, winter time
)
def test_summer_and_winter_time_give_the_right_utc_offset(client, events, day, offset):
    page = EventPageFactory(parent=events.event_index, start_date=day)
    (event,) = event_file(client, page).walk("VEVENT")
    start = event.decoded("DTSTART")
    assert start.hour == 10
    assert start.utcoffset() == datetime.timedelta(hours=offset)
    assert start.astimezone(datetime.UTC).hour == 10 - offset


def test_an_all_day_event_has_dates_with_the_exclusive_end(client, events):
    (event,) = event_file(client, events.events["tagung"]).walk("VEVENT")
    assert event["DTSTART"].to_ical() == b"20070421"
    assert event["DTEND"].to_ical() == b"20070423"  # 21.–22.04.2007: the end is exclusive
    assert event["DTSTART"].params.get("VALUE") == "DATE"
    assert str(event["LOCATION"]) == "Kulturzentrum PFL, Peterstraße 3, 26121 Oldenburg"


def test_the_uid_stays_and_the_sequence_rises_when_the_date_changes(client, events):
    page = EventPage.objects.get(pk=events.events["bayern"].pk)
    (before,) = event_file(client, page).walk("VEVENT")
    page.title = "Werkstatt Lebensmittelregion Allgäu"
    page.slug = "werkstatt-allgaeu"
    page.save()
    (renamed,) = event_file(client, page).walk("VEVENT")
    assert str(renamed["UID"]) == str(before["UID"])
    page.start_date += datetime.timedelta(days=7)
    page.end_date += datetime.timedelta(days=7)
    page.save()
    (moved,) = event_file(client, page).walk("VEVENT")
    assert str(moved["UID"]) == str(before["UID"])
    assert int(moved["SEQUENCE"]) > int(before["SEQUENCE"])


def test_a_cancelled_event_says_so_in_the_calendar(client, events):
    page = events.events["abgesagt"]
    link = main(client.get(page.url)).find("a", string="Kalendereintrag (.ics, abgesagt)")
    (event,) = parse(client.get(link["href"])).walk("VEVENT")
    assert str(event["STATUS"]) == "CANCELLED"


def test_a_site_path_as_online_link_becomes_an_absolute_address(client, events):
    page = EventPageFactory(
        parent=events.event_index, format="online", online_url="/kontakt/", locality=""
    )
    (event,) = event_file(client, page).walk("VEVENT")
    assert str(event["CONFERENCE"]) == "http://localhost/kontakt/"


# --- subscriptions -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"online", "abgesagt", "hybrid", "bayern"}),
        ({"bundesland": "niedersachsen"}, {"abgesagt"}),
        ({"format": "online"}, {"online"}),
        ({"thema": "logistik"}, {"online", "hybrid"}),
        ({"thema": "ernaehrungswirtschaft", "bundesland": "bayern"}, {"bayern"}),
    ],
)
def test_the_subscription_follows_the_filter(client, events, query, expected):
    cal = parse(client.get("/veranstaltungen/kalender/", query))
    titles = {events.events[key].title for key in expected}
    assert set(vevents(cal)) == titles
    assert cal.walk("VTIMEZONE")


def test_the_subscription_is_named_after_the_filter(client, events):
    cal = parse(client.get("/veranstaltungen/kalender/", {"bundesland": "niedersachsen"}))
    assert str(cal["X-WR-CALNAME"]) == (
        "Veranstaltungen in Niedersachsen – Strategische Partnerschaften"
    )


def test_past_events_leave_the_subscription_after_a_year(client, events):
    # The 2007 Tagung is long over; one that ended a month ago stays.
    recent = EventPageFactory(
        parent=events.event_index,
        title="Rückblick-Workshop",
        start_date=datetime.date.today() - datetime.timedelta(days=30),
    )
    titles = set(vevents(parse(client.get("/veranstaltungen/kalender/"))))
    assert recent.title in titles
    assert events.events["tagung"].title not in titles


def test_an_unknown_filter_value_is_a_german_404(client, events):
    response = client.get("/veranstaltungen/kalender/", {"bundesland": "atlantis"})
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_the_list_offers_webcal_and_ics_for_its_filter(client, events):
    doc = soup(client.get("/veranstaltungen/", {"thema": "logistik", "format": ""}))
    box = doc.select_one(".subscribe")
    assert box.h2.get_text(strip=True) == "Veranstaltungen Thema Logistik abonnieren"
    webcal = box.find("a", string="Im Kalender abonnieren")["href"]
    ics = box.find("a", string="Als .ics-Datei herunterladen")["href"]
    assert ics == "http://localhost/veranstaltungen/kalender/?thema=logistik"
    assert webcal == "webcal://localhost/veranstaltungen/kalender/?thema=logistik"
    alternate = doc.select_one('link[rel="alternate"][type="text/calendar"]')
    assert alternate["href"] == ics


def test_the_subscription_declares_its_normalised_address(client, events):
    response = client.get(
        "/veranstaltungen/kalender/", {"thema": "logistik", "bundesland": "sachsen", "format": ""}
    )
    assert response["Link"] == (
        "<http://localhost/veranstaltungen/kalender/?bundesland=sachsen&thema=logistik>; "
        'rel="canonical"'
    )


def test_the_subscription_costs_the_same_queries_with_more_events(client, events):
    def queries():
        client.get("/veranstaltungen/kalender/")
        with CaptureQueriesContext(connection) as ctx:
            client.get("/veranstaltungen/kalender/")
        return len(ctx.captured_queries)

    few = queries()
    for i in range(30):
        EventPageFactory(
            parent=events.event_index,
            start_date=datetime.date.today() + datetime.timedelta(days=i + 1),
            themen=[events.branchen["logistik"]],
        )
    assert queries() == few


# --- RSS and Atom ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["feed", "atom"])
def test_new_events_as_rss_and_atom(client, events, kind):
    response = client.get(f"/veranstaltungen/{kind}/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert feed.feed.title == "Neue Veranstaltungen – Strategische Partnerschaften"
    titles = [entry.title for entry in feed.entries]
    assert set(titles) >= {event.title for event in events.events.values()}
    hybrid = next(e for e in feed.entries if e.title == events.events["hybrid"].title)
    assert "Messehaus, Leipzig (Sachsen) und online" in hybrid.summary
    assert hybrid.link == f"http://localhost{events.events['hybrid'].url}"


def test_the_list_links_its_feeds(client, events):
    doc = soup(client.get("/veranstaltungen/"))
    types = {link["type"] for link in doc.select('link[rel="alternate"]')}
    assert {"application/rss+xml", "application/atom+xml", "text/calendar"} <= types


# --- JSON-LD, search, sitemap, breadcrumbs ---------------------------------------------------


def event_json_ld(client, page):
    from tests.test_metadata import json_ld

    return json_ld(client.get(page.url))["Event"]


def test_an_all_day_past_event_as_schema_org_event(client, events):
    data = event_json_ld(client, events.events["tagung"])
    assert data["name"] == "Wirtschaftsförderung im ländlichen Raum"
    assert (data["startDate"], data["endDate"]) == ("2007-04-21", "2007-04-22")
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"] == {
        "@type": "Place",
        "name": "Kulturzentrum PFL",
        "address": {
            "@type": "PostalAddress",
            "addressCountry": "DE",
            "streetAddress": "Peterstraße 3",
            "postalCode": "26121",
            "addressLocality": "Oldenburg",
            "addressRegion": "Niedersachsen",
        },
    }
    assert data["organizer"] == {"@type": "Organization", "name": "Rambøll Management"}
    assert data["url"] == f"http://localhost{events.events['tagung'].url}"


def test_a_hybrid_event_has_a_place_and_a_virtual_location_with_offsets(client, events):
    page = EventPage.objects.get(pk=events.events["hybrid"].pk)
    data = event_json_ld(client, page)
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    place, virtual = data["location"]
    assert place["@type"] == "Place" and place["address"]["addressLocality"] == "Leipzig"
    assert virtual == {
        "@type": "VirtualLocation",
        "url": "https://konferenz.example.org/logistikforum",
    }
    start = datetime.datetime.fromisoformat(data["startDate"])
    assert start.utcoffset() is not None and start.astimezone(datetime.UTC) == page.starts_at


def test_cancelled_and_postponed_events_carry_their_status(client, events):
    assert event_json_ld(client, events.events["abgesagt"])["eventStatus"] == (
        "https://schema.org/EventCancelled"
    )
    page = EventPage.objects.get(pk=events.events["bayern"].pk)
    page.status = "verschoben"
    page.save()
    assert event_json_ld(client, page)["eventStatus"] == "https://schema.org/EventPostponed"
    page.previous_start_date = page.start_date - datetime.timedelta(days=14)
    page.save()
    data = event_json_ld(client, page)
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert data["previousStartDate"] == page.previous_start_date.isoformat()


def test_an_online_event_has_only_a_virtual_location(client, events):
    data = event_json_ld(client, events.events["online"])
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"]["@type"] == "VirtualLocation"


def test_events_are_found_with_the_type_filter_and_in_the_sitemap(client, events):
    from tests.helpers import main_text

    found = client.get("/suche/", {"q": "Leipzig", "typ": "veranstaltung"})
    text = main_text(found)
    assert events.events["hybrid"].title in text
    assert "Logistikdrehscheibe Leipzig" not in text  # the case study is another type
    sitemap = client.get("/sitemap.xml").content.decode()
    for page in events.events.values():
        assert f"http://localhost{page.url}</loc>" in sitemap
    assert "http://localhost/veranstaltungen/</loc>" in sitemap


def test_breadcrumbs_and_open_graph_of_an_event(client, events):
    page = events.events["hybrid"]
    doc = soup(client.get(page.url))
    crumbs = [a.get_text(strip=True) for a in doc.select("nav.breadcrumbs a, .breadcrumbs a")]
    assert crumbs[:2] == ["Startseite", "Veranstaltungen"]
    assert doc.find("meta", property="og:title")["content"].startswith(page.title)
    assert doc.find("meta", property="og:url")["content"] == f"http://localhost{page.url}"
