"""Optional second factor (TOTP) for the admin, through the HTTP views: login with and without
a device, wrong and throttled codes, the setup with QR code, ADMIN_REQUIRE_2FA for superusers,
``reset_2fa``."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import override_settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from partnerships.editorial.permissions import EDITORS
from tests.helpers import soup, text_of

pytestmark = pytest.mark.django_db

PASSWORD = "ein-sicheres-passwort"
CODE_URL = "/admin/zwei-faktor/code/"
SETUP_URL = "/admin/zwei-faktor/"
WRONG = "Der Code ist falsch oder abgelaufen."
THROTTLED = "Zu viele falsche Codes."


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.org", PASSWORD)


@pytest.fixture
def editor_user(db):
    user = get_user_model().objects.create_user("redakteurin", "r@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def code(device, steps_ahead=0):
    """The code the authenticator app shows now (or ``steps_ahead`` periods later; a code is
    accepted once, so a second login in the same 30 s needs the next one)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def wrong_code(device):
    right = {code(device, n) for n in (-1, 0, 1)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in right)


def device_for(user):
    return TOTPDevice.objects.create(user=user, name="Telefon", confirmed=True)


def log_in(client, username="admin"):
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, "password step failed"
    return client.get("/admin/")


def test_without_a_device_the_password_is_enough(client, admin_user):
    response = log_in(client)
    assert response.status_code == 200
    assert "Zwei-Faktor-Anmeldung" in response.content.decode()  # the menu item


def test_with_a_device_the_admin_asks_for_the_code(client, admin_user):
    device = device_for(admin_user)
    response = log_in(client)
    assert response.status_code == 302
    assert response["Location"] == f"{CODE_URL}?next=/admin/"
    # Every admin page is closed until the code is entered, not only the dashboard.
    assert client.get("/admin/pages/")["Location"].startswith(CODE_URL)
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Bestätigungscode eingeben" in text_of(soup(page))

    response = client.post(CODE_URL, {"code": code(device), "next": "/admin/pages/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_is_refused_in_german(client, admin_user):
    device = device_for(admin_user)
    log_in(client)
    response = client.post(CODE_URL, {"code": wrong_code(device)})
    assert response.status_code == 200
    assert WRONG in text_of(soup(response))
    assert client.get("/admin/").status_code == 302
    for garbage in ("", "abcdef", "1" * 50, "12 34 5x"):
        response = client.post(CODE_URL, {"code": garbage})
        assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_code_attempts_are_throttled(client, admin_user):
    device = device_for(admin_user)
    log_in(client)
    response = client.post(CODE_URL, {"code": wrong_code(device)})
    assert WRONG in text_of(soup(response))
    # Right after a failure even the right code has to wait (django-otp's throttling).
    response = client.post(CODE_URL, {"code": code(device)})
    assert response.status_code == 200
    assert THROTTLED in text_of(soup(response))
    assert client.get("/admin/").status_code == 302
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    # Once the wait is over (here: the failures lie in the past) the right code works.
    device.throttling_failure_timestamp = device.throttling_failure_timestamp.replace(year=2000)
    device.save()
    assert client.post(CODE_URL, {"code": code(device)}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_setting_up_a_device_with_the_qr_code(client, editor_user):
    assert log_in(client, "redakteurin").status_code == 200
    page = client.get(SETUP_URL)
    assert page.status_code == 200
    html = soup(page)
    svg = html.find("svg", attrs={"aria-label": "QR-Code"})
    assert svg is not None and svg.find("path") is not None
    assert not html.select(".two-factor-qr [style]"), "inline styles would break the CSP"
    device = TOTPDevice.objects.get(user=editor_user)
    assert not device.confirmed
    secret = html.select_one("[data-two-factor-secret]").get_text().replace(" ", "")
    assert len(secret) == 32

    response = client.post(SETUP_URL, {"code": wrong_code(device)})
    assert WRONG in text_of(soup(response))
    device.refresh_from_db()
    assert not device.confirmed
    device.throttling_failure_count = 0
    device.save()

    response = client.post(SETUP_URL, {"code": code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200  # this session is verified already

    client.logout()
    assert log_in(client, "redakteurin")["Location"].startswith(CODE_URL)
    assert client.post(CODE_URL, {"code": code(device, 1)}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_switching_it_off_needs_a_code(client, editor_user):
    device = device_for(editor_user)
    log_in(client, "redakteurin")
    client.post(CODE_URL, {"code": code(device)})
    page = client.get(SETUP_URL)
    assert "ist für Ihr Konto eingerichtet" in text_of(soup(page))
    client.post(SETUP_URL, {"code": wrong_code(device)})
    assert TOTPDevice.objects.filter(user=editor_user, confirmed=True).exists()
    device.throttling_failure_count = 0
    device.save()
    assert client.post(SETUP_URL, {"code": code(device, 1)}).status_code == 302
    assert not TOTPDevice.objects.filter(user=editor_user).exists()


@override_settings(ADMIN_REQUIRE_2FA=True)
def test_required_for_superusers_sends_them_to_the_setup(client, admin_user):
    response = log_in(client)
    assert response.status_code == 302
    assert response["Location"] == f"{SETUP_URL}?next=/admin/"
    assert client.get("/admin/users/?q=a&p=2")["Location"] == (
        f"{SETUP_URL}?next=/admin/users/%3Fq%3Da%26p%3D2"
    )
    page = client.get(SETUP_URL)
    assert "vorgeschrieben" in text_of(soup(page))
    device = TOTPDevice.objects.get(user=admin_user)
    response = client.post(SETUP_URL, {"code": code(device), "next": "/admin/users/"})
    assert response["Location"] == "/admin/users/"
    assert client.get("/admin/users/").status_code == 200
    # Required means it cannot be switched off.
    client.post(SETUP_URL, {"code": code(device, 1)})
    assert TOTPDevice.objects.filter(user=admin_user, confirmed=True).exists()


@override_settings(ADMIN_REQUIRE_2FA=True)
def test_required_does_not_force_other_users(client, editor_user):
    assert log_in(client, "redakteurin").status_code == 200


def test_next_must_stay_on_this_site(client, admin_user):
    device = device_for(admin_user)
    log_in(client)
    response = client.post(CODE_URL, {"code": code(device), "next": "https://example.org/"})
    assert response["Location"] == "/admin/"


def test_public_pages_are_not_affected(client, admin_user, home):
    device_for(admin_user)
    log_in(client)
    assert client.get("/").status_code == 200


def test_reset_2fa_removes_the_devices(client, admin_user, capsys):
    device_for(admin_user)
    call_command("reset_2fa", "admin")
    assert "zurückgesetzt" in capsys.readouterr().out
    assert not TOTPDevice.objects.filter(user=admin_user).exists()
    assert log_in(client).status_code == 200
    with pytest.raises(CommandError, match="gibt es nicht"):
        call_command("reset_2fa", "niemand")
