"""The whole-page cache (partnerships/caching/pagecache.py): anonymous visitors get stored pages,
answered before Django runs; nobody ever sees a page older than the last change to what it shows.

Requests go through the real WSGI stack of production (``PageCacheApp`` around Django's
``WSGIHandler``), not through the test client, because hits never reach Django.
"""

import datetime
import gzip
import os
import socket
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client, RequestFactory
from django.utils import timezone
from django.utils.http import http_date
from wagtail.models import Page, PageViewRestriction

from casestudies.models import Branche, CaseStudyPage
from concepts.models import ConceptPage
from news.models import NewsPage
from partnerships.caching import version
from partnerships.caching.pagecache import CachingApp
from partnerships.models.images import CustomImage
from partnerships.models.pages import StandardPage
from partnerships.models.settings import SiteSettings

SECURITY_HEADERS = (
    "content-security-policy",
    "x-content-type-options",
    "referrer-policy",
    "cross-origin-opener-policy",
    "x-frame-options",
    "permissions-policy",
)


class WSGIClient:
    """Calls the production WSGI application (cache wrapper + Django) in-process."""

    def __init__(self):
        self.app = CachingApp(WSGIHandler())
        self.factory = RequestFactory()

    def request(self, path, method="GET", data=None, **meta):
        environ = self.factory.generic(method, path, data=data or "", **meta).environ
        captured = {}

        def start_response(status, header_list, exc_info=None):
            captured["status"] = int(status.split()[0])
            captured["headers"] = {k.lower(): v for k, v in header_list}

        # Like Django's test client: keep the test's database connection open.
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            result = self.app(environ, start_response)
            body = b"".join(result)
            if hasattr(result, "close"):
                result.close()
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        return SimpleNamespace(
            status=captured["status"],
            headers=captured["headers"],
            body=body,
            text=body.decode("utf-8", "replace"),
            cache=captured["headers"].get("x-page-cache"),
        )

    def get(self, path, **meta):
        return self.request(path, **meta)


@pytest.fixture
def web(settings):
    settings.FULL_PAGE_CACHE = True
    return WSGIClient()


def commit(on_commit, action):
    """Run ``action`` as a committed change (invalidation happens on commit)."""
    with on_commit(execute=True):
        action()


def publish(page):
    page.save_revision().publish()


# --- hits and misses ----------------------------------------------------------------------


def test_second_anonymous_request_is_a_hit_without_database_queries(
    web, site_tree, django_assert_num_queries, time_machine
):
    # At noon: in the last hour before midnight s-maxage would end at the citations' new day.
    noon = datetime.datetime.combine(timezone.localdate(), datetime.time(12))
    time_machine.move_to(timezone.make_aware(noon))
    version.bump()
    first = web.get("/konzept/")
    assert first.status == 200 and first.cache == "miss"
    assert "Das Konzept" in first.text or site_tree.concept_index.title in first.text

    with django_assert_num_queries(0):
        second = web.get("/konzept/")
    assert second.cache == "hit"
    assert second.body == first.body
    assert second.headers["cache-control"] == "public, max-age=0, s-maxage=3600"
    for name in SECURITY_HEADERS:
        assert second.headers[name] == first.headers[name], name
    assert "unsafe" not in second.headers["content-security-policy"]


def test_head_is_answered_from_the_cache_without_a_body(web, site_tree):
    web.get("/aktuelles/")
    head = web.request("/aktuelles/", method="HEAD")
    assert head.cache == "hit" and head.status == 200
    assert head.body == b""
    assert int(head.headers["content-length"]) > 1000


def test_query_variants_are_cached_separately_and_unknown_parameters_not_at_all(web, site_tree):
    page1 = web.get("/aktuelles/")
    page2 = web.get("/aktuelles/?page=2")
    assert page2.cache == "miss" and page1.body != page2.body
    assert web.get("/aktuelles/?page=2").cache == "hit"
    assert web.get("/aktuelles/?page=2").body == page2.body
    # A parameter no page reads: served, never stored (else every ?x=… would fill the cache).
    web.get("/aktuelles/?utm_source=newsletter")
    unknown = web.get("/aktuelles/?utm_source=newsletter")
    assert unknown.status == 200 and unknown.cache == "miss"
    assert "public" not in unknown.headers.get("cache-control", "")


def test_logged_in_users_neither_get_nor_populate_cached_pages(web, site_tree, superuser):
    browser = Client()
    browser.force_login(superuser)
    session = f"sessionid={browser.cookies['sessionid'].value}"

    own = web.get("/praxisbeispiele/", HTTP_COOKIE=session)
    assert own.status == 200 and own.cache is None
    assert "public" not in own.headers.get("cache-control", "")
    # Nothing was stored by the logged-in request.
    assert web.get("/praxisbeispiele/").cache == "miss"
    assert web.get("/praxisbeispiele/").cache == "hit"
    # A cached page exists now; the logged-in user still gets a fresh one.
    again = web.get("/praxisbeispiele/", HTTP_COOKIE=session)
    assert again.cache is None and again.status == 200


def test_csrf_cookie_bypasses_the_cache(web, site_tree):
    web.get("/impressum/")
    assert web.get("/impressum/").cache == "hit"
    assert web.get("/impressum/", HTTP_COOKIE="csrftoken=abc").cache is None


def test_post_is_never_cached(web, site_tree):
    web.get("/konzept/")
    post = web.request("/konzept/", method="POST", data="a=b")
    assert post.cache is None
    # The POST neither stored nor replaced anything: the GET entry is still served.
    assert web.get("/konzept/").cache == "hit"


def test_pages_with_a_form_are_never_cached(web, site_tree):
    """A password-protected page shows a form with a CSRF token: never stored."""
    PageViewRestriction.objects.create(
        page=Page.objects.get(pk=site_tree.about.pk),
        restriction_type=PageViewRestriction.PASSWORD,
        password="geheim",
    )
    first = web.get("/ueber-das-projekt/")
    assert first.status == 200 and 'name="csrfmiddlewaretoken"' in first.text
    second = web.get("/ueber-das-projekt/")
    assert second.cache == "miss"
    assert "public" not in second.headers.get("cache-control", "")


def test_preview_never_reaches_anonymous_visitors(
    web, site_tree, admin_client_de, django_capture_on_commit_callbacks
):
    page = site_tree.concepts[0]
    web.get(page.url)
    url = f"/admin/pages/{page.pk}/edit/preview/"
    data = {"title": "Vorschau-Titel XY", "slug": page.slug, "body-count": "0", "teaser": ""}
    admin_client_de.post(url, data)
    preview = admin_client_de.get(url)
    assert preview.status_code == 200
    assert "public" not in preview.get("Cache-Control", "")
    assert "Vorschau-Titel XY" not in web.get(page.url).text
    assert "Vorschau-Titel XY" not in web.get("/konzept/").text


# --- invalidation: the next anonymous request shows the new state -------------------------


def test_publishing_shows_the_new_state_on_the_page_its_listing_and_the_home_page(
    web, site_tree, django_capture_on_commit_callbacks
):
    page = ConceptPage.objects.get(pk=site_tree.concepts[0].pk)  # featured on the home page
    for path in (page.url, "/konzept/", "/", "/sitemap.xml"):
        web.get(path)
        assert web.get(path).cache == "hit", path
    unrelated = web.get("/aktuelles/2008/")
    page.title = "Neuer Titel der Grundidee"
    commit(django_capture_on_commit_callbacks, lambda: publish(page))

    for path in (page.url, "/konzept/", "/"):
        response = web.get(path)
        assert response.cache == "miss", path
        assert "Neuer Titel der Grundidee" in response.text, path
    assert web.get("/sitemap.xml").cache == "miss"
    # One model: every page is rendered once more after the change, then a hit again.
    assert web.get("/aktuelles/2008/").cache == "miss"
    assert web.get("/aktuelles/2008/").body == unrelated.body
    assert web.get("/aktuelles/2008/").cache == "hit"


def test_publishing_news_refreshes_feeds_year_archive_and_paginated_listing(
    web, site_tree, django_capture_on_commit_callbacks
):
    news = NewsPage.objects.get(pk=site_tree.news[-1].pk)
    paths = ["/aktuelles/", "/aktuelles/?page=2", "/aktuelles/feed/", "/aktuelles/atom/"]
    paths.append(f"/aktuelles/{news.date.year}/")
    for path in paths:
        web.get(path)
    news.title = "Korrigierte Meldung 2009"
    commit(django_capture_on_commit_callbacks, lambda: publish(news))
    shown = [path for path in paths if "Korrigierte Meldung 2009" in web.get(path).text]
    # The newest news item is on page 1, the feeds and its year, not on page 2.
    assert set(shown) == set(paths) - {"/aktuelles/?page=2"}


def test_unpublishing_removes_the_page_everywhere(
    web, site_tree, django_capture_on_commit_callbacks
):
    page = CaseStudyPage.objects.get(pk=site_tree.case_studies["leipzig"].pk)
    for path in (page.url, "/praxisbeispiele/", "/praxisbeispiele/?branche=logistik"):
        assert web.get(path).status == 200
        assert "Logistikdrehscheibe Leipzig" in web.get(path).text

    commit(django_capture_on_commit_callbacks, page.unpublish)

    assert web.get(page.url).status == 404
    assert "Logistikdrehscheibe Leipzig" not in web.get("/praxisbeispiele/").text
    assert "Logistikdrehscheibe Leipzig" not in web.get("/praxisbeispiele/?branche=logistik").text


def test_moving_a_page_serves_it_only_at_its_new_address(
    web, site_tree, django_capture_on_commit_callbacks
):
    child = StandardPage.objects.get(pk=site_tree.about_child.pk)
    assert web.get("/ueber-das-projekt/projektteam/").status == 200
    assert web.get("/ueber-das-projekt/projektteam/").cache == "hit"
    web.get("/sitemap.xml")
    assert "/ueber-das-projekt/projektteam/" in web.get("/sitemap.xml").text

    commit(
        django_capture_on_commit_callbacks,
        lambda: child.move(Page.objects.get(pk=site_tree.home.pk), pos="last-child"),
    )

    old = web.get("/ueber-das-projekt/projektteam/")
    assert old.status in (301, 404) and old.cache == "miss"
    assert web.get("/projektteam/").status == 200
    sitemap = web.get("/sitemap.xml").text
    assert "/projektteam/" in sitemap and "/ueber-das-projekt/projektteam/" not in sitemap


def test_deleting_a_page_removes_it_from_page_listing_and_feed(
    web, site_tree, django_capture_on_commit_callbacks
):
    news = NewsPage.objects.get(pk=site_tree.news[-1].pk)
    title = news.title
    for path in (news.url, "/aktuelles/", "/aktuelles/feed/", "/"):
        web.get(path)
        assert title in web.get(path).text, path

    commit(django_capture_on_commit_callbacks, news.delete)

    assert web.get(news.url).status == 404
    for path in ("/aktuelles/", "/aktuelles/feed/", "/"):
        assert title not in web.get(path).text, path


def test_changing_a_snippet_refreshes_the_pages_and_filters_showing_it(
    web, site_tree, django_capture_on_commit_callbacks
):
    leipzig = site_tree.case_studies["leipzig"]
    paths = [leipzig.url, "/praxisbeispiele/", "/praxisbeispiele/?branche=logistik"]
    for path in paths:
        web.get(path)
        assert "Logistik" in web.get(path).text
    unrelated = web.get("/konzept/")

    branche = Branche.objects.get(slug="logistik")
    branche.name = "Logistik und Verkehr"
    commit(django_capture_on_commit_callbacks, branche.save)

    for path in paths:
        assert "Logistik und Verkehr" in web.get(path).text, path
    # One model: every change makes every page stale; the next request renders it again.
    assert web.get("/konzept/").cache == "miss"
    assert web.get("/konzept/").cache == "hit"
    assert web.get("/konzept/").body == unrelated.body


def test_changing_an_image_refreshes_the_pages_showing_it(
    web, site_tree, django_capture_on_commit_callbacks
):
    oldenburg = site_tree.case_studies["oldenburg"]  # listing image on the case study list
    for path in ("/praxisbeispiele/", oldenburg.url):
        web.get(path)
    assert "Landrat bei der Clusterkonferenz" in web.get("/praxisbeispiele/").text

    image = CustomImage.objects.get(pk=site_tree.image.pk)
    image.description = "Podium der Clusterkonferenz im Kreishaus"
    commit(django_capture_on_commit_callbacks, image.save)

    listing = web.get("/praxisbeispiele/")
    assert listing.cache == "miss"
    assert "Podium der Clusterkonferenz im Kreishaus" in listing.text
    assert web.get(oldenburg.url).cache == "miss"


def test_changing_site_settings_refreshes_every_page(
    web, site_tree, django_capture_on_commit_callbacks
):
    paths = ["/", "/konzept/", site_tree.news[0].url, "/impressum/"]
    for path in paths:
        web.get(path)
        assert web.get(path).cache == "hit"

    site_settings = SiteSettings.for_site(site_tree.home.get_site())
    site_settings.organisation = "Rambøll Management Consulting Neu"
    commit(django_capture_on_commit_callbacks, site_settings.save)

    for path in paths:
        assert "Rambøll Management Consulting Neu" in web.get(path).text, path


def test_rendering_racing_a_change_is_never_served(web, site_tree, monkeypatch):
    """A page rendered from the old data while a change commits is stored under the old
    content version: the next request renders again."""
    from partnerships.caching import pagecache, version

    original = pagecache.CachingApp.render_and_store

    def render_then_change(self, environ, start_response, *args):
        result = original(self, environ, start_response, *args)
        version.bump()  # a change committed during the render
        pagecache.advance(*version.read())
        return result

    monkeypatch.setattr(pagecache.CachingApp, "render_and_store", render_then_change)
    web.get("/konzept/")
    monkeypatch.setattr(pagecache.CachingApp, "render_and_store", original)
    assert web.get("/konzept/").cache == "miss"
    assert web.get("/konzept/").cache == "hit"


# --- HTTP caching headers and compression -------------------------------------------------


def test_etag_and_last_modified_give_304(web, site_tree):
    first = web.get("/konzept/")
    etag, last_modified = first.headers["etag"], first.headers["last-modified"]
    assert etag.startswith('"') and last_modified

    by_etag = web.get("/konzept/", HTTP_IF_NONE_MATCH=etag)
    assert by_etag.status == 304 and by_etag.body == b""
    assert by_etag.headers["etag"] == etag
    by_date = web.get("/konzept/", HTTP_IF_MODIFIED_SINCE=last_modified)
    assert by_date.status == 304
    stale = web.get("/konzept/", HTTP_IF_NONE_MATCH='"nicht-mehr-aktuell"')
    assert stale.status == 200 and stale.body == first.body
    old_date = web.get("/konzept/", HTTP_IF_MODIFIED_SINCE=http_date(0))
    assert old_date.status == 200


def test_uncached_pages_also_answer_304(settings, site_tree):
    settings.FULL_PAGE_CACHE = False
    web = WSGIClient()
    first = web.get("/konzept/")
    assert first.cache is None and "etag" in first.headers
    assert web.get("/konzept/", HTTP_IF_NONE_MATCH=first.headers["etag"]).status == 304


def test_gzip_and_identity_variants_come_from_one_entry(web, site_tree):
    plain = web.get("/aktuelles/")  # the miss is rendered without gzip
    zipped = web.get("/aktuelles/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert zipped.cache == "hit" and zipped.headers["content-encoding"] == "gzip"
    assert gzip.decompress(zipped.body) == plain.body
    assert len(zipped.body) < len(plain.body) / 2
    assert int(zipped.headers["content-length"]) == len(zipped.body)
    for response in (plain, zipped):
        assert "accept-encoding" in response.headers["vary"].lower()
    assert zipped.headers["etag"] == "W/" + plain.headers["etag"]
    assert web.get("/aktuelles/", HTTP_IF_NONE_MATCH=plain.headers["etag"]).status == 304

    # The other way round: a gzip miss, then a client without gzip.
    first = web.get("/konzept/", HTTP_ACCEPT_ENCODING="gzip")
    assert first.cache == "miss" and first.headers["content-encoding"] == "gzip"
    identity = web.get("/konzept/")
    assert identity.cache == "hit" and "content-encoding" not in identity.headers
    assert gzip.decompress(first.body) == identity.body


def test_html_is_compressed_for_logged_in_users_too(web, site_tree, superuser):
    browser = Client()
    browser.force_login(superuser)
    response = web.get(
        "/konzept/",
        HTTP_COOKIE=f"sessionid={browser.cookies['sessionid'].value}",
        HTTP_ACCEPT_ENCODING="gzip",
    )
    assert response.headers["content-encoding"] == "gzip"
    assert b"<html" in gzip.decompress(response.body)


def test_errors_and_redirects_are_not_cached(web, site_tree):
    assert web.get("/gibt-es-nicht/").status == 404
    assert web.get("/gibt-es-nicht/").cache == "miss"
    assert web.get("/suche/?q=Cluster").cache is None


# --- Redis ----------------------------------------------------------------------------------


def _redis_reachable():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.fixture
def redis_cache(settings):
    if not _redis_reachable():
        pytest.skip("Redis antwortet nicht auf 127.0.0.1:6379: Redis-Test übersprungen")
    # Parallel test processes (pytest-xdist workers, other checkouts) share the Redis server:
    # each uses a database of its own (1-14; 0 is the default, 15 left free) and a prefix naming
    # the process, so neither sees nor deletes the other's keys.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")  # gw0, gw1, … under pytest-xdist
    number = 1 + int(worker.removeprefix("gw") or 0) % 14
    prefix = f"sp-test-{socket.gethostname()}-{os.getpid()}-{worker}"
    settings.CACHES = {
        "default": {
            "BACKEND": "partnerships.caching.redis_backend.RedisCache",  # as in production
            "LOCATION": f"redis://127.0.0.1:6379/{number}",
            "KEY_PREFIX": prefix,
        }
    }
    yield cache
    client = cache._cache.get_client(None, write=True)
    keys = list(client.scan_iter(match=f"{prefix}:*"))
    if keys:
        client.delete(*keys)


def test_redis_backed_cache_hits_and_invalidates(
    redis_cache, web, site_tree, django_capture_on_commit_callbacks
):
    page = ConceptPage.objects.get(pk=site_tree.concepts[1].pk)
    assert web.get(page.url).cache == "miss"
    assert web.get(page.url, HTTP_ACCEPT_ENCODING="gzip").cache == "hit"
    client = redis_cache._cache.get_client(None)
    assert list(client.scan_iter(match=f"{redis_cache.key_prefix}:*pc:e:*"))  # stored in Redis
    page.title = "Titel aus Redis entfernt"
    commit(django_capture_on_commit_callbacks, lambda: publish(page))
    fresh = web.get(page.url)
    assert fresh.cache == "miss" and "Titel aus Redis entfernt" in fresh.text


def test_other_spellings_of_a_page_address_are_not_cached(web, site_tree):
    """``/aktuelles/02008/`` shows the year 2008 too, but invalidation only knows
    ``/aktuelles/2008/``: such spellings are served uncached."""
    assert web.get("/aktuelles/2008/").status == 200
    assert web.get("/aktuelles/2008/").cache == "hit"
    assert web.get("/aktuelles/02008/").status == 200
    assert web.get("/aktuelles/02008/").cache == "miss"


def test_renaming_a_concept_page_refreshes_the_case_study_filter(
    web, site_tree, django_capture_on_commit_callbacks
):
    web.get("/praxisbeispiele/")
    assert web.get("/praxisbeispiele/").cache == "hit"
    page = ConceptPage.objects.get(pk=site_tree.concepts[1].pk)
    page.title = "Akteure gewinnen"
    commit(django_capture_on_commit_callbacks, lambda: publish(page))
    listing = web.get("/praxisbeispiele/")
    assert listing.cache == "miss"
    assert ">Akteure gewinnen</option>" in listing.text
