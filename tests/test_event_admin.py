"""Editors write events in the admin: the add form under „Veranstaltungen“ in German, the
validation at its field, submission to the Freigabe workflow (editors do not publish), and a
preview."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from news.models import EventPage
from tests.factories import EventIndexPageFactory
from tests.helpers import soup


@pytest.fixture
def event_index(site_tree):
    return EventIndexPageFactory(parent=site_tree.home)


def event_form_data(**extra):
    data = {
        "title": "Clusterwerkstatt Emsland",
        "slug": "clusterwerkstatt-emsland",
        "teaser": "Eine Werkstatt für Wirtschaftsförderer.",
        "start_date": "2027-03-03",
        "start_time": "10:00",
        "end_date": "",
        "end_time": "16:30",
        "status": "geplant",
        "previous_start_date": "",
        "format": "praesenz",
        "venue": "Kreishaus",
        "street_address": "Ordeniederung 1",
        "postal_code": "49716",
        "locality": "Meppen",
        "bundesland": "niedersachsen",
        "online_url": "",
        "organiser": "Rambøll Management",
        "body": streamfield([]),
        "programme": streamfield([]),
        "registration_url": "",
        "registration_deadline": "",
        "downloads": streamfield([]),
        "partners": inline_formset([]),
        "related_pages": inline_formset([]),
        "contact_persons": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "comments": inline_formset([]),
    }
    data.update(extra)
    return nested_form_data(data)


def add_url(index):
    return f"/admin/pages/add/news/eventpage/{index.pk}/"


def test_an_editor_gets_the_german_add_form_without_publish(client, editor, event_index):
    client.force_login(editor)
    response = client.get(add_url(event_index))
    assert response.status_code == 200
    html = response.content.decode()
    for label in ("Beginn (Tag)", "Veranstaltungsort", "Link zur Anmeldung", "Anmeldeschluss"):
        assert label in html
    assert 'name="action-publish"' not in html
    assert 'name="action-submit"' in html


def test_an_editor_submits_an_event_for_freigabe(client, editor, event_index):
    client.force_login(editor)
    response = client.post(add_url(event_index), event_form_data(**{"action-submit": "1"}))
    assert response.status_code == 302
    page = EventPage.objects.get(slug="clusterwerkstatt-emsland")
    assert not page.live
    assert page.current_workflow_state is not None
    assert page.current_workflow_state.workflow.name == "Freigabe"
    assert page.starts_at is not None  # stored from the entered date and time


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"end_date": "2027-03-01"}, "end_date", "Das Ende darf nicht vor dem Beginn liegen."),
        (
            {"registration_url": "/kontakt/", "registration_deadline": "2027-03-04 09:00"},
            "registration_deadline",
            "Der Anmeldeschluss muss vor dem Beginn liegen.",
        ),
        (
            {"format": "online", "locality": ""},
            "online_url",
            "Online- und Hybrid-Veranstaltungen brauchen einen Link.",
        ),
    ],
)
def test_mistakes_are_shown_at_their_field_in_german(
    client, editor, event_index, fields, field, message
):
    client.force_login(editor)
    response = client.post(add_url(event_index), event_form_data(**fields))
    assert response.status_code == 200
    assert not EventPage.objects.filter(slug="clusterwerkstatt-emsland").exists()
    field_input = soup(response).find(attrs={"name": field})
    wrapper = field_input.find_parent(class_="w-field")  # Wagtail's wrapper of one field
    assert message in wrapper.get_text(" ", strip=True)


def test_the_preview_of_a_new_event_renders(client, editor, event_index):
    client.force_login(editor)
    url = f"/admin/pages/add/news/eventpage/{event_index.pk}/preview/"
    response = client.post(url, event_form_data())
    assert response.status_code == 200
    assert response.json()["is_valid"] is True
    preview = client.get(url)
    assert preview.status_code == 200
    assert "Clusterwerkstatt Emsland" in preview.content.decode()
    assert "Mi., 03.03.2027, 10:00–16:30 Uhr" in preview.content.decode()
