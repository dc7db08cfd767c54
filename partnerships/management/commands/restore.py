from django.core.management.base import BaseCommand

from partnerships.ops.backups import restore_backup


class Command(BaseCommand):
    help = (
        "Stellt ein Sicherungsarchiv in eine leere Datenbank und ein leeres Medienverzeichnis her."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Pfad zum Archiv von 'manage.py backup'")

    def handle(self, *args, **options):
        manifest = restore_backup(options["archive"])
        self.stdout.write(
            f"Wiederhergestellt: Sicherung vom {manifest['created']} ({manifest['database']}, "
            f"{len(manifest['media_files'])} Mediendateien)"
        )
