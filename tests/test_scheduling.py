"""Editing comfort: scheduled publishing and expiry, preview of every page type."""

import datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

from news.models import NewsPage
from tests.factories import NewsPageFactory
from tests.helpers import main_text, news_form_data

pytestmark = pytest.mark.django_db


def admin_datetime(value):
    """The admin's German date/time format (WAGTAIL_DATETIME_FORMAT)."""
    return timezone.localtime(value).strftime("%d.%m.%Y %H:%M")


def run_scheduler_at(moment):
    with mock.patch("django.utils.timezone.now", return_value=moment):
        call_command("publish_scheduled", verbosity=0)


def test_scheduled_page_goes_live_when_its_time_comes(client, moderator, site_tree):
    draft = NewsPageFactory(parent=site_tree.news_index, title="Vorangekündigt", live=False)
    go_live = timezone.now() + datetime.timedelta(days=2)
    client.force_login(moderator)
    response = client.post(
        f"/admin/pages/{draft.pk}/edit/",
        news_form_data(
            "Vorangekündigt",
            slug=draft.slug,
            go_live_at=admin_datetime(go_live),
            **{"action-publish": "action-publish"},
        ),
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert not draft.live, "publishing with a future go-live date only schedules"
    assert draft.scheduled_revision is not None
    client.logout()
    assert client.get(draft.url).status_code == 404

    run_scheduler_at(go_live - datetime.timedelta(minutes=5))
    draft.refresh_from_db()
    assert not draft.live

    run_scheduler_at(go_live + datetime.timedelta(minutes=1))
    draft.refresh_from_db()
    assert draft.live
    response = client.get(draft.url)
    assert response.status_code == 200
    assert "Vorangekündigt" in main_text(response)


def test_expired_page_goes_offline(client, moderator, site_tree):
    page = NewsPage.objects.get(pk=site_tree.seed_news.pk)
    expiry = timezone.now() + datetime.timedelta(hours=3)
    client.force_login(moderator)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        news_form_data(
            page.title,
            slug=page.slug,
            expire_at=admin_datetime(expiry),
            **{"action-publish": "action-publish"},
        ),
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and page.expire_at is not None
    client.logout()
    assert client.get(page.url).status_code == 200

    run_scheduler_at(expiry + datetime.timedelta(minutes=1))
    page.refresh_from_db()
    assert not page.live
    assert page.expired
    assert client.get(page.url).status_code == 404
