"""Search on the database: PostgreSQL sessions without JIT, a time limit for every search."""

import runpy

import pytest
from django.db import connection

from partnerships.settings import base

BASE_SETTINGS = base.__file__


def session_options(monkeypatch, **env):
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@db.invalid:5432/sp")
    monkeypatch.delenv("PG_SESSION_OPTIONS", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    settings = runpy.run_path(BASE_SETTINGS)
    return settings["DATABASES"]["default"]["OPTIONS"].get("options")


def test_postgresql_sessions_plan_without_jit_by_default(monkeypatch):
    # JIT compiled the misestimated search query for 4.5 s (the query itself: under 0.1 s).
    assert session_options(monkeypatch) == "-c random_page_cost=1.1 -c jit=off"


def test_session_options_can_be_replaced_or_left_to_the_server(monkeypatch):
    assert session_options(monkeypatch, PG_SESSION_OPTIONS="-c jit=on") == "-c jit=on"
    assert session_options(monkeypatch, PG_SESSION_OPTIONS="") is None


def test_the_running_postgresql_session_has_jit_off(db):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
