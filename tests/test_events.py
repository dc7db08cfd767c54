"""Veranstaltungen: page types and tree rules, validation, the list (upcoming first, then past
by year), filters, the event page, the home page's „Nächste Termine“, the link to a news item."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from news.events import dates
from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage
from partnerships.models.home import HomePage
from tests.conftest import outer_transaction
from tests.factories import EventPageFactory, build_events, build_site
from tests.helpers import links_to, main, main_text, soup

URL = "/veranstaltungen/"


@pytest.fixture(scope="module")
def _module_events(django_db_setup, django_db_blocker):
    with outer_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            ns = build_events(build_site())
        yield ns


@pytest.fixture
def events(_module_events, db):
    return _module_events


def fresh(ns, key):
    """The event from the database: tests must not change the module's shared objects."""
    return EventPage.objects.get(pk=ns.events[key].pk)


def urls(ns, *keys):
    return [ns.events[key].url for key in keys]


def event_links(response, ns):
    return links_to(main(response), [event.url for event in ns.events.values()])


# --- tree rules and validation ------------------------------------------------------------


def test_events_live_below_the_event_list_only():
    assert EventIndexPage in HomePage.allowed_subpage_models()
    assert EventIndexPage.allowed_parent_page_models() == [HomePage]
    assert EventPage.allowed_parent_page_models() == [EventIndexPage]
    assert EventPage not in NewsIndexPage.allowed_subpage_models()
    assert NewsPage not in EventIndexPage.allowed_subpage_models()
    assert EventIndexPage.max_count == 1


def event(**fields):
    values = {
        "title": "Test",
        "slug": "test",
        "start_date": datetime.date(2027, 3, 3),
        "start_time": datetime.time(10),
        "end_time": datetime.time(16, 30),
        "format": "praesenz",
        "locality": "Oldenburg",
    }
    values.update(fields)
    return EventPage(**values)


def errors_of(page):
    with pytest.raises(ValidationError) as raised:
        page.clean()
    return raised.value.message_dict


def test_a_valid_event_passes_validation():
    event().clean()
    event(
        format="online", locality="", online_url="https://example.org/x", registration_url=""
    ).clean()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"end_date": datetime.date(2027, 3, 2)}, "end_date", "nicht vor dem Beginn"),
        ({"end_time": datetime.time(9)}, "end_time", "nicht vor dem Beginn"),
        ({"start_time": None}, "start_time", "Uhrzeit des Beginns"),
        (
            {
                "registration_url": "https://example.org/anmeldung",
                "registration_deadline": timezone.make_aware(datetime.datetime(2027, 3, 3, 11)),
            },
            "registration_deadline",
            "vor dem Beginn",
        ),
        (
            {"registration_deadline": timezone.make_aware(datetime.datetime(2027, 3, 1))},
            "registration_deadline",
            "Link zur Anmeldung",
        ),
        ({"format": "online", "locality": ""}, "online_url", "brauchen einen Link"),
        ({"format": "hybrid", "online_url": ""}, "online_url", "brauchen einen Link"),
        ({"locality": ""}, "locality", "Ort angeben"),
        ({"slug": "kalender.ics"}, "slug", "reserviert"),
        ({"previous_start_date": datetime.date(2027, 2, 1)}, "previous_start_date", "Nur bei"),
    ],
)
def test_validation_explains_the_mistake_in_german(fields, field, message):
    found = errors_of(event(**fields))
    assert field in found
    assert message in " ".join(found[field])


def test_a_deadline_on_the_evening_before_is_fine_across_the_change_to_summer_time():
    # 28.03.2027 is the last Sunday of March: clocks go from 02:00 to 03:00.
    page = event(
        start_date=datetime.date(2027, 3, 28),
        start_time=datetime.time(10),
        end_time=datetime.time(12),
        registration_url="https://example.org/anmeldung",
        registration_deadline=timezone.make_aware(datetime.datetime(2027, 3, 27, 23, 59)),
    )
    page.clean()
    start, end = page.moments()
    assert start.utcoffset() == datetime.timedelta(hours=2)  # CEST
    assert real_hours(start, end) == 2


def real_hours(start, end):
    """Hours between two moments (Python subtracts wall times within one time zone)."""
    return (end.astimezone(datetime.UTC) - start.astimezone(datetime.UTC)) / datetime.timedelta(
        hours=1
    )


def test_an_overnight_event_across_the_start_of_summer_time_lasts_its_real_hours():
    page = event(
        start_date=datetime.date(2027, 3, 27),
        start_time=datetime.time(22),
        end_date=datetime.date(2027, 3, 28),
        end_time=datetime.time(6),
    )
    start, end = page.moments()
    assert real_hours(start, end) == 7
    assert end.astimezone(datetime.UTC).hour == 4


# --- German dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((datetime.date(2007, 4, 21), None, datetime.date(2007, 4, 22)), "21.–22.04.2007"),
        ((datetime.date(2007, 4, 21),), "21.04.2007"),
        (
            (datetime.date(2027, 3, 3), datetime.time(10), None, datetime.time(16, 30)),
            "Mi., 03.03.2027, 10:00–16:30 Uhr",
        ),
        ((datetime.date(2027, 3, 3), datetime.time(10)), "Mi., 03.03.2027, 10:00 Uhr"),
        ((datetime.date(2007, 4, 30), None, datetime.date(2007, 5, 2)), "30.04.–02.05.2007"),
        ((datetime.date(2026, 12, 30), None, datetime.date(2027, 1, 2)), "30.12.2026–02.01.2027"),
        (
            (
                datetime.date(2026, 12, 31),
                datetime.time(18),
                datetime.date(2027, 1, 1),
                datetime.time(2),
            ),
            "Do., 31.12.2026, 18:00 Uhr – Fr., 01.01.2027, 02:00 Uhr",
        ),
        # Across the change to summer time (28.03.2027, 02:00 → 03:00): local times as entered.
        (
            (datetime.date(2027, 3, 27), datetime.time(20), datetime.date(2027, 3, 28), None),
            "Sa., 27.03.2027, 20:00 Uhr – So., 28.03.2027",
        ),
    ],
)
def test_german_date_ranges(args, expected):
    assert dates.event_when(*args) == expected


def test_an_overnight_event_across_the_end_of_summer_time_lasts_its_real_hours():
    # 31.10.2027: clocks go back from 03:00 to 02:00, the night has 25 hours.
    page = event(
        start_date=datetime.date(2027, 10, 30),
        start_time=datetime.time(22),
        end_date=datetime.date(2027, 10, 31),
        end_time=datetime.time(6),
    )
    start, end = page.moments()
    assert real_hours(start, end) == 9


# --- the list ----------------------------------------------------------------------------


def test_upcoming_first_soonest_first_then_the_past_by_year(client, events):
    response = client.get(URL)
    assert response.status_code == 200
    assert event_links(response, events) == urls(
        events, "online", "abgesagt", "hybrid", "bayern", "tagung"
    )
    doc = main(response)
    headings = [h.get_text(" ", strip=True) for h in doc.select("h3.event-group")]
    assert headings == ["Kommende Veranstaltungen", "Vergangene Veranstaltungen 2007"]
    assert "davon 4 kommende" in main_text(response)


def test_the_list_shows_dates_places_and_status_in_german(client, events):
    text = main_text(client.get(URL))
    assert "21.–22.04.2007" in text
    assert "Kulturzentrum PFL, Oldenburg (Niedersachsen)" in text
    assert "Messehaus, Leipzig (Sachsen) und online" in text
    assert "Online · Online" not in text and "Online" in text
    assert "Abgesagt" in text  # a cancelled event stays visible with its status


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"format": "online"}, ["online"]),
        ({"format": "hybrid"}, ["hybrid"]),
        ({"bundesland": "niedersachsen"}, ["abgesagt", "tagung"]),
        ({"thema": "logistik"}, ["online", "hybrid"]),
        ({"thema": "ernaehrungswirtschaft", "bundesland": "bayern"}, ["bayern"]),
        ({"format": "praesenz", "thema": "ernaehrungswirtschaft"}, ["bayern", "tagung"]),
    ],
)
def test_filters_narrow_the_list(client, events, query, expected):
    response = client.get(URL, query)
    assert response.status_code == 200
    assert event_links(response, events) == urls(events, *expected)


@pytest.mark.parametrize(
    "query",
    [{"format": "zirkus"}, {"bundesland": "atlantis"}, {"thema": "x" * 500}, {"thema": "\x00"}],
)
def test_an_unknown_filter_value_gets_a_german_notice_not_a_500(client, events, query):
    response = client.get(URL, query)
    assert response.status_code == 200
    assert "Unbekannter Filterwert" in main_text(response)
    assert event_links(response, events) == []
    assert soup(response).select_one('meta[name="robots"]')["content"] == "noindex, follow"


@pytest.mark.parametrize("number", ["0", "-1", "abc", "99999999999999999999", "2"])
def test_odd_page_numbers_show_a_page_instead_of_an_error(client, events, number):
    response = client.get(URL, {"page": number})
    assert response.status_code == 200
    assert len(event_links(response, events)) == 5


def test_ten_per_page_upcoming_across_the_page_break(client, events):
    start = datetime.date.today() + datetime.timedelta(days=100)
    extra = [
        EventPageFactory(
            parent=events.event_index,
            title=f"Sprechtag {i:02d}",
            slug=f"sprechtag-{i:02d}",
            start_date=start + datetime.timedelta(days=i),
        )
        for i in range(8)
    ]
    first, second = client.get(URL), client.get(URL, {"page": 2})
    shown = links_to(main(first), [e.url for e in [*events.events.values(), *extra]])
    assert len(shown) == 10
    assert shown[-1] == extra[5].url
    later = links_to(main(second), [e.url for e in [*events.events.values(), *extra]])
    assert later == [extra[6].url, extra[7].url, events.events["tagung"].url]
    assert "Vergangene Veranstaltungen 2007" in main_text(second)
    assert "Vergangene Veranstaltungen" not in main_text(first)


def test_drafts_are_not_listed(client, events):
    EventPageFactory(parent=events.event_index, title="Geheimer Termin", live=False)
    assert "Geheimer Termin" not in main_text(client.get(URL))


# --- the event page ----------------------------------------------------------------------


def test_the_event_page_shows_date_place_and_registration(client, events):
    response = client.get(events.events["hybrid"].url)
    assert response.status_code == 200
    text = main_text(response)
    assert "Messehaus" in text and "04109 Leipzig" in text and "Sachsen" in text
    assert "Hybrid" in text
    doc = main(response)
    assert doc.find("a", string="Zur Anmeldung")["href"].startswith("https://anmeldung.")
    assert doc.find("a", string="Zur Online-Teilnahme")


def test_without_a_registration_link_no_registration_is_needed(client, events):
    assert "Anmeldung nicht erforderlich" in main_text(client.get(events.events["bayern"].url))


def test_the_registration_link_disappears_after_the_deadline(client, events):
    page = fresh(events, "hybrid")
    page.registration_deadline = timezone.now() - datetime.timedelta(minutes=1)
    page.save()
    text = main_text(client.get(page.url))
    assert "Die Anmeldung ist geschlossen." in text
    assert not main(client.get(page.url)).find("a", string="Zur Anmeldung")


def test_a_past_event_closes_its_registration_and_hides_the_online_link(client, events):
    page = fresh(events, "tagung")
    page.registration_url = "https://anmeldung.example.org/tagung"
    page.format = "hybrid"
    page.online_url = "https://konferenz.example.org/tagung"
    page.save()
    response = client.get(page.url)
    assert "Die Anmeldung ist geschlossen." in main_text(response)
    assert not main(response).find("a", string="Zur Online-Teilnahme")


def test_a_cancelled_event_says_so(client, events):
    text = main_text(client.get(events.events["abgesagt"].url))
    assert "Abgesagt" in text
    assert "Die Veranstaltung ist abgesagt." in text


def test_a_postponed_event_names_its_new_date(client, events):
    page = fresh(events, "bayern")
    page.status = "verschoben"
    page.previous_start_date = datetime.date.today() + datetime.timedelta(days=5)
    page.save()
    text = main_text(client.get(page.url))
    assert f"Verschoben auf {page.when} (ursprünglich" in text
    assert "Verschoben auf" in main_text(client.get(URL))


def test_an_event_and_its_report_link_both_ways(client, events):
    tagung = client.get(events.events["tagung"].url)
    assert events.seed_news.url in [a["href"] for a in main(tagung).find_all("a")]
    report = client.get(events.seed_news.url)
    assert events.events["tagung"].url in [a["href"] for a in main(report).find_all("a")]
    assert "Zur Veranstaltung" in main_text(report)


def test_the_calendar_sequence_rises_when_the_date_changes_only(events):
    page = EventPage.objects.get(pk=events.events["bayern"].pk)
    before = page.sequence
    page.teaser = "Neuer Teaser"
    page.save()
    assert EventPage.objects.get(pk=page.pk).sequence == before
    page.start_time = datetime.time(10)
    page.save()
    assert EventPage.objects.get(pk=page.pk).sequence == before + 1


# --- the home page -----------------------------------------------------------------------


def test_the_home_page_shows_the_next_three_events(client, events):
    doc = soup(client.get("/"))
    section = doc.find(id="termine-titel").find_parent("section")
    shown = links_to(section, [e.url for e in events.events.values()])
    assert shown == urls(events, "online", "abgesagt", "hybrid")
    # events are not news: „Aktuelles“ keeps its news items
    news = doc.find(id="aktuelles-titel").find_parent("section")
    assert not links_to(news, [e.url for e in events.events.values()])


def test_the_home_page_hides_next_events_when_there_are_none(client, events):
    for key in ("online", "hybrid", "bayern", "abgesagt"):
        fresh(events, key).unpublish()
    doc = soup(client.get("/"))
    assert doc.find(id="termine-titel") is None


@pytest.mark.parametrize("link", ["/kontakt/", "https://example.org/anmeldung"])
def test_links_may_be_web_addresses_or_pages_of_this_site(link):
    from news.events.models import validate_link

    validate_link(link)


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "//evil.example/x", "kontakt", "ftp://x.de"]
)
def test_other_links_are_refused_in_german(link):
    from news.events.models import validate_link

    with pytest.raises(ValidationError, match="Webadresse"):
        validate_link(link)
