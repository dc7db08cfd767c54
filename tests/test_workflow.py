"""The "Freigabe" workflow: an editor submits, a moderator approves or rejects with a comment;
everyone involved gets Wagtail's notification e-mail."""

import pytest
from django.core import mail
from wagtail.models import Page, Workflow, WorkflowState

from news.models import NewsPage
from partnerships.editorial.permissions import MODERATORS, WORKFLOW_NAME, WORKFLOW_TASK_NAME
from tests.factories import NewsIndexPageFactory
from tests.helpers import assert_denied, news_form_data


def test_freigabe_workflow_exists_with_one_moderator_task(db):
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    tasks = [task.specific for task in workflow.tasks]
    assert [task.name for task in tasks] == [WORKFLOW_TASK_NAME]
    assert [group.name for group in tasks[0].groups.all()] == [MODERATORS]
    # Wagtail's English default workflow is gone.
    assert list(Workflow.objects.values_list("name", flat=True)) == [WORKFLOW_NAME]


def test_freigabe_applies_to_the_three_sections_only(site_tree):
    for section in (site_tree.concept_index, site_tree.cs_index, site_tree.news_index):
        assert section.get_workflow().name == WORKFLOW_NAME
        for child in section.get_children()[:1]:
            assert child.get_workflow().name == WORKFLOW_NAME
    assert site_tree.home.get_workflow() is None
    assert site_tree.impressum.get_workflow() is None


def test_a_new_section_page_gets_the_workflow(site_tree):
    index = NewsIndexPageFactory(parent=site_tree.home, title="Archiv", slug="archiv")
    assert Page.objects.get(pk=index.pk).get_workflow().name == WORKFLOW_NAME


def submit_news(client, editor, site_tree, title="Clustertag in Vechta"):
    """The editor creates a news item and submits it for moderation in one go."""
    client.force_login(editor)
    response = client.post(
        f"/admin/pages/add/news/newspage/{site_tree.news_index.pk}/",
        news_form_data(title, **{"action-submit": "action-submit"}),
    )
    assert response.status_code == 302
    return NewsPage.objects.get(title=title)


def mail_to(address):
    return [message for message in mail.outbox if address in message.to]


@pytest.fixture
def submitted(client, editor, moderator, site_tree):
    mail.outbox.clear()
    page = submit_news(client, editor, site_tree)
    return page


def test_submitting_starts_freigabe_and_mails_the_moderators(submitted, moderator, editor):
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(submitted.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == editor
    assert not submitted.live
    messages = mail_to(moderator.email)
    assert messages, "moderators are told that a page waits for them"
    assert "Clustertag in Vechta" in messages[0].subject
    assert not mail_to(editor.email), "the submitting editor gets no mail about their own act"


def moderate(client, moderator, page, action, comment):
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    task_state = state.current_task_state
    client.force_login(moderator)
    return client.post(
        f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/",
        {"comment": comment},
    )


def test_moderator_approves_with_comment_and_the_page_goes_live(
    client, submitted, moderator, editor
):
    mail.outbox.clear()
    response = moderate(client, moderator, submitted, "approve", "Passt, danke!")
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.live
    state = WorkflowState.objects.get(object_id=str(submitted.pk))
    assert state.status == WorkflowState.STATUS_APPROVED
    task_state = state.task_states.get()
    assert task_state.comment == "Passt, danke!"
    assert task_state.finished_by == moderator
    messages = mail_to(editor.email)
    assert messages, "the editor is told that the page was approved"
    assert "„Clustertag in Vechta“ wurde im Workflow „Freigabe“ freigegeben" in messages[0].body


def test_moderator_rejects_with_comment_back_to_the_editor(client, submitted, moderator, editor):
    mail.outbox.clear()
    response = moderate(client, moderator, submitted, "reject", "Bitte Quelle ergänzen.")
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert not submitted.live
    state = WorkflowState.objects.get(object_id=str(submitted.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    messages = mail_to(editor.email)
    assert messages
    assert "Bitte Quelle ergänzen." in messages[0].body
    # The editor sees the comment on the page's edit view.
    client.force_login(editor)
    html = client.get(f"/admin/pages/{submitted.pk}/edit/").content.decode()
    assert "Bitte Quelle ergänzen." in html


def test_editor_cannot_approve_their_own_submission(client, submitted, editor):
    response = moderate(client, editor, submitted, "approve", "")
    assert_denied(client, response)
    submitted.refresh_from_db()
    assert not submitted.live
