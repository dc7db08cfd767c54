"""Spam protection of the contact form: a honeypot field and a limit per client address,
counted in the database. No third-party service."""

import datetime
import hashlib

from django.apps import apps
from django.conf import settings
from django.utils import timezone

from partnerships.accounts.lockout import client_ip_address

# The trap for bots: a text field people never see or reach. Its name must not clash with
# the clean name of an editor's field (those come from labels; nobody labels a field so).
HONEYPOT_FIELD = "kontakt_homepage"


RATE_LIMIT_MESSAGE = (
    "Sie haben in kurzer Zeit zu viele Nachrichten gesendet. Bitte warten Sie einige Minuten "
    "und senden Sie das Formular dann erneut. Ihre Eingaben sind unten noch vorhanden."
)


def honeypot_filled(request):
    return bool(request.POST.get(HONEYPOT_FIELD, "").strip())


class RateLimit:
    """At most ``CONTACT_RATE_LIMIT`` submissions per client address within any
    ``CONTACT_RATE_WINDOW`` seconds, counted in the database (``ContactRateHit``), which all
    workers and machines share. Not in Django's cache: with Redis down or evicting keys
    (``allkeys-lru``) the count would silently start from zero again, and the form must keep
    working without its cache. The address is stored only as a salted hash."""

    def __init__(self, request, scope="", limit=None, window=None):
        """``scope`` counts another form separately (the newsletter's), with its own limit."""
        self.limit = limit or settings.CONTACT_RATE_LIMIT
        self.window = datetime.timedelta(seconds=window or settings.CONTACT_RATE_WINDOW)
        address = client_ip_address(request) or "unbekannt"
        if scope:
            address = f"{scope}:{address}"
        digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
        self.client = digest

    @staticmethod
    def _hits():
        return apps.get_model("partnerships", "ContactRateHit").objects

    def _count(self, now):
        return self._hits().filter(client=self.client, created__gt=now - self.window).count()

    def exceeded(self):
        return self._count(timezone.now()) >= self.limit

    def hit(self):
        """Count one submission; True if it is still within the limit. Stored before it is
        counted, so concurrent submissions can never all slip under the limit."""
        now = timezone.now()
        self._hits().filter(created__lte=now - self.window).delete()  # keeps the table small
        self._hits().create(client=self.client, created=now)
        return self._count(now) <= self.limit
