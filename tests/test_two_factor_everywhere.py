"""The second factor guards every use of the login, not only the admin: after the password and
before the code a session counts as anonymous on the public site too (login- and
group-restricted pages, private documents), and becomes a login once the code is entered."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import clear_script_prefix, set_script_prefix
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from partnerships.editorial.permissions import EDITORS
from tests.factories import StandardPageFactory
from tests.test_two_factor import CODE_URL, PASSWORD, SETUP_URL, code, device_for

pytestmark = pytest.mark.django_db

FRONTEND_LOGIN = "/_util/login/"


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.org", PASSWORD)


@pytest.fixture
def editor_user(db):
    user = get_user_model().objects.create_user("redakteurin", "r@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def private(home):
    """A page for logged-in visitors, one for editors only, a document in a private
    collection."""
    members = StandardPageFactory(parent=home, title="Intern", slug="intern")
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    editors = StandardPageFactory(parent=home, title="Redaktion", slug="redaktion")
    restriction = PageViewRestriction.objects.create(
        page=editors, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=EDITORS))
    collection = Collection.get_first_root_node().add_child(name="Interne Unterlagen")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model().objects.create(
        title="Protokoll", collection=collection, file=ContentFile(b"vertraulich", "protokoll.txt")
    )
    return {"members": members.url, "editors": editors.url, "document": document.url}


def password_step(client, username="admin", url="/admin/login/", next_url=None):
    data = {"username": username, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    response = client.post(url, data)
    assert response.status_code == 302, "password step failed"
    return response


def assert_refused(client, url):
    response = client.get(url)
    assert response.status_code == 302, f"{url} was served before the second factor"
    assert response["Location"].startswith(f"{FRONTEND_LOGIN}?next=")
    return response


def content_of(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_before_the_code_restricted_pages_and_documents_are_closed(client, admin_user, private):
    device = device_for(admin_user)
    password_step(client)
    for url in private.values():
        assert_refused(client, url)
    assert client.get("/admin/")["Location"].startswith(CODE_URL)

    assert client.post(CODE_URL, {"code": code(device)}).status_code == 302
    for key in ("members", "editors"):
        response = client.get(private[key])
        assert response.status_code == 200, key
        assert "<h1" in response.content.decode()
    response = client.get(private["document"])
    assert response.status_code == 200
    assert content_of(response) == b"vertraulich"


def test_the_group_restriction_waits_for_the_code_too(client, editor_user, private):
    device = device_for(editor_user)
    password_step(client, "redakteurin")
    assert_refused(client, private["editors"])
    client.post(CODE_URL, {"code": code(device)})
    assert client.get(private["editors"]).status_code == 200


def test_the_login_for_a_restricted_page_asks_for_the_code_next(client, admin_user, private):
    """The public login (where the restriction sends visitors) goes on to the code page and
    from there back to the page, instead of round in circles."""
    device = device_for(admin_user)
    login_url = assert_refused(client, private["members"])["Location"]
    assert client.get(login_url).status_code == 200
    response = password_step(client, url=FRONTEND_LOGIN, next_url=private["members"])
    assert response["Location"] == f"{CODE_URL}?next={private['members']}"
    # Sent to the login again while half logged in: the password is done, the code is next.
    response = client.get(login_url)
    assert response["Location"] == f"{CODE_URL}?next={private['members']}"

    response = client.post(CODE_URL, {"code": code(device), "next": private["members"]})
    assert response["Location"] == private["members"]
    assert client.get(private["members"]).status_code == 200


def test_without_a_device_the_password_opens_them(client, editor_user, private):
    password_step(client, "redakteurin")
    for url in private.values():
        assert client.get(url).status_code == 200, url


@override_settings(ADMIN_REQUIRE_2FA=True)
def test_a_superuser_who_must_set_it_up_is_anonymous_until_then(client, admin_user, private):
    password_step(client)
    assert_refused(client, private["members"])
    assert client.get("/admin/")["Location"].startswith(SETUP_URL)
    page = client.get(SETUP_URL)
    assert page.status_code == 200  # the setup page itself knows who is setting up
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.get(user=admin_user)
    assert client.post(SETUP_URL, {"code": code(device)}).status_code == 302
    assert client.get(private["members"]).status_code == 200


def test_logging_out_before_the_code_ends_the_session(client, admin_user, private):
    device_for(admin_user)
    password_step(client)
    client.post("/admin/logout/")
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_under_a_script_prefix_the_public_login_also_asks_for_the_code(client, admin_user):
    """Served below a path (``SCRIPT_NAME``, e.g. behind a proxy at ``/partnerschaften``), the
    public login of a half-logged-in session still goes on to the code page."""
    device_for(admin_user)
    password_step(client)
    # Django's WSGI handler sets the prefix from SCRIPT_NAME; the test client does not.
    set_script_prefix("/partnerschaften/")
    try:
        response = client.get(FRONTEND_LOGIN, SCRIPT_NAME="/partnerschaften")
    finally:
        clear_script_prefix()
    assert response.status_code == 302
    assert response["Location"] == f"/partnerschaften{CODE_URL}"
