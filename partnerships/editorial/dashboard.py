"""The editors' dashboard panels: pages awaiting my approval, my submitted pages, my drafts,
scheduled pages, recently published.

Each panel costs a fixed number of queries however many pages there are: the rows' pages are
read in one query (``pages_by_id``), never one by one through a revision or workflow state.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision, TaskState, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from partnerships.editorial.scheduling import german_datetime

PANEL_SIZE = 10


def pages_by_id(object_ids):
    """The pages with these ids (strings, as revisions and workflow states store them)."""
    ids = [int(object_id) for object_id in object_ids]
    return Page.objects.in_bulk(ids) if ids else {}


def page_rows(items, note, date):
    """Panel rows for revisions or workflow states (``object_id``), their pages read in one
    query; an item whose page is gone is left out."""
    pages = pages_by_id(item.object_id for item in items)
    rows = []
    for item in items:
        page = pages.get(int(item.object_id))
        if page is not None:
            rows.append({"page": page, "note": note(item), "date": date(item)})
    return rows


def workflow_enabled():
    return getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True)


def page_content_type():
    return ContentType.objects.get_for_model(Page)


def display_name(user):
    return user.get_full_name() or user.get_username()


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
        if not workflow_enabled():
            return []
        states = list(
            TaskState.objects.reviewable_by(user)
            .filter(workflow_state__base_content_type=page_content_type())
            .select_related("workflow_state__requested_by")
            .order_by("-started_at")[:PANEL_SIZE]
        )
        started = {state.workflow_state_id: state.started_at for state in states}

        def note(workflow_state):
            requested_by = workflow_state.requested_by
            return f"eingereicht von {display_name(requested_by)}" if requested_by else ""

        return page_rows(
            [state.workflow_state for state in states],
            note=note,
            date=lambda workflow_state: started[workflow_state.pk],
        )


class EingereichtPanel(PageListPanel):
    """My pages waiting in the "Freigabe" workflow (submitted by me, not yet decided)."""

    name = "eingereicht"
    heading = "Eingereicht"
    empty_text = "Sie haben keine Seiten zur Freigabe eingereicht."
    order = 55

    def rows(self, user):
        if not workflow_enabled():
            return []
        states = list(
            WorkflowState.objects.filter(
                status=WorkflowState.STATUS_IN_PROGRESS,
                requested_by=user,
                base_content_type=page_content_type(),
            )
            .select_related("current_task_state__task")
            .order_by("-created_at")[:PANEL_SIZE]
        )

        def note(state):
            task = state.current_task_state.task if state.current_task_state else None
            return f"wartet auf „{task.name}“" if task else "wartet auf Freigabe"

        return page_rows(states, note=note, date=lambda state: state.created_at)


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


class GeplantPanel(PageListPanel):
    """Pages with a revision approved for publishing later, soonest first. Users who may
    publish (and so schedule) see every scheduled page; others the ones whose scheduled
    revision they wrote or which they own."""

    name = "geplant"
    heading = "Geplant"
    empty_text = "Keine Seiten sind zur Veröffentlichung geplant."
    order = 65

    def rows(self, user):
        revisions = Revision.objects.filter(
            base_content_type=page_content_type(), approved_go_live_at__isnull=False
        )
        if not PagePermissionPolicy().user_has_permission(user, "publish"):
            own_pages = (
                Page.objects.filter(owner=user)
                .annotate(pk_text=Cast("pk", CharField()))
                .values("pk_text")
            )
            revisions = revisions.filter(Q(user=user) | Q(object_id__in=own_pages))
        revisions = list(
            revisions.only("object_id", "approved_go_live_at").order_by("approved_go_live_at")[
                :PANEL_SIZE
            ]
        )
        return page_rows(
            revisions,
            note=lambda revision: f"geht online am {german_datetime(revision.approved_go_live_at)}",
            date=lambda revision: None,
        )


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


class GoLivePanel(Component):
    """For administrators: the legal facts still missing, the same list production's
    ``check --deploy`` reports (``partnerships.legal``). Hidden once everything is there."""

    name = "go-live"
    order = 40
    template_name = "partnerships/admin/go_live_panel.html"

    def __init__(self, missing, imprint_missing):
        self.missing = missing
        self.imprint_missing = imprint_missing

    @classmethod
    def for_request(cls, request):
        from partnerships import legal

        if not request.user.is_superuser:
            return None
        site_settings = legal.default_site_settings()
        missing = legal.missing_facts(site_settings, legal.contact_page() is not None)
        imprint_missing = legal.imprint_page() is None
        if not missing and not imprint_missing:
            return None
        return cls(missing, imprint_missing)

    def get_context_data(self, parent_context):
        from django.urls import reverse

        return {
            "missing": self.missing,
            "imprint_missing": self.imprint_missing,
            "settings_url": reverse("wagtailsettings:edit", args=["partnerships", "sitesettings"]),
        }
