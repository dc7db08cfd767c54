"""Newsletter and alerts: double opt-in against a real SMTP server on loopback, one-click
unsubscribe, sending with bounces, a dropped connection and a crash, digests that find
exactly what the finders show."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from partnerships.models.newsletter import (
    Alert,
    ConsentProof,
    Delivery,
    Dispatch,
    NewsletterIssue,
    Subscriber,
    address_hash,
)
from partnerships.newsletter import digests, sending, subscriptions, tokens
from tests.smtp_server import smtp_server

SUBSCRIBE = "/newsletter/"
DAY, HOUR = datetime.timedelta(days=1), datetime.timedelta(hours=1)
LINK = re.compile(r"https?://[^\s\"<>]+")


@pytest.fixture
def smtp(settings):
    with smtp_server() as (controller, handler):
        settings.NEWSLETTER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = controller.port
        settings.EMAIL_TIMEOUT = 5
        settings.NEWSLETTER_RATE = 0
        yield handler


def subscribe(client, email="leser@example.org", **data):
    post = {"email": email, "frequency": "woechentlich", **data}
    return client.post(SUBSCRIBE, post, REMOTE_ADDR=data.pop("ip", "192.0.2.10"))


def links(message):
    body = message.get_body(preferencelist=("plain",)).get_content()
    return [urlsplit(url).path for url in LINK.findall(body)]


def confirm_link(message):
    return next(path for path in links(message) if "/bestaetigen/" in path)


def confirmed(email, newsletter=True, frequency="woechentlich"):
    subscriber = Subscriber.objects.create(
        email=email,
        newsletter=newsletter,
        frequency=frequency,
        requested_at=timezone.now() - datetime.timedelta(hours=1),
        consent=subscriptions.current_consent(),
        request_ip_hash=address_hash("192.0.2.1"),
    )
    subscriptions.confirm(subscriber)
    return subscriber


def issue_with(site_tree, subject="Newsletter Dezember"):
    news = site_tree.news[1]
    issue = NewsletterIssue(subject=subject, intro="<p>Liebe Leserinnen und Leser,</p>")
    issue.items = [("zwischentitel", "Aus dem Projekt"), ("beitrag", news)]
    issue.save()
    issue.save_revision()
    return issue, news


# --- the form -------------------------------------------------------------------------------


def test_the_form_offers_the_newsletter_and_the_lists_and_sets_no_cookie(client, site_tree):
    response = client.get(SUBSCRIBE)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Neue Meldungen" in html and "Neue Praxisbeispiele" in html
    assert "Bestätigungslink" in html and subscriptions.CONSENT_TEXT in html
    assert not response.cookies
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_a_request_stores_an_unconfirmed_address_and_queues_one_confirmation(client, site_tree):
    response = subscribe(client, newsletter="on")
    assert response.status_code == 302 and response["Location"] == "/newsletter/angefordert/"
    assert not response.cookies
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "leser@example.org" and not subscriber.is_confirmed
    assert subscriber.request_ip_hash == address_hash("192.0.2.10")
    assert "192.0.2.10" not in subscriber.request_ip_hash
    assert list(Delivery.objects.values_list("kind", "status")) == [
        (Delivery.CONFIRMATION, Delivery.PENDING)
    ]
    page = client.get("/newsletter/angefordert/").content.decode()
    assert "48 Stunden" in page and "Postfach" in page


def test_nothing_chosen_is_an_error_linked_to_the_field(client, site_tree):
    response = subscribe(client)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_newsletter"' in html and 'aria-invalid="true"' in html
    assert Subscriber.objects.count() == 0


def test_a_bad_address_gets_a_german_error(client, site_tree):
    html = subscribe(client, email="kein-at-zeichen", newsletter="on").content.decode()
    assert "gültige E-Mail-Adresse" in html
    assert Subscriber.objects.count() == 0


def test_a_too_long_address_gets_the_limit_with_german_digit_grouping(client, site_tree):
    html = subscribe(client, email="a" * 1495 + "@x.de", newsletter="on").content.decode()
    assert "Höchstens 254 Zeichen sind möglich (Ihre Eingabe: 1.500 Zeichen)." in html
    assert Subscriber.objects.count() == 0


def test_the_honeypot_looks_like_success_and_stores_nothing(client, site_tree):
    response = subscribe(client, newsletter="on", newsletter_homepage="http://spam.example")
    assert response.status_code == 302
    assert Subscriber.objects.count() == 0 and Delivery.objects.count() == 0


@override_settings(NEWSLETTER_RATE_LIMIT=2)
def test_too_many_requests_from_one_address_get_429_in_german(client, site_tree):
    for n in range(2):
        assert subscribe(client, email=f"a{n}@example.org", newsletter="on").status_code == 302
    response = subscribe(client, email="c@example.org", newsletter="on")
    assert response.status_code == 429
    html = response.content.decode()
    assert "zu viele Anmeldungen" in html and 'value="c@example.org"' in html
    assert Subscriber.objects.count() == 2


# --- double opt-in over SMTP ----------------------------------------------------------------


def test_the_confirmation_mail_arrives_and_its_link_confirms(client, site_tree, smtp):
    subscribe(client, newsletter="on", lists=[str(site_tree.cs_index.pk)])
    assert sending.run().sent == 1
    (message,) = smtp.messages
    assert message["To"] == "leser@example.org"
    assert "bestätigen" in message["Subject"]
    assert message.get_body(preferencelist=("html",)) is not None
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert "der Newsletter" in text and "Praxisbeispiele" in text and "48 Stunden" in text
    link = confirm_link(message)
    page = client.get(link)
    assert page.status_code == 200 and "Anmeldung bestätigen" in page.content.decode()
    assert not Subscriber.objects.get().is_confirmed  # a mail scanner's GET confirms nothing
    done = client.post(link)
    assert done.status_code == 200 and "bestätigt" in done.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.is_confirmed
    proof = ConsentProof.objects.get()
    assert proof.email_hash == address_hash("leser@example.org")
    assert proof.consent.text == subscriptions.CONSENT_TEXT
    assert proof.requested_at == subscriber.requested_at
    assert proof.confirmed_at == subscriber.confirmed_at


def test_the_confirmation_link_expires_after_48_hours(client, site_tree, smtp):
    subscribe(client, newsletter="on")
    sending.run()
    link = confirm_link(smtp.messages[0])
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=49)):
        response = client.post(link)
    assert response.status_code == 410
    assert "gilt nicht mehr" in response.content.decode()
    assert not Subscriber.objects.get().is_confirmed


def test_an_altered_link_confirms_nothing(client, site_tree):
    subscribe(client, newsletter="on")
    token = tokens.make("confirm", Subscriber.objects.get())
    assert client.post(f"/newsletter/bestaetigen/{token[:-2]}xx/").status_code == 410
    manage = tokens.make("manage", Subscriber.objects.get())
    assert client.post(f"/newsletter/bestaetigen/{manage}/").status_code == 410


def test_asking_again_for_a_confirmed_address_sends_nothing_and_looks_the_same(client, site_tree):
    confirmed("leser@example.org")
    fresh = subscribe(client, email="neu@example.org", newsletter="on")
    again = subscribe(client, email="Leser@Example.org", newsletter="on", ip="192.0.2.11")
    assert again.status_code == fresh.status_code == 302
    assert again["Location"] == fresh["Location"]
    kinds = Delivery.objects.values_list("subscriber__email", flat=True)
    assert list(kinds) == ["neu@example.org"]


def test_an_unconfirmed_address_gets_at_most_three_confirmation_mails(client, site_tree):
    for _ in range(5):
        subscribe(client, newsletter="on")
    assert Delivery.objects.filter(kind=Delivery.CONFIRMATION).count() == 3


def test_unconfirmed_requests_are_deleted_after_seven_days_younger_ones_stay(site_tree):
    now = timezone.now()
    for email, age in (("alt@example.org", 8), ("jung@example.org", 6)):
        subscriptions.request(
            email,
            newsletter=True,
            alerts=[],
            frequency="taeglich",
            client_address="192.0.2.1",
            now=now - datetime.timedelta(days=age),
        )
    old_confirmed = confirmed("treu@example.org")
    Subscriber.objects.filter(pk=old_confirmed.pk).update(
        requested_at=now - datetime.timedelta(days=30)
    )
    assert subscriptions.clean_up(now)["unbestätigt"] == 1
    assert sorted(Subscriber.objects.values_list("email", flat=True)) == [
        "jung@example.org",
        "treu@example.org",
    ]


# --- leaving and changing -------------------------------------------------------------------


def test_one_click_unsubscribe_by_post_deletes_the_address_and_keeps_only_the_proof(
    client, site_tree
):
    subscriber = confirmed("leser@example.org")
    url = reverse("newsletter:unsubscribe", args=[tokens.make("manage", subscriber)])
    assert client.get(url).status_code == 200  # GET only asks
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()
    response = client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200 and "abgemeldet" in response.content.decode()
    assert not Subscriber.objects.filter(email="leser@example.org").exists()
    proof = ConsentProof.objects.get()
    assert proof.withdrawn_at is not None
    assert "leser" not in proof.email_hash
    assert client.post(url).status_code == 200  # twice is fine
    assert client.get(url).status_code == 404


def test_the_settings_page_changes_topics_and_frequency_without_an_account(client, site_tree):
    subscriber = confirmed("leser@example.org")
    Alert.objects.create(
        subscriber=subscriber,
        index_page=site_tree.cs_index,
        filters={"bundesland": "niedersachsen"},
        filter_key="bundesland=niedersachsen",
    )
    url = reverse("newsletter:manage", args=[tokens.make("manage", subscriber)])
    html = client.get(url).content.decode()
    assert "Praxisbeispiele – Bundesland: Niedersachsen" in html
    response = client.post(url, {"frequency": "taeglich", "lists": [str(site_tree.news_index.pk)]})
    assert "gespeichert" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.frequency == "taeglich" and not subscriber.newsletter
    assert [(a.index_page_id, a.filters) for a in subscriber.alerts.all()] == [
        (site_tree.news_index.pk, {})
    ]


# --- an issue to the subscribers ------------------------------------------------------------


def test_an_issue_reaches_exactly_the_confirmed_newsletter_subscribers(
    admin_client_de, site_tree, smtp
):
    issue, news = issue_with(site_tree)
    reader = confirmed("leser@example.org")
    confirmed("nur-alerts@example.org", newsletter=False)
    subscriptions.request(
        "offen@example.org",
        newsletter=True,
        alerts=[],
        frequency="woechentlich",
        client_address="192.0.2.1",
    )
    Delivery.objects.filter(kind=Delivery.CONFIRMATION).delete()
    response = admin_client_de.post(reverse("newsletter_admin:send", args=[issue.pk]))
    assert response.status_code == 302
    assert sending.run().sent == 1
    (message,) = smtp.messages
    assert message["To"] == "leser@example.org" and message["Subject"] == issue.subject
    unsubscribe = reverse("newsletter:unsubscribe", args=[tokens.make("manage", reader)])
    assert message["List-Unsubscribe"].endswith(f"{unsubscribe}>")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = message.get_body(preferencelist=("html",)).get_content()
    assert news.title in html and "Aus dem Projekt" in html
    assert news.url in " ".join(links(message))
    again = admin_client_de.post(reverse("newsletter_admin:send", args=[issue.pk]))
    assert again.status_code == 302 and Dispatch.objects.count() == 1
    assert sending.run().sent == 0


def test_a_550_is_a_hard_bounce_not_retried_and_shown_in_the_admin(
    admin_client_de, site_tree, smtp
):
    issue, _ = issue_with(site_tree)
    for n in range(3):
        confirmed(f"leser{n}@example.org")
    smtp.refuse.add("leser1@example.org")
    admin_client_de.post(reverse("newsletter_admin:send", args=[issue.pk]))
    stats = sending.run()
    assert (stats.sent, stats.bounced) == (2, 1)
    assert sorted(m["To"] for m in smtp.messages) == ["leser0@example.org", "leser2@example.org"]
    bounce = Delivery.objects.get(status=Delivery.BOUNCED)
    assert bounce.email == "leser1@example.org" and bounce.error.startswith("550")
    assert Subscriber.objects.get(email="leser1@example.org").bounced_at is not None
    assert sending.run().sent == 0  # not retried
    page = admin_client_de.get(reverse("newsletter_admin:status", args=[issue.pk]))
    html = page.content.decode()
    assert "leser1@example.org" in html and "Unzustellbar" in html


def test_a_dropped_connection_mid_batch_is_survived_without_duplicates(
    admin_client_de, site_tree, smtp
):
    issue, _ = issue_with(site_tree)
    for n in range(6):
        confirmed(f"leser{n}@example.org")
    smtp.drop_after = 2
    admin_client_de.post(reverse("newsletter_admin:send", args=[issue.pk]))
    stats = sending.run()
    assert stats.sent == 6 and stats.uncertain == 0
    assert sorted(m["To"] for m in smtp.messages) == [f"leser{n}@example.org" for n in range(6)]


def test_after_a_crash_the_next_run_sends_the_rest_and_nobody_twice(
    admin_client_de, site_tree, smtp
):
    issue, _ = issue_with(site_tree)
    for n in range(5):
        confirmed(f"leser{n}@example.org")
    admin_client_de.post(reverse("newsletter_admin:send", args=[issue.pk]))
    assert sending.run(max_mails=2).sent == 2
    # The worker dies while the third mail is with the mail server: claimed, never recorded.
    in_transit = sending.claim(Delivery.objects.filter(status=Delivery.PENDING).first().pk)
    sending.SenderLease.objects.update(until=timezone.now() - datetime.timedelta(seconds=1))
    stats = sending.run()
    assert stats.sent == 2 and stats.uncertain == 1
    assert Delivery.objects.get(pk=in_transit.pk).status == Delivery.UNCERTAIN
    received = [m["To"] for m in smtp.messages]
    assert len(received) == len(set(received)) == 4


def test_a_test_mail_goes_only_to_the_editor(admin_client_de, site_tree, smtp):
    issue, _ = issue_with(site_tree)
    confirmed("leser@example.org")
    admin_client_de.post(reverse("newsletter_admin:test", args=[issue.pk]))
    sending.run()
    (message,) = smtp.messages
    assert message["To"] == "admin@example.org" and message["Subject"].startswith("[Test]")
    assert Dispatch.objects.count() == 0


def test_only_moderators_send(client, site_tree, editor, moderator):
    issue, _ = issue_with(site_tree)
    confirmed("leser@example.org")
    client.force_login(editor)
    assert client.get(reverse("newsletter_admin:status", args=[issue.pk])).status_code == 200
    refused = client.post(reverse("newsletter_admin:send", args=[issue.pk]))
    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # Wagtail's 403
    assert Dispatch.objects.count() == 0
    client.force_login(moderator)
    assert client.post(reverse("newsletter_admin:send", args=[issue.pk])).status_code == 302
    assert Dispatch.objects.get().recipients == 1


def test_the_issue_previews_as_the_mail(admin_client_de, site_tree):
    issue, news = issue_with(site_tree)
    edit = reverse("wagtailsnippets_partnerships_newsletterissue:edit", args=[issue.pk])
    response = admin_client_de.get(edit)
    assert response.status_code == 200 and "E-Mail (Nur-Text)" in response.content.decode()
    html = issue.serve_preview(response.wsgi_request, "").content.decode()
    assert news.title in html and "Abmelden" in html
    text = issue.serve_preview(response.wsgi_request, "text").content.decode()
    assert news.title in text and "<p>" not in text


# --- digests ----------------------------------------------------------------------------------

FILTERS = [
    {},
    {"bundesland": "niedersachsen"},
    {"branche": "ernaehrungswirtschaft"},
    {"bundesland": "niedersachsen", "branche": "maschinenbau"},
    {"phase": "umsetzung"},
    {"bundesland": "bayern", "phase": "analyse"},
]


@pytest.mark.parametrize("filters", FILTERS)
def test_an_alert_finds_exactly_what_the_finder_shows(client, site_tree, filters):
    index = site_tree.cs_index
    # A fixed hour of today, after the digest hour: the pages' publication two hours before
    # it must lie in the past of the moment the digest is made, whenever the test runs.
    now = timezone.now().replace(hour=10, minute=0, second=0, microsecond=0)
    # All case studies are new since the last digest.
    index.get_children().update(first_published_at=now - datetime.timedelta(hours=2))
    subscriber = confirmed("leser@example.org", frequency="taeglich")
    Subscriber.objects.filter(pk=subscriber.pk).update(
        last_digest_at=now - datetime.timedelta(days=1)
    )
    valid = index.follow_filters(filters)
    assert valid == filters  # each is a valid filter of the list
    Alert.objects.create(
        subscriber=subscriber,
        index_page=index,
        filters=valid,
        filter_key=subscriptions.follow.filter_key(valid),
    )
    shown = client.get(index.url, filters).context["case_study_page"].object_list
    with time_machine.travel(now):
        digests.prepare()
    digest = Delivery.objects.filter(kind=Delivery.DIGEST).first()
    found = [pk for _, ids in digest.payload["groups"] for pk in ids] if digest else []
    assert sorted(found) == sorted(shown)


def test_a_digest_groups_the_new_pages_once_per_period(site_tree, smtp):
    now = timezone.now().replace(hour=10)
    subscriber = confirmed("leser@example.org", frequency="taeglich")
    Subscriber.objects.filter(pk=subscriber.pk).update(
        last_digest_at=now - datetime.timedelta(days=1)
    )
    for index in (site_tree.cs_index, site_tree.news_index):
        Alert.objects.create(subscriber=subscriber, index_page=index, filters={}, filter_key="")
    new_news = site_tree.news[1]
    type(new_news).objects.filter(pk=new_news.pk).update(
        first_published_at=now - datetime.timedelta(hours=3)
    )
    new_case = (
        site_tree.case_studies["oldenburg"]
        if "oldenburg" in site_tree.case_studies
        else next(iter(site_tree.case_studies.values()))
    )
    type(new_case).objects.filter(pk=new_case.pk).update(
        first_published_at=now - datetime.timedelta(hours=3)
    )
    with time_machine.travel(now):
        assert digests.prepare() == 1
        assert digests.prepare() == 0  # the same day: nothing twice
    sending.run()
    (message,) = smtp.messages
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert "PRAXISBEISPIELE" in text and "MELDUNGEN" in text
    assert new_news.title in text and new_case.title in text
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_an_unknown_filter_from_a_finder_gets_the_form_with_a_hint(client, site_tree):
    response = client.get(SUBSCRIBE, {"folgen": site_tree.cs_index.pk, "bundesland": "atlantis"})
    assert response.status_code == 404
    assert "gibt es nicht" in response.content.decode()


def test_a_finders_selection_is_carried_into_the_form(client, site_tree):
    response = client.get(
        SUBSCRIBE, {"folgen": site_tree.cs_index.pk, "bundesland": "niedersachsen"}
    )
    html = response.content.decode()
    assert "Praxisbeispiele – Bundesland: Niedersachsen" in html
    subscribe(client, folgen=str(site_tree.cs_index.pk), filter="bundesland=niedersachsen")
    alert = Alert.objects.get()
    assert alert.index_page_id == site_tree.cs_index.pk
    assert alert.filters == {"bundesland": "niedersachsen"}


# --- the worker and the privacy text ------------------------------------------------------


def test_the_worker_process_sends_what_a_request_queued(
    client, site_tree, smtp, django_capture_on_commit_callbacks, monkeypatch
):
    # The worker closes connections it deems unusable between tasks; inside this test's
    # transaction that would be the test's own connection (PostgreSQL).
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    with django_capture_on_commit_callbacks(execute=True):
        subscribe(client, newsletter="on")
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    assert smtp.messages == []  # nothing sent inside the web request
    call_command(
        "db_worker",
        "--backend",
        "mail",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        verbosity=0,
    )
    assert [m["To"] for m in smtp.messages] == ["leser@example.org"]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_the_privacy_text_states_what_the_code_does(settings):
    from partnerships.initial_content.pages import DATENSCHUTZ

    text = str(DATENSCHUTZ["body"])
    assert settings.NEWSLETTER_CONFIRM_HOURS == 48 and "48 Stunden" in text
    assert settings.NEWSLETTER_UNCONFIRMED_DAYS == 7 and "nach sieben Tagen" in text
    assert settings.NEWSLETTER_PROOF_YEARS == 3 and "drei Jahre nach dem Widerruf" in text
    assert "Art. 6 Abs. 1 lit. a DSGVO" in text
    assert settings.NEWSLETTER_RATE_WINDOW == 600 and "zehn Minuten" in text


# --- where readers find it ----------------------------------------------------------------


def test_home_and_news_items_have_the_short_form(client, site_tree):
    for url in ("/", site_tree.news[1].url):
        html = client.get(url).content.decode()
        assert 'action="/newsletter/"' in html and 'name="email"' in html, url
        assert subscriptions.CONSENT_TEXT in html


def test_the_short_form_subscribes_to_the_newsletter(client, site_tree):
    response = client.post(
        SUBSCRIBE, {"email": "kurz@example.org", "newsletter": "on", "frequency": "woechentlich"}
    )
    assert response.status_code == 302
    assert Subscriber.objects.get().newsletter is True


def test_a_filtered_case_study_list_offers_this_selection(client, site_tree):
    html = client.get(site_tree.cs_index.url, {"bundesland": "niedersachsen"}).content.decode()
    link = re.search(r'href="([^"]+)">Diese Auswahl abonnieren', html).group(1)
    response = client.get(link.replace("&amp;", "&"))
    assert "Praxisbeispiele – Bundesland: Niedersachsen" in response.content.decode()


def test_the_admin_lists_issues_with_their_sending_page(admin_client_de, site_tree):
    issue, _ = issue_with(site_tree)
    html = admin_client_de.get("/admin/snippets/partnerships/newsletterissue/").content.decode()
    assert issue.subject in html and "Versand und Test" in html
    status = admin_client_de.get(reverse("newsletter_admin:status", args=[issue.pk]))
    assert "Test an mich senden" in status.content.decode()


def test_administrators_find_and_delete_an_address_as_an_unsubscription(admin_client_de, site_tree):
    subscriber = confirmed("loeschen@example.org")
    listing = admin_client_de.get("/admin/abonnenten/", {"q": "loeschen"})
    assert "loeschen@example.org" in listing.content.decode()
    assert admin_client_de.get("/admin/abonnenten/new/").status_code in (302, 403)
    response = admin_client_de.post(f"/admin/abonnenten/delete/{subscriber.pk}/")
    assert response.status_code == 302
    assert not Subscriber.objects.filter(email="loeschen@example.org").exists()
    assert ConsentProof.objects.get().withdrawn_at is not None
