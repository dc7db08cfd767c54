"""Addresses that others link to and cite stay valid across releases: filtered finder lists,
their exports, the API and the open-data page, over the initial content. Add to the list;
never remove from it."""

import io

import pytest
from django.core.management import call_command

from tests.conftest import outer_transaction

# (address, a text the answer must contain)
STABLE = [
    ("/praxisbeispiele/", "Oldenburger Münsterland"),
    ("/praxisbeispiele/?bundesland=niedersachsen", "Oldenburger Münsterland"),
    ("/praxisbeispiele/?bundesland=sachsen-anhalt", "Logistikstandort an der Elbe"),
    ("/praxisbeispiele/?branche=logistik", "Logistikstandort an der Elbe"),
    ("/praxisbeispiele/?branche=erneuerbare-energien", "Westküste"),
    ("/praxisbeispiele/?phase=verstetigung", "Oldenburger Münsterland"),
    ("/praxisbeispiele/?konzept=strategische-partnerschaft", "Praxisbeispiel"),
    ("/praxisbeispiele/?bundesland=niedersachsen&branche=ernaehrungswirtschaft", "Münsterland"),
    ("/praxisbeispiele/?page=1", "Praxisbeispiel"),
    ("/praxisbeispiele/export/csv/", "Oldenburger Münsterland"),
    ("/praxisbeispiele/export/csv/?bundesland=niedersachsen", "Oldenburger Münsterland"),
    ("/praxisbeispiele/export/json/?branche=logistik", "Logistikstandort an der Elbe"),
    ("/api/v2/praxisbeispiele/?bundesland=niedersachsen", "Münsterland"),
    ("/api/v2/pages/?type=casestudies.CaseStudyPage", "Logistikstandort"),
    ("/offene-daten/", "Als CSV herunterladen"),
    ("/veranstaltungen/?bundesland=niedersachsen", "Veranstaltungen"),
    ("/aktuelles/?tag=cluster", "Aktuelles"),
]


@pytest.fixture(scope="module")
def _content(django_db_setup, django_db_blocker):
    with outer_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            call_command("load_initial_content", stdout=io.StringIO())
        yield


@pytest.mark.parametrize(("url", "text"), STABLE)
def test_a_published_address_still_answers_with_its_content(client, _content, db, url, text):
    response = client.get(url)
    assert response.status_code == 200, url
    assert text in response.content.decode(), url
