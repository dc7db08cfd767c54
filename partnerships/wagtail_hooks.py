"""Admin customisations: the editors' dashboard panels, invitations for new users, the
content checks in the userbar and the page editor."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.models import Page, TaskState

from partnerships import two_factor
from partnerships.content_checks import SiteContentChecker

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


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    # "Zur Freigabe" replaces Wagtail's own "awaiting your review" panel (same content).
    panels[:] = [panel for panel in panels if panel.name != "workflow_objects_to_moderate"]
    panels.extend([ZurFreigabePanel(), MeineEntwuerfePanel(), ZuletztVeroeffentlichtPanel()])


def send_invitation(user):
    """E-mail a new user a link to set their own password (Wagtail's reset confirm view)."""
    path = reverse(
        "wagtailadmin_password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    context = {
        "user": user,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "link": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path,
        "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60)),
    }
    send_mail(
        f"Einladung: {settings.WAGTAIL_SITE_NAME}",
        render_to_string("partnerships/admin/invitation_email.txt", context),
        None,
        [user.email],
    )


@hooks.register("after_create_user")
def invite_user_without_password(request, user):
    """Administrators leave the password empty: the user gets an invitation instead."""
    if user.password and user.has_usable_password():
        return
    user.set_unusable_password()
    user.save(update_fields=["password"])
    if user.email:
        send_invitation(user)


@hooks.register("construct_wagtail_userbar")
def use_site_content_checks(request, items, page):
    """Wagtail's content checker with German messages and the site's own rules; the page
    editor's "Überprüfungen" panel takes its configuration from here as well."""
    items[:] = [
        SiteContentChecker(page=page, in_editor=item.in_editor)
        if isinstance(item, ContentCheckerItem)
        else item
        for item in items
    ]


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path(
            "zwei-faktor/",
            two_factor.setup_view,
            name=two_factor.SETUP_URL_NAME,
        ),
        path("zwei-faktor/code/", two_factor.code_view, name=two_factor.CODE_URL_NAME),
    ]


@hooks.register("register_admin_menu_item")
def two_factor_menu_item():
    return MenuItem(
        "Zwei-Faktor-Anmeldung",
        reverse(two_factor.SETUP_URL_NAME),
        name="zwei-faktor",
        icon_name="key",
        order=10000,
    )
