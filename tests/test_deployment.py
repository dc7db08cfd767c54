"""Production settings: the deployment checks pass and weak secrets are refused at startup."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def manage(*args, **env):
    # A clean production environment: no test-only variables (the browser tests' conftest sets
    # DJANGO_ALLOW_ASYNC_UNSAFE, which the deployment check rightly refuses).
    dropped = ("SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL")
    environ = {k: v for k, v in os.environ.items() if k not in dropped}
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
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # Only HSTS preload is silenced, nothing else.
    assert "(1 silenced)" in result.stdout


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
    env = {"ALLOWED_HOSTS": "www.example.org"}
    if key is not None:
        env["SECRET_KEY"] = key
    result = manage("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY fehlt oder ist zu schwach" in result.stderr


def test_startup_refuses_a_short_hsts_max_age():
    result = manage(
        "check",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="www.example.org",
        SECURE_HSTS_SECONDS="3600",
    )
    assert result.returncode != 0
    assert "180 Tage" in result.stderr
