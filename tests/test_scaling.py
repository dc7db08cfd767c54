"""Running on several machines: health check, shared media/cache/purge settings, the VCL,
and renditions made on demand by whichever replica gets the request."""

import json
import shutil
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.test import override_settings
from django.utils.module_loading import import_string
from wagtail.images.utils import generate_signature

from tests.factories import ImageFactory
from tests.settings_env import settings_from_env

ROOT = Path(__file__).resolve().parent.parent


def settings_with_env(**env):
    """The base settings as a fresh process sees them with these environment variables."""
    s = settings_from_env(
        "partnerships.settings.base",
        drop_prefixes=("AWS_", "MEDIA_", "REDIS_", "FRONTEND_CACHE", "CLOUDFLARE_"),
        **env,
    )
    # Through JSON as before: only plain data, as a process would print it.
    return json.loads(
        json.dumps(
            {
                "storage": s.STORAGES["default"],
                "media_url": s.MEDIA_URL,
                "img_src": s.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
                "caches": s.CACHES,
                "frontend": s.WAGTAILFRONTENDCACHE,
                "sessions": s.SESSION_ENGINE,
            }
        )
    )


def test_without_services_everything_stays_on_one_machine():
    conf = settings_with_env()
    assert conf["storage"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert conf["media_url"] == "/media/"
    assert conf["caches"]["default"]["BACKEND"].endswith("LocMemCache")
    assert conf["frontend"] == {}
    assert conf["img_src"] == ["'self'", "data:"]
    # Sessions in the database: shared by every replica that shares the database.
    assert conf["sessions"] == "django.contrib.sessions.backends.db"


def test_bucket_puts_media_on_s3_compatible_storage():
    conf = settings_with_env(
        AWS_STORAGE_BUCKET_NAME="medien",
        AWS_S3_ENDPOINT_URL="https://s3.example.net",
    )
    options = conf["storage"]["OPTIONS"]
    assert conf["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert options["bucket_name"] == "medien"
    assert options["endpoint_url"] == "https://s3.example.net"
    assert options["addressing_style"] == "path"
    assert options["region_name"] == "us-east-1"
    assert options["querystring_auth"] is False  # public media: plain, cacheable URLs
    assert conf["media_url"] == "https://s3.example.net/medien/"
    # The browser may load images from there (Content-Security-Policy).
    assert "https://s3.example.net" in conf["img_src"]


def test_custom_domain_is_the_public_media_address():
    conf = settings_with_env(
        AWS_STORAGE_BUCKET_NAME="medien",
        AWS_S3_CUSTOM_DOMAIN="media.example.org",
        AWS_LOCATION="site",
    )
    assert conf["storage"]["OPTIONS"]["custom_domain"] == "media.example.org"
    assert conf["storage"]["OPTIONS"]["addressing_style"] == "virtual"  # Amazon S3 itself
    assert conf["media_url"] == "https://media.example.org/site/"
    assert "https://media.example.org" in conf["img_src"]


def test_redis_and_purge_targets_come_from_the_environment():
    conf = settings_with_env(
        REDIS_URL="redis://cache.internal:6379/2",
        FRONTEND_CACHE_VARNISH_URL="http://10.0.0.5:6081",
        CLOUDFLARE_ZONE_ID="zone",
        CLOUDFLARE_API_TOKEN="token",
    )
    # Django's Redis back end, reusing its client (partnerships/caching/redis_backend.py).
    backend = import_string(conf["caches"]["default"]["BACKEND"])
    assert issubclass(backend, DjangoRedisCache)
    assert conf["caches"]["default"]["LOCATION"] == "redis://cache.internal:6379/2"
    assert conf["frontend"]["varnish"] == {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": "http://10.0.0.5:6081",
    }
    assert conf["frontend"]["cloudflare"]["ZONEID"] == "zone"


def test_health_check_needs_no_database_and_no_known_host(client, settings):
    settings.ALLOWED_HOSTS = ["www.example.org"]
    # No django_db mark: any database access in the request would raise here.
    response = client.get("/healthz/", HTTP_HOST="10.20.30.40")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_unknown_host_still_refused_elsewhere(client, settings):
    settings.ALLOWED_HOSTS = ["www.example.org"]
    assert client.get("/", HTTP_HOST="10.20.30.40").status_code == 400


@pytest.mark.django_db
def test_any_replica_makes_renditions_on_demand(client, home):
    image = ImageFactory(title="Hafen", description="Hafen bei Nacht")
    url = f"/bilder/{generate_signature(image.pk, 'fill-32x20')}/{image.pk}/fill-32x20/"
    response = client.get(url)
    assert response.status_code == 302
    rendition = image.renditions.get(filter_spec="fill-32x20")
    assert response["Location"] == rendition.url
    assert (rendition.width, rendition.height) == (32, 20)
    assert Path(django_settings.MEDIA_ROOT, rendition.file.name).is_file()


@pytest.mark.django_db
def test_rendition_urls_refuse_tampering_without_errors(client, home):
    image = ImageFactory(title="Hafen", description="Hafen bei Nacht")
    signature = generate_signature(image.pk, "fill-32x20")
    assert client.get(f"/bilder/{signature}/{image.pk}/fill-800x600/").status_code == 403
    assert client.get(f"/bilder/falsch/{image.pk}/fill-32x20/").status_code == 403
    bad_spec = f"/bilder/{generate_signature(image.pk, 'quatsch')}/{image.pk}/quatsch/"
    assert client.get(bad_spec).status_code == 400
    missing = f"/bilder/{generate_signature(999999, 'fill-32x20')}/999999/fill-32x20/"
    assert client.get(missing).status_code == 404
    assert not image.renditions.exists()


@pytest.mark.skipif(
    not shutil.which("varnishd") and not Path("/usr/sbin/varnishd").exists(),
    reason="varnishd not installed",
)
def test_vcl_compiles():
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    result = subprocess.run(
        [varnishd, "-C", "-f", str(ROOT / "deploy/varnish/default.vcl")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-2000:]


@pytest.fixture
def purge_listener():
    """A real HTTP server standing in for Varnish: records every PURGE and BAN it receives."""
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 - http.server's naming
            received.append(("PURGE", self.path))
            self.send_response(200)
            self.end_headers()

        def do_BAN(self):  # noqa: N802
            received.append(("BAN", self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", received
    server.shutdown()
    server.server_close()


@pytest.mark.django_db
def test_a_publish_sends_one_ban_after_commit_and_nothing_before(
    home, purge_listener, django_capture_on_commit_callbacks
):
    """Issue 11, defect 6: Wagtail's own handler, signals.py and cache.py purged three times,
    the first inside the transaction (a visitor could fetch the old page into Varnish again)."""
    location, received = purge_listener
    frontend = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location,
        }
    }
    with override_settings(WAGTAILFRONTENDCACHE=frontend):
        home.title = "Neue Fassung"
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            home.save_revision().publish()
        assert received == []  # nothing while the change is not visible yet
        for callback in callbacks:
            callback()
    assert received == [("BAN", "/")]
