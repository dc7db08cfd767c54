"""Editing a page that is scheduled to go live (an approved revision with a future go-live
date).

Wagtail 8 locks such a page for everyone (``ScheduledForPublishLock``): nobody may save it
until someone with publish permission cancels the schedule, so a typo meant a moderator, a new
submission and a second approval. The rule here (``partnerships.editorial.scheduling``):

* whoever may edit the page may edit it while it is scheduled; the approved revision stays
  scheduled for its date;
* who may publish (and so could have scheduled it) fixes it without anyone else: „Veröffentlichen“
  puts the corrected revision in the scheduled one's place, same date;
* an editor without publish permission saves a draft and submits it: the approved revision
  still goes live on time, and once approved the correction takes its place (the Freigabe
  is the site's rule for every change by an editor).
"""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import WorkflowState

from news.models import NewsPage
from tests.factories import NewsPageFactory
from tests.helpers import news_form_data, soup, text_of

pytestmark = pytest.mark.django_db


def admin_datetime(value):
    return timezone.localtime(value).strftime("%d.%m.%Y %H:%M")


@pytest.fixture
def scheduled(site_tree, editor):
    """A news item written by the editor and approved to go live in two days."""
    page = NewsPageFactory(
        parent=site_tree.news_index, title="Clustertag in Vechta", live=False, owner=editor
    )
    page.go_live_at = (timezone.now() + datetime.timedelta(days=2)).replace(second=0, microsecond=0)
    revision = page.save_revision(user=editor)
    revision.publish(skip_permission_checks=True)
    page.refresh_from_db()
    assert page.scheduled_revision == revision
    return page


def fix_typo(client, page, title, **actions):
    return client.post(
        f"/admin/pages/{page.pk}/edit/",
        news_form_data(
            title, slug=page.slug, go_live_at=admin_datetime(page.go_live_at), **actions
        ),
    )


def messages_text(client, page):
    return text_of(soup(client.get(f"/admin/pages/{page.pk}/edit/")).find(class_="messages"))


def test_editor_saves_a_fix_and_the_approved_version_stays_scheduled(client, editor, scheduled):
    client.force_login(editor)
    text = messages_text(client, scheduled)
    go_live = timezone.localtime(scheduled.go_live_at).strftime("%d.%m.%Y, %H:%M Uhr")
    assert f"zur Veröffentlichung am {go_live} geplant" in text
    assert "Reichen Sie Ihre Änderungen zur Freigabe ein" in text
    response = fix_typo(client, scheduled, "Clustertag in Vechta 2027")
    assert response.status_code == 302
    page = NewsPage.objects.get(pk=scheduled.pk)
    assert page.get_latest_revision_as_object().title == "Clustertag in Vechta 2027"
    assert page.scheduled_revision is not None, "the approved version keeps its date"
    assert page.get_scheduled_revision_as_object().title == "Clustertag in Vechta"


def test_editor_submits_the_fix_and_its_approval_keeps_the_date(
    client, editor, moderator, scheduled
):
    client.force_login(editor)
    response = fix_typo(
        client, scheduled, "Clustertag in Vechta 2027", **{"action-submit": "action-submit"}
    )
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(scheduled.pk), status="in_progress")
    client.force_login(moderator)
    client.post(
        f"/admin/pages/workflow/action/{scheduled.pk}/approve/{state.current_task_state.pk}/",
        {"comment": ""},
    )
    page = NewsPage.objects.get(pk=scheduled.pk)
    assert not page.live
    assert page.get_scheduled_revision_as_object().title == "Clustertag in Vechta 2027"
    assert page.scheduled_revision.approved_go_live_at == scheduled.go_live_at

    with_time = page.go_live_at + datetime.timedelta(minutes=1)
    from unittest import mock

    with mock.patch("django.utils.timezone.now", return_value=with_time):
        call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live and page.title == "Clustertag in Vechta 2027"


def test_moderator_fixes_a_scheduled_page_without_cancelling(client, moderator, scheduled):
    client.force_login(moderator)
    assert "Mit „Veröffentlichen“ ersetzt Ihre Fassung die geplante" in messages_text(
        client, scheduled
    )
    response = fix_typo(
        client, scheduled, "Clustertag in Vechta 2027", **{"action-publish": "action-publish"}
    )
    assert response.status_code == 302
    page = NewsPage.objects.get(pk=scheduled.pk)
    assert not page.live, "still waiting for its date"
    assert page.get_scheduled_revision_as_object().title == "Clustertag in Vechta 2027"
    assert page.scheduled_revision.approved_go_live_at == scheduled.go_live_at
