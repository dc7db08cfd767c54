"""Subscribing with double opt-in, changing, leaving, and deleting what is no longer needed.

Nothing here tells a visitor whether an address is subscribed: every request gets the same
answer. A confirmed address receives no mail because somebody typed it in again; an
unconfirmed one at most ``NEWSLETTER_MAX_CONFIRMATIONS`` confirmation mails.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from partnerships.models.newsletter import (
    Alert,
    ConsentProof,
    ConsentText,
    Delivery,
    Subscriber,
    address_hash,
)
from partnerships.newsletter import follow, tasks

logger = logging.getLogger(__name__)

# The consent text shown beside the subscribe button. A change is a new version (a new key);
# each subscriber's record points to the version they were shown.
CONSENT_VERSION = 1
CONSENT_TEXT = (
    "Ich willige ein, dass Rambøll Management Consulting GmbH mir die oben gewählten E-Mails "
    "(Newsletter und/oder Benachrichtigungen über neue Inhalte dieser Website) an die "
    "angegebene Adresse sendet. Dazu werden meine E-Mail-Adresse, meine Auswahl und der "
    "Nachweis meiner Anmeldung gespeichert. Die Einwilligung kann ich jederzeit mit Wirkung "
    "für die Zukunft widerrufen, über den Abmeldelink in jeder E-Mail. Einzelheiten in der "
    "Datenschutzerklärung."
)


def current_consent():
    consent, _ = ConsentText.objects.get_or_create(
        version=CONSENT_VERSION, defaults={"text": CONSENT_TEXT}
    )
    return consent


def normalise_email(value):
    local, _, domain = value.strip().rpartition("@")
    return f"{local}@{domain.lower()}"


def _replace_alerts(subscriber, alerts):
    subscriber.alerts.all().delete()
    Alert.objects.bulk_create(
        [
            Alert(
                subscriber=subscriber,
                index_page_id=index.pk,
                filters=filters,
                filter_key=follow.filter_key(filters),
            )
            for index, filters in {
                (index.pk, follow.filter_key(filters)): (index, filters)
                for index, filters in alerts
            }.values()
        ]
    )


def request(email, *, newsletter, alerts, frequency, client_address, now=None):
    """Handle a subscription request; returns what happened, for logs and tests only
    ("new", "repeated", "capped", "confirmed") — never shown to the visitor."""
    now = now or timezone.now()
    email = normalise_email(email)
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email__iexact=email).first()
        if subscriber is not None and subscriber.is_confirmed:
            # Somebody typed in a subscribed address: no mail to it, no change to it.
            logger.info("Newsletter: Anmeldung für eine bestätigte Adresse ignoriert.")
            return "confirmed"
        if subscriber is None:
            subscriber = Subscriber(email=email, confirmation_mails=0)
            outcome = "new"
        else:
            outcome = "repeated"
        subscriber.newsletter = newsletter
        subscriber.frequency = frequency
        subscriber.requested_at = now
        subscriber.consent = current_consent()
        subscriber.request_ip_hash = address_hash(client_address or "unbekannt")
        capped = subscriber.confirmation_mails >= settings.NEWSLETTER_MAX_CONFIRMATIONS
        if not capped:
            subscriber.confirmation_mails += 1
        subscriber.save()
        _replace_alerts(subscriber, alerts)
        if capped:
            logger.info("Newsletter: Höchstzahl der Bestätigungs-E-Mails erreicht.")
            return "capped"
        Delivery.objects.create(
            kind=Delivery.CONFIRMATION,
            priority=Delivery.PRIORITY[Delivery.CONFIRMATION],
            subscriber=subscriber,
        )
        tasks.kick()
    return outcome


def confirm(subscriber, now=None):
    """Confirm ``subscriber`` (idempotent) and store the proof of consent."""
    if subscriber.is_confirmed:
        return False
    now = now or timezone.now()
    with transaction.atomic():
        subscriber.confirmed_at = now
        subscriber.last_digest_at = now
        subscriber.save(update_fields=["confirmed_at", "last_digest_at"])
        ConsentProof.objects.create(
            email_hash=address_hash(subscriber.email),
            ip_hash=subscriber.request_ip_hash,
            consent=subscriber.consent,
            requested_at=subscriber.requested_at,
            confirmed_at=now,
        )
    return True


def update(subscriber, *, newsletter, frequency, keep_alerts):
    """The reader's changes from the settings page; ``keep_alerts``: ids of alerts kept."""
    with transaction.atomic():
        subscriber.newsletter = newsletter
        subscriber.frequency = frequency
        subscriber.save(update_fields=["newsletter", "frequency"])
        subscriber.alerts.exclude(pk__in=keep_alerts).delete()


def add_alerts(subscriber, alerts):
    """Alerts chosen by a confirmed reader through a personal link (no new opt-in needed)."""
    existing = [(a.index_page, a.filters) for a in subscriber.alerts.select_related("index_page")]
    _replace_alerts(subscriber, [*existing, *alerts])


def unsubscribe(subscriber, now=None):
    """Delete the address with everything chosen; keep only the proof of the past consent
    (hashes and times, see ``ConsentProof``); mails not yet sent are dropped."""
    now = now or timezone.now()
    with transaction.atomic():
        ConsentProof.objects.filter(
            email_hash=address_hash(subscriber.email), withdrawn_at__isnull=True
        ).update(withdrawn_at=now)
        subscriber.deliveries.filter(status=Delivery.PENDING).update(status=Delivery.SKIPPED)
        subscriber.delete()


def clean_up(now=None):
    """Delete unconfirmed requests after ``NEWSLETTER_UNCONFIRMED_DAYS`` and proofs of
    withdrawn consent after ``NEWSLETTER_PROOF_YEARS``; returns the numbers deleted."""
    now = now or timezone.now()
    expired = now - datetime.timedelta(days=settings.NEWSLETTER_UNCONFIRMED_DAYS)
    _, deleted = Subscriber.objects.filter(
        confirmed_at__isnull=True, requested_at__lt=expired
    ).delete()
    unconfirmed = deleted.get(Subscriber._meta.label, 0)
    old = now - datetime.timedelta(days=365 * settings.NEWSLETTER_PROOF_YEARS)
    proofs, _ = ConsentProof.objects.filter(withdrawn_at__lt=old).delete()
    return {"unbestätigt": unconfirmed, "nachweise": proofs}
