"""The editors' dashboard panels: pages awaiting approval, my drafts, recently published."""

from django.conf import settings
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState

PANEL_SIZE = 10


class PageListPanel(Component):
    """A dashboard panel listing pages: title (to the editor), a note, a date. Subclasses
    define ``rows(user)``."""

    template_name = "partnerships/admin/page_list_panel.html"
    heading = ""
    empty_text = ""

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        return {
            "panel_id": self.name,
            "heading": self.heading,
            "empty_text": self.empty_text,
            "rows": self.rows(user),
        }


class ZurFreigabePanel(PageListPanel):
    """Pages waiting in the "Freigabe" workflow for a task the user may approve."""

    name = "zur-freigabe"
    heading = "Zur Freigabe"
    empty_text = "Keine Seiten warten auf Ihre Freigabe."
    order = 50

    def rows(self, user):
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return []
        states = (
            TaskState.objects.reviewable_by(user)
            .select_related("revision__user", "workflow_state__requested_by")
            .order_by("-started_at")[:PANEL_SIZE]
        )
        rows = []
        for state in states:
            page = state.revision.content_object
            if isinstance(page, Page):
                requested_by = state.workflow_state.requested_by
                rows.append(
                    {
                        "page": page,
                        "note": f"eingereicht von {requested_by.get_full_name() or requested_by}"
                        if requested_by
                        else "",
                        "date": state.started_at,
                    }
                )
        return rows


class MeineEntwuerfePanel(PageListPanel):
    """Pages whose latest revision is the user's own and not yet published."""

    name = "meine-entwuerfe"
    heading = "Meine Entwürfe"
    empty_text = "Sie haben keine unveröffentlichten Änderungen."
    order = 60

    def rows(self, user):
        pages = (
            Page.objects.filter(has_unpublished_changes=True, latest_revision__user=user)
            .select_related("latest_revision")
            .order_by("-latest_revision_created_at")[:PANEL_SIZE]
        )
        return [
            {
                "page": page,
                "note": "veröffentlicht, mit Änderungen" if page.live else "Entwurf",
                "date": page.latest_revision_created_at,
            }
            for page in pages
        ]


class ZuletztVeroeffentlichtPanel(PageListPanel):
    name = "zuletzt-veroeffentlicht"
    heading = "Zuletzt veröffentlicht"
    empty_text = "Noch nichts veröffentlicht."
    order = 70

    def rows(self, user):
        pages = (
            Page.objects.live()
            .filter(depth__gt=1, last_published_at__isnull=False)
            .order_by("-last_published_at")[:PANEL_SIZE]
        )
        return [{"page": page, "note": "", "date": page.last_published_at} for page in pages]
