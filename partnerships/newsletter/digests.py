"""The alert digests: once per day or week (the reader's choice), one mail with every page
new to them, never one mail per page. Run by the scheduler (``manage.py newsletter_tick``).

A digest is fixed when it is prepared (its pages are stored on the ``Delivery``), and each
subscriber gets at most one per period (a unique constraint): running twice sends nothing
twice.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils import timezone

from partnerships.models.newsletter import Alert, Delivery, Subscriber
from partnerships.newsletter import follow, tasks


def due(now):
    """Whether digests may go out now: not before ``NEWSLETTER_DIGEST_HOUR`` local time."""
    return timezone.localtime(now).hour >= settings.NEWSLETTER_DIGEST_HOUR


def prepare(now=None):
    """Create the digests due now; returns how many were created."""
    now = now or timezone.now()
    if not due(now):
        return 0
    found = follow.NewPages(until=now)
    created = 0
    for frequency, _ in Subscriber._meta.get_field("frequency").choices:
        key = follow.period(frequency, now)
        subscribers = (
            Subscriber.objects.filter(
                confirmed_at__isnull=False, bounced_at__isnull=True, frequency=frequency
            )
            .exclude(digest_period=key)
            .filter(alerts__isnull=False)
            .distinct()
            .prefetch_related(Prefetch("alerts", queryset=Alert.objects.order_by("pk")))
        )
        for subscriber in subscribers.iterator(chunk_size=500):
            since = subscriber.last_digest_at or subscriber.confirmed_at
            groups = found.groups(subscriber.alerts.all(), since)
            with transaction.atomic():
                if groups:
                    try:
                        with transaction.atomic():
                            Delivery.objects.create(
                                kind=Delivery.DIGEST,
                                priority=Delivery.PRIORITY[Delivery.DIGEST],
                                subscriber=subscriber,
                                period=key,
                                payload={"groups": groups},
                            )
                        created += 1
                    except IntegrityError:  # prepared by a run beside this one
                        continue
                Subscriber.objects.filter(pk=subscriber.pk).update(
                    digest_period=key, last_digest_at=now
                )
    if created:
        tasks.kick()
    return created
