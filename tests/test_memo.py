"""The content memo (partnerships/caching/memo.py): site-wide data is read once per process and
content version, and every change shows on the very next request, with the page cache off.

``FULL_PAGE_CACHE`` is off in the test settings, so every request here is rendered by Django.
"""

import datetime

import pytest
from django.db import connection
from wagtail.models import Page, PageViewRestriction

from news.models import NewsPage
from partnerships.caching import memo, version
from partnerships.models.images import CustomImage
from partnerships.models.pages import StandardPage
from partnerships.models.settings import ContentVersion, SiteSettings
from tests.factories import NewsPageFactory, StandardPageFactory


def publish(page):
    page.save_revision().publish()


def token():
    return ContentVersion.objects.get(pk=1).token


def bump_from_another_process():
    """What another worker's change leaves behind in the database: a new token."""
    with connection.cursor() as cursor:
        cursor.execute("UPDATE partnerships_contentversion SET token = token + 1 WHERE id = 1")


# --- site-wide data is read once -----------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "warm_queries"),
    [
        ("/", 1),  # the version; featured pages and latest news come from the memo
        ("/impressum/", 2),  # the version and the page itself
        ("/aktuelles/", 3),  # ... and the ten news items (the total is known)
        ("/aktuelles/meldung-01/", 3),  # ... and its tags
        ("/suche/?q=Clusterkonferenz", 5),  # ... promotions, and counting the search
        ("/praxisbeispiele/", 2),  # the version and the page: filter, ids and cards memoized
        ("/praxisbeispiele/?branche=logistik", 2),
    ],
)
def test_a_warm_page_reads_only_what_it_shows(
    client, site_tree, django_assert_max_num_queries, path, warm_queries
):
    client.get(path)  # creates the site settings (a change) and the renditions
    client.get(path)
    with django_assert_max_num_queries(warm_queries):
        response = client.get(path)
    assert response.status_code == 200


def test_without_the_memo_every_request_reads_everything(
    client, site_tree, settings, django_assert_num_queries
):
    client.get("/impressum/")  # creates the site settings (a change)
    client.get("/impressum/")
    with django_assert_num_queries(2):
        client.get("/impressum/")
    settings.CONTENT_MEMO = False
    client.get("/impressum/")
    response = client.get("/impressum/")
    # Site, routing, menu and settings again: more than twice as many queries.
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get("/impressum/")
    assert len(queries) >= 5
    assert response.status_code == 200


# --- every change shows on the next request ------------------------------------------------


def test_a_new_section_appears_in_the_menu_of_every_page(client, site_tree):
    assert "Veranstaltungen" not in client.get("/impressum/").content.decode()
    before = token()
    section = StandardPageFactory(
        parent=Page.objects.get(pk=site_tree.home.pk),
        title="Veranstaltungen",
        slug="veranstaltungen",
        show_in_menus=True,
    )
    publish(section)
    assert token() != before
    for path in ("/impressum/", "/", "/aktuelles/"):
        nav = client.get(path).content.decode().split('class="main-nav"')[1].split("</nav>")[0]
        assert "Veranstaltungen" in nav, path
    assert client.get("/veranstaltungen/").status_code == 200


def test_site_settings_show_in_the_footer_at_once(client, site_tree):
    client.get("/impressum/")
    site_settings = SiteSettings.for_site(site_tree.home.get_site())
    site_settings.organisation = "Rambøll Management Consulting Nord"
    site_settings.save()
    footer = client.get("/impressum/").content.decode().split('class="site-footer"')[1]
    assert "Rambøll Management Consulting Nord" in footer


def test_publishing_news_updates_count_archive_home_and_search(client, site_tree):
    for path in ("/aktuelles/", "/", "/suche/?q=Windpark"):
        client.get(path)
    news = NewsPageFactory(
        parent=Page.objects.get(pk=site_tree.news_index.pk),
        title="Windpark-Allianz an der Küste gegründet",
        slug="windpark-allianz",
        date=datetime.date(2011, 3, 1),
    )
    publish(news)
    listing = client.get("/aktuelles/")
    assert "Windpark-Allianz" in listing.content.decode()
    assert 'href="/aktuelles/2011/"' in listing.content.decode()  # the new archive year
    assert client.get("/aktuelles/2011/").status_code == 200
    assert "Windpark-Allianz" in client.get("/").content.decode()  # latest news
    assert "Windpark-Allianz" in client.get("/suche/?q=Windpark").content.decode()


def test_unpublishing_removes_the_news_from_every_listing_and_its_address(client, site_tree):
    news = NewsPage.objects.get(pk=site_tree.news[-1].pk)
    for path in (news.url, "/aktuelles/", "/"):
        assert news.title in client.get(path).content.decode()
    news.unpublish()
    assert client.get(news.url).status_code == 404
    for path in ("/aktuelles/", "/"):
        assert news.title not in client.get(path).content.decode()


def test_a_new_slug_moves_the_page_at_once(client, site_tree):
    page = StandardPage.objects.get(pk=site_tree.about_child.pk)
    old_url = page.url
    assert client.get(old_url).status_code == 200
    page.slug = "unser-team"
    publish(page)
    assert client.get("/ueber-das-projekt/unser-team/").status_code == 200
    assert client.get(old_url).status_code in (301, 404)


def test_an_image_description_shows_in_every_picture_of_it(client, site_tree):
    assert "Landrat bei der Clusterkonferenz" in client.get("/praxisbeispiele/").content.decode()
    image = CustomImage.objects.get(pk=site_tree.image.pk)
    image.description = "Podium im Kreishaus Vechta"
    image.save()
    listing = client.get("/praxisbeispiele/").content.decode()
    assert 'alt="Podium im Kreishaus Vechta"' in listing
    assert "Landrat bei der Clusterkonferenz" not in listing


def test_a_new_view_restriction_hides_the_section_at_once(client, site_tree):
    news = NewsPage.objects.get(pk=site_tree.news[-1].pk)
    assert news.title in client.get("/").content.decode()
    PageViewRestriction.objects.create(
        page=Page.objects.get(pk=site_tree.news_index.pk),
        restriction_type=PageViewRestriction.LOGIN,
    )
    assert news.title not in client.get("/").content.decode()  # latest news on the home page
    assert client.get(news.url).status_code == 302  # to the login
    assert news.title not in client.get("/suche/?q=Meldung").content.decode()


# --- several processes ---------------------------------------------------------------------


def test_a_change_from_another_process_shows_once_its_token_is_committed(client, site_tree):
    """A worker learns of other workers' changes only through the token in the database."""
    client.get("/impressum/")  # creates the site settings (a change)
    client.get("/impressum/")
    # Written behind this process's back (no signals), as another worker would.
    Page.objects.filter(pk=site_tree.about.pk).update(title="Projekt im Überblick")
    # The memo is in use: without a new token the menu still shows the old title.
    assert "Projekt im Überblick" not in client.get("/impressum/").content.decode()
    bump_from_another_process()
    assert "Projekt im Überblick" in client.get("/impressum/").content.decode()


def test_without_the_version_row_every_request_reads_afresh(client, site_tree):
    ContentVersion.objects.all().delete()
    client.get("/impressum/")
    Page.objects.filter(pk=site_tree.about.pk).update(title="Projekt im Überblick")
    response = client.get("/impressum/")
    assert response.status_code == 200
    assert "Projekt im Überblick" in response.content.decode()


def test_the_request_making_a_change_stops_using_its_memo(rf, db):
    memo.begin_request(rf.get("/"), version.read())
    assert memo.current() is not None
    version.bump()
    assert memo.current() is None


def test_visitor_chosen_keys_are_bounded():
    shared = memo.Memo(1)
    for i in range(10):
        shared.get("search", i, lambda i=i: i * i, limit=3)
    assert list(shared._groups["search"]) == [7, 8, 9]


def test_a_case_study_card_changes_with_its_case_study(client, site_tree):
    from casestudies.models import CaseStudyPage

    assert "Logistikdrehscheibe Leipzig" in client.get("/praxisbeispiele/").content.decode()
    page = CaseStudyPage.objects.get(pk=site_tree.case_studies["leipzig"].pk)
    page.title = "Güterverkehrszentrum Leipzig"
    publish(page)
    listing = client.get("/praxisbeispiele/").content.decode()
    assert "Güterverkehrszentrum Leipzig" in listing
    assert "Logistikdrehscheibe Leipzig" not in listing


def test_previews_never_leave_their_markers_in_the_public_list(client, site_tree):
    """Previews mark images without alt text for the editor's checks; cards kept for the
    public list must never carry those marks."""
    from casestudies.models import CaseStudyIndexPage, CaseStudyPage
    from tests.factories import ImageFactory

    page = CaseStudyPage.objects.get(pk=site_tree.case_studies["leipzig"].pk)
    page.listing_image = ImageFactory(description="", is_decorative=False, title="Hafen")
    publish(page)
    index = CaseStudyIndexPage.objects.get(pk=site_tree.cs_index.pk)
    preview = index.make_preview_request().content.decode()
    assert 'data-inhaltspruefung="alternativtext-fehlt"' in preview
    public = client.get("/praxisbeispiele/").content.decode()
    assert "data-inhaltspruefung" not in public
    assert index.make_preview_request().content.decode().count("alternativtext-fehlt") == 1


def test_new_tags_show_on_the_news_item_at_once(client, site_tree):
    news = NewsPage.objects.get(pk=site_tree.news[-1].pk)
    assert "Fachkräfte" not in client.get(news.url).content.decode()
    news.tags.add("Fachkräfte")
    publish(news)
    html = client.get(news.url).content.decode()
    assert ">Fachkräfte</a>" in html


def test_drafts_keep_the_version_and_publishing_renews_it(client, site_tree):
    page = StandardPage.objects.get(pk=site_tree.about.pk)
    before = token()
    page.title = "Entwurf eines neuen Titels"
    page.save_revision()  # what the editor's "Speichern" and autosave do
    assert token() == before
    assert "Entwurf eines neuen Titels" not in client.get("/impressum/").content.decode()
    page.save_revision().publish()
    assert token() != before
    assert "Entwurf eines neuen Titels" in client.get("/impressum/").content.decode()


def test_a_memoized_function_is_keyed_on_its_arguments_not_the_request(rf, db):
    """The request is not part of a key (its site, scheme and script prefix are): else
    every visitor would render the navigation, footer and cards afresh, and fill the memo."""
    import types

    calls = []
    module = types.ModuleType("fragments")

    def render(request, section):
        calls.append(section)
        return f"<nav>{section}</nav>"

    module.render = render
    memo.memoize(module, "render")
    for _ in range(3):
        request = rf.get("/")
        memo.begin_request(request, version.read())
        assert module.render(request, "konzept") == "<nav>konzept</nav>"
        assert module.render(request, section="aktuelles") == "<nav>aktuelles</nav>"
        memo.end_request()
    assert calls == ["konzept", "aktuelles"]


def test_no_module_keeps_an_unmemoized_copy_of_a_memoized_function():
    """The memo replaces each ``CONTENT_MEMOS`` function on its module at start-up; a module
    that imported the function by name before that would call the original on every request
    (``social_rendition`` did so once: a rendition lookup per page view)."""
    import sys
    from importlib import import_module

    from django.conf import settings

    from partnerships.caching.declarations import _owner

    originals = {}
    for path in settings.CONTENT_MEMOS:
        owner_path, name = path.rsplit(".", 1)
        memoized = getattr(_owner(owner_path), name)
        memoized = getattr(memoized, "__func__", memoized)
        original = getattr(memoized, "__wrapped_for_memo__", None)
        assert original is not None, f"{path} is not memoized"
        originals[id(original)] = path
    import_module("partnerships.urls")  # every view module is loaded
    copies = [
        f"{module_name}.{name} ({originals[id(value)]})"
        for module_name, module in list(sys.modules.items())
        if module_name.split(".")[0] in ("partnerships", "concepts", "casestudies", "news")
        for name, value in list(vars(module).items())
        if id(value) in originals
    ]
    assert copies == []
