"""Page bulk actions in the explorer are a tool of the moderation ("Freigabe").

Wagtail offers every page bulk action (publish, unpublish, delete, move) to everyone who can
open the explorer and only says afterwards, page by page, that it was not allowed. Here each
action is offered to moderators only, that is to users who may publish (the group
"Moderatoren" and administrators): editors publish through the Freigabe, and deleting or
moving pages in bulk takes pages offline, which is the moderators' decision. Editors still
delete their own drafts one at a time from the page's menu.

The subclasses below replace Wagtail's actions in the registry (``wagtail_hooks``) and
- say whether they are offered to a user (``offered_to``; the bulk action footer of the
  explorer, ``partnerships.templatetags.bulk_action_tags``, shows only these),
- refuse the action to everyone else, also when the request is made by hand, with a German
  message that says who can do it,
- count a page as actionable only where the user may also publish it, and give the reason
  for the pages left out on the confirmation page.
"""

from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction
from wagtail.permission_policies.pages import PagePermissionPolicy

from partnerships.editorial.permissions import MODERATORS, WORKFLOW_NAME

WHO = (
    f"eine Moderatorin oder ein Moderator der {WORKFLOW_NAME} (Gruppe „{MODERATORS}“) oder "
    "eine Administratorin oder ein Administrator"
)


def may_moderate(user):
    """Whether the user may publish anywhere: moderators and administrators."""
    return bool(
        user.is_active
        and (user.is_superuser or PagePermissionPolicy().user_has_permission(user, "publish"))
    )


class ModeratorBulkAction:
    """Mixin for Wagtail's page bulk actions (before them in the bases)."""

    #: What is not allowed, as the start of a German sentence.
    forbidden = ""
    #: What to do instead (German), after who may do it.
    instead = "Bitte wenden Sie sich an die Moderatorinnen und Moderatoren."

    @classmethod
    def offered_to(cls, user):
        return may_moderate(user)

    @classmethod
    def refusal(cls):
        return f"{cls.forbidden} darf nur {WHO}. {cls.instead}"

    def check_perm(self, page):
        return (
            super().check_perm(page) and page.permissions_for_user(self.request.user).can_publish()
        )

    def return_url(self):
        next_url = get_valid_next_url_from_request(self.request)
        if next_url:
            return next_url
        parent_id = self.request.GET.get("childOf", "")
        if parent_id.isdigit():
            return reverse("wagtailadmin_explore", args=[int(parent_id)])
        return reverse("wagtailadmin_explore_root")

    def dispatch(self, request, *args, **kwargs):
        if not self.offered_to(request.user):
            messages.error(request, self.refusal())
            return redirect(self.return_url())
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Shown below Wagtail's list of pages left out (templates/wagtailadmin/pages/
        # bulk_actions/list_items_with_no_access.html).
        context["no_access_reason"] = (
            "Diese Seiten sind gesperrt, gehören nicht zu Ihren Bereichen oder dürfen nur von "
            "einer Administratorin oder einem Administrator geändert werden (etwa die "
            "Startseite oder ganze Bereiche). Bitte wenden Sie sich an die Administration."
        )
        return context


class ModeratorPublishBulkAction(ModeratorBulkAction, PublishBulkAction):
    forbidden = "Mehrere Seiten auf einmal veröffentlichen"
    instead = (
        "Reichen Sie Ihre Seiten im Seiteneditor zur Freigabe ein; die Moderatorinnen und "
        "Moderatoren prüfen und veröffentlichen sie."
    )


class ModeratorUnpublishBulkAction(ModeratorBulkAction, UnpublishBulkAction):
    forbidden = "Die Veröffentlichung von Seiten aufheben"


class ModeratorDeleteBulkAction(ModeratorBulkAction, DeleteBulkAction):
    forbidden = "Mehrere Seiten auf einmal löschen"
    instead = (
        "Entwürfe, die nicht veröffentlicht sind, können Sie einzeln über das Menü der Seite "
        "löschen; für alles andere wenden Sie sich bitte an die Moderatorinnen und Moderatoren."
    )


class ModeratorMoveBulkAction(ModeratorBulkAction, MoveBulkAction):
    forbidden = "Mehrere Seiten auf einmal verschieben"


PAGE_BULK_ACTIONS = [
    ModeratorDeleteBulkAction,
    ModeratorMoveBulkAction,
    ModeratorPublishBulkAction,
    ModeratorUnpublishBulkAction,
]
