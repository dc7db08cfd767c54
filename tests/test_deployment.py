"""Production settings: the deployment checks pass and weak secrets are refused at startup."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from tests.settings_env import settings_from_env

ROOT = Path(__file__).resolve().parent.parent
# A clean production environment: no test-only variables (the browser tests' conftest sets
# DJANGO_ALLOW_ASYNC_UNSAFE, which the deployment check rightly refuses).
DROPPED = ("SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL")


def manage(*args, **env):
    """``manage.py`` in a process of its own: the deployment check needs Django set up with
    the production settings."""
    environ = {k: v for k, v in os.environ.items() if k not in DROPPED}
    environ.update(DJANGO_SETTINGS_MODULE="partnerships.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_passes_with_production_settings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="www.example.org",
        # As on a staging site: the client's legal facts are tested in tests/test_go_live.py.
        SILENCED_SYSTEM_CHECKS="partnerships.E100,partnerships.E101,partnerships.W100",
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "key",
    [
        None,
        "",
        "kurz",
        "django-insecure-" + secrets.token_urlsafe(64),
        "a" * 80,
    ],
    ids=["missing", "empty", "short", "django-insecure", "repetitive"],
)
def test_startup_refuses_a_missing_or_weak_secret_key(key):
    """The production settings raise on import, so no process using them starts."""
    env = {"ALLOWED_HOSTS": "www.example.org"}
    if key is not None:
        env["SECRET_KEY"] = key
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY fehlt oder ist zu schwach"):
        settings_from_env("partnerships.settings.production", drop=DROPPED, **env)


def test_startup_accepts_a_strong_secret_key():
    key = secrets.token_urlsafe(64)
    conf = settings_from_env(
        "partnerships.settings.production",
        drop=DROPPED,
        SECRET_KEY=key,
        ALLOWED_HOSTS="www.example.org",
    )
    assert key == conf.SECRET_KEY
    assert conf.DEBUG is False


def test_startup_refuses_a_short_hsts_max_age():
    with pytest.raises(ImproperlyConfigured, match="180 Tage"):
        settings_from_env(
            "partnerships.settings.production",
            drop=DROPPED,
            SECRET_KEY=secrets.token_urlsafe(64),
            ALLOWED_HOSTS="www.example.org",
            SECURE_HSTS_SECONDS="3600",
        )
