"""A reader subscribes on a phone in Chromium, the confirmation mail arrives at a real SMTP
server, its button confirms in the browser; an issue arrives as the reader sees it.
Screenshots of both mails and of the form (test-artifacts/screenshots/newsletter-*)."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from wagtail.models import Site

from news.models import NewsPage
from partnerships.models.newsletter import Delivery, Dispatch, NewsletterIssue, Subscriber
from partnerships.newsletter import sending
from tests.browser.conftest import content_live_server
from tests.smtp_server import smtp_server

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
SHOTS.mkdir(parents=True, exist_ok=True)


@pytest.fixture(scope="module")
def mail_server(django_db_setup, django_db_blocker):
    from django.conf import settings

    with smtp_server() as (controller, handler):
        saved = {
            key: getattr(settings, key)
            for key in ("NEWSLETTER_EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "NEWSLETTER_RATE")
        }
        settings.NEWSLETTER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT, settings.NEWSLETTER_RATE = (
            "127.0.0.1",
            controller.port,
            0,
        )
        try:
            with content_live_server(django_db_blocker) as start:
                server = start()
                port = urlsplit(server.url).port
                Site.objects.filter(is_default_site=True).update(hostname="localhost", port=port)
                yield server, handler
        finally:
            for key, value in saved.items():
                setattr(settings, key, value)


def html_of(message):
    return message.get_body(preferencelist=("html",)).get_content()


def test_subscribe_confirm_and_receive_an_issue(browser, mail_server):
    server, smtp = mail_server
    context = browser.new_context(viewport={"width": 375, "height": 900}, locale="de-DE")
    page = context.new_page()
    page.goto(server.url + "/newsletter/")
    page.fill("#id_email", "leserin@example.org")
    page.get_by_label("Neue Praxisbeispiele").check()
    page.screenshot(path=str(SHOTS / "newsletter-form-375.png"), full_page=True)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url("**/newsletter/angefordert/")
    assert "Postfach" in page.locator("h1").inner_text()
    assert context.cookies() == []

    assert sending.run().sent == 1  # the worker's part
    (mail,) = smtp.to("leserin@example.org")
    mail_page = context.new_page()
    mail_page.set_content(html_of(mail))
    mail_page.screenshot(path=str(SHOTS / "newsletter-confirmation-mail-375.png"), full_page=True)
    mail_page.get_by_role("link", name="Anmeldung bestätigen").click()
    mail_page.get_by_role("button", name="Anmeldung bestätigen").click()
    assert "bestätigt" in mail_page.locator("h1").inner_text()
    reader = Subscriber.objects.get(email="leserin@example.org")
    assert reader.is_confirmed and reader.newsletter

    news = NewsPage.objects.live().order_by("-date")[:2]
    issue = NewsletterIssue(subject="Newsletter Dezember 2026", intro="<p>Guten Tag,</p>")
    issue.items = [("zwischentitel", "Neu auf der Website"), *[("beitrag", n) for n in news]]
    issue.closing = "<p>Ihr Projektteam</p>"
    issue.save()
    revision = issue.save_revision()
    dispatch = Dispatch.objects.create(issue=issue, revision=revision, recipients=1)
    Delivery.objects.create(kind=Delivery.ISSUE, dispatch=dispatch, subscriber=reader)
    assert sending.run().sent == 1
    issue_mail = smtp.to("leserin@example.org")[-1]
    assert issue_mail["Subject"] == "Newsletter Dezember 2026"
    for width in (375, 700):
        view = browser.new_context(viewport={"width": width, "height": 900}, locale="de-DE")
        shown = view.new_page()
        shown.set_content(html_of(issue_mail))
        assert shown.evaluate("document.documentElement.scrollWidth") <= width
        shown.screenshot(path=str(SHOTS / f"newsletter-issue-mail-{width}.png"), full_page=True)
        view.close()
    # The mail's „Abmelden“ leads to the page that asks, with one button. (Pressing it is
    # tested in tests/test_newsletter.py: here this test's open transaction holds the rows the
    # live server would delete, which PostgreSQL would make it wait for.)
    mail_page.set_content(html_of(issue_mail))
    mail_page.get_by_role("link", name="Abmelden").click()
    mail_page.wait_for_url("**/newsletter/abmelden/**")
    assert mail_page.get_by_role("button", name="Jetzt abmelden").is_visible()
    assert "leserin@example.org" in mail_page.locator("main").inner_text()
    context.close()
