"""``manage.py load_initial_content`` builds the whole site with the client's text, once."""

import datetime
import io
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission, Page, Revision, Site

from casestudies.models import Branche, CaseStudyPage, Projektphase
from concepts.models import ConceptPage
from news.events.models import EventIndexPage, EventPage, EventRelatedPage
from news.models import NewsPage
from partnerships import glossary
from partnerships.editorial.permissions import EDITORS
from partnerships.models.glossary import GlossaryTerm
from partnerships.models.home import HomePage
from partnerships.models.pages import (
    AccessibilityPage,
    ContactFormField,
    ContactPage,
    StandardPage,
)
from partnerships.models.settings import SiteSettings
from tests.conftest import outer_transaction
from tests.factories import StandardPageFactory
from tests.helpers import find_nav, html_lang, main, main_text, normalise, soup, strip_tags

# Copied word for word from the client's seed file (shared/seed/000_ef9608f91aaf94e3.txt);
# the tests must not read that file at run time.
SEED_WELCOME = 'Willkommen auf der Website "Strategische Partnerschaften"!'
SEED_INTRO = (
    "Regionalförderung wird zunehmend im Sinne eines „Stärken stärken“-Ansatzes auf Cluster "
    "ausgerichtet. Dies gilt für die EU-Strukturfonds ebenso wie für Programme des Bundes und "
    "der Länder. Kommunen stehen daher vor der Herausforderung, ihre Wirtschaftsförderung "
    "clusterorientiert auszurichten. Schlüsselbranchen müssen identifiziert und Strategien und "
    "Maßnahmen in Zusammenarbeit mit diesen Akteuren entwickelt werden, damit dieser Ansatz "
    "passgenau wirken kann. Auf dieser Website finden Sie Konzepte, Informationen und "
    "Praxisbeispiele für eine Clusterorientierte Wirtschaftsförderung auf kommunaler Ebene. "
    "Grundlage ist das Konzept der „Strategischen Partnerschaft zwischen Unternehmen und "
    "Kommunen“, das wir im Rahmen eines Forschungsprojektes des Bundesministeriums für "
    "Wirtschaft und Arbeit (BMWA) entwickelt haben. Ziel war es, die Idee der strategischen "
    "Partnerschaften zwischen Unternehmen auf Kommunen zu übertragen. Damit liegt ein "
    "Instrument für die Entwicklung und Umsetzung von Clusterstrategien unter Einbindung "
    "zentraler Akteure vor Ort vor. Nachfolgend erhalten Sie Informationen zu dem Konzept sowie "
    "zu Projektbeispielen."
)
SEED_CLOSING = "Eine interessante Lektüre wünscht"
SEED_SIGNATURE = "Rambøll Management"
SEED_NEWS_DATE = datetime.date(2007, 4, 24)  # "24.04.07" in the seed
SEED_NEWS_TITLE = "Wirtschaftsförderer diskutieren Herausforderungen für den ländlichen Raum"
# The seed ends with "ab.1": the "1" is a footnote marker left over from the old site; the
# text up to "ab." must be on the page verbatim.
SEED_NEWS_TEXT = (
    "Rambøll Management hat zusammen mit dem DVAG eine Tagung zum Thema „Wirtschaftsförderung "
    "im ländlichen Raum“ am 21. und 22.04.2007 in Oldenburg organisiert. Experten aus "
    "Wissenschaft und Praxis diskutierten Herausforderungen für den ländlichen Raum. Deutlich "
    "wurde, dass es ebenso wenig, wie es den ländlichen Raum gibt, sondern eine Vielfalt von "
    "Teilräumen, die Zukunft nicht alleine in Tourismus und Landwirtschaft zu suchen ist. "
    "Besonders deutlich ist dies am Beispiel des Oldenburger Münsterlandes geworden, in dem "
    "sich ausgehend von der Landwirtschaft eine international wettbewerbsfähige "
    "Ernährungswirtschaft mit Weltmarktführern auch im Spezialmaschinenbau etabliert hat. "
    "Zudem wurde diskutiert, dass die Wirtschaftsförderung im ländlichen Raum die Vernetzung "
    "von Unternehmen über Branchengrenzen hinaus entlang von Querschnittsthemen, z.B. "
    "Verfügbarkeit von Fachkräften oder gemeinsame technologische Fragestellungen, fördern "
    "sollte. Eine Exkursion ins Oldenburger Land runden die Tagung ab."
)

REQUIRED_URLS = [
    "/",
    "/konzept/",
    "/praxisbeispiele/",
    "/aktuelles/",
    "/impressum/",
    "/datenschutz/",
    "/barrierefreiheit/",
    "/kontakt/",
    "/glossar/",
]


@pytest.fixture(scope="module")
def _loaded(django_db_setup, django_db_blocker):
    """The content command run once for the whole module (rolled back afterwards).

    Every page is rendered once here as well, so the image renditions (AVIF/WebP/JPEG in
    three widths, slow to encode) exist in the outer transaction and are not made anew in
    every test.
    """
    with outer_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            out = io.StringIO()
            call_command("load_initial_content", stdout=out)
            warm = Client()
            for page in live_pages():
                warm.get(page.url)
        yield out.getvalue()


@pytest.fixture
def loaded(_loaded, db):
    return _loaded


def live_pages():
    return list(Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"))


# --- The tree -------------------------------------------------------------------------------


def test_home_page_is_the_site_root(loaded):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert HomePage.objects.count() == 1
    assert site.root_page.live
    # Wagtail's welcome page is gone.
    assert not Page.objects.filter(title__startswith="Welcome to").exists()


def test_home_intro_contains_the_seed_text_word_for_word(loaded):
    home = HomePage.objects.get()
    intro = strip_tags(home.intro)
    assert SEED_WELCOME in intro
    assert normalise(SEED_INTRO) in intro
    assert SEED_CLOSING in intro
    assert home.signature == SEED_SIGNATURE


def test_home_page_shows_the_seed_text_to_visitors(client, loaded):
    response = client.get("/")
    assert response.status_code == 200
    text = main_text(response)
    assert SEED_WELCOME in text
    assert normalise(SEED_INTRO) in text
    assert f"{SEED_CLOSING} {SEED_SIGNATURE}" in text


def test_the_2007_news_item_has_its_date_and_the_seed_text(client, loaded):
    item = NewsPage.objects.live().get(date=SEED_NEWS_DATE)
    assert item.title == SEED_NEWS_TITLE
    body = normalise(" ".join(strip_tags(str(block.render())) for block in item.body))
    assert normalise(SEED_NEWS_TEXT) in body
    response = client.get(item.url)
    assert response.status_code == 200
    text = main_text(response)
    assert "24.04.2007" in text
    assert normalise(SEED_NEWS_TEXT) in text
    # It is in the 2007 archive.
    archive = client.get("/aktuelles/2007/")
    assert archive.status_code == 200
    assert item.url in [a.get("href") for a in main(archive).find_all("a")]


def test_sections_have_enough_content(loaded):
    concepts = ConceptPage.objects.live()
    assert concepts.count() >= 5
    case_studies = CaseStudyPage.objects.live()
    assert case_studies.count() >= 4
    assert len(set(case_studies.values_list("bundesland", flat=True))) >= 4
    # The client's item of 2007 and our own items from 2025 on (none invented for the past).
    assert NewsPage.objects.live().count() >= 4
    assert Branche.objects.exists()
    assert Projektphase.objects.exists()


def test_one_case_study_is_in_the_oldenburger_muensterland(client, loaded):
    matches = [
        cs
        for cs in CaseStudyPage.objects.live()
        if "Oldenburger Münsterland" in f"{cs.title} {cs.kommune}"
    ]
    assert len(matches) >= 1
    case_study = matches[0]
    assert case_study.bundesland == "niedersachsen"
    response = client.get(case_study.url)
    assert response.status_code == 200
    assert "Oldenburger Münsterland" in main_text(response)
    assert "Niedersachsen" in main_text(response)


def test_example_case_studies_are_labelled_as_illustrative(client, loaded):
    # Our own example content must not pose as real projects.
    for case_study in CaseStudyPage.objects.live():
        assert case_study.is_illustrative, case_study.title
        text = main_text(client.get(case_study.url))
        assert "Illustratives Beispiel" in text, case_study.title


def test_case_study_filters_work_on_the_loaded_content(client, loaded):
    niedersachsen = CaseStudyPage.objects.live().filter(bundesland="niedersachsen")
    response = client.get("/praxisbeispiele/", {"bundesland": "niedersachsen"})
    assert response.status_code == 200
    links = {a.get("href") for a in main(response).find_all("a")}
    for case_study in CaseStudyPage.objects.live():
        assert (case_study.url in links) is (case_study in niedersachsen), case_study.title


@pytest.mark.parametrize("url", REQUIRED_URLS)
def test_required_urls_answer(client, loaded, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert html_lang(response) == "de"
    doc = soup(response)
    h1 = doc.find("h1")
    assert h1 is not None and h1.get_text(strip=True), url
    assert len(main_text(response)) > 100, f"{url} has hardly any text"


def test_legal_pages_are_in_the_footer(client, loaded):
    nav = find_nav(client.get("/"), "Service")
    hrefs = {a["href"] for a in nav.find_all("a")}
    assert {"/impressum/", "/datenschutz/", "/barrierefreiheit/", "/kontakt/"} <= hrefs


def test_the_glossary_explains_the_terms_the_texts_link(client, loaded):
    nav = find_nav(client.get("/"), "Service")
    assert "/glossar/" in {a["href"] for a in nav.find_all("a")}
    body = main(client.get("/glossar/"))
    listed = [dt.get_text(strip=True) for dt in body.select("dl.glossary dt")]
    assert len(listed) >= 22
    assert listed == sorted(listed, key=glossary.sort_key)
    for name in ("EFRE", "GRW", "Standortquotient", "Strategische Partnerschaft", "KMU"):
        assert name in listed
    anchors = {dt["id"] for dt in body.select("dl.glossary dt")}
    marked = []
    for model in (ConceptPage, CaseStudyPage):
        for page in model.objects.live():
            links = main(client.get(page.url)).select("a.glossary-term")
            targets = [a["href"].split("#")[1] for a in links]
            assert len(targets) == len(set(targets)), f"{page.url}: a term marked twice"
            marked += targets
    assert set(marked) <= anchors
    expected = {
        "cluster",
        "wirtschaftsfoerderung",
        "standortquotient",
        "efre",
        "grw",
        "lenkungskreis",
        "koordinierungsstelle",
        "verstetigung",
        "strategische-partnerschaft",
        "kmu",
    }
    assert expected <= set(marked)


def test_main_navigation_lists_the_sections(client, loaded):
    nav = find_nav(client.get("/"), "Hauptnavigation")
    hrefs = [a["href"] for a in nav.find_all("a")]
    for url in ("/konzept/", "/praxisbeispiele/", "/aktuelles/"):
        assert url in hrefs


def test_every_page_renders_and_every_internal_link_works(client, loaded):
    """A small crawl: each live page, then every internal link found in <main>."""
    pages = live_pages()
    assert len(pages) >= 20
    links = set()
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        body = main(response)
        for a in body.find_all("a", href=True):
            parts = urlsplit(a["href"])
            if not parts.scheme and not parts.netloc and parts.path.startswith("/"):
                links.add(a["href"].split("#")[0])
        for img in body.find_all("img"):
            assert img.has_attr("alt"), f"{page.url}: <img> without alt"
    broken = []
    for link in sorted(links):
        status = client.get(link).status_code
        if status not in (200, 301, 302):
            broken.append((link, status))
    assert broken == []


def test_images_have_alt_text(loaded):
    images = get_image_model().objects.all()
    assert images.exists()
    for image in images:
        assert image.is_decorative or image.description.strip(), image.title


def test_site_settings_are_filled(loaded):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings.organisation
    assert len(settings.footer_links) >= 4


def test_editors_may_add_news_and_case_studies(loaded):
    from casestudies.models import CaseStudyIndexPage
    from news.models import NewsIndexPage

    for index in (NewsIndexPage.objects.get(), CaseStudyIndexPage.objects.get()):
        assert GroupPagePermission.objects.filter(group__name=EDITORS, page=index).exists()


def test_search_finds_the_loaded_content(client, loaded):
    response = client.get("/suche/", {"q": "Münsterland"})
    assert response.status_code == 200
    links = [a.get("href") for a in main(response).find_all("a")]
    assert any(link.startswith("/praxisbeispiele/") for link in links)
    assert any(link.startswith("/aktuelles/") for link in links)


def test_standard_pages_exist(loaded):
    slugs = set(StandardPage.objects.live().values_list("slug", flat=True))
    assert {"impressum", "datenschutz"} <= slugs
    # The accessibility statement carries its feedback form (tests/test_accessibility_feedback.py).
    assert AccessibilityPage.objects.live().get().slug == "barrierefreiheit"


def test_kontakt_is_a_contact_form(client, loaded):
    page = ContactPage.objects.live().get()
    assert page.url == "/kontakt/"
    assert page.show_in_menus
    assert page.to_address == "kontakt@strategische-partnerschaften.de"
    assert [(f.label, f.field_type, f.required) for f in page.form_fields.all()] == [
        ("Name", "singleline", True),
        ("E-Mail-Adresse", "email", True),
        ("Organisation oder Kommune", "singleline", False),
        ("Anliegen", "singleline", True),
        ("Nachricht", "multiline", True),
    ]
    response = client.get("/kontakt/")
    assert response.status_code == 200
    text = main_text(response)
    assert "Wir freuen uns auf Ihre Nachricht." in text
    assert "Nachricht senden" in text
    assert "Chilehaus A" in text  # the address below the form
    # It is in the main navigation and the footer.
    assert "/kontakt/" in [a["href"] for a in find_nav(response, "Hauptnavigation").find_all("a")]
    assert "/kontakt/" in [a["href"] for a in find_nav(response, "Service").find_all("a")]


def test_contact_form_works_with_the_loaded_content(client, loaded):
    from django.core import mail
    from wagtail.contrib.forms.models import FormSubmission

    response = client.post(
        "/kontakt/",
        {
            "name": "Erika Mustermann",
            "e_mail_adresse": "erika@example.org",
            "anliegen": "Partnerschaft",
            "nachricht": "Wie fangen wir an?",
        },
    )
    assert response.status_code == 200
    assert "Vielen Dank für Ihre Nachricht" in main_text(response)
    assert FormSubmission.objects.filter(page__slug="kontakt").count() == 1
    assert mail.outbox[0].to == ["kontakt@strategische-partnerschaften.de"]
    assert mail.outbox[0].reply_to == ["erika@example.org"]


def test_search_finds_the_contact_page(client, loaded):
    response = client.get("/suche/", {"q": "Fachöffentlichkeit"})
    assert "/kontakt/" in [a.get("href") for a in main(response).find_all("a")]


def test_an_old_standard_page_at_kontakt_is_left_alone_with_a_hint(loaded):
    ContactPage.objects.get().delete()
    old = StandardPageFactory(parent=HomePage.objects.get(), title="Kontakt", slug="kontakt")
    before = counts()
    out = io.StringIO()
    call_command("load_initial_content", stdout=out)
    assert "„/kontakt/“ ist noch eine Standardseite" in out.getvalue()
    assert counts() == before
    assert Page.objects.get(slug="kontakt").specific == old


# --- Idempotence ----------------------------------------------------------------------------


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "branchen": Branche.objects.count(),
        "phasen": Projektphase.objects.count(),
        "sites": Site.objects.count(),
        "settings": SiteSettings.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "form_fields": ContactFormField.objects.count(),
        "event_links": EventRelatedPage.objects.count(),
        "glossary_terms": GlossaryTerm.objects.count(),
    }


def test_second_run_creates_nothing(loaded):
    before = counts()
    home_revision = HomePage.objects.get().latest_revision_id
    call_command("load_initial_content", stdout=io.StringIO())
    assert counts() == before
    assert HomePage.objects.get().latest_revision_id == home_revision


def test_sitemap_has_every_loaded_page_with_its_last_change(client, loaded):
    import xml.etree.ElementTree as ET

    ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.fromstring(client.get("/sitemap.xml").content)
    entries = {
        url.findtext("sm:loc", namespaces=ns): url.findtext("sm:lastmod", namespaces=ns)
        for url in root.findall("sm:url", ns)
    }
    assert set(entries) == {page.full_url for page in live_pages()}
    assert all(entries.values()), "every page needs its last modification date"


def test_each_page_has_exactly_one_revision(loaded):
    for page in live_pages():
        assert Revision.page_revisions.filter(object_id=str(page.pk)).count() == 1, page.url


def test_second_run_keeps_what_editors_changed(loaded):
    home = HomePage.objects.get()
    home.teaser = "Von der Redaktion geändert."
    home.save_revision().publish()
    impressum = StandardPage.objects.get(slug="impressum")
    impressum.title = "Impressum (aktualisiert)"
    impressum.save_revision().publish()
    call_command("load_initial_content", stdout=io.StringIO())
    assert HomePage.objects.get().teaser == "Von der Redaktion geändert."
    assert StandardPage.objects.get(slug="impressum").title == "Impressum (aktualisiert)"
    assert StandardPage.objects.filter(slug="impressum").count() == 1


# --- Veranstaltungen ------------------------------------------------------------------------


def test_the_2007_tagung_is_a_past_event_linked_with_the_seed_news_item(client, loaded):

    item = NewsPage.objects.live().get(date=SEED_NEWS_DATE)
    tagung = EventPage.objects.live().get(start_date=datetime.date(2007, 4, 21))
    assert tagung.end_date == datetime.date(2007, 4, 22)
    assert "Wirtschaftsförderung im ländlichen Raum" in tagung.title
    assert tagung.locality == "Oldenburg" and tagung.bundesland == "niedersachsen"
    assert tagung.is_all_day and tagung.is_past()
    assert [p.name for p in tagung.partners.all()] == ["DVAG"]
    assert "Exkursion" in " ".join(block.value["title"] for block in tagung.programme)
    event_page = client.get(tagung.url)
    assert "2007" in main_text(event_page)
    assert item.url in [a.get("href") for a in main(event_page).find_all("a")]
    news_page = client.get(item.url)
    assert "Zur Veranstaltung" in main_text(news_page)
    assert tagung.url in [a.get("href") for a in main(news_page).find_all("a")]
    # The seed text stays word for word.
    assert normalise(SEED_NEWS_TEXT) in main_text(news_page)


def test_three_upcoming_example_events_online_hybrid_and_another_land(client, loaded):

    today = datetime.date.today()
    upcoming = list(EventPage.objects.live().filter(start_date__gt=today))
    assert len(upcoming) >= 3
    assert {"online", "hybrid"} <= {event.format for event in upcoming}
    assert any(e.bundesland and e.bundesland != "niedersachsen" for e in upcoming)
    for event in upcoming:
        assert "(Beispielveranstaltung)" in event.title
        assert event.themen.exists() and event.related_pages.exists()
        assert "example.org" not in (event.online_url + event.registration_url)
        text = main_text(client.get(event.url))
        assert "Diese Veranstaltung ist ein Beispiel" in text
    listing = main_text(client.get("/veranstaltungen/"))
    assert all(event.title in listing for event in upcoming)


def test_events_are_in_the_menu_after_aktuelles(client, loaded):
    nav = find_nav(client.get("/"), "Hauptnavigation")
    hrefs = [a["href"] for a in nav.find_all("a")]
    assert hrefs.index("/veranstaltungen/") == hrefs.index("/aktuelles/") + 1


def test_editors_may_add_events_under_the_freigabe_workflow(loaded):

    index = EventIndexPage.objects.get()
    assert GroupPagePermission.objects.filter(
        group__name=EDITORS, page=index, permission__codename="add_page"
    ).exists()
    workflow = index.get_workflow()
    assert workflow is not None and workflow.active
    assert EventPage.objects.child_of(index).first().get_workflow() == workflow


def test_second_run_keeps_the_example_event_dates(loaded):

    before = dict(EventPage.objects.values_list("slug", "start_date"))
    call_command("load_initial_content", stdout=io.StringIO())
    assert dict(EventPage.objects.values_list("slug", "start_date")) == before
