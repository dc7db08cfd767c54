"""Static files: hashed names with far-future caching and precompressed variants (WhiteNoise
with CompressedManifestStaticFilesStorage, as in production); pages link the hashed names."""

import gzip
import json

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from whitenoise.middleware import WhiteNoiseMiddleware

ONE_YEAR_OR_MORE = 365 * 24 * 60 * 60


@pytest.fixture
def collected(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    # Only the site's own files (the admin's would make this slow); same storage as production.
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", interactive=False, verbosity=0)
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    return manifest, WhiteNoiseMiddleware(lambda request: None)


def test_hashed_static_files_are_cached_for_a_year_and_served_compressed(collected):
    manifest, whitenoise = collected
    hashed = manifest["css/site.css"]
    assert hashed != "css/site.css"

    request = RequestFactory().get(f"/static/{hashed}", HTTP_ACCEPT_ENCODING="gzip")
    response = whitenoise(request)
    assert response.status_code == 200
    max_age = int(response["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert max_age >= ONE_YEAR_OR_MORE and "immutable" in response["Cache-Control"]
    assert response["Content-Encoding"] == "gzip"
    assert b"{" in gzip.decompress(b"".join(response.streaming_content))
    assert "Accept-Encoding" in response["Vary"]

    unhashed = whitenoise(RequestFactory().get("/static/css/site.css"))
    assert "max-age=3600" in unhashed["Cache-Control"]  # may change without a new name


def test_pages_link_the_hashed_names(collected, client, site_tree):
    manifest, _ = collected
    html = client.get("/").content.decode()
    assert f'/static/{manifest["css/site.css"]}"' in html
