"""Passwords of private pages and documents are throttled like logins (django-axes): after 5
wrong passwords from one address a German 429 with Retry-After, the right password included,
until the 15 minutes are over; the right password before that works and resets the count."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.factories import StandardPageFactory
from tests.helpers import html_lang, main_text

pytestmark = pytest.mark.django_db

PASSWORD = "richtig-geheim"  # noqa: S105
ADDRESS = "198.51.100.20"
LOCKED = "Zu viele falsche Passwörter"


@pytest.fixture
def private_page(home):
    page = StandardPageFactory(parent=home, title="Vertraulich", slug="vertraulich")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    action = f"/_util/authenticate_with_password/{restriction.id}/{page.id}/"
    return {"url": page.url, "action": action, "content": b"Vertraulich"}


@pytest.fixture
def private_document(db):
    collection = Collection.get_first_root_node().add_child(name="Geschützte Unterlagen")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password=PASSWORD,
    )
    document = get_document_model().objects.create(
        title="Protokoll", collection=collection, file=ContentFile(b"vertraulich", "protokoll.txt")
    )
    action = f"/dokumente/authenticate_with_password/{restriction.id}/"
    return {"url": document.url, "action": action, "content": b"vertraulich"}


@pytest.fixture(params=["page", "document"])
def protected(request):
    return request.getfixturevalue(f"private_{request.param}")


def content_of(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def attempt(client, protected, password, address=ADDRESS):
    return client.post(
        protected["action"],
        {"password": password, "return_url": protected["url"]},
        REMOTE_ADDR=address,
    )


def fail(client, protected, times, **kwargs):
    return [attempt(client, protected, "falsch", **kwargs) for _ in range(times)]


def assert_locked(response):
    assert response.status_code == 429
    assert html_lang(response) == "de"
    text = main_text(response)
    assert LOCKED in text
    assert "15 Minuten" in text
    assert 14 * 60 < int(response["Retry-After"]) <= 15 * 60


def assert_let_in(client, protected, response):
    assert response.status_code == 302
    assert response["Location"] == protected["url"]
    shown = client.get(protected["url"], REMOTE_ADDR=ADDRESS)
    assert shown.status_code == 200
    assert protected["content"] in content_of(shown)


def test_fifth_wrong_password_locks_even_the_right_one_out(client, protected):
    responses = fail(client, protected, 5)
    assert all(r.status_code == 200 for r in responses[:4])
    assert all(b'name="password"' in r.content for r in responses[:4])
    assert_locked(responses[-1])
    assert_locked(attempt(client, protected, PASSWORD))
    # Still closed: the right password was not accepted.
    assert protected["content"] not in content_of(client.get(protected["url"]))


def test_forty_tries_in_a_row_are_refused_after_the_fifth(client, protected):
    responses = fail(client, protected, 40)
    assert [r.status_code for r in responses] == [200] * 4 + [429] * 36


def test_lock_is_per_address(client, protected):
    assert_locked(fail(client, protected, 5)[-1])
    assert_let_in(client, protected, attempt(client, protected, PASSWORD, address="203.0.113.7"))


def test_lock_ends_after_the_cool_off(client, protected):
    fail(client, protected, 5)

    def failures_were_ago(minutes):
        AccessAttempt.objects.update(
            attempt_time=timezone.now() - datetime.timedelta(minutes=minutes)
        )

    failures_were_ago(14)
    response = attempt(client, protected, PASSWORD)
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert "1 Minute erneut" in main_text(response)
    failures_were_ago(16)
    assert_let_in(client, protected, attempt(client, protected, PASSWORD))


def test_right_password_resets_the_count(client, protected):
    fail(client, protected, 4)
    assert_let_in(client, protected, attempt(client, protected, PASSWORD))
    client.cookies.clear()
    responses = fail(client, protected, 4)
    assert all(r.status_code == 200 for r in responses)
    # The count started afresh: the fifth wrong one since the right password locks.
    assert_locked(attempt(client, protected, "falsch"))


def test_page_and_document_passwords_are_counted_apart(client, private_page, private_document):
    assert_locked(fail(client, private_page, 5)[-1])
    assert_let_in(client, private_document, attempt(client, private_document, PASSWORD))
