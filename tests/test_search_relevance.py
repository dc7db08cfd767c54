"""Search relevance on PostgreSQL with the German text search configuration.

A small German corpus on top of the test site, and for each query the pages a visitor expects
at the top. PostgreSQL only: SQLite has no German stemming (run with
``DATABASE_URL=postgres://…``, as ``.ci/run`` does).
"""

import datetime

import pytest
from django.db import connection

from tests.conftest import outer_transaction
from tests.factories import (
    ConceptPageFactory,
    NewsPageFactory,
    StandardPageFactory,
    build_site,
    heading,
    paragraph,
)
from tests.helpers import main

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Relevanztests brauchen PostgreSQL mit deutscher Textsuche (SEARCH_CONFIG "
    "'german'); SQLite stemmt nicht. „make test“ und .ci/run führen sie auf PostgreSQL aus.",
)

URL = "/suche/"


def body(*paragraphs):
    return [heading("Überblick")] + [paragraph(f"<p>{text}</p>") for text in paragraphs]


@pytest.fixture(scope="module")
def _corpus(django_db_setup, django_db_blocker):
    with outer_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            ns = build_site()
            concept = ns.concept_index
            ns.corpus = {
                "plural": ConceptPageFactory(
                    parent=concept,
                    title="Warum Unternehmen mitmachen",
                    slug="warum-unternehmen",
                    teaser="Was Betriebe von der Zusammenarbeit haben.",
                    body=body(
                        "Langfristige Partnerschaften zwischen Betrieben und Verwaltung "
                        "zahlen sich für beide Seiten aus."
                    ),
                ),
                "clustern": ConceptPageFactory(
                    parent=concept,
                    title="Standortprofil schärfen",
                    slug="standortprofil",
                    teaser="Regionen mit starken Clustern ziehen Investoren an.",
                    body=body("Ein klares Profil hilft bei der Ansiedlung."),
                ),
                "fachkraefte": ConceptPageFactory(
                    parent=concept,
                    title="Nachwuchs gewinnen",
                    slug="nachwuchs",
                    teaser="Ausbildung und Zuzug.",
                    body=body("Betriebe suchen händeringend nach Fachkräften aus der Region."),
                ),
                "foerderung": ConceptPageFactory(
                    parent=concept,
                    title="Mittel beantragen",
                    slug="mittel",
                    teaser="Programme von Land, Bund und EU.",
                    body=body("Die Förderung der Netzwerkarbeit ist oft befristet."),
                ),
                "phrase": ConceptPageFactory(
                    parent=concept,
                    title="Rolle der Verwaltung",
                    slug="rolle-der-verwaltung",
                    teaser="Die regionale Wirtschaftsförderung als Motor.",
                    body=body("Sie moderiert, vernetzt und hält den Prozess in Gang."),
                ),
                "scattered": ConceptPageFactory(
                    parent=concept,
                    title="Finanzierung",
                    slug="finanzierung",
                    teaser="Wirtschaftsförderung kostet Geld.",
                    body=body("Regionale Banken und Sparkassen beteiligen sich."),
                ),
                "title": ConceptPageFactory(
                    parent=concept,
                    title="Netzwerkmanagement",
                    slug="netzwerkmanagement",
                    teaser="Wer das Netzwerk führt.",
                    body=body("Eine Stelle koordiniert die Partner."),
                ),
                "body_only": ConceptPageFactory(
                    parent=concept,
                    title="Erfahrungen aus der Praxis",
                    slug="erfahrungen",
                    teaser="Was wir gelernt haben.",
                    body=body("Ohne professionelles Netzwerkmanagement schlafen Cluster ein."),
                ),
                "strasse": StandardPageFactory(
                    parent=ns.home,
                    title="Anfahrt",
                    slug="anfahrt",
                    teaser="So finden Sie uns.",
                    body=[paragraph("<p>Unser Büro liegt an der Großen Straße in Hamburg.</p>")],
                ),
                "foerderern": NewsPageFactory(
                    parent=ns.news_index,
                    title="Austausch mit kommunalen Wirtschaftsförderern",
                    slug="austausch",
                    date=datetime.date(2010, 3, 1),
                    teaser="Ein Werkstattgespräch in Hannover.",
                ),
                "tagged": NewsPageFactory(
                    parent=ns.news_index,
                    title="Neues Programm des Landes",
                    slug="neues-programm",
                    date=datetime.date(2010, 5, 1),
                    teaser="Kleine Betriebe können Beratung einkaufen.",
                ),
            }
            tagged = ns.corpus["tagged"]
            tagged.tags.add("Innovationsgutschein")
            # Published the way editors do it, so the index sees partners, Branchen and tags.
            for page in (tagged, *ns.case_studies.values()):
                page.save_revision().publish()
        yield ns


@pytest.fixture
def corpus(_corpus, db):
    return _corpus


def urls(client, query, **params):
    response = client.get(URL, {"q": query, **params})
    assert response.status_code == 200
    return [a["href"] for a in main(response).select("ol.result-list h3 a")]


# (query, the page expected first, pages that must also be found)
CASES = [
    # Stemming: singular finds plural and back. The home page is titled "Strategische
    # Partnerschaften"; the page that only says "Partnerschaften" in its text is found too.
    ("Partnerschaft", "/", ["/konzept/grundidee/", "/konzept/warum-unternehmen/"]),
    ("Partnerschaften", "/", ["/konzept/grundidee/", "/konzept/warum-unternehmen/"]),
    ("Clustern", "/konzept/erfahrungen/", ["/konzept/standortprofil/"]),
    ("Cluster", "/konzept/erfahrungen/", ["/konzept/standortprofil/"]),
    ("Fachkraft", "/konzept/nachwuchs/", []),
    ("Wirtschaftsförderer", "/aktuelles/austausch/", []),
    # Umlauts and ß: typed, left out or written as ae/oe/ue/ss.
    ("Fachkräfte", "/konzept/nachwuchs/", []),
    ("Fachkraefte", "/konzept/nachwuchs/", []),
    ("Foerderung", "/konzept/mittel/", []),
    ("Forderung", "/konzept/mittel/", []),
    ("Strasse", "/anfahrt/", []),
    ("Straße", "/anfahrt/", []),
    # Title matches rank above body matches.
    ("Netzwerkmanagement", "/konzept/netzwerkmanagement/", ["/konzept/erfahrungen/"]),
    # Multi-word: all words must occur (here title + Branche of a case study).
    ("Logistik Leipzig", "/praxisbeispiele/logistik-leipzig/", []),
    # Case-study fields: Kommune, Bundesland, partner names; news tags.
    ("Gütersloh", "/praxisbeispiele/maschinenbau-ostwestfalen/", []),
    ("Sachsen", "/praxisbeispiele/logistik-leipzig/", []),
    ("Agrarwirtschaft", "/praxisbeispiele/ernaehrungscluster-oldenburger-land/", []),
    ("Innovationsgutschein", "/aktuelles/neues-programm/", []),
]


@pytest.mark.parametrize(("query", "first", "also"), CASES, ids=[c[0] for c in CASES])
def test_expected_page_comes_first(client, corpus, query, first, also):
    found = urls(client, query)
    assert found, f"nothing found for {query!r}"
    assert found[0] == first, f"{query!r}: {found}"
    for url in also:
        assert url in found, f"{query!r}: {url} missing in {found}"


def test_phrase_in_quotes_needs_the_words_together(client, corpus):
    loose = urls(client, "regionale Wirtschaftsförderung")
    assert set(loose) >= {"/konzept/rolle-der-verwaltung/", "/konzept/finanzierung/"}
    exact = urls(client, '"regionale Wirtschaftsförderung"')
    assert exact == ["/konzept/rolle-der-verwaltung/"]


def test_multi_word_queries_need_every_word(client, corpus):
    assert urls(client, "Logistik Bayern") == []
    assert urls(client, "Sachsen") == ["/praxisbeispiele/logistik-leipzig/"]  # not Niedersachsen


def test_type_filter_works_with_stemming(client, corpus):
    assert urls(client, "Partnerschaften", typ="aktuelles") == []
    concept = urls(client, "Partnerschaften", typ="konzept")
    assert concept[:1] == ["/konzept/grundidee/"]
    assert all(url.startswith("/konzept/") for url in concept)
