"""The worker's loop: send every pending delivery, in batches, at ``NEWSLETTER_RATE`` mails
per second, over as few SMTP connections as possible.

Each mail is marked *wird gesendet* before it goes to the mail server and *gesendet* after,
each in its own commit. So after a crash (the worker killed, the machine gone) the next run
knows exactly which mail was in transit: that one is *ungewiss* and never sent again, every
other one is sent exactly once. One run sends at a time (``SenderLease``).

- 5xx refusal of a recipient: a hard bounce, recorded with the address, not retried; the
  subscriber gets nothing more.
- 4xx or a broken connection before the message's data: back into the queue (at most
  ``MAX_ATTEMPTS`` tries), on a new connection.
- A mail server that stays unreachable ends the run; what is left waits for the next one
  (the scheduler starts one every minute while mails are pending).
"""

import dataclasses
import logging
import smtplib
import time
import uuid

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from partnerships.models.newsletter import Delivery, SenderLease, Subscriber
from partnerships.newsletter.mail import Builder

logger = logging.getLogger(__name__)

BATCH = 100
MAX_ATTEMPTS = 3
MAX_CONNECTION_FAILURES = 3
LEASE_SECONDS = 120
SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


@dataclasses.dataclass
class Stats:
    sent: int = 0
    bounced: int = 0
    failed: int = 0
    retried: int = 0
    skipped: int = 0
    uncertain: int = 0
    busy: bool = False

    def as_dict(self):
        return dataclasses.asdict(self)


def backend():
    """The backend for the newsletter: Django's SMTP backend becomes the tracking one."""
    name = settings.NEWSLETTER_EMAIL_BACKEND or settings.EMAIL_BACKEND
    return "partnerships.newsletter.smtp.EmailBackend" if name == SMTP_BACKEND else name


# --- one run at a time ----------------------------------------------------------------------


def acquire(holder, now=None):
    now = now or timezone.now()
    SenderLease.objects.get_or_create(name="mail")
    until = now + timezone.timedelta(seconds=LEASE_SECONDS)
    free = SenderLease.objects.filter(name="mail").filter(
        Q(until__isnull=True) | Q(until__lt=now) | Q(holder=holder)
    )
    return free.update(holder=holder, until=until) == 1


def release(holder):
    SenderLease.objects.filter(name="mail", holder=holder).update(holder="", until=None)


def recover_interrupted():
    """Mails left *wird gesendet* by a run that is gone: maybe sent, so never again."""
    return Delivery.objects.filter(status=Delivery.SENDING).update(
        status=Delivery.UNCERTAIN, error="Versand unterbrochen (Absturz); nicht wiederholt."
    )


def pending_count():
    return Delivery.objects.filter(status=Delivery.PENDING).count()


# --- the loop -------------------------------------------------------------------------------


class Pace:
    """At most ``rate`` mails per second (0: as fast as the server takes them)."""

    def __init__(self, rate, clock=time.monotonic, sleep=time.sleep):
        self.interval = 1 / rate if rate else 0
        self.clock, self.sleep = clock, sleep
        self.next = clock()

    def wait(self):
        if not self.interval:
            return
        now = self.clock()
        if self.next > now:
            self.sleep(self.next - now)
        self.next = max(self.next, now) + self.interval


def _set(delivery_id, **fields):
    Delivery.objects.filter(pk=delivery_id).update(**fields)


def _code(error, address):
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, _ = error.recipients.get(address, next(iter(error.recipients.values()), (0, b"")))
        return code
    return getattr(error, "smtp_code", None)


class Sender:
    def __init__(self, stats, pace):
        self.stats, self.pace = stats, pace
        self.builder = Builder()
        self.connection = None
        self.connection_failures = 0

    def close(self):
        if self.connection is not None:
            try:
                self.connection.close()
            except Exception:
                logger.debug("SMTP: Schließen fehlgeschlagen", exc_info=True)
            self.connection = None

    def send(self, delivery):
        """Send one claimed delivery and record the outcome; False to end the run."""
        message = self.builder.build(delivery)
        if message is None:
            _set(delivery.pk, status=Delivery.SKIPPED)
            self.stats.skipped += 1
            return True
        address = message.to[0]
        self.pace.wait()
        try:
            if self.connection is None:
                self.connection = get_connection(backend(), fail_silently=False)
                self.connection.open()
            self.connection.send_messages([message])
        except (
            smtplib.SMTPRecipientsRefused,
            smtplib.SMTPDataError,
            smtplib.SMTPSenderRefused,
        ) as error:
            return self.refused(delivery, address, error)
        except (smtplib.SMTPException, OSError) as error:
            return self.broken(delivery, error)
        _set(delivery.pk, status=Delivery.SENT, sent_at=timezone.now(), error="")
        self.stats.sent += 1
        self.connection_failures = 0
        return True

    def refused(self, delivery, address, error):
        code = _code(error, address) or 0
        text = f"{code} {error}"[:300]
        if 500 <= code < 600 and not isinstance(error, smtplib.SMTPSenderRefused):
            _set(delivery.pk, status=Delivery.BOUNCED, email=address, error=text)
            if delivery.subscriber_id:
                Subscriber.objects.filter(pk=delivery.subscriber_id).update(
                    bounced_at=timezone.now()
                )
            self.stats.bounced += 1
            return True
        self._retry(delivery, text)
        if isinstance(error, smtplib.SMTPSenderRefused):
            self.close()
            return False  # our own sender address refused: nothing else will go through
        return True

    def broken(self, delivery, error):
        in_data = bool(
            self.connection is not None and getattr(self.connection, "was_in_data", lambda: False)()
        )
        self.close()
        text = f"Verbindung: {error}"[:300]
        if in_data:
            _set(delivery.pk, status=Delivery.UNCERTAIN, error=text)
            self.stats.uncertain += 1
        else:
            self._retry(delivery, text)
        self.connection_failures += 1
        logger.warning("Newsletter: Verbindung zum Mailserver verloren (%s).", error)
        return self.connection_failures < MAX_CONNECTION_FAILURES

    def _retry(self, delivery, text):
        if delivery.attempts >= MAX_ATTEMPTS:
            _set(delivery.pk, status=Delivery.FAILED, error=text)
            self.stats.failed += 1
        else:
            _set(delivery.pk, status=Delivery.PENDING, error=text)
            self.stats.retried += 1


def claim(delivery_id):
    """Mark one pending delivery *wird gesendet* (committed); None if another run has it."""
    with transaction.atomic():
        claimed = Delivery.objects.filter(pk=delivery_id, status=Delivery.PENDING).update(
            status=Delivery.SENDING, attempts=F("attempts") + 1
        )
    if not claimed:
        return None
    return Delivery.objects.select_related("subscriber", "dispatch").get(pk=delivery_id)


def run(max_mails=None, pace=None):
    """Send what is pending (at most ``max_mails``); the numbers of this run."""
    stats = Stats()
    holder = uuid.uuid4().hex
    if not acquire(holder):
        stats.busy = True
        return stats
    sender = Sender(stats, pace or Pace(settings.NEWSLETTER_RATE))
    handled = 0
    try:
        stats.uncertain += recover_interrupted()
        going = True
        while going:
            ids = list(
                Delivery.objects.filter(status=Delivery.PENDING)
                .order_by("priority", "pk")
                .values_list("pk", flat=True)[:BATCH]
            )
            if not ids:
                break
            acquire(holder)  # renews the lease
            for delivery_id in ids:
                if max_mails is not None and handled >= max_mails:
                    going = False
                    break
                delivery = claim(delivery_id)
                if delivery is None:
                    continue
                handled += 1
                if not sender.send(delivery):
                    going = False
                    break
    finally:
        sender.close()
        release(holder)
    logger.info("Newsletter-Versand: %s", stats.as_dict())
    return stats
