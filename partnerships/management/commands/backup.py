from django.conf import settings
from django.core.management.base import BaseCommand

from partnerships.ops.backups import create_backup


class Command(BaseCommand):
    help = "Schreibt ein Sicherungsarchiv (Datenbank + Mediendateien) mit Zeitstempel."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=str(getattr(settings, "BACKUP_DIR", settings.BASE_DIR / "backups")),
            help="Verzeichnis für das Archiv (Standard: BACKUP_DIR bzw. ./backups)",
        )

    def handle(self, *args, **options):
        archive, manifest = create_backup(options["output"])
        self.stdout.write(
            f"Sicherung geschrieben: {archive} ({manifest['database']}, "
            f"{len(manifest['media_files'])} Mediendateien)"
        )
