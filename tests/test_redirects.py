"""Old URLs keep working: Wagtail creates permanent redirects when a page's slug changes or the
page moves; moderators add redirects by hand and import the old site's paths from a CSV."""

from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.contrib.redirects.models import Redirect

from casestudies.models import CaseStudyPage
from news.models import NewsIndexPage
from partnerships.models.pages import StandardPage
from tests.factories import StandardPageFactory
from tests.helpers import soup


def publish(page, on_commit):
    # Wagtail sends page_slug_changed when the transaction commits.
    with on_commit(execute=True):
        page.save_revision().publish()


def test_changing_a_slug_redirects_the_old_url_permanently(
    client, site_tree, django_capture_on_commit_callbacks
):
    page = CaseStudyPage.objects.get(pk=site_tree.case_studies["leipzig"].pk)
    page.slug = "logistik-region-leipzig"
    publish(page, django_capture_on_commit_callbacks)

    response = client.get("/praxisbeispiele/logistik-leipzig/")
    assert response.status_code == 301
    assert response["Location"] == "/praxisbeispiele/logistik-region-leipzig/"
    assert client.get(response["Location"]).status_code == 200
    redirect = Redirect.objects.get(old_path="/praxisbeispiele/logistik-leipzig")
    assert redirect.automatically_created and redirect.is_permanent


def test_moving_a_page_redirects_it_and_its_children(
    client, site_tree, django_capture_on_commit_callbacks
):
    new_parent = StandardPageFactory(parent=site_tree.home, title="Projekt", slug="projekt")
    with django_capture_on_commit_callbacks(execute=True):
        StandardPage.objects.get(pk=site_tree.about.pk).move(new_parent, pos="last-child")

    response = client.get("/ueber-das-projekt/")
    assert response.status_code == 301
    assert response["Location"] == "/projekt/ueber-das-projekt/"
    child = client.get("/ueber-das-projekt/projektteam/")
    assert child.status_code == 301
    assert child["Location"] == "/projekt/ueber-das-projekt/projektteam/"


def test_renaming_a_section_redirects_its_children(
    client, site_tree, django_capture_on_commit_callbacks
):
    index = NewsIndexPage.objects.get(pk=site_tree.news_index.pk)
    index.slug = "meldungen"
    publish(index, django_capture_on_commit_callbacks)
    assert client.get("/aktuelles/").status_code == 301
    response = client.get("/aktuelles/tagung-laendlicher-raum/")
    assert response.status_code == 301
    assert response["Location"] == "/meldungen/tagung-laendlicher-raum/"


def test_moderators_add_a_redirect_by_hand(client, site_tree, moderator):
    client.force_login(moderator)
    assert client.get("/admin/redirects/").status_code == 200
    response = client.post(
        "/admin/redirects/add/",
        {
            "old_path": "/alte-seite.html",
            "site": "",
            "is_permanent": "on",
            "redirect_page": site_tree.concepts[0].pk,
            "redirect_link": "",
        },
    )
    assert response.status_code == 302, soup(response).get_text()[:500]
    client.logout()
    response = client.get("/alte-seite.html")
    assert response.status_code == 301
    assert response["Location"] == "/konzept/grundidee/"


def test_editors_may_not_manage_redirects(client, site_tree, editor):
    client.force_login(editor)
    response = client.get("/admin/redirects/")
    assert response.status_code in (302, 403)
    assert not Redirect.objects.filter(old_path="/x").exists()


CSV = (
    "alt,neu\n"
    "/cluster/index.php?id=7,http://localhost/konzept/grundidee/\n"
    "/praxis/vechta.html,http://localhost/praxisbeispiele/ernaehrungscluster-oldenburger-land/\n"
    "/kaputt.html,kein Ziel\n"
)


def test_moderators_import_old_urls_from_csv(client, site_tree, moderator):
    client.force_login(moderator)
    upload = SimpleUploadedFile("alte-urls.csv", CSV.encode(), content_type="text/csv")
    confirm = client.post("/admin/redirects/import/", {"import_file": upload})
    assert confirm.status_code == 200
    form = soup(confirm).find("form", action="/admin/redirects/import/process/")
    assert form is not None, "no confirmation step"
    hidden = {i["name"]: i["value"] for i in form.find_all("input", type="hidden")}
    summary = client.post(
        "/admin/redirects/import/process/",
        {**hidden, "from_index": "0", "to_index": "1", "site": "", "permanent": "on"},
    )
    # Two rows are imported; the row with an invalid target is reported, not imported.
    assert summary.status_code == 200
    assert "/kaputt.html" in soup(summary).get_text()
    assert Redirect.objects.filter(old_path__in=["/cluster/index.php?id=7", "/praxis/vechta.html"])
    assert not Redirect.objects.filter(old_path="/kaputt.html").exists()

    client.logout()
    response = client.get("/praxis/vechta.html")
    assert response.status_code == 301
    assert response["Location"] == (
        "http://localhost/praxisbeispiele/ernaehrungscluster-oldenburger-land/"
    )
    # Query strings of the old site are kept apart: ?id=7 redirects, ?id=8 does not.
    assert client.get("/cluster/index.php?id=7").status_code == 301
    assert client.get("/cluster/index.php?id=8").status_code == 404
