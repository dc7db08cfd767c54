import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

PASSWORD_FILE = Path(settings.BASE_DIR) / ".admin-password"


class Command(BaseCommand):
    help = (
        "Legt den Administrator 'admin' an, falls er fehlt. Passwort aus ADMIN_PASSWORD, "
        "sonst zufällig erzeugt, einmal ausgegeben und in .admin-password abgelegt."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        user = User.objects.filter(username="admin").first()
        if user is not None:
            where = (
                f"steht in {PASSWORD_FILE.name}"
                if PASSWORD_FILE.exists()
                else "wurde bei der Einrichtung gesetzt"
            )
            self.stdout.write(f"Admin-Login: Benutzer 'admin' – das Passwort {where}.")
            return
        password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(15)
        User.objects.create_superuser("admin", "admin@localhost", password)
        if not os.environ.get("ADMIN_PASSWORD"):
            PASSWORD_FILE.write_text(password + "\n")
            PASSWORD_FILE.chmod(0o600)
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin-Login angelegt: Benutzer 'admin', Passwort '{password}'"
                + (f" (gespeichert in {PASSWORD_FILE.name})" if PASSWORD_FILE.exists() else "")
            )
        )
