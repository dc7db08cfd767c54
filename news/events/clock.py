"""When the events change without a save (``CONTENT_CLOCK``): an event ends and moves to the
past, a registration closes and its link disappears, an event leaves the subscriptions."""

import datetime

from django.db.models import Min

from news.events.calendar import FEED_PAST_DAYS
from news.events.models import EventPage


def next_change(now):
    """The earliest such moment after ``now`` among live events, or None."""
    events = EventPage.objects.live()
    # An event leaves the calendar subscriptions FEED_PAST_DAYS after its end.
    window = datetime.timedelta(days=FEED_PAST_DAYS)
    moments = [
        events.filter(ends_at__gt=now).aggregate(m=Min("ends_at"))["m"],
        _plus(events.filter(ends_at__gt=now - window).aggregate(m=Min("ends_at"))["m"], window),
        events.filter(registration_deadline__gt=now).aggregate(m=Min("registration_deadline"))["m"],
    ]
    return min((m for m in moments if m is not None), default=None)


def _plus(moment, delta):
    return moment + delta if moment is not None else None
