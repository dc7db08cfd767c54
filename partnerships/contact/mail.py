"""The e-mail for each contact form submission; it is stored first, so a failing mail
server costs only the mail."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

DEFAULT_SUBJECT = "Neue Nachricht über das Kontaktformular"


def send_submission_mail(page, form, submission=None):
    """E-mail the submission to the page's recipients, Reply-To the visitor.

    Never raises: the submission is already stored, so a failing mail server only costs the
    notification, which is logged (and the submission is in the admin under „Formulare“).
    """
    recipients = [address.strip() for address in page.to_address.split(",") if address.strip()]
    if not recipients:
        return False
    sender = form.sender_address()
    context = {
        "page": page,
        "rows": form.submitted_rows(),
        "submission": submission,
        "submissions_url": submissions_admin_url(page),
    }
    message = EmailMultiAlternatives(
        subject=page.subject or DEFAULT_SUBJECT,
        body=render_to_string("partnerships/mail/contact_submission.txt", context),
        from_email=page.from_address or settings.DEFAULT_FROM_EMAIL,
        to=recipients,
        reply_to=[sender] if sender else None,
    )
    message.attach_alternative(
        render_to_string("partnerships/mail/contact_submission.html", context), "text/html"
    )
    try:
        message.send()
    except Exception:
        logger.exception(
            "Kontaktformular: E-Mail an %s nicht gesendet; die Nachricht ist gespeichert "
            "(Eingang %s).",
            ", ".join(recipients),
            getattr(submission, "pk", "?"),
        )
        return False
    return True


def submissions_admin_url(page):
    from django.urls import reverse

    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse("wagtailforms:list_submissions", args=[page.pk])
