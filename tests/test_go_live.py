"""The legal kit: the Impressum's facts come from the site settings, production's
``check --deploy`` refuses to go live without them (and passes once they are filled), the
dashboard shows administrators the same list, and what the legal pages say about logs, form
retention, hosting and cookies is what the configuration does."""

import datetime
import io
import re
import runpy
import secrets
from pathlib import Path

import pytest
from django.core import checks
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from partnerships import legal
from partnerships.models import AccessibilityPage, ContactPage, SiteSettings, StandardPage
from partnerships.ops.logfiles import DailyFileHandler
from tests.conftest import outer_transaction
from tests.settings_env import settings_from_env

ROOT = Path(__file__).resolve().parent.parent

FACTS = {
    "legal_form": "Gesellschaft mit beschränkter Haftung (GmbH)",
    "managing_directors": "Erika Mustermann\nMax Beispiel",
    "register_court": "Amtsgericht Hamburg",
    "register_number": "HRB 99999",
    "vat_id": "DE999999999",
    "responsible_person": "Erika Mustermann",
    "responsible_address": "Chilehaus A\nFischertwiete 2\n20095 Hamburg",
    "dpo_name": "Datenschutz Beispiel GmbH",
    "dpo_address": "Musterweg 1\n20095 Hamburg",
    "dpo_email": "datenschutz@example.org",
    "hosting_provider": "Beispiel Hosting GmbH, Nürnberg",
    "accessibility_checked_on": datetime.date(2026, 11, 30),
}


@pytest.fixture(scope="module")
def _content(django_db_setup, django_db_blocker):
    with outer_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            call_command("load_initial_content", stdout=io.StringIO())
        yield


@pytest.fixture
def content(_content, db):
    return SiteSettings.objects.get()


def fill(site_settings, **overrides):
    for name, value in {**FACTS, **overrides}.items():
        setattr(site_settings, name, value)
    site_settings.save()
    return site_settings


def go_live_errors():
    return [
        message
        for message in checks.run_checks(include_deployment_checks=True)
        if message.id.startswith("partnerships.")
    ]


def page_text(path):
    html = Client().get(path).content.decode()
    main = re.search(r"<main.*?</main>", html, re.S).group(0)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


# --- the go-live check ----------------------------------------------------------------------


def test_the_deploy_check_lists_every_missing_fact_and_invents_none(content):
    errors = go_live_errors()
    assert {error.id for error in errors} == {"partnerships.E100"}
    messages = " ".join(error.msg for error in errors)
    for label in [
        "Geschäftsführerinnen und Geschäftsführer",
        "Registergericht",
        "Handelsregisternummer",
        "Umsatzsteuer-Identifikationsnummer",
        "§ 18 Abs. 2 MStV",
        "Datenschutzbeauftragte",
        "Hosting-Dienstleister",
        "Prüfung der Barrierefreiheit",
    ]:
        assert label in messages
    # What the initial content knows is not reported: name, address, e-mail, legal form.
    assert "Name des Unternehmens" not in messages and "„E-Mail-Adresse“" not in messages
    # And nothing missing is shown as if it were known.
    imprint = page_text("/impressum/")
    assert "Registergericht" not in imprint and "HRB" not in imprint
    assert "Verantwortlich für den Inhalt" not in imprint


def test_the_deploy_check_passes_once_the_facts_are_filled(content):
    fill(content)
    assert go_live_errors() == []
    imprint = page_text("/impressum/")
    for shown in [
        "Geschäftsführung: Erika Mustermann, Max Beispiel",
        "Registergericht: Amtsgericht Hamburg",
        "Registernummer: HRB 99999",
        "DE999999999",
        "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV",
        "Kontaktformular: Kontakt",
    ]:
        assert shown in imprint
    privacy = page_text("/datenschutz/")
    assert "Datenschutz Beispiel GmbH" in privacy and "datenschutz@example.org" in privacy
    assert "bei Beispiel Hosting GmbH, Nürnberg auf Servern in Deutschland" in privacy
    assert "zuletzt am 30.11.2026 geprüft" in page_text("/barrierefreiheit/")


def test_the_check_is_a_deployment_check_only(content):
    assert not [m for m in checks.run_checks() if m.id.startswith("partnerships.E10")]


def test_a_second_quick_channel_is_required_besides_the_email(content):
    """ECJ C-298/07: e-mail plus phone or an electronic contact form."""
    fill(content, phone="")
    ContactPage.objects.get().unpublish()
    errors = go_live_errors()
    assert len(errors) == 1 and legal.SECOND_CHANNEL in errors[0].msg
    fill(content, phone="+49 40 123456-0")
    assert go_live_errors() == []
    assert 'href="tel:+49401234560"' in Client().get("/impressum/").content.decode()


def test_the_data_protection_officer_needs_an_own_address(content):
    fill(content, dpo_email=content.email)
    assert any(legal.DPO_NOT_PROJECT_MAILBOX in error.msg for error in go_live_errors())


def test_removing_the_provider_block_from_the_imprint_fails_the_check(content):
    fill(content)
    imprint = StandardPage.objects.get(slug="impressum")
    imprint.body = [b for b in imprint.body.raw_data if b["type"] != "legal_section"]
    imprint.save_revision().publish()
    assert [error.id for error in go_live_errors()] == ["partnerships.E101"]


def test_a_staging_site_silences_the_check_and_production_silences_nothing_else():
    staging = settings_from_env(
        "partnerships.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="example.org",
        SILENCED_SYSTEM_CHECKS="partnerships.E100,partnerships.E101",
    )
    assert staging.SILENCED_SYSTEM_CHECKS == [
        "security.W021",
        "partnerships.E100",
        "partnerships.E101",
    ]
    production = settings_from_env(
        "partnerships.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="example.org",
    )
    assert production.SILENCED_SYSTEM_CHECKS == ["security.W021"]


def test_the_dashboard_shows_administrators_the_same_list(content, admin_client_de, editor):
    html = admin_client_de.get("/admin/").content.decode()
    assert "Vor dem Start: fehlende Pflichtangaben" in html
    assert "Umsatzsteuer-Identifikationsnummer" in html
    assert "/admin/settings/partnerships/sitesettings/" in html
    client = Client()
    client.force_login(editor)
    assert "fehlende Pflichtangaben" not in client.get("/admin/").content.decode()
    fill(content)
    assert "fehlende Pflichtangaben" not in admin_client_de.get("/admin/").content.decode()


# --- texts that follow the configuration ------------------------------------------------------


def test_the_privacy_text_names_the_configured_periods(content, settings):
    text = page_text("/datenschutz/")
    assert "nach 14 Tagen löscht der Server jede Datei automatisch" in text
    assert "Gespeicherte Nachrichten werden nach sechs Monaten automatisch gelöscht" in text
    settings.LOG_RETENTION_DAYS = 7
    settings.FORM_RETENTION_MONTHS = 3
    StandardPage.objects.get(slug="datenschutz").save_revision().publish()  # a new content version
    text = page_text("/datenschutz/")
    assert "nach sieben Tagen löscht" in text and "nach drei Monaten automatisch gelöscht" in text


NO_TRANSFER = (
    "außerhalb der Europäischen Union oder des Europäischen Wirtschaftsraums findet nicht statt"
)


def test_the_hosting_paragraph_follows_the_media_storage(content, settings):
    text = page_text("/datenschutz/")
    assert "Bilder und Dokumente zum Herunterladen liefert derselbe Server aus" in text
    assert NO_TRANSFER in text
    settings.AWS_STORAGE_BUCKET_NAME = "medien"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"region_name": "us-east-1", "custom_domain": "cdn.example.org"},
        },
    }
    settings.MEDIA_URL = "https://cdn.example.org/"
    facts = legal.media_storage()
    assert facts["outside_eu"] and facts["host"] == "Amazon S3"
    assert facts["cdn"] == "cdn.example.org"
    settings.WAGTAILFRONTENDCACHE = {"cloudflare": {}}
    StandardPage.objects.get(slug="datenschutz").save_revision().publish()
    text = page_text("/datenschutz/")
    assert "Amazon S3, AWS-Region us-east-1" in text and "außerhalb der Europäischen Union" in text
    assert "Cloudflare, Inc. (USA)" in text and "Content Delivery" not in text
    assert NO_TRANSFER not in text


def test_the_cookie_text_names_the_admin_session_length(content, settings):
    assert f"höchstens {settings.SESSION_COOKIE_AGE // 3600} Stunden" in page_text("/datenschutz/")


def test_a_configuration_change_never_serves_pages_cached_with_the_old_values():
    one = settings_from_env("partnerships.settings.base", REDIS_URL="redis://127.0.0.1:6379/9")
    other = settings_from_env(
        "partnerships.settings.base", REDIS_URL="redis://127.0.0.1:6379/9", LOG_RETENTION_DAYS="7"
    )
    assert one.CACHES["default"]["KEY_PREFIX"] != other.CACHES["default"]["KEY_PREFIX"]


def test_no_english_in_the_legal_texts(content):
    for path in ["/impressum/", "/datenschutz/", "/barrierefreiheit/"]:
        text = page_text(path)
        for english in [
            "Cross-Site-Request-Forgery",
            "Content-Delivery-Network",
            "Content Delivery",
            "§§ 8 bis 10",
        ]:
            assert english not in text


# --- retention ---------------------------------------------------------------------------------


def test_form_messages_older_than_the_period_are_deleted_younger_ones_kept(content):
    contact = ContactPage.objects.get()
    feedback = AccessibilityPage.objects.get()
    now = timezone.now()
    cutoff = legal.expired_submissions_cutoff(now)
    old = [
        FormSubmission.objects.create(page=page, form_data={"nachricht": "alt"})
        for page in (contact, feedback)
    ]
    FormSubmission.objects.filter(pk__in=[s.pk for s in old]).update(
        submit_time=cutoff - datetime.timedelta(minutes=1)
    )
    young = FormSubmission.objects.create(page=contact, form_data={"nachricht": "jung"})
    FormSubmission.objects.filter(pk=young.pk).update(
        submit_time=cutoff + datetime.timedelta(minutes=1)
    )
    out = io.StringIO()
    call_command("delete_expired_submissions", stdout=out)
    assert "2 abgelaufene Formular-Nachrichten gelöscht" in out.getvalue()
    assert list(FormSubmission.objects.values_list("pk", flat=True)) == [young.pk]


def test_the_scheduler_runs_the_deletion():
    assert "manage.py delete_expired_submissions" in (ROOT / "Makefile").read_text()
    assert "manage.py delete_expired_submissions" in (ROOT / "docker-compose.yml").read_text()


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2026-12-03T10:00:00+00:00", "2026-06-03T10:00:00+00:00"),
        ("2026-08-31T10:00:00+00:00", "2026-02-28T10:00:00+00:00"),
        ("2026-03-15T10:00:00+00:00", "2025-09-15T10:00:00+00:00"),
    ],
)
def test_six_months_are_calendar_months(now, expected):
    assert legal.months_ago(6, datetime.datetime.fromisoformat(now)) == (
        datetime.datetime.fromisoformat(expected)
    )


# --- the access log -----------------------------------------------------------------------------


def test_the_access_log_keeps_one_file_per_day_and_deletes_old_ones(tmp_path):
    import logging

    day = [datetime.date(2026, 12, 1)]
    handler = DailyFileHandler(tmp_path, retention_days=14, today=lambda: day[0])
    (tmp_path / "access-2026-11-17.log").write_text("zu alt\n")
    (tmp_path / "access-2026-11-18.log").write_text("noch da\n")
    (tmp_path / "error-2026-01-01.log").write_text("fremd\n")
    record = logging.makeLogRecord({"msg": '203.0.113.7 - - "GET / HTTP/1.1" 200'})
    handler.emit(record)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "access-2026-11-18.log",
        "access-2026-12-01.log",
        "error-2026-01-01.log",
    ]
    day[0] = datetime.date(2026, 12, 2)
    handler.emit(record)
    assert not (tmp_path / "access-2026-11-18.log").exists()
    assert (tmp_path / "access-2026-12-02.log").read_text().startswith("203.0.113.7")
    handler.close()


def test_gunicorn_writes_the_access_log_with_the_period_the_text_names(monkeypatch, tmp_path):
    monkeypatch.setenv("LOG_DIR", str(tmp_path))
    monkeypatch.setenv("LOG_RETENTION_DAYS", "9")
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    handler = config["logconfig_dict"]["handlers"]["access_file"]
    assert handler["()"] is DailyFileHandler
    assert handler["retention_days"] == 9 and handler["directory"] == str(tmp_path)
    assert "accesslog" not in config  # nothing else writes it (stdout would keep it forever)
    django_settings = settings_from_env("partnerships.settings.base", LOG_RETENTION_DAYS="9")
    assert django_settings.LOG_RETENTION_DAYS == 9


@override_settings(FORM_RETENTION_MONTHS=1, LOG_RETENTION_DAYS=1)
def test_periods_of_one_read_naturally():
    assert legal.form_retention_text() == "einem Monat"
    assert legal.log_retention_text() == "einem Tag"


def test_another_providers_object_store_gets_no_claim_about_transfers(content, settings):
    """For an S3-compatible store elsewhere the configuration does not tell where it stands:
    the text names it but neither claims nor denies a transfer outside the EU."""
    settings.AWS_STORAGE_BUCKET_NAME = "medien"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"endpoint_url": "https://objects.example.net", "region_name": "x"},
        },
    }
    StandardPage.objects.get(slug="datenschutz").save_revision().publish()
    text = page_text("/datenschutz/")
    assert "Objektspeicher (objects.example.net" in text
    assert NO_TRANSFER not in text and "außerhalb der Europäischen Union;" not in text
