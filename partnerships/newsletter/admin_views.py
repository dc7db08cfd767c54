"""The editors' side: „Newsletter“ in the admin menu (the issues, a snippet with preview and
revisions), a test mail to oneself, and the sending with its figures (moderators only)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_POST
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from partnerships.formatting import german_number
from partnerships.models.newsletter import Delivery, Dispatch, NewsletterIssue, Subscriber
from partnerships.newsletter import subscriptions, tasks

SEND_PERMISSION = "partnerships.send_newsletterissue"
EDIT_URL_NAMESPACE = "wagtailsnippets_partnerships_newsletterissue"


def recipients():
    """The confirmed, deliverable subscribers of the newsletter."""
    return Subscriber.objects.filter(
        newsletter=True, confirmed_at__isnull=False, bounced_at__isnull=True
    )


class NewsletterIssueViewSet(SnippetViewSet):
    model = NewsletterIssue
    icon = "mail"
    menu_label = "Newsletter"
    menu_name = "newsletter"
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["subject", "created"]
    search_fields = ["subject"]
    search_backend_name = None


class NoAddPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


# Addresses come only through the double opt-in, never typed in here.
register_permission_policy(Subscriber, NoAddPolicy(Subscriber))


class UnsubscribeView(generic.DeleteView):
    """Deleting a subscriber in the admin (an erasure request) is an unsubscription: the
    address goes, the proof of the past consent is marked withdrawn."""

    def delete_action(self):
        subscriptions.unsubscribe(self.object)


class SubscriberViewSet(ModelViewSet):
    """„Abonnenten“ under Einstellungen: look up and delete addresses (administrators)."""

    model = Subscriber
    icon = "user"
    menu_label = "Newsletter-Abonnements"
    add_to_settings_menu = True
    list_display = ["email", "newsletter", "frequency", "confirmed_at", "bounced_at"]
    list_filter = ["newsletter", "frequency"]
    search_fields = ["email"]
    form_fields = ["newsletter", "frequency"]
    ordering = ["email"]
    delete_view_class = UnsubscribeView


def _issue(request, pk):
    if not request.user.has_perm("partnerships.change_newsletterissue"):
        raise PermissionDenied
    return get_object_or_404(NewsletterIssue, pk=pk)


def status(request, pk):
    issue = _issue(request, pk)
    dispatch = Dispatch.objects.filter(issue=issue).first()
    counts, bounced = {}, []
    if dispatch is not None:
        counts = dict(dispatch.deliveries.values_list("status").annotate(n=Count("pk")).order_by())
        bounced = list(
            dispatch.deliveries.filter(status=Delivery.BOUNCED).values_list("email", "error")
        )
    return TemplateResponse(
        request,
        "partnerships/admin/newsletter_status.html",
        {
            "issue": issue,
            "dispatch": dispatch,
            "counts": counts,
            "pending": counts.get(Delivery.PENDING, 0) + counts.get(Delivery.SENDING, 0),
            "sent": counts.get(Delivery.SENT, 0),
            "failed": counts.get(Delivery.FAILED, 0) + counts.get(Delivery.UNCERTAIN, 0),
            "bounced": bounced,
            "recipient_count": recipients().count(),
            "can_send": request.user.has_perm(SEND_PERMISSION),
            "has_revision": issue.latest_revision_id is not None,
            "edit_url": reverse(
                "wagtailsnippets_partnerships_newsletterissue:edit", args=[issue.pk]
            ),
        },
    )


@require_POST
def send_test(request, pk):
    issue = _issue(request, pk)
    if not request.user.email:
        messages.error(request, "Ihr Benutzerkonto hat keine E-Mail-Adresse für den Testversand.")
    elif issue.latest_revision_id is None:
        messages.error(request, "Bitte speichern Sie die Ausgabe vor dem Testversand.")
    else:
        with transaction.atomic():
            Delivery.objects.create(
                kind=Delivery.TEST,
                priority=Delivery.PRIORITY[Delivery.TEST],
                email=request.user.email,
                payload={"revision": issue.latest_revision_id},
            )
            tasks.kick()
        messages.success(
            request,
            f"Die Test-E-Mail an {request.user.email} ist in Auftrag gegeben; sie kommt in "
            "wenigen Minuten an.",
        )
    return redirect("newsletter_admin:status", pk=issue.pk)


@require_POST
def send(request, pk):
    issue = _issue(request, pk)
    if not request.user.has_perm(SEND_PERMISSION):
        raise PermissionDenied
    if issue.latest_revision_id is None:
        messages.error(request, "Bitte speichern Sie die Ausgabe vor dem Versand.")
        return redirect("newsletter_admin:status", pk=issue.pk)
    try:
        with transaction.atomic():
            dispatch = Dispatch.objects.create(
                issue=issue, revision_id=issue.latest_revision_id, started_by=request.user
            )
            rows = [
                Delivery(
                    kind=Delivery.ISSUE,
                    priority=Delivery.PRIORITY[Delivery.ISSUE],
                    dispatch=dispatch,
                    subscriber_id=pk_,
                )
                for pk_ in recipients().values_list("pk", flat=True).iterator()
            ]
            Delivery.objects.bulk_create(rows, batch_size=500)
            dispatch.recipients = len(rows)
            dispatch.save(update_fields=["recipients"])
            tasks.kick()
    except IntegrityError:
        messages.error(request, "Diese Ausgabe wurde bereits versendet.")
        return redirect("newsletter_admin:status", pk=issue.pk)
    messages.success(
        request,
        f"Der Versand an {german_number(dispatch.recipients)} Abonnentinnen und Abonnenten "
        "hat begonnen.",
    )
    return redirect("newsletter_admin:status", pk=issue.pk)


urlpatterns = [
    path("<int:pk>/", status, name="status"),
    path("<int:pk>/test/", send_test, name="test"),
    path("<int:pk>/senden/", send, name="send"),
]


def listing_buttons(snippet, user, next_url=None):
    if isinstance(snippet, NewsletterIssue):
        yield ListingButton(
            "Versand und Test",
            reverse("newsletter_admin:status", args=[snippet.pk]),
            icon_name="mail",
            priority=5,
        )
