"""Delete stored form messages (contact form, accessibility feedback) older than
``FORM_RETENTION_MONTHS``, as the Datenschutz text promises: ``manage.py
delete_expired_submissions``, once a minute in the scheduler (``make scheduler``, the
``scheduler`` service); cheap when nothing is due (one indexed DELETE)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from partnerships import legal


class Command(BaseCommand):
    help = (
        "Löscht gespeicherte Nachrichten aus Kontakt- und Feedbackformularen, die älter als "
        "FORM_RETENTION_MONTHS Monate sind (Standard: 6)."
    )

    def handle(self, *args, **options):
        try:
            deleted = legal.delete_expired_submissions()
        except DatabaseError as error:
            raise CommandError(f"Datenbank nicht erreichbar: {error}") from error
        if deleted:
            self.stdout.write(f"{deleted} abgelaufene Formular-Nachrichten gelöscht.")
