"""Makes the screenshots of the editor guide (partnerships/static/partnerships/guide/*.webp)
from this site's admin over the initial content: ``make guide-screenshots``.

Not part of ``make test`` (it writes into the repository); run it after the admin changed
and commit the files. ``tests/test_editor_guide.py`` checks they are there and small.
"""

import datetime
import io
import os
from pathlib import Path

import pytest
from django.utils import timezone
from PIL import Image
from wagtail.contrib.redirects.models import Redirect

from casestudies.models import CaseStudyPage
from news.models import NewsIndexPage, NewsPage
from tests.browser.conftest import admin_log_in, content_live_server, create_editorial_users

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
    pytest.mark.skipif(
        os.environ.get("GUIDE_SCREENSHOTS") != "1",
        reason="schreibt die Bildschirmfotos der Anleitung: make guide-screenshots",
    ),
]

TARGET = Path(__file__).resolve().parents[2] / "partnerships" / "static" / "partnerships" / "guide"
WIDTH = 960


@pytest.fixture(scope="module")
def guide_server(django_db_setup, django_db_blocker):
    with content_live_server(django_db_blocker) as start:
        users = create_editorial_users()
        editor = users["redakteurin"]
        index = NewsIndexPage.objects.get()
        for title, state in (
            ("Netzwerktreffen in Cloppenburg", "submitted"),
            ("Fachkräfte für die Ernährungswirtschaft", "draft"),
            ("Clustertag 2027 in Vechta", "scheduled"),
        ):
            page = NewsPage(
                title=title,
                teaser="Unternehmen und Kommune vereinbaren eine Partnerschaft.",
                date=datetime.date.today(),
                live=False,
                owner=editor,
            )
            index.add_child(instance=page)
            if state == "scheduled":
                page.go_live_at = timezone.now() + datetime.timedelta(days=30)
                page.save_revision(user=users["moderator"]).publish(user=users["moderator"])
            else:
                page.save_revision(user=editor)
            if state == "submitted":
                page.get_workflow().start(page, editor)
        Redirect.objects.create(
            old_path="/alt/projekt.html",
            redirect_page=CaseStudyPage.objects.first(),
            is_permanent=True,
        )
        yield start()


def save(page, name, clip=None):
    png = page.screenshot(clip=clip) if clip else page.screenshot()
    image = Image.open(io.BytesIO(png)).convert("RGB")
    image = image.resize((WIDTH, round(image.height * WIDTH / image.width)), Image.LANCZOS)
    TARGET.mkdir(parents=True, exist_ok=True)
    image.save(TARGET / name, "WEBP", quality=62, method=6)


def log_in(browser, server, username):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="de-DE")
    context.set_default_timeout(60_000)
    return admin_log_in(context, server, username)


def test_make_the_guide_screenshots(guide_server, browser):
    page = log_in(browser, guide_server, "redakteurin")
    page.goto(guide_server.url + "/admin/", wait_until="networkidle")
    save(page, "dashboard.webp")

    index = NewsIndexPage.objects.get()
    page.goto(
        guide_server.url + f"/admin/pages/add/news/newspage/{index.pk}/", wait_until="networkidle"
    )
    page.fill("#id_title", "Clustertag in Vechta")
    page.fill("#id_teaser", "Landkreis und Unternehmen stellen ihre Partnerschaft vor.")
    save(page, "meldung.webp")

    page.get_by_role("button", name="Bild auswählen").click()
    modal = page.locator(".modal")
    modal.get_by_role("tab", name="Hochladen").click()
    modal.locator("input[name=image-chooser-upload-title]").fill("Werkhalle")
    modal.locator("[name=image-chooser-upload-description]").fill(
        "Zwei Personen vor einer Werkhalle"
    )
    page.wait_for_timeout(300)
    save(page, "bild.webp")
    page.keyboard.press("Escape")

    study = CaseStudyPage.objects.live().order_by("pk").first()
    page.goto(guide_server.url + f"/admin/pages/{study.pk}/edit/", wait_until="networkidle")
    # The Steckbrief panel at the top of the window.
    page.locator("#id_kommune").evaluate(
        "el => el.closest('section').scrollIntoView({block: 'start'})"
    )
    page.wait_for_timeout(300)
    save(page, "praxisbeispiel.webp")

    page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    page.locator("button[name=action-submit]").wait_for(state="visible")
    page.wait_for_timeout(800)  # the menu's fade-in
    save(page, "freigabe.webp")
    page.keyboard.press("Escape")

    page.get_by_role("button", name="Status umschalten").click()
    page.get_by_role("button", name="Zeitplan festlegen").first.click()
    page.locator("#id_go_live_at").wait_for(state="visible")
    page.wait_for_timeout(800)
    save(page, "zeitsteuerung.webp")

    moderator = log_in(browser, guide_server, "moderator")
    moderator.goto(guide_server.url + "/admin/redirects/", wait_until="networkidle")
    save(moderator, "weiterleitungen.webp")

    # For review (not committed): the guide itself as an editor reads it.
    page.goto(guide_server.url + "/admin/anleitung/", wait_until="networkidle")
    review = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
    review.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(review / "editor-guide.png"), full_page=True)
