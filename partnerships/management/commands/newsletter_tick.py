"""Once a minute from the scheduler: prepare the alert digests that are due, delete what is
no longer needed (unconfirmed requests, old proofs), and make sure pending mails are sent."""

from django.core.management.base import BaseCommand

from partnerships.newsletter import digests, subscriptions, tasks


class Command(BaseCommand):
    help = "Newsletter: fällige Benachrichtigungen vorbereiten, Altdaten löschen, Versand anstoßen."

    def handle(self, *args, **options):
        prepared = digests.prepare()
        deleted = subscriptions.clean_up()
        queued = tasks.ensure_queued()
        if options["verbosity"] > 1 or prepared or any(deleted.values()):
            self.stdout.write(
                f"Benachrichtigungen vorbereitet: {prepared}; gelöscht: {deleted}; "
                f"Versand angestoßen: {'ja' if queued else 'nein'}"
            )
