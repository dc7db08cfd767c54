"""A young site: sections without children must still make sense to a visitor."""

from tests.factories import CaseStudyIndexPageFactory, ConceptIndexPageFactory, NewsIndexPageFactory
from tests.helpers import html_lang, main_text, soup


def test_empty_news_index_says_so(client, home):
    NewsIndexPageFactory(parent=home)
    response = client.get("/aktuelles/")
    assert response.status_code == 200
    assert "keine Meldungen" in main_text(response)
    assert client.get("/aktuelles/2007/").status_code == 404


def test_empty_case_study_index_says_so(client, home):
    CaseStudyIndexPageFactory(parent=home)
    response = client.get("/praxisbeispiele/")
    assert response.status_code == 200
    text = main_text(response)
    assert "0 Praxisbeispiele" in text
    assert "kein Praxisbeispiel" in text


def test_empty_concept_index_says_so(client, home):
    ConceptIndexPageFactory(parent=home)
    response = client.get("/konzept/")
    assert response.status_code == 200
    assert "Konzeptseiten" in main_text(response)


def test_home_page_without_news_or_sections(client, home):
    response = client.get("/")
    assert response.status_code == 200
    text = main_text(response)
    assert "Willkommen auf der Website der strategischen Partnerschaften." in text
    assert "Alle Meldungen" not in text


def test_fresh_installation_without_home_page_gives_german_404(client, db):
    # Wagtail's welcome page is the site root; unknown paths below it are a German 404.
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert html_lang(response) == "de"
    assert "Seite nicht gefunden" in soup(response).get_text()
