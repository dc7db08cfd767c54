"""Shared fixtures: a small but complete site tree built with the factories."""

import os
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import transaction
from hypothesis import settings as hypothesis_settings

from partnerships.caching import memo as content_memo
from partnerships.caching import pagecache
from partnerships.caching import version as content_version
from partnerships.editorial.permissions import EDITORS, MODERATORS
from tests import rendition_cache
from tests.factories import build_site, make_home

# Hypothesis profiles (tests/test_fuzz_requests.py): "quick" for ``make test``, "full" for CI
# (``HYPOTHESIS_PROFILE=full``, or ``pytest --hypothesis-profile=full``): 1,300 examples per
# fuzz test, at least 5,000 requests in all.
hypothesis_settings.register_profile("quick", max_examples=130)
hypothesis_settings.register_profile("full", max_examples=1300)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))


def _cache_directory(config, name):
    """A directory in the pytest cache (``.pytest_cache/d/``) of this checkout, shared by
    parallel test processes; also with ``-p no:cacheprovider`` (make test's PostgreSQL run)."""
    cache = getattr(config, "cache", None)
    if cache is not None:
        return Path(cache.mkdir(name))
    return config.rootpath / ".pytest_cache" / "d" / name


def pytest_configure(config):
    """Pictures are made once and kept on disk, keyed by everything they depend on: the example
    illustrations (``partnerships.initial_content.images``) and the encoded rendition images
    (``tests.rendition_cache``)."""
    if not os.environ.get("ILLUSTRATION_CACHE_DIR"):
        os.environ["ILLUSTRATION_CACHE_DIR"] = str(_cache_directory(config, "illustrations"))
    rendition_cache.install(_cache_directory(config, "renditions"))


# --- Module order for parallel runs ----------------------------------------------------------
#
# pytest-xdist (``make test``: ``-n 2 --dist loadfile --no-loadscope-reorder``) hands whole
# modules to the worker processes in collection order. Longest first keeps both busy to the
# end (a long module handed out last would leave the other worker idle). The seconds a module
# took are kept in the pytest cache; until a run has measured them, these rough figures (two
# cores, 2026-12) stand in. Only the module order changes; pytest-randomly still shuffles the
# tests inside each module, and a run without workers keeps its (random) order.
MODULE_SECONDS_KEY = "partnerships/module-seconds"
MODULE_SECONDS = {
    "tests/browser/test_accessibility.py": 75,
    "tests/test_initial_content.py": 40,
    "tests/browser/test_editorial_journey.py": 35,
    "tests/test_page_types.py": 24,
    "tests/test_performance.py": 18,
    "tests/test_fuzz_requests.py": 15,
    "tests/test_casestudies.py": 13,
    "tests/browser/test_content_checks.py": 10,
    "tests/test_demo_load.py": 10,
}
_measured_seconds = defaultdict(float)


def _module_of(nodeid):
    return nodeid.split("::", 1)[0]


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return
    cache = getattr(config, "cache", None)  # None with ``-p no:cacheprovider``
    seconds = {**MODULE_SECONDS, **(cache.get(MODULE_SECONDS_KEY, {}) if cache else {})}
    # Stable: modules of equal weight (and the tests inside a module) keep their order.
    items.sort(key=lambda item: -seconds.get(_module_of(item.nodeid), 0))


def pytest_runtest_logreport(report):
    _measured_seconds[_module_of(report.nodeid)] += report.duration


def pytest_sessionfinish(session):
    cache = getattr(session.config, "cache", None)
    if cache is None or os.environ.get("PYTEST_XDIST_WORKER") or not _measured_seconds:
        return  # the controller of a parallel run (or a run without workers) records
    known = cache.get(MODULE_SECONDS_KEY, {})
    known.update({module: round(s, 1) for module, s in _measured_seconds.items()})
    cache.set(MODULE_SECONDS_KEY, known)


@pytest.fixture
def home(db):
    """Only a HomePage, as the default site's root. Not for modules that use ``site_tree``
    (there is only one home page)."""
    return make_home()


@pytest.fixture(autouse=True)
def _clear_cache():
    """Wagtail caches site root paths in the (locmem) cache, and each process keeps a content
    memo (``partnerships.caching.memo``); start every test afresh."""
    cache.clear()
    content_memo.forget()
    content_version.forget()
    pagecache.forget()
    yield
    cache.clear()
    content_memo.forget()
    content_version.forget()
    pagecache.forget()


@contextmanager
def outer_transaction(django_db_blocker):
    """Data built inside stays for the duration of the block and is rolled back afterwards.

    Used by module-scoped fixtures: each test's own transaction nests inside as a savepoint
    and is rolled back as usual. Works on SQLite and PostgreSQL. Tests must not rely on
    changes to shared objects surviving (re-fetch them instead).
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def _module_site(django_db_setup, django_db_blocker):
    """The site of ``build_site`` once per test module (see ``outer_transaction``)."""
    with outer_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            ns = build_site()
        yield ns


@pytest.fixture
def site_tree(_module_site, db):
    """Home, Konzept (3 pages), Praxisbeispiele (5 live + 1 draft), Aktuelles (12 live news
    + 1 draft), a menu StandardPage with a child, the contact page (in the menu), Impressum
    and Datenschutz (see ``tests.factories.build_site``)."""
    return _module_site


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser(
        username="admin", email="admin@example.org", password="ein-sicheres-passwort"
    )


@pytest.fixture
def admin_client_de(client, superuser):
    client.force_login(superuser)
    return client


def _user_in_group(username, group_name):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="ein-sicheres-passwort"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return _user_in_group("redakteurin", EDITORS)


@pytest.fixture
def moderator(db):
    return _user_in_group("moderator", MODERATORS)
