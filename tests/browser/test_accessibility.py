"""Every public page type in real Chromium at phone and desktop width: axe-core finds no
violations, the Content-Security-Policy is never violated, nothing is loaded from another
host, no asset is missing, no sideways scrolling.

The content comes from ``load_initial_content``, loaded once for the module and committed so
the live server thread sees it (also on PostgreSQL); afterwards the database is restored to
its state before (flush + reload of a snapshot, as Django's ``serialized_rollback`` does).
"""

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from casestudies.models import CaseStudyPage
from concepts.models import ConceptPage
from news.models import NewsPage
from partnerships.models import SiteSettings
from tests.browser.conftest import content_live_server
from tests.test_go_live import fill as fill_legal_facts

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

WIDTHS = [375, 1280]
PAGES = [
    "home",
    "standard_page",
    "contact_page",
    "accessibility_page",
    "easy_language_page",
    "privacy_page",
    "concept_index",
    "concept_page",
    "case_study_index",
    "case_study_index_filtered",
    "case_study",
    "news_index",
    "news_year_archive",
    "news_page",
    "news_tag_listing",
    "news_unknown_tag",
    "event_index",
    "event_index_filtered",
    "event_index_unknown_filter",
    "event_upcoming",
    "event_past",
    "search_results",
    "search_filtered",
    "search_no_results",
    "not_found",
    "open_data",
    "glossary",
    "newsletter",
    "newsletter_chosen",
    "newsletter_requested",
    "newsletter_confirm",
    "newsletter_manage",
    "newsletter_unsubscribe",
]


def page_urls():
    """A path for every public page type, taken from the loaded content."""
    news_2007 = NewsPage.objects.live().filter(date__year=2007).order_by("date").first()
    return {
        "home": "/",
        "standard_page": "/impressum/",
        "contact_page": "/kontakt/",
        "accessibility_page": "/barrierefreiheit/",
        "easy_language_page": "/leichte-sprache/",
        "privacy_page": "/datenschutz/",
        "concept_index": "/konzept/",
        "concept_page": ConceptPage.objects.live().order_by("path").first().url,
        "case_study_index": "/praxisbeispiele/",
        "case_study_index_filtered": "/praxisbeispiele/?bundesland=niedersachsen",
        "case_study": CaseStudyPage.objects.live().order_by("path").first().url,
        "news_index": "/aktuelles/",
        "news_year_archive": "/aktuelles/2007/",
        "news_page": news_2007.url,
        "news_tag_listing": "/aktuelles/?tag=cluster",
        "news_unknown_tag": "/aktuelles/?tag=gibt-es-nicht",
        "event_index": "/veranstaltungen/",
        "event_index_filtered": "/veranstaltungen/?bundesland=niedersachsen&format=hybrid",
        "event_index_unknown_filter": "/veranstaltungen/?thema=gibt-es-nicht",
        # with programme, Themen, registration, related pages and contact person
        "event_upcoming": "/veranstaltungen/fachforum-partnerschaften-mit-unternehmen/",
        "event_past": "/veranstaltungen/tagung-wirtschaftsfoerderung-im-laendlichen-raum-2007/",
        "search_results": "/suche/?q=Cluster",
        "search_filtered": "/suche/?q=Cluster&typ=praxisbeispiel",
        "search_no_results": "/suche/?q=Quantencomputer",
        "not_found": "/diese-seite-gibt-es-nicht/",
        "glossary": "/glossar/",
    }


def newsletter_urls():
    """The readers' newsletter pages, with a confirmed and an unconfirmed subscriber."""
    from django.utils import timezone

    from casestudies.models import CaseStudyIndexPage
    from partnerships.models.newsletter import Alert, Subscriber, address_hash
    from partnerships.newsletter import subscriptions, tokens

    def subscriber(email):
        return Subscriber.objects.create(
            email=email,
            newsletter=True,
            requested_at=timezone.now(),
            consent=subscriptions.current_consent(),
            request_ip_hash=address_hash("192.0.2.1"),
        )

    index = CaseStudyIndexPage.objects.get()
    reader = subscriber("leserin@example.org")
    subscriptions.confirm(reader)
    Alert.objects.create(
        subscriber=reader,
        index_page=index,
        filters={"bundesland": "niedersachsen"},
        filter_key="bundesland=niedersachsen",
    )
    waiting = subscriber("wartend@example.org")
    manage = tokens.make("manage", reader)
    return {
        "open_data": "/offene-daten/",
        "newsletter": "/newsletter/",
        "newsletter_chosen": f"/newsletter/?folgen={index.pk}&bundesland=niedersachsen",
        "newsletter_requested": "/newsletter/angefordert/",
        "newsletter_confirm": f"/newsletter/bestaetigen/{tokens.make('confirm', waiting)}/",
        "newsletter_manage": f"/newsletter/einstellungen/{manage}/",
        "newsletter_unsubscribe": f"/newsletter/abmelden/{manage}/",
    }


CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`
        + ` (${event.sourceFile}:${event.lineNumber})`
    );
});
"""


def csp_violations(page):
    return page.evaluate("window.__cspViolations")


@pytest.fixture(scope="module")
def site_server(django_db_setup, django_db_blocker):
    """A live server with the initial content, shared by all tests of this module."""
    with content_live_server(django_db_blocker) as start:
        # An editor's recommendation, so the search page shows its "Empfehlungen" too.
        SearchPromotion.objects.create(
            query=Query.get("cluster"),
            page=ConceptPage.objects.live().order_by("path").first(),
            sort_order=0,
            description="Der Einstieg in das Konzept.",
        )
        # Every legal fact filled, so the generated sections show all they can.
        fill_legal_facts(SiteSettings.objects.get())
        urls = {**page_urls(), **newsletter_urls()}
        # Make the image renditions (slow AVIF encoding) once, before the browser asks.
        warm = Client()
        for url in urls.values():
            warm.get(url)
        yield start(), urls


@pytest.fixture(scope="module")
def contexts(browser):
    """One browser context per viewport width (phone, desktop)."""
    made = {
        width: browser.new_context(viewport={"width": width, "height": 900}, locale="de-DE")
        for width in WIDTHS
    }
    yield made
    for context in made.values():
        context.close()


def visit(site_server, contexts, key, width):
    """Open the page; return (page, main response, requests to other hosts, failed assets)."""
    server, urls = site_server
    origin = urlsplit(server.url).netloc
    foreign, failed = [], []
    page = contexts[width].new_page()
    # Every CSP violation the page raises, recorded from before the first byte of the page.
    page.add_init_script(CSP_RECORDER)

    def on_request(request):
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https") and parts.netloc != origin:
            foreign.append(request.url)

    def on_response(response):
        if response.status >= 400 and response.request.resource_type != "document":
            failed.append(f"{response.status} {response.url}")

    page.on("request", on_request)
    page.on("response", on_response)
    response = page.goto(server.url + urls[key], wait_until="load")
    return page, response, foreign, failed


@pytest.mark.parametrize("width", WIDTHS, ids=lambda w: f"{w}px")
@pytest.mark.parametrize("key", PAGES)
def test_page_passes_axe_and_loads_only_local_assets(site_server, contexts, key, width):
    page, response, foreign, failed = visit(site_server, contexts, key, width)
    try:
        expected_status = 404 if key == "not_found" else 200
        assert response.status == expected_status, f"{key}: HTTP {response.status}"
        assert page.locator("html").get_attribute("lang") == "de"
        assert response.headers.get("content-security-policy"), f"{key}: no CSP header"
        assert csp_violations(page) == [], f"{key}: CSP violations"

        results = Axe().run(page)
        assert results.violations_count == 0, (
            f"axe: {key} at {width}px ({page.url})\n{results.generate_report()}"
        )
        assert foreign == [], f"{key}: loaded from another host: {foreign}"
        assert failed == [], f"{key}: assets failed to load: {failed}"
        # Nothing forces visitors to scroll sideways (phones especially).
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{key}: {scroll_width}px wide content at {width}px"
    finally:
        page.close()


@pytest.mark.parametrize("width", WIDTHS, ids=lambda w: f"{w}px")
@pytest.mark.parametrize("key", ["concept_page", "case_study"])
def test_the_citation_box_is_shown_whole_and_its_downloads_answer(
    site_server, contexts, key, width
):
    """„Zitiervorschlag“ (checked by axe with its page above): the long address wraps inside
    the box at phone width, and both downloads are files of their format."""
    page, _, _, _ = visit(site_server, contexts, key, width)
    try:
        box = page.locator("section.citation")
        assert box.is_visible()
        url = box.locator(".citation__url")
        assert url.bounding_box()["x"] + url.bounding_box()["width"] <= (
            box.bounding_box()["x"] + box.bounding_box()["width"]
        )
        for name, content_type in (
            ("BibTeX herunterladen (.bib)", "application/x-bibtex"),
            ("RIS herunterladen (.ris)", "application/x-research-info-systems"),
        ):
            href = box.get_by_role("link", name=name).get_attribute("href")
            reply = page.request.get(site_server[0].url + href)
            assert reply.ok and reply.headers["content-type"].startswith(content_type)
    finally:
        page.close()


@pytest.mark.parametrize("width", WIDTHS, ids=lambda w: f"{w}px")
def test_the_newsletter_form_with_errors_passes_axe(site_server, contexts, width):
    page, _, _, _ = visit(site_server, contexts, "newsletter", width)
    try:
        page.fill("#id_email", "kein-at-zeichen")
        page.uncheck("#id_newsletter")
        page.get_by_role("button", name="Anmelden").click()
        page.wait_for_selector("#fehler")
        assert page.locator(".error-summary a").count() == 2
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    finally:
        page.close()


def test_axe_is_really_checking(contexts):
    """Guards the guard: a page with known faults must produce violations."""
    page = contexts[1280].new_page()
    try:
        page.set_content("<html><body><img src='x.png'><a href='/'></a></body></html>")
        ids = {v["id"] for v in Axe().run(page).response["violations"]}
        assert {"image-alt", "html-has-lang", "link-name"} <= ids
    finally:
        page.close()


def test_csp_violations_are_really_recorded(site_server, contexts):
    """Guards the guard: inline script and style on a public page are blocked and recorded."""
    page, _, _, _ = visit(site_server, contexts, "home", 1280)
    try:
        page.evaluate(
            """() => {
                const script = document.createElement("script");
                script.textContent = "window.__ran = true";
                document.body.appendChild(script);
                const style = document.createElement("style");
                style.textContent = "body { color: red }";
                document.head.appendChild(style);
            }"""
        )
        page.wait_for_function("window.__cspViolations.length >= 2")
        assert page.evaluate("window.__ran === undefined")
        directives = " ".join(csp_violations(page))
        assert "script-src" in directives and "style-src" in directives
    finally:
        page.close()


def test_skip_link_is_the_first_stop_and_jumps_to_the_content(site_server, contexts):
    page, _, _, _ = visit(site_server, contexts, "concept_page", 375)
    try:
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "[document.activeElement.textContent.trim(),"
            " document.activeElement.getAttribute('href')]"
        )
        assert focused == ["Zum Inhalt springen", "#inhalt"]
        # Visible when focused (not only for screen readers).
        box = page.locator("a.skip-link").bounding_box()
        assert box is not None and box["width"] > 1 and box["height"] > 1
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "inhalt"
    finally:
        page.close()


def test_case_study_filter_works_in_the_browser(site_server, contexts):
    page, _, _, _ = visit(site_server, contexts, "case_study_index", 1280)
    try:
        page.select_option("select[name=bundesland]", "niedersachsen")
        with page.expect_navigation():
            page.locator("form.filter button[type=submit]").click()
        assert "bundesland=niedersachsen" in page.url
        text = page.locator("main").inner_text()
        assert "Oldenburger Münsterland" in text
        assert page.locator("select[name=bundesland]").input_value() == "niedersachsen"
    finally:
        page.close()


def assert_clean(page, what):
    """No CSP violation and no axe violation on the page as it is now."""
    assert csp_violations(page) == [], f"{what}: CSP violations"
    results = Axe().run(page)
    assert results.violations_count == 0, f"axe: {what}\n{results.generate_report()}"


@pytest.mark.parametrize("width", WIDTHS, ids=lambda w: f"{w}px")
def test_contact_form_errors_and_thank_you_page_in_the_browser(site_server, contexts, width):
    """Sent empty: the error summary has the focus, its links lead to the fields, the page
    passes axe. Sent filled in: the thank-you page passes axe and shows the text escaped."""
    page, _, _, _ = visit(site_server, contexts, "contact_page", width)
    try:
        # The honeypot is never reached with the keyboard: Tab from the message goes to the
        # button.
        page.locator("#id_nachricht").focus()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent.trim()") == "Nachricht senden"
        trap = page.locator("input[name=kontakt_homepage]").bounding_box()
        assert trap["x"] + trap["width"] <= 0, "the honeypot is on screen"

        with page.expect_navigation():
            page.get_by_role("button", name="Nachricht senden").click()
        assert page.title().startswith("Fehler: ")
        # ``autofocus`` moves the focus at Chromium's next rendering step, which on a busy
        # machine can come after the load event: wait for it (30 s at most), do not poll once.
        page.wait_for_function("document.activeElement.id === 'fehler'")
        summary = page.locator("#fehler")
        assert "Bitte füllen Sie das Feld „Name“ aus." in summary.inner_text()
        assert_clean(page, f"contact form with errors at {width}px")
        summary.get_by_role("link", name="Bitte füllen Sie das Feld „Name“ aus.").click()
        assert page.evaluate("document.activeElement.id") == "id_name"

        page.get_by_label("Name (Pflichtfeld)", exact=True).fill("Erika Mustermann")
        page.get_by_label("E-Mail-Adresse (Pflichtfeld)", exact=True).fill("erika@example.org")
        page.get_by_label("Anliegen (Pflichtfeld)", exact=True).fill("Clusterstrategie")
        page.get_by_label("Nachricht (Pflichtfeld)", exact=True).fill(
            "<script>window.__ran = true</script> Wie beginnen?"
        )
        with page.expect_navigation():
            page.get_by_role("button", name="Nachricht senden").click()
        assert page.locator("h1").inner_text() == "Vielen Dank für Ihre Nachricht"
        assert "<script>window.__ran = true</script>" in page.locator("main").inner_text()
        assert page.evaluate("window.__ran === undefined")
        assert_clean(page, f"thank-you page at {width}px")
    finally:
        page.close()


@pytest.mark.parametrize("width", WIDTHS, ids=lambda w: f"{w}px")
def test_a_marked_term_is_reached_by_keyboard_and_leads_to_its_entry(site_server, contexts, width):
    """The first glossary term of a concept page: a link with a visible focus whose name
    says it leads to the Glossar; following it shows the entry."""
    page, _, _, _ = visit(site_server, contexts, "concept_page", width)
    try:
        term = page.locator("main a.glossary-term").first
        name = term.evaluate("a => a.textContent")
        assert name.endswith(" (Glossar)")
        term.focus()
        assert page.evaluate("document.activeElement.classList.contains('glossary-term')")
        outline = term.evaluate("a => getComputedStyle(a).outlineStyle")
        assert outline == "solid"
        href = term.get_attribute("href")
        page.keyboard.press("Enter")
        page.wait_for_url(f"**{href}")
        target = page.locator(f"dt#{href.split('#')[1]}")
        assert target.is_visible()
        assert target.evaluate("dt => dt.matches(':target')")
        assert page.locator(f"dt#{href.split('#')[1]} + dd").is_visible()  # the explanation
    finally:
        page.close()
