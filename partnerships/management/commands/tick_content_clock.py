"""Renew the content version if a moment of the content clock has passed (an event ended, a
registration closed): ``manage.py tick_content_clock``, once a minute next to
``publish_scheduled`` (``make scheduler``, the ``scheduler`` service).

Any request that reaches Django does the same (``version.read``); this command covers the
time in which Varnish or the page cache answer every request themselves, so the BAN for the
moment is sent within a minute even if nobody reaches Django.
"""

from datetime import UTC, datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from partnerships.caching import version


class Command(BaseCommand):
    help = (
        "Erneuert den Inhaltsstand, wenn ein Zeitpunkt der Inhaltsuhr (CONTENT_CLOCK) erreicht "
        "ist (z. B. das Ende einer Veranstaltung), und leert dann alle Caches. Einmal pro "
        "Minute neben publish_scheduled ausführen."
    )

    def handle(self, *args, **options):
        state, ticked = version.tick()
        if state is None:
            raise CommandError(
                "Inhaltsstand nicht lesbar: Datenbank nicht erreichbar oder nicht migriert."
            )
        token, _, next_change = state
        if ticked:
            self.stdout.write(f"Zeitpunkt erreicht: neuer Inhaltsstand {token}, Caches geleert.")
        if options["verbosity"] >= 2 or ticked:
            self.stdout.write(f"Nächster Zeitpunkt: {_moment(next_change)}.")


def _moment(next_change):
    if next_change >= version.NEVER:
        return "keiner bekannt"
    moment = timezone.localtime(datetime.fromtimestamp(next_change, tz=UTC))
    return moment.strftime("%d.%m.%Y %H:%M:%S")
