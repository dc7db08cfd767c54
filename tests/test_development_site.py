"""`make run` as a newcomer meets it: the site's own address everywhere, the German 404, no
third-party avatars, and an SQLite database that waits instead of failing ("database is
locked") when two editors' saves meet."""

import contextlib
import io
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db.backends.sqlite3.base import DatabaseWrapper

from partnerships.settings import base
from tests.helpers import soup

ROOT = Path(settings.BASE_DIR)


# --- Avatars (defect 7) ---------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/admin/", "/admin/account/", "/admin/users/"])
def test_admin_avatars_come_from_the_site_not_gravatar(admin_client_de, path):
    response = admin_client_de.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert "gravatar" not in html.lower()
    avatars = [img["src"] for img in soup(response).select("img.avatar, .avatar img")]
    assert avatars, "the admin shows the user's avatar"
    for src in avatars:
        assert src.startswith(settings.STATIC_URL), src
        assert admin_client_de.get(src).status_code == 200, src


# --- The site's own address (defect 8) -----------------------------------------------------


def dev_settings(**env):
    """DEBUG, SITE_URL and WAGTAILADMIN_BASE_URL as `manage.py runserver` sees them."""
    code = (
        "import django, os; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.SITE_URL, s.WAGTAILADMIN_BASE_URL)"
    )
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DEBUG", "SITE_URL", "WAGTAILADMIN_BASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "partnerships.settings.dev", **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.split()


def test_make_run_serves_and_links_at_its_own_port():
    dry_run = subprocess.run(
        ["make", "-n", "run", "PORT=8123"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "set_site_address http://127.0.0.1:8123" in dry_run
    assert re.search(
        r"SITE_URL=http://127.0.0.1:8123 \S+ manage.py runserver 127.0.0.1:8123", dry_run
    )


def test_development_mail_links_follow_the_served_address_and_debug_is_off():
    debug, site_url, admin_base = dev_settings(SITE_URL="http://127.0.0.1:8123")
    assert (debug, site_url, admin_base) == (
        "False",
        "http://127.0.0.1:8123",
        "http://127.0.0.1:8123",
    )
    assert dev_settings(DEBUG="1")[0] == "True"


def test_site_address_makes_canonical_feed_and_open_graph_urls_follow(site_tree, client):
    call_command("set_site_address", "http://127.0.0.1:8123", stdout=io.StringIO())
    page = soup(client.get("/", HTTP_HOST="127.0.0.1:8123"))
    assert page.select_one("link[rel=canonical]")["href"] == "http://127.0.0.1:8123/"
    assert page.select_one("meta[property='og:url']")["content"] == "http://127.0.0.1:8123/"
    feeds = [link["href"] for link in page.select("link[rel=alternate][type$='+xml']")]
    assert feeds and all(href.startswith("http://127.0.0.1:8123/") for href in feeds)


def test_site_address_refuses_nonsense(site_tree):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Keine gültige Adresse"):
        call_command("set_site_address", "127.0.0.1:8123")


# --- SQLite under concurrent saves (defect 4) ----------------------------------------------


def sqlite_connection(path):
    connection = DatabaseWrapper(
        {
            **settings.DATABASES["default"],
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(path),
            "OPTIONS": dict(base.SQLITE_OPTIONS),
            "TEST": {},
        }
    )
    connection.ensure_connection()
    return connection


def test_two_saves_at_once_wait_for_each_other_instead_of_database_is_locked(
    tmp_path, django_db_blocker
):
    """An autosave and "Zur Freigabe einreichen" in two server threads: each reads, then writes
    in one transaction. With deferred transactions SQLite refuses the second writer's lock
    upgrade at once; with make run's options the second waits and both are stored."""
    with django_db_blocker.unblock():  # its own database file, not the test database
        two_saves_at_once(tmp_path / "db.sqlite3")


def two_saves_at_once(path):
    setup = sqlite_connection(path)
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE revision (id INTEGER PRIMARY KEY, note TEXT)")
    setup.close()

    errors, both_read = [], threading.Barrier(2, timeout=10)

    def save(note):
        connection = sqlite_connection(path)
        try:
            # What transaction.atomic() does on SQLite: an explicit BEGIN.
            connection.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM revision")
                # In immediate mode the other one waits for our lock before it reads.
                with contextlib.suppress(threading.BrokenBarrierError):
                    both_read.wait(timeout=1)
                time.sleep(0.2)
                cursor.execute("INSERT INTO revision (note) VALUES (%s)", [note])
            connection.commit()
        except Exception as error:  # noqa: BLE001 - the test reports what the save met
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(note,)) for note in ("autosave", "submit")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    check = sqlite_connection(path)
    with check.cursor() as cursor:
        cursor.execute("SELECT note FROM revision ORDER BY note")
        assert [row[0] for row in cursor.fetchall()] == ["autosave", "submit"]
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
    check.close()
