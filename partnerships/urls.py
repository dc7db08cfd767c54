from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from partnerships import api
from partnerships.accounts import page_passwords
from partnerships.images.renditions import LimitedServeView
from partnerships.search import views as search_views
from partnerships.seo import canonical, robots
from partnerships.seo.sitemaps import PageSitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's password forms for private pages and documents, counted like logins
    # (partnerships.accounts.page_passwords); ahead of Wagtail's own patterns.
    path(
        "dokumente/authenticate_with_password/<int:restriction_id>/",
        page_passwords.document_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_passwords.page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("dokumente/", include(wagtaildocs_urls)),
    # Signed rendition URLs ({% image_url %} / generate_image_url): whichever replica gets the
    # request makes the rendition from the original in the shared media storage, stores it
    # there and redirects to it (S3/CDN or /media/), so no replica needs local files. Only
    # renditions up to WAGTAILIMAGES_MAX_RENDITION_DIMENSION px (partnerships.images.renditions).
    re_path(
        r"^bilder/([^/]*)/(\d*)/([^/]*)/[^/]*$",
        LimitedServeView.as_view(action="redirect"),
        name="wagtailimages_serve",
    ),
    path("suche/", search_views.search, name="search"),
    path("newsletter/", include("partnerships.newsletter.urls")),
    path("api/v2/", api.build_router().urls),
    path(
        "sitemap.xml",
        canonical.canonical_view(sitemap),
        {"sitemaps": {"pages": PageSitemap}},
        name="sitemap",
    ),
    path("robots.txt", robots.robots_txt, name="robots_txt"),
    path("favicon.ico", robots.favicon),
]

if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "partnerships.ops.errors.page_not_found"
handler500 = "partnerships.ops.errors.server_error"
