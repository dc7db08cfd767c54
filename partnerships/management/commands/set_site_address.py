"""Make the default Wagtail site's address the one the site is served at.

Canonical, feed, sitemap and Open Graph URLs come from the Site record (hostname and port);
`make run` calls this with http://127.0.0.1:$(PORT), so they point where the page was read.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site


class Command(BaseCommand):
    help = (
        "Setzt Hostname und Port der Standard-Website auf die Adresse, unter der die Seite "
        "ausgeliefert wird (Vorgabe: SITE_URL)."
    )

    def add_arguments(self, parser):
        parser.add_argument("url", nargs="?", help="z. B. http://127.0.0.1:8080")

    def handle(self, *args, url=None, **options):
        parts = urlsplit(url or settings.SITE_URL)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise CommandError(f"Keine gültige Adresse: {url!r} (Beispiel: http://127.0.0.1:8080)")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError(
                "Es gibt keine Standard-Website: erst load_initial_content ausführen."
            )
        if (site.hostname, site.port) != (parts.hostname, port):
            site.hostname, site.port = parts.hostname, port
            site.save()
        self.stdout.write(f"Adresse der Website: {site.root_url}/")
