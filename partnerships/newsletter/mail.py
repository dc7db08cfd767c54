"""The mails: confirmation, newsletter issue, digest and test, each as plain text and HTML.

Every mail to a subscriber carries the personal links to the settings and to unsubscribe,
and ``List-Unsubscribe`` with ``List-Unsubscribe-Post`` (RFC 8058 one-click).
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.models import Page, Revision, Site

from partnerships.models.newsletter import Delivery
from partnerships.newsletter import tokens

CONFIRM_SUBJECT = "Bitte bestätigen Sie Ihre Anmeldung – Strategische Partnerschaften"
DIGEST_SUBJECT = "Neu bei Strategische Partnerschaften"
SITE_NAME = "Strategische Partnerschaften"


def base_url():
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_url.rstrip("/")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def personal_links(base, subscriber):
    manage = tokens.make("manage", subscriber)
    return {
        "manage_url": base + reverse("newsletter:manage", args=[manage]),
        "unsubscribe_url": base + reverse("newsletter:unsubscribe", args=[manage]),
    }


def card(page, base):
    """What a mail shows of a page: its type, title, date, teaser and full address."""
    page = page.specific_deferred if type(page) is Page else page
    date = getattr(page, "listing_date", None)
    url = page.get_url()
    if url and url.startswith("/"):
        url = base + url
    return {
        "type": getattr(page, "type_label", "") or "",
        "title": page.title,
        "date": date,
        "teaser": getattr(page, "teaser", "") or "",
        "url": url,
    }


def issue_blocks(issue, base):
    """[("heading", text) | ("card", card)] of an issue's items; unpublished pages left out."""
    items = []
    for block in issue.items:
        if block.block_type == "zwischentitel":
            items.append(("heading", block.value))
        elif block.value is not None and block.value.live:
            items.append(("card", card(block.value, base)))
    return items


def _message(subject, template, context, to, unsubscribe_url=None):
    text = render_to_string(f"partnerships/mail/{template}.txt", context)
    html = render_to_string(f"partnerships/mail/{template}.html", context)
    headers = {}
    if unsubscribe_url:
        headers["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.NEWSLETTER_FROM_EMAIL,
        to=[to],
        headers=headers,
    )
    message.attach_alternative(html, "text/html")
    return message


class Builder:
    """Builds the mail of each delivery; what is the same for many (the site's address, an
    issue's cards, the pages of digests) is computed once per run."""

    def __init__(self):
        self.base = base_url()
        self._issues = {}
        self._pages = {}

    def issue(self, revision_id):
        if revision_id not in self._issues:
            issue = Revision.objects.get(pk=revision_id).as_object()
            self._issues[revision_id] = (issue, issue_blocks(issue, self.base))
        return self._issues[revision_id]

    def pages(self, ids):
        missing = [pk for pk in ids if pk not in self._pages]
        if missing:
            for page in Page.objects.filter(pk__in=missing).live().specific(defer=True):
                self._pages[page.pk] = card(page, self.base)
            for pk in missing:
                self._pages.setdefault(pk, None)
        return [self._pages[pk] for pk in ids if self._pages[pk] is not None]

    def build(self, delivery):
        """The message for ``delivery``, or None if there is nothing to send any more."""
        subscriber = delivery.subscriber
        if delivery.kind == Delivery.TEST:
            issue, blocks = self.issue(delivery.payload["revision"])
            context = {
                "issue": issue,
                "blocks": blocks,
                "test": True,
                "base_url": self.base,
                "manage_url": self.base + "/newsletter/",
                "unsubscribe_url": None,
            }
            return _message(f"[Test] {issue.subject}", "newsletter_issue", context, delivery.email)
        if subscriber is None or subscriber.bounced_at is not None:
            return None
        if delivery.kind == Delivery.CONFIRMATION:
            if subscriber.is_confirmed:
                return None
            context = {
                "subscriber": subscriber,
                "confirm_url": self.base
                + reverse("newsletter:confirm", args=[tokens.make("confirm", subscriber)]),
                "hours": settings.NEWSLETTER_CONFIRM_HOURS,
                "alerts": [alert_label(a) for a in subscriber.alerts.select_related("index_page")],
                "base_url": self.base,
            }
            return _message(CONFIRM_SUBJECT, "newsletter_confirm", context, subscriber.email)
        if not subscriber.is_confirmed:
            return None
        links = personal_links(self.base, subscriber)
        if delivery.kind == Delivery.ISSUE:
            if not subscriber.newsletter:
                return None
            issue, blocks = self.issue(delivery.dispatch.revision_id)
            context = {"issue": issue, "blocks": blocks, "base_url": self.base, **links}
            return _message(
                issue.subject,
                "newsletter_issue",
                context,
                subscriber.email,
                links["unsubscribe_url"],
            )
        groups = [
            (label, cards)
            for label, ids in delivery.payload.get("groups", [])
            for cards in [self.pages(ids)]
            if cards
        ]
        if not groups:
            return None
        context = {"groups": groups, "subscriber": subscriber, "base_url": self.base, **links}
        return _message(
            DIGEST_SUBJECT, "newsletter_digest", context, subscriber.email, links["unsubscribe_url"]
        )


def alert_label(alert):
    index = alert.index_page.specific
    if not getattr(index, "follow_label", None):
        return alert.index_page.title
    return index.follow_describe(alert.filters)


def preview_response(issue, request, mode_name):
    """The issue as the mail a reader gets (``NewsletterIssue.serve_preview``)."""
    base = request.build_absolute_uri("/").rstrip("/")
    context = {
        "issue": issue,
        "blocks": issue_blocks(issue, base),
        "base_url": base,
        "manage_url": base + "/newsletter/",
        "unsubscribe_url": base + "/newsletter/",
        "preview": True,
    }
    if mode_name == "text":
        body = render_to_string("partnerships/mail/newsletter_issue.txt", context)
        return HttpResponse(body, content_type="text/plain; charset=utf-8")
    return HttpResponse(render_to_string("partnerships/mail/newsletter_issue.html", context))
