"""Event dates in German, as visitors read them: „21.–22.04.2007“,
„Mi., 03.03.2027, 10:00–16:30 Uhr“, „30.12.2026–02.01.2027“.

Events are entered in local time (Europe/Berlin, the site's ``TIME_ZONE``); a date and a time
here are always local, so the change to summer time moves nothing a visitor reads.
"""

import datetime

from django.utils import timezone

WEEKDAYS = ("Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So.")


def local_moment(day, time):
    """The aware moment of ``day`` at ``time`` (None: the start of the day) in local time."""
    naive = datetime.datetime.combine(day, time or datetime.time.min)
    return timezone.make_aware(naive, timezone.get_default_timezone())


def _date(day):
    return day.strftime("%d.%m.%Y")


def _time(time):
    return time.strftime("%H:%M")


def date_range(start, end=None):
    """The days of an event, shortest German form: 21.04.2007 · 21.–22.04.2007 ·
    30.04.–02.05.2007 · 30.12.2026–02.01.2027."""
    if end is None or end == start:
        return _date(start)
    if start.year != end.year:
        return f"{_date(start)}–{_date(end)}"
    if start.month != end.month:
        return f"{start.strftime('%d.%m.')}–{_date(end)}"
    return f"{start.strftime('%d.')}–{_date(end)}"


def event_when(start_date, start_time=None, end_date=None, end_time=None):
    """Day(s) and time(s) of an event in one line.

    One day with times: „Mi., 03.03.2027, 10:00–16:30 Uhr“ (or „10:00 Uhr“ without an end).
    Several days with times: „Mi., 03.03.2027, 10:00 Uhr – Do., 04.03.2027, 16:30 Uhr“.
    Without times (all day): the date range.
    """
    end_date = end_date or start_date
    if start_time is None:
        return date_range(start_date, end_date)
    first = f"{WEEKDAYS[start_date.weekday()]}, {_date(start_date)}"
    if end_date == start_date:
        if end_time is None or end_time == start_time:
            return f"{first}, {_time(start_time)} Uhr"
        return f"{first}, {_time(start_time)}–{_time(end_time)} Uhr"
    last = f"{WEEKDAYS[end_date.weekday()]}, {_date(end_date)}"
    if end_time is None:
        return f"{first}, {_time(start_time)} Uhr – {last}"
    return f"{first}, {_time(start_time)} Uhr – {last}, {_time(end_time)} Uhr"
