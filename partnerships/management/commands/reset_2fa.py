"""Remove a user's second factor (lost or replaced phone): ``manage.py reset_2fa <username>``.

The user logs in with the password alone afterwards and can set up a new device; a superuser
with ADMIN_REQUIRE_2FA on is sent to the setup page at the next login.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Entfernt die Zwei-Faktor-Anmeldung (TOTP-Geräte) eines Benutzers."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user_model = get_user_model()
        try:
            user = user_model.objects.get(**{user_model.USERNAME_FIELD: username})
        except user_model.DoesNotExist:
            raise CommandError(f"Benutzer „{username}“ gibt es nicht.") from None
        deleted, _ = TOTPDevice.objects.filter(user=user).delete()
        if deleted:
            self.stdout.write(f"Zwei-Faktor-Anmeldung für „{username}“ zurückgesetzt.")
        else:
            self.stdout.write(f"„{username}“ hatte keine Zwei-Faktor-Anmeldung eingerichtet.")
