"""The editorial journey in real Chromium: a Redakteur writes a news item with an image and
submits it; a Moderator approves it (or rejects it with a comment); visitors see it on the home
page and under /aktuelles/ only once it is approved.

Data is committed for the live server and the database restored afterwards, as in
``test_accessibility``.
"""

import pytest

from news.models import NewsIndexPage, NewsPage
from tests.browser.conftest import admin_log_in, content_live_server, create_editorial_users

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="module")
def journey_server(django_db_setup, django_db_blocker):
    # With the site's own settings: autosave as configured (off, see README "Workflow").
    with content_live_server(django_db_blocker) as start:
        create_editorial_users()
        yield start()


# The admin pages are heavy (Draftail, choosers); on a busy 2-core CI machine a step can take
# longer than Playwright's 30 s default without anything being wrong.
STEP_TIMEOUT_MS = 90_000


def log_in(context, server, username):
    context.set_default_timeout(STEP_TIMEOUT_MS)
    context.set_default_navigation_timeout(STEP_TIMEOUT_MS)
    return admin_log_in(context, server, username)


def write_and_submit(context, server, title):
    """The editor's part: a news item with an image and a paragraph, submitted."""
    page = log_in(context, server, "redakteurin")
    index = NewsIndexPage.objects.get()
    page.goto(server.url + f"/admin/pages/add/news/newspage/{index.pk}/", wait_until="networkidle")
    page.fill("#id_title", title)
    page.fill("#id_teaser", "Unternehmen und Kommune vereinbaren eine Partnerschaft.")
    page.get_by_role("button", name="Bild auswählen").click()
    page.locator(".modal a[data-chooser-modal-choice]").first.click()
    page.wait_for_function("document.querySelector('#id_image').value !== ''")
    page.locator("button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Absatz").click()
    editor = page.locator("[data-streamfield-stream-container] [role=textbox]").first
    editor.click()
    page.keyboard.type("Der Landkreis und zwölf Unternehmen gründen ein Netzwerk.")
    # Draftail writes its content into the form a moment later (debounced).
    page.wait_for_function(
        "Array.from(document.querySelectorAll('[data-streamfield-stream-container] input'))"
        ".some((input) => input.value.includes('zwölf Unternehmen'))"
    )
    page.locator(
        "footer button.dropdown-toggle, footer [data-w-dropdown-target=toggle]"
    ).first.click()
    submit = page.locator("button[name=action-submit]")
    submit.wait_for(state="visible")
    with page.expect_navigation():
        submit.click()
    page.wait_for_url(f"**/admin/pages/{index.pk}/")
    news = NewsPage.objects.get(title=title)
    assert news.workflow_states.get().status == "in_progress"
    # "… erstellt und zur Freigabe eingereicht".
    message = page.locator("main").inner_text()
    assert title in message and "erstellt und zur Freigabe eingereicht" in message
    return page


def moderate(context, server, title, action, comment):
    """The moderator opens the submitted page and approves or rejects it with a comment."""
    news = NewsPage.objects.get(title=title)
    page = log_in(context, server, "moderator")
    page.goto(server.url + f"/admin/pages/{news.pk}/edit/", wait_until="networkidle")
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    page.locator(
        f"button[data-workflow-action-name={action}][data-workflow-action-modal-url]"
    ).click()
    page.locator(".modal textarea[name=comment]").fill(comment)
    page.locator(".modal [type=submit]").click()
    # The modal posts the comment, then the editor form; Wagtail answers with the page list.
    page.wait_for_url(lambda url: "/edit/" not in url)
    page.wait_for_load_state()
    return news


def first_news_titles(context, server):
    """The first news title on the home page and on /aktuelles/, as a visitor sees them."""
    page = context.new_page()
    titles = []
    for path in ("/", "/aktuelles/"):
        page.goto(server.url + path)
        titles.append(page.locator("main .news-item__title").first.inner_text())
    return titles


def test_submitted_news_goes_live_after_approval(journey_server, browser):
    editor, moderator, visitor = (
        browser.new_context(viewport={"width": 1280, "height": 1000}, locale="de-DE")
        for _ in range(3)
    )
    try:
        title = "Clustertag in Vechta"
        write_and_submit(editor, journey_server, title)
        news = NewsPage.objects.get(title=title)
        assert not news.live
        assert news.get_latest_revision_as_object().image is not None
        assert title not in first_news_titles(visitor, journey_server)

        moderate(moderator, journey_server, title, "approve", comment="Sehr gut, danke!")
        news.refresh_from_db()
        assert news.live
        assert first_news_titles(visitor, journey_server) == [title, title]
    finally:
        for context in (editor, moderator, visitor):
            context.close()


def test_rejected_news_shows_the_editor_the_comment(journey_server, browser):
    editor, moderator, visitor = (
        browser.new_context(viewport={"width": 1280, "height": 1000}, locale="de-DE")
        for _ in range(3)
    )
    try:
        title = "Netzwerktreffen Cloppenburg"
        write_and_submit(editor, journey_server, title)
        news = moderate(
            moderator, journey_server, title, "reject", comment="Bitte Quelle ergänzen."
        )
        news.refresh_from_db()
        assert not news.live
        assert title not in first_news_titles(visitor, journey_server)

        page = editor.new_page()
        page.goto(journey_server.url + f"/admin/pages/{news.pk}/edit/")
        page.get_by_role("button", name="Status umschalten").click()
        assert "Bitte Quelle ergänzen." in page.content()
    finally:
        for context in (editor, moderator, visitor):
            context.close()
