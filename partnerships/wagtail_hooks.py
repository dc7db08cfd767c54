"""Admin customisations: the editors' dashboard panels, invitations for new users, the
content checks in the userbar and the page editor, the snippets „Ansprechpartner“,
„Branchen / Cluster“ and „Glossar“."""

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from partnerships.accounts import two_factor
from partnerships.accounts import views as two_factor_views
from partnerships.editorial import guide
from partnerships.editorial.bulk_actions import PAGE_BULK_ACTIONS
from partnerships.editorial.content_checks import SiteContentChecker
from partnerships.editorial.dashboard import (
    EingereichtPanel,
    GeplantPanel,
    GoLivePanel,
    MeineEntwuerfePanel,
    ZuletztVeroeffentlichtPanel,
    ZurFreigabePanel,
)
from partnerships.editorial.invitations import send_invitation
from partnerships.models.contact_persons import ContactPerson
from partnerships.models.glossary import GlossaryTerm
from partnerships.models.taxonomy import Branche
from partnerships.newsletter import admin_views as newsletter_admin
from partnerships.search import report as search_terms_report


class ContactPersonViewSet(SnippetViewSet):
    """„Ansprechpartner“ in the admin menu: the people case studies and concept pages name."""

    model = ContactPerson
    icon = "user"
    menu_label = "Ansprechpartner"
    menu_name = "ansprechpartner"
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "role", "organisation", "email", "phone"]
    # The list searches these fields by substring (the database, not the search index: it
    # finds "Emden" in "Stadt Emden" on SQLite and PostgreSQL alike); the chooser searches the
    # model's index (``ContactPerson.search_fields``).
    search_fields = ["name", "role", "organisation", "email"]
    search_backend_name = None
    ordering = ["name"]


register_snippet(ContactPersonViewSet)


class GlossaryTermViewSet(SnippetViewSet):
    """„Glossar“ in the admin menu: the terms of the glossary page, marked in concept and
    case-study texts."""

    model = GlossaryTerm
    icon = "doc-full"
    menu_label = "Glossar"
    menu_name = "glossar"
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["term", "definition", "word_forms"]
    # Substring search in the database, like the contact persons' list (any backend).
    search_fields = ["term", "definition", "word_forms"]
    search_backend_name = None
    ordering = ["term"]


register_snippet(GlossaryTermViewSet)
# Site-wide: the filter „Branche“ of the case studies and „Thema“ of the events.
register_snippet(Branche)
register_snippet(newsletter_admin.NewsletterIssueViewSet)
hooks.register("register_snippet_listing_buttons", newsletter_admin.listing_buttons)
hooks.register("register_admin_viewset", lambda: newsletter_admin.SubscriberViewSet("abonnenten"))


@hooks.register("register_admin_urls")
def newsletter_admin_urls():
    return [path("newsletter/", include((newsletter_admin.urlpatterns, "newsletter_admin")))]


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    # "Zur Freigabe" replaces Wagtail's own "awaiting your review" panel (same content).
    panels[:] = [panel for panel in panels if panel.name != "workflow_objects_to_moderate"]
    go_live = GoLivePanel.for_request(request)
    if go_live is not None:
        panels.append(go_live)
    panels.extend(
        [
            ZurFreigabePanel(),
            EingereichtPanel(),
            MeineEntwuerfePanel(),
            GeplantPanel(),
            ZuletztVeroeffentlichtPanel(),
        ]
    )


# Page bulk actions for moderators only (partnerships.editorial.bulk_actions); registered
# after Wagtail's own (order 1), so these replace them under the same action names.
for action_class in PAGE_BULK_ACTIONS:
    hooks.register("register_bulk_action", action_class, order=1)


# The "Suchbegriffe" report for whoever may change promoted search results (moderators), at
# Wagtail's URLs: order -1 puts these patterns ahead of Wagtail's (partnerships.search.report).
hooks.register("register_admin_urls", search_terms_report.urls, order=-1)
hooks.register("register_reports_menu_item", search_terms_report.menu_item)


@hooks.register("construct_reports_menu")
def one_search_terms_item(request, items):
    items[:] = search_terms_report.without_wagtails_item(items)


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
            two_factor_views.setup_view,
            name=two_factor.SETUP_URL_NAME,
        ),
        path("zwei-faktor/code/", two_factor_views.code_view, name=two_factor.CODE_URL_NAME),
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


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("partnerships/css/admin.css"))


@hooks.register("register_admin_urls")
def editor_guide_urls():
    return [path("anleitung/", guide.guide_view, name=guide.URL_NAME)]


@hooks.register("register_help_menu_item")
def editor_guide_menu_item():
    return guide.guide_menu_item()


@hooks.register("construct_help_menu")
def help_menu_without_wagtail_org(request, menu_items):
    guide.replace_wagtail_help(menu_items)
