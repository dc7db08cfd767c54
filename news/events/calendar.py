"""Calendar files (RFC 5545) of events, built with ``icalendar``: one event („In den
Kalender“) or a subscribable feed of a filtered list (``webcal://``).

Timed events carry ``TZID=Europe/Berlin`` with the zone's VTIMEZONE; all-day events are DATE
values with the exclusive end RFC 5545 asks for. The UID is the page's ``translation_key``
(stable across edits, moves and renames); SEQUENCE is the page's ``sequence``, raised when
the date, place or status changes, so calendar apps replace their copy.
"""

import datetime

import icalendar
from django.http import HttpResponse
from django.utils import timezone

PRODID = "-//Rambøll Management//Strategische Partnerschaften//DE"
UID_DOMAIN = "strategische-partnerschaften.de"
STATUS = {"geplant": "CONFIRMED", "abgesagt": "CANCELLED", "verschoben": "TENTATIVE"}
# Past events a subscription keeps: those that ended within this many days.
FEED_PAST_DAYS = 365


def _aware(value):
    return value if value is None or timezone.is_aware(value) else timezone.make_aware(value)


def event_component(page, request, full_link):
    """The VEVENT of ``page``; ``full_link(url, base)`` makes site paths absolute."""
    event = icalendar.Event()
    event.add("uid", f"{page.translation_key}@{UID_DOMAIN}")
    event.add("dtstamp", _aware(page.last_published_at) or timezone.now())
    if page.first_published_at:
        event.add("created", _aware(page.first_published_at))
    if page.last_published_at:
        event.add("last-modified", _aware(page.last_published_at))
    event.add("sequence", page.sequence)
    event.add("summary", page.title)
    if page.is_all_day:
        event.add("dtstart", page.start_date)
        event.add("dtend", page.last_day + datetime.timedelta(days=1))
    else:
        berlin = timezone.get_default_timezone()
        start, end = page.moments()
        event.add("dtstart", start.astimezone(berlin))
        event.add("dtend", end.astimezone(berlin))
    url = page.get_full_url(request)
    event.add("url", url)
    online = full_link(page.online_url, url) if page.is_online else ""
    place = ", ".join(
        part
        for part in (
            page.venue,
            page.street_address,
            " ".join(p for p in (page.postal_code, page.locality) if p),
        )
        if part
    )
    if page.has_place and place:
        event.add("location", place)
    elif online:
        event.add("location", online)
    if online:
        event.add("conference", online, parameters={"value": "URI", "feature": "VIDEO"})
    lines = [page.teaser] if page.teaser else []
    if page.status_label:
        lines.append(page.status_label)
    if online:
        lines.append(f"Online-Teilnahme: {online}")
    lines.append(f"Mehr: {url}")
    event.add("description", "\n\n".join(lines))
    event.add("status", STATUS.get(page.status, "CONFIRMED"))
    themes = [theme.name for theme in page.themen.all()]
    if themes:
        event.add("categories", themes)
    return event


def calendar(pages, request, full_link, name):
    """A VCALENDAR with ``pages`` and the VTIMEZONE of every zone they use."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", str(timezone.get_default_timezone()))
    for page in pages:
        cal.add_component(event_component(page, request, full_link))
    cal.add_missing_timezones()
    return cal


def response(cal, filename=None):
    """The calendar as ``text/calendar``; with ``filename`` a download."""
    reply = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    if filename:
        reply["Content-Disposition"] = f'attachment; filename="{filename}"'
    return reply
