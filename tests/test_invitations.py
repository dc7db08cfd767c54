"""Administrators invite users: the new user sets their own password through an e-mailed link."""

import re

from django.contrib.auth import get_user_model
from django.core import mail

from partnerships.editorial.permissions import EDITORS

NEW_PASSWORD = "Clusterkonferenz-2026!"


def invite(client, group_pk, **extra):
    data = {
        "username": "neue.redakteurin",
        "email": "neu@example.org",
        "first_name": "Nora",
        "last_name": "Neu",
        "password1": "",
        "password2": "",
        "groups": [group_pk],
        "is_active": "on",
    }
    data.update(extra)
    return client.post("/admin/users/new/", data)


def test_new_user_is_invited_and_sets_a_password(admin_client_de, client):
    from django.contrib.auth.models import Group

    mail.outbox.clear()
    response = invite(admin_client_de, Group.objects.get(name=EDITORS).pk)
    assert response.status_code == 302
    user = get_user_model().objects.get(username="neue.redakteurin")
    assert not user.has_usable_password()
    assert [m.to for m in mail.outbox] == [["neu@example.org"]]
    message = mail.outbox[0]
    assert message.subject == "Einladung: Strategische Partnerschaften"
    assert "Guten Tag Nora Neu" in message.body
    assert "neue.redakteurin" in message.body
    link = re.search(r"https?://\S+/admin/password_reset/confirm/\S+/", message.body).group(0)
    path = "/" + link.split("/", 3)[3]

    # The invited user follows the link and chooses a password.
    response = client.get(path)
    assert response.status_code == 302  # Django hides the token behind a redirect
    form_url = response["Location"]
    response = client.get(form_url)
    assert response.status_code == 200
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)

    # The link works once only.
    assert "Ungültiger Passwort-Zurücksetzen-Link" in client.get(path, follow=True).content.decode()
    client.logout()
    response = client.post(
        "/admin/login/", {"username": "neue.redakteurin", "password": NEW_PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_user_created_with_a_password_gets_no_invitation(admin_client_de):
    from django.contrib.auth.models import Group

    mail.outbox.clear()
    response = invite(
        admin_client_de,
        Group.objects.get(name=EDITORS).pk,
        password1=NEW_PASSWORD,
        password2=NEW_PASSWORD,
    )
    assert response.status_code == 302
    assert get_user_model().objects.get(username="neue.redakteurin").check_password(NEW_PASSWORD)
    assert mail.outbox == []
