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


def test_generated_items_are_found_by_their_tags_and_branchen():
    """Tags and Branchen are committed with the page's one save and reach the search index."""
    call_command("load_initial_content", stdout=io.StringIO())
    call_command("generate_demo_load", "--news", "6", "--casestudies", "4", stdout=io.StringIO())
    checked = 0
    for page in NewsPage.objects.filter(slug__startswith="last-"):
        text = f"{page.title} {page.teaser} {page.body}".lower()
        for tag in page.tags.names():
            if tag.lower() not in text:  # only the index entry of the tag can find the page
                assert list(NewsPage.objects.filter(pk=page.pk).search(tag)) == [page], tag
                checked += 1
    for page in CaseStudyPage.objects.filter(slug__startswith="last-"):
        assert page.branchen.count() == 2
        text = " ".join(
            str(getattr(page, f)) for f in ("title", "teaser", "ausgangslage", "ziele", "vorgehen")
        )
        for branche in page.branchen.all():
            if branche.name.lower() not in text.lower():
                found = CaseStudyPage.objects.filter(pk=page.pk).search(branche.name)
                assert list(found) == [page], branche.name
                checked += 1
    assert checked >= 6


def test_generated_events_mix_past_and_upcoming_formats_and_laender(client):
    import datetime

    from news.events.models import EventPage

    call_command("load_initial_content", stdout=io.StringIO())
    before = EventPage.objects.live().count()
    call_command("generate_demo_load", "--events", "40", stdout=io.StringIO())
    generated = EventPage.objects.live().filter(slug__startswith="last-")
    assert EventPage.objects.live().count() == before + 40
    today = datetime.date.today()
    assert generated.filter(start_date__lt=today).exists()
    assert generated.filter(start_date__gte=today).exists()
    assert set(generated.values_list("format", flat=True)) == {"praesenz", "online", "hybrid"}
    assert generated.exclude(bundesland="").values("bundesland").distinct().count() >= 3
    assert all(page.themen.exists() for page in generated[:5])
    event = generated.first()
    assert client.get(event.url).status_code == 200
    assert client.get("/veranstaltungen/?page=2").status_code == 200
