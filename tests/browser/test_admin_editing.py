"""Editing in real Chromium with the site's real settings (autosave as configured): an approved
Praxisbeispiel stays live, inline partners are stored once, a typed title leaves no draft
behind, and new slugs follow the German rule (ä → ae …).

Data is committed for the live server and the database restored afterwards
(``content_live_server``).
"""

import io
import re
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command

from casestudies.models import CaseStudyIndexPage, CaseStudyPage, CaseStudyPartner
from news.models import NewsIndexPage
from partnerships.models.images import CustomImage
from tests.browser.conftest import admin_log_in, content_live_server, create_editorial_users
from tests.test_image_uploads import jpeg_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

STEP_TIMEOUT_MS = 90_000
# Wagtail's default interval (500 ms) and the 1.4 s after an approval seen in the review:
# waiting this long gives a running autosave every chance to post.
PAST_AUTOSAVE_S = 3
APPROVED_TITLE = "Fachkräfteallianz Emsland"
PARTNERS_TITLE = "Energieregion Südoldenburg"
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
SHOTS.mkdir(parents=True, exist_ok=True)


@pytest.fixture(scope="module")
def editing_server(django_db_setup, django_db_blocker):
    with content_live_server(django_db_blocker) as start:
        editor = create_editorial_users()["redakteurin"]
        # Committed before the server starts: on PostgreSQL the live server's connection does
        # not see what a test writes inside its own transaction.
        submitted = new_case_study(APPROVED_TITLE)
        submitted.save_revision(user=editor)
        submitted.get_workflow().start(submitted, editor)
        new_case_study(PARTNERS_TITLE).save_revision(user=editor)
        server = start()
        # What make run does: the site's address is the one it is served at (mail links).
        call_command("set_site_address", server.url, stdout=io.StringIO())
        yield server


@pytest.fixture
def contexts(browser):
    opened = []

    def new():
        context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="de-DE")
        context.set_default_timeout(STEP_TIMEOUT_MS)
        context.set_default_navigation_timeout(STEP_TIMEOUT_MS)
        opened.append(context)
        return context

    yield new
    for context in opened:
        context.close()


def new_case_study(title):
    index = CaseStudyIndexPage.objects.get()
    page = CaseStudyPage(
        title=title,
        teaser="Ein Landkreis und seine Unternehmen gründen eine Partnerschaft.",
        kommune="Landkreis Emsland",
        bundesland="niedersachsen",
        year_from=2021,
        live=False,
    )
    index.add_child(instance=page)
    return page


def open_actions_menu(page):
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()


def save_draft(page):
    return page.locator("footer").get_by_role("button", name="Entwurf speichern")


def form_controllers(page):
    return page.locator("form[data-edit-form]").first.get_attribute("data-controller") or ""


def test_approved_case_study_stays_live_and_the_mail_link_works(editing_server, contexts):
    """Defect 1: „Freigeben und Veröffentlichen“, then nothing overwrites the published page."""
    study = CaseStudyPage.objects.get(title=APPROVED_TITLE)
    mail.outbox = []

    page = admin_log_in(contexts(), editing_server, "moderator")
    page.goto(editing_server.url + f"/admin/pages/{study.pk}/edit/", wait_until="networkidle")
    assert "w-autosave" not in form_controllers(page)
    open_actions_menu(page)
    approve = page.locator(
        "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    )
    assert "Freigeben" in approve.inner_text()
    with page.expect_navigation():
        approve.click()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(PAST_AUTOSAVE_S * 1000)

    study.refresh_from_db()
    assert study.live
    assert not study.has_unpublished_changes
    assert study.latest_revision_id == study.live_revision_id
    assert study.current_workflow_state is None
    # The editor's mail: „… wurde freigegeben“ with the address of the live page.
    sent = [m for m in mail.outbox if "redakteurin@example.org" in m.to]
    assert sent, [m.subject for m in mail.outbox]
    links = re.findall(r"https?://\S+", sent[-1].body)
    page_links = [link for link in links if "/admin/" not in link]
    assert page_links, sent[-1].body
    visitor = contexts().new_page()
    response = visitor.goto(page_links[0])
    assert response.status == 200
    assert visitor.locator("h1").inner_text() == APPROVED_TITLE


def test_inline_partners_are_saved_once(editing_server, contexts):
    """Defect 2: two partners added, „Entwurf speichern“ 2 s after typing: two partners."""
    study = CaseStudyPage.objects.get(title=PARTNERS_TITLE)
    page = admin_log_in(contexts(), editing_server, "redakteurin")
    page.goto(editing_server.url + f"/admin/pages/{study.pk}/edit/", wait_until="networkidle")
    for index, (name, kind) in enumerate(
        (("Stadtwerke Vechta", "unternehmen"), ("Hochschule Vechta", "wissenschaft"))
    ):
        page.locator("#id_partners-ADD").click()
        page.select_option(f"#id_partners-{index}-kind", kind)
        page.locator(f"#id_partners-{index}-name").press_sequentially(name, delay=20)
        page.wait_for_timeout(1500)
    page.wait_for_timeout(500)
    with page.expect_navigation():
        save_draft(page).click()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(PAST_AUTOSAVE_S * 1000)

    study.refresh_from_db()
    draft = study.get_latest_revision_as_object()
    assert sorted(partner.name for partner in draft.partners.all()) == [
        "Hochschule Vechta",
        "Stadtwerke Vechta",
    ]
    # A moderator publishes it; visitors see each partner once.
    moderator = admin_log_in(contexts(), editing_server, "moderator")
    moderator.goto(editing_server.url + f"/admin/pages/{study.pk}/edit/", wait_until="networkidle")
    open_actions_menu(moderator)
    with moderator.expect_navigation():
        moderator.locator("button[name=action-publish]").click()
    study.refresh_from_db()
    assert study.live
    assert CaseStudyPartner.objects.filter(page=study).count() == 2
    visitor = contexts().new_page()
    visitor.goto(editing_server.url + study.url)
    text = visitor.locator("main").inner_text()
    assert text.count("Stadtwerke Vechta") == 1
    assert text.count("Hochschule Vechta") == 1


def test_a_typed_title_leaves_no_draft_behind(editing_server, contexts):
    """Defect 9: starting a page and leaving it creates nothing; starting again is clean."""
    index = CaseStudyIndexPage.objects.get()
    before = CaseStudyPage.objects.count()
    add_url = editing_server.url + f"/admin/pages/add/casestudies/casestudypage/{index.pk}/"
    page = admin_log_in(contexts(), editing_server, "redakteurin")
    page.on("dialog", lambda dialog: dialog.accept())
    for _ in range(2):
        page.goto(add_url, wait_until="networkidle")
        assert "w-autosave" not in form_controllers(page)
        page.fill("#id_title", "Wasserstoffnetzwerk Lausitz")
        page.wait_for_timeout(PAST_AUTOSAVE_S * 1000)
        footer = page.locator("footer").inner_text()
        assert "pausiert" not in footer
        assert CaseStudyPage.objects.count() == before
    page.goto(editing_server.url + "/admin/")
    assert CaseStudyPage.objects.count() == before


def test_a_typed_title_gets_a_german_slug(editing_server, contexts):
    """Defect 6 in the browser: ä → ae, ö → oe, ü → ue, ß → ss, as the seeded pages."""
    index = CaseStudyIndexPage.objects.get()
    page = admin_log_in(contexts(), editing_server, "redakteurin")
    page.goto(
        editing_server.url + f"/admin/pages/add/casestudies/casestudypage/{index.pk}/",
        wait_until="networkidle",
    )
    page.locator("#id_title").press_sequentially(
        "Ernährungswirtschaft in Oldenburg und Münster: Straße", delay=10
    )
    page.locator("#id_title").blur()
    expected = "ernaehrungswirtschaft-in-oldenburg-und-muenster-strasse"
    page.wait_for_function(
        f"document.querySelector('#id_slug').value === '{expected}'", timeout=10_000
    )
    page.fill("#id_teaser", "Ein Netzwerk der Ernährungswirtschaft.")
    page.fill("#id_kommune", "Stadt Oldenburg")
    page.select_option("#id_bundesland", "niedersachsen")
    page.fill("#id_year_from", "2024")
    with page.expect_navigation():
        save_draft(page).click()
    page.wait_for_load_state("networkidle")
    created = CaseStudyPage.objects.get(title__startswith="Ernährungswirtschaft in Oldenburg")
    assert created.slug == expected


# --- Broken uploads (defect 3): the spinner stops and the German error shows -------------

BROKEN_JPEG = jpeg_bytes()[:5_000]  # a download broken off: "Truncated File Read" in Pillow
BROKEN_MESSAGE = "beschädigt oder unvollständig"


def test_broken_jpeg_in_bilder_hinzufuegen_shows_the_german_error(editing_server, contexts):
    before = CustomImage.objects.count()
    page = admin_log_in(contexts(), editing_server, "redakteurin")
    page.goto(editing_server.url + "/admin/images/multiple/add/", wait_until="networkidle")
    page.set_input_files(
        "input[type=file]",
        files=[{"name": "abgebrochen.jpg", "mimeType": "image/jpeg", "buffer": BROKEN_JPEG}],
    )
    page.locator("#upload-list").get_by_text(BROKEN_MESSAGE).wait_for(timeout=30_000)
    # Only why it failed: no reminder to describe an image that was never stored.
    assert "Bildbeschreibung an" not in page.locator("#upload-list").inner_text()
    page.screenshot(path=str(SHOTS / "upload-error-multiple.png"), full_page=True)
    # The upload's progress bar is gone and nothing is stored.
    page.wait_for_function(
        "!document.querySelector('#upload-list .progress-bar:not([style*=\"100%\"])')"
    )
    assert CustomImage.objects.count() == before


def test_broken_jpeg_in_the_image_chooser_stops_the_spinner(editing_server, contexts):
    index = NewsIndexPage.objects.get()
    before = CustomImage.objects.count()
    page = admin_log_in(contexts(), editing_server, "redakteurin")
    page.goto(
        editing_server.url + f"/admin/pages/add/news/newspage/{index.pk}/",
        wait_until="networkidle",
    )
    page.get_by_role("button", name="Bild auswählen").click()
    modal = page.locator(".modal")
    modal.get_by_role("tab", name="Hochladen").click()
    modal.locator("input[type=file]").set_input_files(
        files=[{"name": "abgebrochen.jpg", "mimeType": "image/jpeg", "buffer": BROKEN_JPEG}]
    )
    modal.locator("input[name=image-chooser-upload-title]").fill("Werkhalle")
    description = modal.locator("[name=image-chooser-upload-description]")
    if description.count():
        description.fill("Zwei Personen vor einer Werkhalle")
    submit = modal.locator("form [type=submit]").last
    submit.click()
    error = modal.locator(".error-message").first
    error.wait_for(state="visible", timeout=30_000)
    assert BROKEN_MESSAGE in error.inner_text()
    # The form is shown again, usable: no button left spinning.
    page.wait_for_function(
        "!document.querySelector('.modal .button-longrunning-active')", timeout=10_000
    )
    page.screenshot(path=str(SHOTS / "upload-error-chooser.png"), full_page=True)
    assert CustomImage.objects.count() == before
