"""Wagtail's "Suchbegriffe" report for the moderation, not only for administrators.

Moderators manage the promoted search results (migration 0004), and the report of what
visitors search for is what they choose the promotions from. Wagtail shows the report and its
menu item to superusers only; here whoever may change promoted results sees both. The view is
served at Wagtail's own URLs (``wagtail_hooks`` registers it ahead of Wagtail's patterns), so
every link to the report stays as it is.
"""

from django.urls import path, reverse
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView

PERMISSION = "wagtailsearchpromotions.change_searchpromotion"
MENU_NAME = "search-terms"


def may_see_search_terms(user):
    return user.is_active and user.has_perm(PERMISSION)


class SearchTermsReport(SearchTermsReportView):
    def dispatch(self, request, *args, **kwargs):
        if not may_see_search_terms(request.user):
            return permission_denied(request)
        # Past Wagtail's superuser-only check, on to the report.
        return super(SearchTermsReportView, self).dispatch(request, *args, **kwargs)


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_search_terms(request.user)


def urls():
    return [
        path("searchpicks/reports/search-terms/", SearchTermsReport.as_view()),
        path(
            "searchpicks/reports/search-terms/results/",
            SearchTermsReport.as_view(results_only=True),
        ),
    ]


def menu_item():
    return SearchTermsMenuItem(
        "Suchbegriffe",
        reverse("wagtailsearchpromotions:search_terms"),
        name=MENU_NAME,
        icon_name="search",
        order=1300,
    )


def without_wagtails_item(items):
    """The reports menu without Wagtail's own (superuser-only) item for the report."""
    return [
        item for item in items if item.name != MENU_NAME or isinstance(item, SearchTermsMenuItem)
    ]
