"""The contact form at /kontakt/: German form, stored and e-mailed submissions, honeypot, rate
limit, hostile and oversized input, and responses no cache may keep."""

import logging
import socket
import time

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from wagtail.contrib.forms.models import FormSubmission

from partnerships.contact import mail as contact_mail
from partnerships.contact import protection
from tests.factories import ContactPageFactory
from tests.helpers import main, soup, text_of

SCRIPT = "<script>alert('xss')</script>"


@pytest.fixture
def page(home):
    return ContactPageFactory(parent=home)


def valid_data(**extra):
    data = {
        "name": "Erika Mustermann",
        "e_mail_adresse": "erika@example.org",
        "organisation_oder_kommune": "Stadt Musterstadt",
        "anliegen": "Clusterstrategie",
        "nachricht": "Wir möchten eine Partnerschaft mit Unternehmen aufbauen.",
    }
    data.update(extra)
    return data


def error_summary(response):
    node = soup(response).select_one(".error-summary")
    assert node is not None, "no error summary"
    return node


def field_error(response, name):
    node = soup(response).find(id=f"id_{name}_error")
    return text_of(node) if node else ""


def executable_scripts(response):
    """<script> elements other than the JSON-LD data blocks every page has."""
    return [
        script
        for script in soup(response).find_all("script")
        if script.get("type") != "application/ld+json"
    ]


def submissions(page):
    return FormSubmission.objects.filter(page=page)


def assert_never_cached(response):
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-cache", "no-store"} <= cache_control, response["Cache-Control"]


# --- The form -------------------------------------------------------------------------------


def test_form_has_german_labels_required_marks_and_autocomplete(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    form = main(response).find("form")
    labels = {label["for"]: text_of(label) for label in form.find_all("label") if label.get("for")}
    assert labels["id_name"] == "Name (Pflichtfeld)"
    assert labels["id_e_mail_adresse"] == "E-Mail-Adresse (Pflichtfeld)"
    assert labels["id_organisation_oder_kommune"] == "Organisation oder Kommune"
    assert labels["id_nachricht"] == "Nachricht (Pflichtfeld)"
    assert form["method"] == "post"
    assert form["action"] == "/kontakt/"
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    email = form.find(id="id_e_mail_adresse")
    assert email["type"] == "email"
    assert email["autocomplete"] == "email"  # the default for e-mail fields
    assert email["maxlength"] == "254"
    assert form.find(id="id_name")["autocomplete"] == "name"
    assert form.find(id="id_organisation_oder_kommune")["autocomplete"] == "organization"
    message = form.find(id="id_nachricht")
    assert message.name == "textarea"
    assert message["maxlength"] == "5000"
    # Help text is tied to its field.
    assert message["aria-describedby"] == "id_nachricht_helptext"
    assert text_of(form.find(id="id_nachricht_helptext")) == "Höchstens 5.000 Zeichen."
    assert text_of(form.find("button")) == "Nachricht senden"
    assert "Wir freuen uns auf Ihre Nachricht." in text_of(main(response))


def test_honeypot_is_hidden_from_people_and_screen_readers(client, page):
    form = main(client.get(page.url)).find("form")
    trap = form.find("input", attrs={"name": protection.HONEYPOT_FIELD})
    assert trap is not None
    assert trap["tabindex"] == "-1"
    assert trap["autocomplete"] == "off"
    wrapper = trap.find_parent("div")
    assert wrapper["aria-hidden"] == "true"
    assert "form-trap" in wrapper["class"]
    assert form.find("label", attrs={"for": trap["id"]})  # if CSS is off: "leave empty"
    css = (settings.BASE_DIR / "static/css/site.css").read_text()
    assert ".form-trap { position: absolute; left: -10000px;" in css


def test_get_and_post_are_never_cached(client, page):
    assert_never_cached(client.get(page.url))
    assert_never_cached(client.post(page.url, valid_data()))
    assert_never_cached(client.post(page.url, valid_data(e_mail_adresse="kaputt")))


# --- A valid submission ---------------------------------------------------------------------


def test_valid_post_is_stored_and_emailed_with_reply_to_the_sender(client, page, settings):
    response = client.post(page.url, valid_data())
    assert response.status_code == 200
    text = text_of(main(response))
    assert "Vielen Dank für Ihre Nachricht" in text
    assert "Ihre Nachricht ist angekommen. Wir antworten bald." in text
    assert "Erika Mustermann" in text  # the summary of what was sent

    stored = submissions(page).get()
    assert stored.form_data["name"] == "Erika Mustermann"
    assert stored.form_data["e_mail_adresse"] == "erika@example.org"
    assert protection.HONEYPOT_FIELD not in stored.form_data

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["projektteam@example.org"]
    assert message.reply_to == ["erika@example.org"]
    assert message.from_email == settings.DEFAULT_FROM_EMAIL  # never the visitor's address
    assert message.subject == "Kontaktformular"
    assert "Nachricht:\nWir möchten eine Partnerschaft mit Unternehmen aufbauen." in message.body
    assert f"/admin/forms/submissions/{page.pk}/" in message.body


def test_submission_is_listed_in_the_admin(client, admin_client_de, page):
    client.post(page.url, valid_data())
    response = admin_client_de.get(f"/admin/forms/submissions/{page.pk}/")
    assert response.status_code == 200
    assert "Erika Mustermann" in response.content.decode()
    assert "Stadt Musterstadt" in response.content.decode()


def test_several_recipients_and_an_own_sender(client, page):
    page.to_address = "a@example.org, b@example.org"
    page.from_address = "formular@example.org"
    page.subject = ""
    page.save_revision().publish()
    client.post(page.url, valid_data())
    message = mail.outbox[0]
    assert message.to == ["a@example.org", "b@example.org"]
    assert message.from_email == "formular@example.org"
    assert message.subject == contact_mail.DEFAULT_SUBJECT


# --- Errors ---------------------------------------------------------------------------------


def test_invalid_email_gets_a_german_error_and_nothing_is_stored(client, page):
    response = client.post(page.url, valid_data(e_mail_adresse="erika(at)example"))
    assert response.status_code == 200
    message = (
        "Bitte geben Sie bei „E-Mail-Adresse“ eine gültige E-Mail-Adresse an, "
        "z. B. name@beispiel.de."
    )
    assert field_error(response, "e_mail_adresse") == f"Fehler: {message}"
    summary = error_summary(response)
    assert summary["tabindex"] == "-1" and summary.has_attr("autofocus")
    assert text_of(summary.find("h2")) == "Bitte prüfen Sie Ihre Angaben"
    link = summary.find("a")
    assert link["href"] == "#id_e_mail_adresse" and text_of(link) == message
    field = soup(response).find(id="id_e_mail_adresse")
    assert field["aria-invalid"] == "true"
    assert field["aria-describedby"] == "id_e_mail_adresse_error"
    assert field["value"] == "erika(at)example"  # the visitor's input is kept
    assert soup(response).find("title").get_text().startswith("Fehler: ")
    assert not submissions(page).exists()
    assert mail.outbox == []


def test_every_required_field_gets_a_german_message(client, page):
    response = client.post(page.url, {"organisation_oder_kommune": "Stadt Musterstadt"})
    assert response.status_code == 200
    assert field_error(response, "name") == "Fehler: Bitte füllen Sie das Feld „Name“ aus."
    assert field_error(response, "anliegen") == "Fehler: Bitte füllen Sie das Feld „Anliegen“ aus."
    assert (
        field_error(response, "nachricht") == "Fehler: Bitte füllen Sie das Feld „Nachricht“ aus."
    )
    assert field_error(response, "organisation_oder_kommune") == ""
    assert len(error_summary(response).find_all("li")) == 4
    # Help text and error both describe the field.
    assert (
        soup(response).find(id="id_nachricht")["aria-describedby"]
        == "id_nachricht_helptext id_nachricht_error"
    )
    assert not submissions(page).exists()


def test_too_long_values_get_german_messages(client, page):
    response = client.post(
        page.url,
        valid_data(nachricht="x" * 5001, name="N" * 256, e_mail_adresse="a" * 250 + "@x.de"),
    )
    assert response.status_code == 200
    # German digit grouping: "5.000", not "5000".
    assert field_error(response, "nachricht") == (
        "Fehler: „Nachricht“ ist zu lang. Höchstens 5.000 Zeichen sind möglich "
        "(Ihre Eingabe: 5.001 Zeichen)."
    )
    assert field_error(response, "name") == (
        "Fehler: „Name“ ist zu lang. Höchstens 255 Zeichen sind möglich "
        "(Ihre Eingabe: 256 Zeichen)."
    )
    assert "Höchstens 254 Zeichen" in field_error(response, "e_mail_adresse")
    # The error summary above the form says the same.
    assert "Höchstens 5.000 Zeichen sind möglich (Ihre Eingabe: 5.001 Zeichen)" in text_of(
        error_summary(response)
    )
    assert not submissions(page).exists()
    # Exactly at the limit is fine.
    assert client.post(page.url, valid_data(nachricht="x" * 5000)).status_code == 200
    assert submissions(page).count() == 1


def test_length_messages_group_large_numbers(client, page):
    response = client.post(page.url, valid_data(nachricht="x" * 12345))
    assert "Höchstens 5.000 Zeichen sind möglich (Ihre Eingabe: 12.345 Zeichen)." in (
        field_error(response, "nachricht")
    )
    assert "5000" not in text_of(main(response))
    assert not submissions(page).exists()


def test_null_characters_are_refused_not_a_server_error(client, page):
    response = client.post(page.url, valid_data(nachricht="Hallo\x00Welt"))
    assert response.status_code == 200
    assert "Nullzeichen" in field_error(response, "nachricht")
    assert not submissions(page).exists()


# --- Hostile input --------------------------------------------------------------------------


def test_markup_comes_out_escaped_on_the_thank_you_page_and_in_the_mail(client, page):
    response = client.post(
        page.url,
        valid_data(name=SCRIPT, anliegen='"><img src=x onerror=alert(1)>', nachricht=SCRIPT),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert SCRIPT not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in html
    assert executable_scripts(response) == []
    assert SCRIPT in text_of(main(response))  # shown as the text it is

    message = mail.outbox[0]
    assert f"Name:\n{SCRIPT}" in message.body  # text/plain: inert as it is
    (html_part, mimetype) = message.alternatives[0]
    assert mimetype == "text/html"
    assert SCRIPT not in html_part and "<img src=x" not in html_part
    assert "&lt;script&gt;" in html_part
    # Stored as typed (the admin escapes it when showing it).
    assert submissions(page).get().form_data["name"] == SCRIPT


def test_markup_in_an_invalid_post_is_escaped_in_the_form(client, page):
    response = client.post(page.url, valid_data(e_mail_adresse=SCRIPT, name=f'"{SCRIPT}'))
    assert response.status_code == 200
    html = response.content.decode()
    assert SCRIPT not in html
    assert executable_scripts(response) == []
    assert soup(response).find(id="id_name")["value"] == f'"{SCRIPT}'


def test_oversized_post_gets_the_german_400_page(page, settings):
    client = Client(raise_request_exception=False)
    size = settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1000
    response = client.post(page.url, valid_data(nachricht="x" * size))
    assert response.status_code == 400
    doc = soup(response)
    assert text_of(doc.find("h1")) == "Ungültige Anfrage"
    assert doc.find("html")["lang"] == "de"
    assert not submissions(page).exists()


def test_post_without_csrf_token_gets_the_german_403_page(page):
    client = Client(enforce_csrf_checks=True)
    response = client.post(page.url, valid_data())
    assert response.status_code == 403
    assert text_of(soup(response).find("h1")) == "Sicherheitsprüfung fehlgeschlagen"
    assert not submissions(page).exists()


def test_post_with_the_forms_csrf_token_goes_through(page):
    client = Client(enforce_csrf_checks=True)
    form = main(client.get(page.url)).find("form")
    token = form.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    response = client.post(page.url, valid_data(csrfmiddlewaretoken=token))
    assert response.status_code == 200
    assert submissions(page).count() == 1


# --- Spam protection ------------------------------------------------------------------------


def test_filled_honeypot_looks_like_success_but_nothing_is_stored_or_sent(client, page):
    response = client.post(
        page.url, valid_data(**{protection.HONEYPOT_FIELD: "https://spam.example"})
    )
    assert response.status_code == 200
    assert "Vielen Dank für Ihre Nachricht" in text_of(main(response))
    assert not submissions(page).exists()
    assert mail.outbox == []


def test_sixth_submission_within_the_window_gets_429(client, page):
    for i in range(5):
        response = client.post(page.url, valid_data(anliegen=f"Frage {i}"))
        assert response.status_code == 200, i
    response = client.post(page.url, valid_data(anliegen="Frage 6"))
    assert response.status_code == 429
    assert_never_cached(response)
    assert response["Retry-After"] == "600"
    summary = error_summary(response)
    assert text_of(summary.find("h2")) == "Bitte warten Sie einen Moment"
    assert "zu viele Nachrichten gesendet" in text_of(summary)
    # The form is there again with the visitor's text.
    assert soup(response).find(id="id_anliegen")["value"] == "Frage 6"
    assert submissions(page).count() == 5
    assert len(mail.outbox) == 5
    # A honeypot post over the limit is refused the same way.
    spam = valid_data(**{protection.HONEYPOT_FIELD: "x"})
    assert client.post(page.url, spam).status_code == 429
    # Another address is not affected.
    other = client.post(page.url, valid_data(), REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200
    assert submissions(page).count() == 6


def test_invalid_posts_do_not_use_up_the_limit(client, page):
    for _ in range(8):
        assert client.post(page.url, valid_data(e_mail_adresse="kaputt")).status_code == 200
    assert client.post(page.url, valid_data()).status_code == 200
    assert submissions(page).count() == 1


def test_limit_follows_the_trusted_proxy_address(client, page, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.CONTACT_RATE_LIMIT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    first = client.post(page.url, valid_data(), HTTP_X_FORWARDED_FOR="198.51.100.1", **proxy)
    assert first.status_code == 200
    # Same visitor, a made-up entry in front: still the same address for the limit.
    again = client.post(
        page.url, valid_data(), HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.1", **proxy
    )
    assert again.status_code == 429
    # Another visitor behind the same proxy.
    other = client.post(page.url, valid_data(), HTTP_X_FORWARDED_FOR="198.51.100.2", **proxy)
    assert other.status_code == 200


def test_limit_ends_with_the_window(client, page, settings):
    settings.CONTACT_RATE_LIMIT = 1
    settings.CONTACT_RATE_WINDOW = 1
    assert client.post(page.url, valid_data()).status_code == 200
    assert client.post(page.url, valid_data()).status_code == 429
    time.sleep(1.1)
    assert client.post(page.url, valid_data()).status_code == 200
    assert submissions(page).count() == 2


# --- Mail failure ---------------------------------------------------------------------------


def closed_port():
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_failing_mail_server_keeps_the_submission_and_thanks_the_visitor(
    client, page, settings, caplog
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port()
    settings.EMAIL_TIMEOUT = 2
    with caplog.at_level(logging.ERROR, logger="partnerships.contact"):
        response = client.post(page.url, valid_data())
    assert response.status_code == 200
    assert "Vielen Dank für Ihre Nachricht" in text_of(main(response))
    assert submissions(page).count() == 1
    record = caplog.records[-1]
    assert "projektteam@example.org" in record.getMessage()
    assert "gespeichert" in record.getMessage()
    assert record.exc_info is not None


def test_without_recipient_it_is_only_stored(client, page):
    page.to_address = ""
    page.save_revision().publish()
    assert client.post(page.url, valid_data()).status_code == 200
    assert submissions(page).count() == 1
    assert mail.outbox == []
