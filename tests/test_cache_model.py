"""One invalidation model for every cache (issue 11): the defects found as a visitor and as an
attacker, each with a test that failed before ``partnerships/caching/`` existed.

Requests go through the production WSGI stack (``tests.test_page_cache.WSGIClient``), with the
page cache on; the content memo is on as in production.
"""

import pytest
from django.core.cache import cache
from wagtail.models import Page, PageViewRestriction

from news.models import NewsPage
from partnerships.caching.pagecache import REBUILD_KEY
from partnerships.models.pages import StandardPage
from tests.test_page_cache import WSGIClient, commit, publish


@pytest.fixture
def web(settings):
    settings.FULL_PAGE_CACHE = True
    return WSGIClient()


def stored_entries():
    """How many pages the (local-memory) page cache holds."""
    return sum(":pc:e:" in key for key in cache._cache)


# --- 1. private pages never stay public ---------------------------------------------------


@pytest.mark.parametrize("kind", ["password", "login", "groups"])
def test_a_view_restriction_on_a_cached_page_takes_effect_at_once(
    web, site_tree, django_capture_on_commit_callbacks, kind
):
    page = site_tree.concepts[1]
    web.get(page.url)
    assert web.get(page.url).cache == "hit"
    secret = page.specific.title

    def restrict():
        restriction = PageViewRestriction(page=page, restriction_type=kind, password="geheim")
        restriction.save()
        if kind == "groups":
            from django.contrib.auth.models import Group

            restriction.groups.add(Group.objects.get_or_create(name="Intern")[0])

    commit(django_capture_on_commit_callbacks, restrict)

    for _ in range(2):
        response = web.get(page.url)
        assert response.cache != "hit"
        assert response.status in (200, 302)  # the password form, or the way to the login
        assert f"<h1>{secret}</h1>" not in response.text
        assert "public" not in response.headers.get("cache-control", "")


def test_a_restricted_section_disappears_from_listings_home_feeds_and_sitemap(
    web, site_tree, django_capture_on_commit_callbacks
):
    news = NewsPage.objects.get(pk=site_tree.news[-1].pk)
    paths = ["/", "/aktuelles/", "/aktuelles/feed/", news.url]
    for path in paths:
        web.get(path)
        assert news.title in web.get(path).text, path
    web.get("/sitemap.xml")
    assert news.url in web.get("/sitemap.xml").text

    section = Page.objects.get(pk=site_tree.news_index.pk)
    commit(
        django_capture_on_commit_callbacks,
        lambda: PageViewRestriction.objects.create(page=section, restriction_type="login"),
    )

    assert news.title not in web.get("/").text
    assert news.url not in web.get("/sitemap.xml").text
    for path in ["/aktuelles/", "/aktuelles/feed/", news.url]:
        response = web.get(path)
        assert response.status == 302 and "login/?next=" in response.headers["location"], path


def test_a_copy_older_than_a_privacy_change_is_never_served_while_rebuilding(
    web, site_tree, django_capture_on_commit_callbacks
):
    """After an ordinary change, visitors get the previous copy while one request renders the
    page again (no pile-up); after a view restriction, nobody gets a copy from before it."""
    page = site_tree.concepts[1]
    stale = stale_while_rebuilding(web, page, site_tree, django_capture_on_commit_callbacks)
    assert stale.headers["cache-control"] == "private, no-cache"  # Varnish must not keep it
    cache.delete(REBUILD_KEY)
    assert web.get(page.url).cache == "miss"
    assert web.get(page.url).cache == "hit"

    commit(
        django_capture_on_commit_callbacks,
        lambda: PageViewRestriction.objects.create(page=page, restriction_type="login"),
    )
    cache.add(REBUILD_KEY, 1)
    response = web.get(page.url)
    assert response.cache == "miss" and response.status == 302


def stale_while_rebuilding(web, page, site_tree, commit_callbacks):
    """Cache ``page``, publish an unrelated news change, and ask for ``page`` while another
    request holds the rebuild lock: the answer must be the previous copy, marked stale."""
    web.get(page.url)
    old = web.get(page.url)
    assert old.cache == "hit"
    news = NewsPage.objects.get(pk=site_tree.news[0].pk)
    news.title = "Eine andere Meldung"
    commit(commit_callbacks, lambda: publish(news))

    cache.add(REBUILD_KEY, 1)  # another request is rendering a page right now
    stale = web.get(page.url)
    assert stale.cache == "stale" and stale.body == old.body
    return stale


# --- 2. request inputs outside the key never shape a stored page -------------------------


def test_a_script_name_header_leaves_no_prefixed_links_for_anyone(web, site_tree):
    """gunicorn takes SCRIPT_NAME from a header of its trusted proxy."""
    for path in ["/", "/konzept/", "/aktuelles/", "/aktuelles/feed/"]:
        for _ in range(2):
            web.get(path, SCRIPT_NAME="/kaputt")
    for path in ["/", "/konzept/", "/aktuelles/", "/aktuelles/feed/", "/impressum/"]:
        response = web.get(path)
        assert response.status == 200
        assert "/kaputt" not in response.text, path


def test_scheme_and_host_spellings_share_one_entry_and_never_poison_it(web, site_tree, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    first = web.get("/konzept/", HTTP_HOST="LOCALHOST.", HTTP_X_FORWARDED_PROTO="HTTPS")
    for host in ["localhost", "localhost:443", "LocalHost"]:
        response = web.get("/konzept/", HTTP_HOST=host, HTTP_X_FORWARDED_PROTO="https")
        assert response.cache == "hit" and response.body == first.body, host
    plain = web.get("/konzept/", HTTP_HOST="localhost", HTTP_X_FORWARDED_PROTO="http")
    assert plain.cache == "miss"  # another scheme is another entry


def test_an_https_redirect_is_never_stored_by_a_shared_cache(client, site_tree, settings):
    """Varnish served the HTTP→HTTPS redirect to HTTPS visitors: it said nothing about caching."""
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    response = client.get("/konzept/", HTTP_X_FORWARDED_PROTO="http")
    assert response.status_code == 301
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]


# --- 3. a bounded key space ------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/aktuelles/?page=0000000001",
        "/aktuelles/?page=1",
        "/aktuelles/?page=99999999",  # shows the last page: stored under that page's address
        "/aktuelles/02008/",
        "/praxisbeispiele/?branche=" + "x" * 100,
        "/praxisbeispiele/?branche=logistik&phase=",
        "/konzept/?utm_source=newsletter",
    ],
)
def test_other_spellings_of_an_address_are_answered_but_not_stored(web, site_tree, path):
    before = stored_entries()
    for _ in range(3):
        response = web.get(path)
        assert response.status in (200, 404) and response.cache != "hit"
    assert stored_entries() == before


def test_a_host_with_another_port_is_answered_but_not_stored(web, site_tree):
    before = stored_entries()
    for port in range(8000, 8010):
        assert web.get("/konzept/", HTTP_HOST=f"localhost:{port}").status == 200
    assert stored_entries() == before


def test_the_canonical_addresses_of_lists_are_stored(web, site_tree):
    for path in ["/aktuelles/?page=2", "/aktuelles/2008/", "/praxisbeispiele/?branche=logistik"]:
        web.get(path)
        assert web.get(path).cache == "hit", path


# --- a new page type needs no caching code ---------------------------------------------------


def test_a_new_page_type_is_cached_and_invalidated_without_caching_code(
    web, site_tree, django_capture_on_commit_callbacks
):
    """``tests.testapp.NoticeBoardPage`` lists the latest news titles and knows nothing of
    caching: it is stored like every page and shows a change to other pages at once."""
    from tests.testapp.models import NoticeBoardPage

    board = NoticeBoardPage(title="Schwarzes Brett", slug="schwarzes-brett")
    site_tree.home.add_child(instance=board)
    publish(board)
    web.get("/schwarzes-brett/")
    first = web.get("/schwarzes-brett/")
    assert first.cache == "hit" and "Schwarzes Brett" in first.text

    news = NewsPage.objects.get(pk=site_tree.news[-1].pk)
    news.title = "Neu am Schwarzen Brett"
    commit(django_capture_on_commit_callbacks, lambda: publish(news))
    assert "Neu am Schwarzen Brett" in web.get("/schwarzes-brett/").text
    assert web.get("/schwarzes-brett/").cache == "hit"

    page = StandardPage.objects.get(pk=site_tree.impressum.pk)
    commit(
        django_capture_on_commit_callbacks,
        lambda: PageViewRestriction.objects.create(
            page=Page.objects.get(pk=board.pk), restriction_type="login"
        ),
    )
    assert web.get("/schwarzes-brett/").status == 302
    assert web.get(page.url).status == 200


def test_a_version_set_back_by_a_restore_is_cached_again(web, site_tree):
    """A restored backup brings an older content version: the database is the truth, else
    every page would stay stale and be rendered on every request."""
    from django.db import connection

    web.get("/konzept/")
    assert web.get("/konzept/").cache == "hit"
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE partnerships_contentversion SET token = token - 1000, privacy = token "
            "WHERE id = 1"
        )
    web.get("/impressum/")  # rendered under the older number
    assert web.get("/impressum/").cache == "hit"


def test_after_a_foreign_write_of_the_version_an_ordinary_change_still_serves_stale_copies(
    web, site_tree, django_capture_on_commit_callbacks
):
    """Code that writes the number without the privacy mark (the build before this one on a
    shared database, a hand-edited restore) leaves ``privacy`` above ``token``. Readers treat
    that as a privacy change at the current number; an ordinary change after it must not count
    as one again, or every page is rendered by every request at once (pile-up after a publish)."""
    from django.db import connection

    page = site_tree.concepts[1]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE partnerships_contentversion SET privacy = token + 1000, token = token - 5 "
            "WHERE id = 1"
        )
    stale_while_rebuilding(web, page, site_tree, django_capture_on_commit_callbacks)
