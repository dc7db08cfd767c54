"""``manage.py load_initial_content``: the site tree with its initial content (idempotent)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from partnerships.initial_content.builder import Builder


class Command(BaseCommand):
    help = (
        "Legt den Seitenbaum mit den Startinhalten an (Startseite, Konzept, Praxisbeispiele, "
        "Aktuelles, Kontaktformular, Rechtstexte, Bilder, Einstellungen). Mehrfach ausführbar: "
        "Vorhandenes bleibt unverändert."
    )

    def handle(self, *args, **options):
        builder = Builder()
        try:
            with transaction.atomic():
                builder.build()
        except Exception:
            builder.remove_new_files()
            raise
        if not builder.created and not builder.notes:
            self.stdout.write("Nichts Neues angelegt – alle Startinhalte sind bereits vorhanden.")
            return
        self.stdout.write(self.style.SUCCESS("Startinhalte angelegt:"))
        for line in builder.summary():
            self.stdout.write(line)
