"""Login protection (django-axes): 5 failures per username and address, 15 minutes, German."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.utils import timezone

from tests.helpers import soup, text_of

PASSWORD = "ein-sicheres-passwort"
LOCKED = "Zu viele fehlgeschlagene Anmeldeversuche"


@pytest.fixture
def account(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.org", PASSWORD)


def login(client, password, username="admin", address="198.51.100.10", **headers):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def fail(client, times, **kwargs):
    return [login(client, "falsch", **kwargs) for _ in range(times)]


def assert_locked(response):
    assert response.status_code == 429
    page = soup(response)
    assert page.find("html").get("lang") == "de"
    assert LOCKED in text_of(page)
    assert "15 Minuten" in text_of(page)


def assert_logged_in(response):
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_four_failures_still_show_the_login_form(client, account):
    responses = fail(client, 4)
    assert all(r.status_code == 200 for r in responses)
    assert "Anmelden" in text_of(soup(responses[-1]))
    assert_logged_in(login(client, PASSWORD))


def test_fifth_failure_locks_even_the_right_password_out(client, account):
    responses = fail(client, 5)
    assert_locked(responses[-1])
    assert_locked(login(client, PASSWORD))
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_address(client, account):
    fail(client, 5)
    assert_logged_in(login(client, PASSWORD, address="203.0.113.99"))


def test_lockout_is_per_username(client, account, editor):
    fail(client, 5)
    response = login(client, PASSWORD, username=editor.username)
    assert_logged_in(response)


def test_lockout_ends_after_15_minutes(client, account):
    fail(client, 5)

    def failures_were_ago(minutes):
        AccessAttempt.objects.update(
            attempt_time=timezone.now() - datetime.timedelta(minutes=minutes)
        )

    failures_were_ago(14)
    assert_locked(login(client, PASSWORD))
    failures_were_ago(16)
    assert_logged_in(login(client, PASSWORD))


def test_spoofed_forwarded_for_does_not_get_around_it(client, account):
    for n in range(5):
        login(client, "falsch", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    assert_locked(login(client, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.200"))


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_only_the_address_it_saw_counts(client, account):
    proxy = "10.0.0.2"
    for n in range(5):
        # The client adds a made-up address; the proxy appends the real one.
        login(client, "falsch", address=proxy, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 198.51.100.7")
    assert_locked(
        login(client, PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="192.0.2.9, 198.51.100.7")
    )
    # Another visitor behind the same proxy is not affected.
    assert_logged_in(login(client, PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.5"))


def test_successful_login_resets_the_count(client, account):
    fail(client, 4)
    assert_logged_in(login(client, PASSWORD))
    client.logout()
    responses = fail(client, 4)
    assert all(r.status_code == 200 for r in responses)
    assert_logged_in(login(client, PASSWORD))
