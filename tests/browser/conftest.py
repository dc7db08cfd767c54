"""Browser tests in Debian's Chromium (see STACK-NOTES): Playwright drives /usr/bin/chromium.

Without Chromium every browser test is skipped with a clear message, unless
``REQUIRE_BROWSER_TESTS=1`` (set by CI), where a missing Chromium is an error.
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

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
    # Browser tests commit data for the live server: run them after everything else.
    others = [item for item in items if not item.get_closest_marker("browser")]
    items[:] = others + browser_items


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
