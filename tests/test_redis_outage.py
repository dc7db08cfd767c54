"""Redis down is not the site down (partnerships/caching/redis_backend.py).

The default cache is the production back end pointed at a loopback port nobody listens on:
every page, search and the contact form (GET and POST, with its rate limit) must answer as
without a cache, and the back end must neither raise nor wait for Redis on every call.
"""

import logging
import socket
import time

import pytest
from django.core.cache import cache
from wagtail.contrib.forms.models import FormSubmission

from partnerships.caching import redis_backend as redis_cache
from tests.helpers import main, text_of
from tests.test_contact import valid_data
from tests.test_page_cache import WSGIClient


def closed_port():
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_settings(location):
    return {
        "default": {
            "BACKEND": "partnerships.caching.redis_backend.RedisCache",  # as in production
            "LOCATION": location,
            "KEY_PREFIX": "sp-test-down",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


def forget_breaker(location):
    getattr(redis_cache, "_breakers", {}).pop(location, None)


@pytest.fixture
def redis_down(settings):
    """The default cache: Redis on a closed port, the breaker of that location fresh."""
    location = f"redis://127.0.0.1:{closed_port()}/0"
    settings.CACHES = redis_settings(location)
    yield location
    forget_breaker(location)


# --- the back end ---------------------------------------------------------------------------


def test_unreachable_redis_answers_like_an_empty_cache(redis_down):
    assert cache.get("k") is None
    assert cache.get("k", "standard") == "standard"
    assert cache.set("k", 1) is None
    assert cache.add("k", 1) is False
    assert cache.touch("k") is False
    assert cache.delete("k") is False
    assert cache.has_key("k") is False
    assert cache.get_many(["a", "b"]) == {}
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]  # not stored
    assert cache.delete_many(["a"]) is None
    assert cache.get_or_set("k", 5) == 5
    with pytest.raises(ValueError):  # like any missing key
        cache.incr("k")
    assert not redis_cache.cache_available()


def test_breaker_skips_redis_after_a_failure_and_warns_once(redis_down, caplog, monkeypatch):
    caplog.set_level(logging.WARNING, logger="partnerships.caching.redis_backend")
    calls = []
    backend = cache._cache
    real_get_client = type(backend).get_client

    def counting_get_client(self, *args, **kwargs):
        calls.append(1)
        return real_get_client(self, *args, **kwargs)

    monkeypatch.setattr(type(backend), "get_client", counting_get_client)
    for _ in range(50):
        cache.get("k")
        cache.set("k", 1)
    assert len(calls) == 1  # the first call failed, the other 99 skipped Redis
    warnings = [r for r in caplog.records if r.name == "partnerships.caching.redis_backend"]
    assert len(warnings) == 1
    assert "nicht erreichbar" in warnings[0].getMessage()


def test_after_the_pause_one_call_probes_and_recovery_is_logged(redis_down, caplog, monkeypatch):
    caplog.set_level(logging.WARNING, logger="partnerships.caching.redis_backend")
    monkeypatch.setattr(cache.breaker, "seconds", 0.2)
    assert cache.get("k") is None
    assert not redis_cache.cache_available()
    time.sleep(0.25)
    # Redis is back (a stand-in client that answers).
    monkeypatch.setattr(type(cache._cache), "get", lambda self, key, default: "wert")
    assert cache.get("k") == "wert"
    assert redis_cache.cache_available()
    logger = "partnerships.caching.redis_backend"
    messages = [r.getMessage() for r in caplog.records if r.name == logger]
    assert len(messages) == 2 and "wieder erreichbar" in messages[1]


def test_a_hanging_redis_costs_one_timeout_not_one_per_call(settings):
    """A server that accepts connections but never answers (overloaded, half-dead)."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        location = f"redis://127.0.0.1:{server.getsockname()[1]}/0"
        settings.CACHES = redis_settings(location)
        try:
            start = time.monotonic()
            for _ in range(20):
                assert cache.get("k") is None
            assert time.monotonic() - start < 1.5  # one 0.5 s timeout, then skipped
        finally:
            forget_breaker(location)


# --- the site -------------------------------------------------------------------------------


@pytest.mark.parametrize("page_cache", [False, True], ids=["ohne-seiten-cache", "seiten-cache"])
def test_pages_and_search_answer_200_without_redis(redis_down, site_tree, settings, page_cache):
    settings.FULL_PAGE_CACHE = page_cache
    web = WSGIClient()  # the production WSGI stack, page cache wrapper included
    paths = [
        "/",
        site_tree.concepts[1].url,
        site_tree.concept_index.url,
        site_tree.cs_index.url,
        "/aktuelles/",
        "/suche/?q=Cluster",
        site_tree.contact.url,
        "/sitemap.xml",
    ]
    for path in paths:
        response = web.get(path)
        assert response.status == 200, (path, response.status)
        assert response.cache != "hit", path
    assert web.get("/gibt-es-nicht/").status == 404


def test_contact_form_works_without_redis(redis_down, client, site_tree):
    page = site_tree.contact
    assert client.get(page.url).status_code == 200
    response = client.post(page.url, valid_data(anliegen="Ohne Redis"))
    assert response.status_code == 200
    assert "Vielen Dank für Ihre Nachricht" in text_of(main(response))
    assert FormSubmission.objects.filter(page=page).count() == 1


def test_rate_limit_holds_without_redis(redis_down, client, site_tree, settings):
    """The limit is counted in the database: no spam window while the cache is gone."""
    settings.CONTACT_RATE_LIMIT = 2
    page = site_tree.contact
    for i in range(2):
        assert client.post(page.url, valid_data(anliegen=f"Frage {i}")).status_code == 200
    refused = client.post(page.url, valid_data(anliegen="Frage 3"))
    assert refused.status_code == 429
    assert "zu viele Nachrichten gesendet" in text_of(main(refused))
    assert 'value="Frage 3"' in refused.content.decode()  # the visitor's text is kept
    assert FormSubmission.objects.filter(page=page).count() == 2
