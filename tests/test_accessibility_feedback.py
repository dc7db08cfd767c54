"""The accessibility statement at /barrierefreiheit/ and its form „Barriere melden“: a
voluntary statement on the EU model (status, known gaps, date of the last check from the
settings), feedback stored, mailed to the editors and rate-limited like the contact form."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from wagtail.contrib.forms.models import FormSubmission

from partnerships.contact import protection
from partnerships.models import AccessibilityPage, ContactPage, SiteSettings
from tests.conftest import outer_transaction
from tests.helpers import main, soup, text_of


@pytest.fixture(scope="module")
def _content(django_db_setup, django_db_blocker):
    with outer_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            call_command("load_initial_content", stdout=io.StringIO())
        yield


@pytest.fixture
def page(_content, db):
    return AccessibilityPage.objects.get()


def report(**extra):
    return {
        "seite": "/praxisbeispiele/",
        "beschreibung_der_barriere": "Die Karte lässt sich mit der Tastatur nicht bedienen.",
        "e_mail_adresse": "leser@example.org",
        "name": "",
        **extra,
    }


def test_the_statement_is_voluntary_and_names_no_law_that_does_not_apply(client, page):
    text = text_of(main(client.get(page.url)))
    assert "teilweise vereinbar" in text
    assert "freiwillig" in text and "Mustererklärung der Europäischen Union" in text
    assert "Bekannte Einschränkungen" in text and "Grund:" in text
    for wrong in ["BITV", "Schlichtungsstelle", "Behindertengleichstellungsgesetz"]:
        assert wrong not in text


def test_the_date_of_the_last_check_comes_from_the_settings(client, page):
    assert "zuletzt am" not in text_of(main(client.get(page.url)))
    site_settings = SiteSettings.objects.get()
    site_settings.accessibility_checked_on = datetime.date(2026, 11, 30)
    site_settings.save()
    assert "Die Website wurde zuletzt am 30.11.2026 geprüft." in text_of(main(client.get(page.url)))


def test_the_form_is_labelled_and_only_the_description_is_required(client, page):
    html = soup(client.get(page.url))
    form = html.select_one("section.contact-form")
    assert text_of(form.find("h2")) == "Barriere melden"
    required = [
        text_of(label) for label in form.find_all("label") if "(Pflichtfeld)" in text_of(label)
    ]
    assert required == ["Beschreibung der Barriere (Pflichtfeld)"]
    assert form.find(id="id_e_mail_adresse")["autocomplete"] == "email"
    assert text_of(form.find("button")) == "Meldung senden"


def test_a_report_is_stored_and_mailed_to_the_editors(client, page):
    response = client.post(page.url, report())
    assert response.status_code == 200
    assert "Vielen Dank für Ihre Meldung" in text_of(main(response))
    stored = FormSubmission.objects.get(page=page)
    assert stored.get_data()["beschreibung_der_barriere"].startswith("Die Karte")
    (message,) = mail.outbox
    assert message.to == [page.to_address]
    assert message.subject == "Barriere gemeldet – Strategische Partnerschaften"
    assert message.reply_to == ["leser@example.org"]
    assert "Die Karte lässt sich" in message.body


def test_a_report_without_description_gets_a_german_error_and_keeps_the_input(client, page):
    response = client.post(page.url, report(beschreibung_der_barriere=""))
    assert response.status_code == 200
    assert "Fehler:" in text_of(soup(response).find("title"))
    summary = soup(response).select_one(".error-summary")
    assert "Beschreibung der Barriere" in text_of(summary)
    assert soup(response).find(id="id_seite")["value"] == "/praxisbeispiele/"
    assert not FormSubmission.objects.filter(page=page).exists()


def test_reports_and_contact_messages_share_one_limit(client, page):
    contact = ContactPage.objects.get()
    for i in range(5):
        assert client.post(page.url, report(seite=f"/seite-{i}/")).status_code == 200
    response = client.post(page.url, report())
    assert response.status_code == 429
    assert "zu viele Nachrichten gesendet" in text_of(soup(response).select_one(".error-summary"))
    limited = client.post(contact.url, {"name": "A", "e_mail_adresse": "a@example.org"})
    assert limited.status_code == 429


def test_the_honeypot_stores_nothing(client, page):
    response = client.post(page.url, report(**{protection.HONEYPOT_FIELD: "http://spam"}))
    assert response.status_code == 200
    assert not FormSubmission.objects.filter(page=page).exists() and mail.outbox == []


def test_the_page_is_never_cached_and_sets_only_a_session_cookie(client, page):
    response = client.get(page.url)
    assert "no-store" in response["Cache-Control"]
    cookie = response.cookies["csrftoken"]
    assert cookie["max-age"] == "" and cookie["expires"] == ""


def test_a_broken_mail_server_loses_no_report(client, page, settings):
    settings.EMAIL_BACKEND = "tests.test_accessibility_feedback.FailingBackend"
    assert client.post(page.url, report()).status_code == 200
    assert FormSubmission.objects.filter(page=page).count() == 1


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("Mailserver nicht erreichbar")
