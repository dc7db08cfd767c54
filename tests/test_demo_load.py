"""generate_demo_load fills listings for measurements; the pages behave like real ones."""

import io

import pytest
from django.core.management import CommandError, call_command

from casestudies.models import CaseStudyPage
from news.models import NewsPage
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def test_refuses_without_the_initial_content():
    with pytest.raises(CommandError, match="load_initial_content"):
        call_command("generate_demo_load", "--news", "1", stdout=io.StringIO())


def test_generated_items_are_live_and_listed(client):
    call_command("load_initial_content", stdout=io.StringIO())
    news_before = NewsPage.objects.live().count()
    cases_before = CaseStudyPage.objects.live().count()
    call_command("generate_demo_load", "--news", "12", "--casestudies", "3", stdout=io.StringIO())
    assert NewsPage.objects.live().count() == news_before + 12
    assert CaseStudyPage.objects.live().count() == cases_before + 3
    generated = NewsPage.objects.filter(slug__startswith="last-").order_by("-date").first()
    assert generated.tags.count() == 2
    response = client.get(generated.url)
    assert response.status_code == 200
    assert generated.title in soup(response).find("h1").get_text()
    # The news list paginates the larger set: 10 per page, a second page exists.
    total = NewsPage.objects.live().count()
    assert len(soup(client.get("/aktuelles/")).select("li.news-item")) == 10
    assert len(soup(client.get("/aktuelles/?page=2")).select("li.news-item")) == total - 10
