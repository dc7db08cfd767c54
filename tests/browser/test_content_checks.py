"""The editor's content checks in real Chromium: Wagtail's own checker (axe-core in the
userbar, configured by ``partnerships.editorial.content_checks``) finds each of the
site's four rules on a page with the problem, with its German message, and none of them on
a clean page.

Data is committed for the live server and the database restored afterwards, as in
``test_accessibility``.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from news.models import NewsIndexPage
from partnerships.editorial.content_checks import EASY_RULES, MESSAGES
from partnerships.editorial.permissions import EDITORS
from partnerships.models import EasyLanguagePage, HomePage
from tests.browser.conftest import content_live_server
from tests.factories import ImageFactory, NewsPageFactory, heading, paragraph

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PASSWORD = "ein-sicheres-passwort"
SITE_RULES = ["sp-alternativtext", "sp-linktext", "sp-suchbeschreibung", "heading-order"]
STEP_TIMEOUT_MS = 90_000


@pytest.fixture(scope="module")
def checks_server(django_db_setup, django_db_blocker):
    with content_live_server(django_db_blocker) as start:
        user = get_user_model().objects.create_user(
            "redakteurin", "redakteurin@example.org", PASSWORD, first_name="Rita"
        )
        user.groups.add(Group.objects.get(name=EDITORS))
        index = NewsIndexPage.objects.get()
        problems = NewsPageFactory(
            parent=index,
            title="Netzwerktreffen mit Mängeln",
            slug="maengel",
            teaser="",  # no description at all: „Suchbeschreibung fehlt“
            search_description="",
            # No "Alternativtext" and not decorative: visitors would hear the title.
            image=ImageFactory(title="Gruppenfoto", description="", is_decorative=False),
            body=[
                heading("Ergebnisse", "h3"),  # right after the page title (h1): h2 skipped
                paragraph(
                    '<p>Die Studie: <a href="https://example.org/studie">hier klicken</a></p>'
                ),
            ],
        )
        clean = NewsPageFactory(
            parent=index,
            title="Netzwerktreffen ohne Mängel",
            slug="ohne-maengel",
            # The teaser is the page's description (meta tag): no search description needed.
            teaser="Landkreis und Unternehmen gründen ein Netzwerk.",
            search_description="",
            image=ImageFactory(title="Gruppenfoto 2"),
            body=[
                heading("Ergebnisse", "h2"),
                heading("Nächste Schritte", "h3"),
                paragraph(
                    '<p>Lesen Sie die <a href="https://example.org/studie">Studie zur '
                    "Clusterförderung im Landkreis</a>.</p>"
                ),
            ],
        )
        home = HomePage.objects.get()
        home.add_child(
            instance=EasyLanguagePage(
                title="Lange Sätze",
                slug="lange-saetze",
                teaser="Eine Seite mit zu langen Sätzen.",
                body=[
                    (
                        "lines",
                        "Dieser Satz hat viel mehr als zwölf Wörter und ist darum für "
                        "Leichte Sprache leider viel zu lang.\n"
                        "Die Wirtschaftsförderungsgesellschaft hilft.\n"
                        "Die Wirtschafts·förderung hilft.",
                    )
                ],
            )
        )
        server = start()
        yield server, problems.pk, clean.pk


@pytest.fixture(scope="module")
def editor_page(checks_server, browser):
    server, *_ = checks_server
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="de-DE")
    context.set_default_timeout(STEP_TIMEOUT_MS)
    context.set_default_navigation_timeout(STEP_TIMEOUT_MS)
    page = context.new_page()
    page.goto(server.url + "/admin/login/")
    page.fill("#id_username", "redakteurin")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")
    assert page.url.endswith("/admin/")
    yield page
    context.close()


# Runs inside the previewed page once Wagtail's userbar has configured axe: axe.run with
# exactly the context and options Wagtail rendered, each finding named by Wagtail's messages.
RUN_WAGTAILS_CONFIGURATION = """async () => {
    const userbar = document.querySelector("wagtail-userbar");
    const script = userbar.shadowRoot.querySelector("#checker-axe-configuration");
    const config = JSON.parse(script.textContent);
    const results = await window.axe.run(config.context, config.options);
    return results.violations.flatMap((violation) => violation.nodes.map((node) => ({
        rule: violation.id,
        name: config.messages[violation.id].error_name,
        help: config.messages[violation.id].help_text,
        target: node.target.join(" "),
    })));
}"""

WAGTAIL_CONFIGURED_AXE = """() => window.axe
    && window.axe.getRules().some((rule) => rule.ruleId === "sp-suchbeschreibung")"""


def preview_findings(page, server, page_id):
    """Open the draft preview (what the editor's preview shows) and return the findings."""
    page.goto(server.url + f"/admin/pages/{page_id}/view_draft/")
    page.wait_for_function(WAGTAIL_CONFIGURED_AXE)
    return page.evaluate(RUN_WAGTAILS_CONFIGURATION)


def test_each_site_rule_reports_its_problem_in_german(checks_server, editor_page):
    server, problems_id, _ = checks_server
    findings = preview_findings(editor_page, server, problems_id)
    by_rule = {finding["rule"]: finding for finding in findings}
    for rule in SITE_RULES:
        assert rule in by_rule, f"{rule} not reported: {findings}"
        assert by_rule[rule]["name"] == MESSAGES[rule]["error_name"]
        assert by_rule[rule]["help"] == MESSAGES[rule]["help_text"]
    assert "img" in by_rule["sp-alternativtext"]["target"]
    assert by_rule["sp-suchbeschreibung"]["target"] == "h1"
    linktext = [f for f in findings if f["rule"] == "sp-linktext"]
    assert len(linktext) == 1, "only the editor's link, not the template's links"
    # Wagtail's own checker shows the same findings to the editor, in German.
    names = editor_page.locator("wagtail-userbar [data-content-checker-name]")
    names.first.wait_for(state="attached")
    shown = set(names.all_text_contents())
    assert {MESSAGES[rule]["error_name"] for rule in SITE_RULES} <= shown
    count = editor_page.locator("wagtail-userbar [data-w-userbar-axe-count]")
    assert int(count.get_attribute("data-w-userbar-axe-count")) == len(findings)


def test_a_clean_page_has_none_of_the_findings(checks_server, editor_page):
    server, _, clean_id = checks_server
    findings = preview_findings(editor_page, server, clean_id)
    assert [f for f in findings if f["rule"] in SITE_RULES] == []


def test_live_page_userbar_checks_links_and_search_description(checks_server, editor_page):
    """On the published page (userbar for logged-in editors) the same rules run; the image
    marker exists only in previews, so there the image rule stays silent."""
    server, _, _ = checks_server
    editor_page.goto(server.url + "/aktuelles/maengel/")
    editor_page.wait_for_function(WAGTAIL_CONFIGURED_AXE)
    rules = {f["rule"] for f in editor_page.evaluate(RUN_WAGTAILS_CONFIGURATION)}
    assert {"sp-linktext", "sp-suchbeschreibung", "heading-order"} <= rules
    assert "sp-alternativtext" not in rules


def test_page_editor_checks_panel_lists_the_findings(checks_server, editor_page):
    """The "Überprüfungen" panel next to the editor's preview runs the same checks in the
    preview iframe and lists each site rule with its German name."""
    server, problems_id, _ = checks_server
    editor_page.goto(server.url + f"/admin/pages/{problems_id}/edit/", wait_until="networkidle")
    editor_page.locator('[data-side-panel-toggle="checks"]').first.click()
    editor_page.wait_for_function(
        """(expected) => {
            const shown = Array.from(document.querySelectorAll(
                '[data-side-panel="checks"] [data-content-checker-name]'
            )).map((node) => node.textContent.trim());
            return expected.every((name) => shown.includes(name));
        }""",
        arg=[MESSAGES[rule]["error_name"] for rule in SITE_RULES],
    )


EASY = [rule["id"] for rule in EASY_RULES]


def test_leichte_sprache_flags_a_long_sentence_and_a_long_word(checks_server, editor_page):
    server, _, _ = checks_server
    page = EasyLanguagePage.objects.get(slug="lange-saetze")
    findings = [f for f in preview_findings(editor_page, server, page.pk) if f["rule"] in EASY]
    assert sorted(f["rule"] for f in findings) == sorted(EASY)
    by_rule = {f["rule"]: f for f in findings}
    assert by_rule["sp-leichte-sprache-satz"]["name"].startswith("Satz zu lang")
    # Each finding points at its own line; the line with the Mediopunkt passes.
    assert (
        by_rule["sp-leichte-sprache-satz"]["target"] != by_rule["sp-leichte-sprache-wort"]["target"]
    )


def test_the_first_page_in_leichte_sprache_keeps_its_own_rules(checks_server, editor_page):
    server, _, _ = checks_server
    page = EasyLanguagePage.objects.get(slug="leichte-sprache")
    findings = preview_findings(editor_page, server, page.pk)
    assert [f for f in findings if f["rule"] in EASY] == []


def test_other_pages_do_not_run_the_leichte_sprache_rules(checks_server, editor_page):
    server, problems_id, _ = checks_server
    editor_page.goto(server.url + f"/admin/pages/{problems_id}/view_draft/")
    editor_page.wait_for_function(WAGTAIL_CONFIGURED_AXE)
    ids = editor_page.evaluate("() => window.axe.getRules().map((rule) => rule.ruleId)")
    assert "sp-leichte-sprache-satz" not in ids
