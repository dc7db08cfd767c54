"""When the events change without a save (``CONTENT_CLOCK``): an event ends and moves to the
past, a registration closes and its link disappears."""

from django.db.models import Min

from news.events.models import EventPage


def next_change(now):
    """The earliest such moment after ``now`` among live events, or None."""
    events = EventPage.objects.live()
    moments = [
        events.filter(ends_at__gt=now).aggregate(m=Min("ends_at"))["m"],
        events.filter(registration_deadline__gt=now).aggregate(m=Min("registration_deadline"))["m"],
    ]
    return min((m for m in moments if m is not None), default=None)
