"""Browser tests in Debian's Chromium (see STACK-NOTES): Playwright drives /usr/bin/chromium.

Without Chromium every browser test is skipped with a clear message, unless
``REQUIRE_BROWSER_TESTS=1`` (set by CI), where a missing Chromium is an error.
"""

import io
import os
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connections
from pytest_django.live_server_helper import LiveServer

# Playwright's sync API keeps an event loop running in the main thread; Django's ORM refuses
# to run next to one unless this is set.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SKIP_MESSAGE = "Chromium nicht gefunden: /usr/bin/chromium fehlt – Browser-Tests übersprungen"


def chromium_required():
    return os.environ.get("REQUIRE_BROWSER_TESTS", "") not in ("", "0")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    browser_items = [item for item in items if item.get_closest_marker("browser")]
    if not browser_items:
        return
    if not CHROMIUM.exists() and not chromium_required():
        skip = pytest.mark.skip(reason=SKIP_MESSAGE)
        for item in browser_items:
            item.add_marker(skip)
    # Browser tests commit data for the live server and restore the database afterwards
    # (``content_live_server``): they may run before or after any other module.


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        pytest.fail(
            "Chromium nicht gefunden: /usr/bin/chromium fehlt, aber REQUIRE_BROWSER_TESTS ist "
            "gesetzt – die Browser-Tests müssen laufen."
        )
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": CHROMIUM_ARGS,
    }


# --- Committed data for the live server -------------------------------------------------


def assert_test_database(connection):
    name = str(connection.settings_dict["NAME"])
    in_memory = connection.vendor == "sqlite" and connection.is_in_memory_db()
    assert in_memory or name.startswith("test_"), (
        f"refusing to load content into {name!r}: not a test database"
    )


def restore(connection, snapshot):
    """Empty the database and reload the snapshot (what ``serialized_rollback`` does)."""
    call_command(
        "flush",
        verbosity=0,
        interactive=False,
        reset_sequences=False,
        inhibit_post_migrate=True,
    )
    connection.creation.deserialize_db_from_string(snapshot)


@contextmanager
def content_live_server(django_db_blocker):
    """A live server over the initial content, committed so the server thread sees it (also
    on PostgreSQL); afterwards the database is restored to its state before.

    Yields between loading the content and starting the server, so the caller can add its
    own data: ``with content_live_server(blocker) as start: ...; server = start()``.
    """
    connection = connections["default"]
    with django_db_blocker.unblock():
        assert_test_database(connection)
        # Signal handlers look content types up while the snapshot is reloaded; with every
        # content type cached they do not create duplicates of rows not yet reloaded.
        for model in apps.get_models():
            ContentType.objects.get_for_model(model, for_concrete_model=False)
        snapshot = connection.creation.serialize_db_to_string()
    # Unblocked for the whole module: the live server thread queries the database.
    blocker = django_db_blocker.unblock()
    blocker.__enter__()
    servers = []

    def start():
        servers.append(LiveServer("localhost"))
        return servers[-1]

    try:
        call_command("load_initial_content", stdout=io.StringIO())
        yield start
    finally:
        for server in servers:
            server.stop()
        restore(connection, snapshot)
        blocker.__exit__(None, None, None)


# --- The editorial users and their admin login --------------------------------------------

EDITORIAL_PASSWORD = "ein-sicheres-passwort"


def create_editorial_users():
    """A Redakteurin („redakteurin“) and a Moderator („moderator“), in their groups; inside
    ``content_live_server`` before the server starts, so they are committed."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from partnerships.editorial.permissions import EDITORS, MODERATORS

    users = {}
    for username, group, first, last in (
        ("redakteurin", EDITORS, "Anna", "Redakteurin"),
        ("moderator", MODERATORS, "Moritz", "Moderator"),
    ):
        users[username] = get_user_model().objects.create_user(
            username,
            f"{username}@example.org",
            EDITORIAL_PASSWORD,
            first_name=first,
            last_name=last,
        )
        users[username].groups.add(Group.objects.get(name=group))
    return users


def admin_log_in(context, server, username):
    """A new tab of ``context`` logged in to the admin as ``username`` (at the dashboard)."""
    page = context.new_page()
    page.goto(server.url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", EDITORIAL_PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")
    assert page.url.endswith("/admin/")
    return page
