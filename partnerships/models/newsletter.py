"""The newsletter and the e-mail alerts: subscribers with the proof of their double opt-in,
what they follow, the editors' issues and every single mail (``Delivery``).

The logic lives in ``partnerships.newsletter``; these are only the records.
"""

import hashlib
import uuid

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PreviewableMixin, RevisionMixin
from wagtail.search import index

from partnerships.newsletter.blocks import IssueItemsBlock

DAILY, WEEKLY = "taeglich", "woechentlich"
FREQUENCIES = [(DAILY, "täglich"), (WEEKLY, "wöchentlich")]


def address_hash(value):
    """A salted hash of an e-mail or IP address: comparable, not readable."""
    salted = f"{settings.SECRET_KEY}:newsletter:{value.strip().lower()}"
    return hashlib.sha256(salted.encode()).hexdigest()[:40]


class ConsentText(models.Model):
    """A version of the consent text shown beside the subscribe button (kept unchanged)."""

    version = models.PositiveIntegerField("Version", unique=True)
    text = models.TextField("Einwilligungstext")
    created = models.DateTimeField("Erstmals verwendet", auto_now_add=True)

    class Meta:
        verbose_name = "Einwilligungstext"
        verbose_name_plural = "Einwilligungstexte"
        ordering = ["-version"]

    def __str__(self):
        return f"Version {self.version}"


class Subscriber(models.Model):
    """One e-mail address: unconfirmed until its owner follows the link in the confirmation
    mail; only confirmed addresses receive anything else."""

    email = models.EmailField("E-Mail-Adresse", unique=True)
    key = models.UUIDField("Schlüssel", default=uuid.uuid4, unique=True, editable=False)
    newsletter = models.BooleanField("Newsletter", default=False)
    frequency = models.CharField(
        "Benachrichtigungen", max_length=20, choices=FREQUENCIES, default=WEEKLY
    )
    requested_at = models.DateTimeField("Anmeldung angefordert", db_index=True)
    confirmed_at = models.DateTimeField("Bestätigt", null=True, blank=True, db_index=True)
    consent = models.ForeignKey(
        ConsentText, verbose_name="Einwilligungstext", on_delete=models.PROTECT
    )
    request_ip_hash = models.CharField("Absender der Anmeldung (Hash)", max_length=40)
    confirmation_mails = models.PositiveIntegerField("Bestätigungs-E-Mails", default=0)
    last_digest_at = models.DateTimeField("Letzte Benachrichtigung bis", null=True, blank=True)
    digest_period = models.CharField("Zuletzt geprüfter Zeitraum", max_length=20, blank=True)
    bounced_at = models.DateTimeField("Unzustellbar seit", null=True, blank=True)

    class Meta:
        verbose_name = "Abonnement"
        verbose_name_plural = "Abonnements"

    def __str__(self):
        return self.email

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None


class Alert(models.Model):
    """What a subscriber follows: the new pages of one list, with or without its filter."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="alerts")
    index_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="Liste", on_delete=models.CASCADE, related_name="+"
    )
    filters = models.JSONField("Filter", default=dict, blank=True)
    filter_key = models.CharField("Filter (normalisiert)", max_length=500, blank=True)
    created = models.DateTimeField("Angelegt", auto_now_add=True)

    class Meta:
        verbose_name = "Benachrichtigung"
        verbose_name_plural = "Benachrichtigungen"
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "index_page", "filter_key"], name="alert_unique_choice"
            )
        ]

    def __str__(self):
        return f"{self.subscriber}: {self.index_page_id} {self.filter_key}"


class ConsentProof(models.Model):
    """The proof of a double opt-in, kept when the address itself is deleted (withdrawal):
    when it was requested and confirmed, which consent text, and salted hashes instead of the
    e-mail and IP address. Deleted ``NEWSLETTER_PROOF_YEARS`` after the withdrawal."""

    email_hash = models.CharField("E-Mail-Adresse (Hash)", max_length=40, db_index=True)
    ip_hash = models.CharField("Absender der Anmeldung (Hash)", max_length=40)
    consent = models.ForeignKey(
        ConsentText, verbose_name="Einwilligungstext", on_delete=models.PROTECT
    )
    requested_at = models.DateTimeField("Anmeldung angefordert")
    confirmed_at = models.DateTimeField("Bestätigt")
    withdrawn_at = models.DateTimeField("Widerrufen", null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = "Einwilligungsnachweis"
        verbose_name_plural = "Einwilligungsnachweise"

    def __str__(self):
        return f"{self.email_hash[:12]}… {self.confirmed_at:%d.%m.%Y}"


class NewsletterIssue(PreviewableMixin, RevisionMixin, index.Indexed, models.Model):
    """An editorial issue of the newsletter, composed in the admin and sent once."""

    subject = models.CharField("Betreff", max_length=150)
    intro = RichTextField("Einleitung", features=["bold", "italic", "link"], blank=True)
    items = StreamField(
        IssueItemsBlock(),
        verbose_name="Beiträge",
        blank=True,
        help_text=(
            "Meldungen, Praxisbeispiele und Veranstaltungen: Titel, Anrisstext und Link "
            "kommen aus der gewählten Seite."
        ),
    )
    closing = RichTextField("Schlusstext", features=["bold", "italic", "link"], blank=True)
    created = models.DateTimeField("Angelegt", auto_now_add=True)

    panels = [
        FieldPanel("subject"),
        FieldPanel("intro"),
        FieldPanel("items"),
        FieldPanel("closing"),
    ]
    search_fields = [index.SearchField("subject"), index.AutocompleteField("subject")]

    class Meta:
        verbose_name = "Newsletter-Ausgabe"
        verbose_name_plural = "Newsletter-Ausgaben"
        ordering = ["-created"]
        permissions = [("send_newsletterissue", "Kann Newsletter-Ausgaben versenden")]

    def __str__(self):
        return self.subject

    # Previewed as the mail it becomes: HTML and plain text, for a sample reader.
    preview_modes = [("", "E-Mail (HTML)"), ("text", "E-Mail (Nur-Text)")]

    def serve_preview(self, request, mode_name):
        from partnerships.newsletter import mail

        return mail.preview_response(self, request, mode_name)


class Dispatch(models.Model):
    """The sending of one issue: once, by a moderator; every mail is a ``Delivery``."""

    issue = models.OneToOneField(
        NewsletterIssue, verbose_name="Ausgabe", on_delete=models.PROTECT, related_name="dispatch"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", verbose_name="Versendete Fassung", on_delete=models.PROTECT
    )
    started_at = models.DateTimeField("Versand gestartet", auto_now_add=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Versendet von",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recipients = models.PositiveIntegerField("Empfänger", default=0)

    class Meta:
        verbose_name = "Versand"
        verbose_name_plural = "Versände"

    def __str__(self):
        return f"{self.issue} ({self.started_at:%d.%m.%Y})"


class Delivery(models.Model):
    """One mail to one address. Sent by the worker (``partnerships.newsletter.sending``),
    which marks it *wird gesendet* before talking to the mail server and *gesendet* after: a
    mail interrupted by a crash is *ungewiss* and never sent again."""

    CONFIRMATION, ISSUE, DIGEST, TEST = "bestaetigung", "ausgabe", "benachrichtigung", "test"
    KINDS = [
        (CONFIRMATION, "Bestätigung"),
        (ISSUE, "Newsletter"),
        (DIGEST, "Benachrichtigung"),
        (TEST, "Testversand"),
    ]
    PENDING, SENDING, SENT, FAILED, BOUNCED, UNCERTAIN, SKIPPED = (
        "ausstehend",
        "wird-gesendet",
        "gesendet",
        "fehlgeschlagen",
        "abgewiesen",
        "ungewiss",
        "entfallen",
    )
    STATES = [
        (PENDING, "ausstehend"),
        (SENDING, "wird gesendet"),
        (SENT, "gesendet"),
        (FAILED, "fehlgeschlagen"),
        (BOUNCED, "abgewiesen (unzustellbar)"),
        (UNCERTAIN, "ungewiss (Versand unterbrochen)"),
        (SKIPPED, "entfallen (abgemeldet)"),
    ]
    # Lower goes first: a confirmation mail does not wait behind a newsletter.
    PRIORITY = {CONFIRMATION: 0, TEST: 0, DIGEST: 1, ISSUE: 2}

    kind = models.CharField("Art", max_length=20, choices=KINDS)
    priority = models.PositiveSmallIntegerField("Reihenfolge", default=2)
    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name="Abonnement",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deliveries",
    )
    dispatch = models.ForeignKey(
        Dispatch,
        verbose_name="Versand",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    # Kept only where it is needed: a test mail's editor, a hard bounce for the admin.
    email = models.EmailField("E-Mail-Adresse", blank=True)
    # A digest's pages ({"groups": [[label, [page ids]]]}) or a test mail's revision.
    payload = models.JSONField("Inhalt", default=dict, blank=True)
    period = models.CharField("Zeitraum", max_length=40, blank=True)
    status = models.CharField("Status", max_length=20, choices=STATES, default=PENDING)
    attempts = models.PositiveSmallIntegerField("Versuche", default=0)
    created = models.DateTimeField("Angelegt", auto_now_add=True)
    sent_at = models.DateTimeField("Gesendet", null=True, blank=True)
    error = models.CharField("Fehler", max_length=300, blank=True)

    class Meta:
        verbose_name = "Zustellung"
        verbose_name_plural = "Zustellungen"
        indexes = [models.Index(fields=["status", "priority", "id"], name="delivery_queue")]
        constraints = [
            models.UniqueConstraint(
                fields=["dispatch", "subscriber"],
                condition=models.Q(kind="ausgabe"),
                name="delivery_once_per_issue",
            ),
            models.UniqueConstraint(
                fields=["subscriber", "period"],
                condition=models.Q(kind="benachrichtigung"),
                name="delivery_once_per_digest_period",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.pk} ({self.get_status_display()})"


class SenderLease(models.Model):
    """Only one worker sends at a time: the one whose lease has not expired."""

    name = models.CharField(max_length=20, primary_key=True)
    holder = models.CharField(max_length=40, blank=True)
    until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "Versand-Sperre"
        verbose_name_plural = "Versand-Sperren"

    def __str__(self):
        return f"{self.name}: {self.holder or 'frei'}"
