"""Every page type rendered with the content a visitor would see."""

import pytest
from wagtail.models import Page

from tests.factories import ConceptPageFactory, heading, paragraph
from tests.helpers import find_nav, hrefs, html_lang, links_to, main, main_text, soup, text_of


def get_ok(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    assert html_lang(response) == "de", f"{url}: <html lang> is not de"
    return response


# --- Home page ------------------------------------------------------------------------------


def test_home_page_shows_intro_signature_and_sections(client, site_tree):
    response = get_ok(client, "/")
    text = main_text(response)
    assert "Willkommen auf der Website der strategischen Partnerschaften." in text
    assert "Rambøll Management" in text
    assert "Clusterorientierte Wirtschaftsförderung auf kommunaler Ebene." in text
    # The sections in the menu are linked from the home page, in tree order.
    assert links_to(
        main(response), ["/konzept/", "/praxisbeispiele/", "/aktuelles/", "/ueber-das-projekt/"]
    ) == ["/konzept/", "/praxisbeispiele/", "/aktuelles/", "/ueber-das-projekt/"]
    title = soup(response).find("title").get_text()
    assert "Strategische Partnerschaften" in title


def test_home_page_lists_the_three_latest_news_with_german_dates(client, site_tree):
    response = get_ok(client, "/")
    news_urls = [n.url for n in site_tree.news]
    shown = links_to(main(response), news_urls)
    assert shown == ["/aktuelles/meldung-10/", "/aktuelles/meldung-09/", "/aktuelles/meldung-08/"]
    text = main_text(response)
    assert "19.05.2009" in text
    assert "18.04.2009" in text
    assert "2009-05-19" not in text
    assert "Unveröffentlichte Meldung" not in text


def test_home_page_features_chosen_pages_in_editor_order(client, site_tree):
    response = get_ok(client, "/")
    featured = [site_tree.concepts[0].url, site_tree.case_studies["oldenburg"].url]
    assert links_to(main(response), featured) == featured
    # The case study's listing image carries its alt text.
    alts = [img.get("alt") for img in main(response).find_all("img")]
    assert "Unternehmerinnen und Landrat bei der Clusterkonferenz in Vechta" in alts


# --- Standard page --------------------------------------------------------------------------


def test_standard_page_shows_title_teaser_and_body(client, site_tree):
    response = get_ok(client, "/datenschutz/")
    body = main(response)
    assert text_of(body.find("h1")) == "Datenschutzerklärung"
    text = text_of(body)
    assert "Eine einfache Inhaltsseite." in text
    assert "Diese Website setzt keine Cookies zu Werbezwecken." in text
    heading = body.find(id="verantwortliche-stelle")
    assert heading is not None and heading.name == "h2"
    assert text_of(heading) == "Verantwortliche Stelle"


def test_nested_standard_page(client, site_tree):
    response = get_ok(client, "/ueber-das-projekt/projektteam/")
    assert text_of(main(response).find("h1")) == "Das Projektteam"


# --- Concepts -------------------------------------------------------------------------------


def test_concept_index_lists_concept_pages_in_tree_order_with_teasers(client, site_tree):
    response = get_ok(client, "/konzept/")
    body = main(response)
    assert text_of(body.find("h1")) == "Das Konzept"
    text = text_of(body)
    assert "Das Konzept überträgt strategische Partnerschaften auf Kommunen." in text
    urls = [p.url for p in site_tree.concepts]
    assert links_to(body, urls) == [
        "/konzept/grundidee/",
        "/konzept/akteure/",
        "/konzept/massnahmen/",
    ]
    for page in site_tree.concepts:
        assert page.title in text
        assert page.teaser in text


def test_concept_index_hides_unpublished_concept_pages(client, site_tree):
    Page.objects.get(pk=site_tree.concepts[1].pk).specific.unpublish()
    response = get_ok(client, "/konzept/")
    assert "/konzept/akteure/" not in hrefs(main(response))
    assert client.get("/konzept/akteure/").status_code == 404


def test_concept_page_has_a_table_of_contents_with_working_anchors(client, site_tree):
    response = get_ok(client, "/konzept/grundidee/")
    body = main(response)
    assert text_of(body.find("h1")) == "Grundidee der strategischen Partnerschaft"
    assert "Kommunen richten ihre Wirtschaftsförderung an Clustern aus." in text_of(body)

    anchors = [h for h in hrefs(body) if h.startswith("#") and h != "#inhalt"]
    assert len(anchors) == 2, anchors
    assert anchors[0] == "#ausgangslage-in-der-region"
    # "ü" may be transliterated as "ue" or "u"; the fragment must be plain ASCII.
    assert anchors[1] == "#schluesselbranchen-identifizieren"
    for anchor, text in zip(
        anchors, ["Ausgangslage in der Region", "Schlüsselbranchen identifizieren"], strict=True
    ):
        target = body.find(id=anchor[1:])
        assert target is not None, f"no element with id {anchor[1:]}"
        assert target.name == "h2"
        assert text_of(target) == text
        link = body.find("a", href=anchor)
        assert text_of(link) == text
    # H3 headings are not in the table of contents but are still on the page.
    assert "#datenquellen" not in anchors
    assert body.find("h3", string=lambda s: s and "Datenquellen" in s) is not None


def test_repeated_headings_get_unique_anchors(client, site_tree):
    ConceptPageFactory(
        parent=site_tree.concept_index,
        title="Zweimal Beispiel",
        slug="zweimal-beispiel",
        body=[
            heading("Beispiel"),
            paragraph("<p>Erstes Beispiel.</p>"),
            heading("Beispiel"),
            paragraph("<p>Zweites Beispiel.</p>"),
        ],
    )
    response = get_ok(client, "/konzept/zweimal-beispiel/")
    body = main(response)
    ids = [h.get("id") for h in body.find_all("h2") if h.get("id")]
    assert len(ids) == len(set(ids)), f"duplicate ids: {ids}"
    toc = [h for h in hrefs(body) if h.startswith("#") and h != "#inhalt"]
    assert len(set(toc)) == 2, toc


def test_concept_page_lists_case_studies_that_cite_it(client, site_tree):
    oldenburg = site_tree.case_studies["oldenburg"]
    response = get_ok(client, "/konzept/grundidee/")
    assert oldenburg.url in hrefs(main(response))
    other = get_ok(client, "/konzept/akteure/")
    assert oldenburg.url not in hrefs(main(other))


# --- Case studies ---------------------------------------------------------------------------


def steckbrief(response):
    body = main(response)
    heading = body.find(lambda tag: tag.name in ("h2", "h3") and text_of(tag) == "Steckbrief")
    assert heading is not None, "no Steckbrief heading"
    return text_of(heading.parent)


def test_case_study_page_shows_the_steckbrief(client, site_tree):
    response = get_ok(client, "/praxisbeispiele/ernaehrungscluster-oldenburger-land/")
    body = main(response)
    assert text_of(body.find("h1")) == "Ernährungscluster Oldenburger Land"
    facts = steckbrief(response)
    assert "Landkreis Vechta" in facts
    assert "Niedersachsen" in facts  # the label, not the stored key
    assert "niedersachsen" not in facts
    assert "Ernährungswirtschaft" in facts
    assert "Maschinenbau" in facts
    assert "Umsetzung" in facts
    assert "2004–2007" in facts


def test_case_study_page_shows_sections_partners_contact_and_concepts(client, site_tree):
    response = get_ok(client, "/praxisbeispiele/ernaehrungscluster-oldenburger-land/")
    body = main(response)
    text = text_of(body)
    headings = [text_of(h) for h in body.find_all("h2")]
    assert "Ausgangslage" in headings
    assert "Ziele" in headings
    assert "Ergebnisse" in headings
    assert "Vorgehen" not in headings  # empty sections are left out
    assert "Weltmarktführer im Spezialmaschinenbau prägen die Region." in text
    assert "Ein Fachkräftenetzwerk mit 40 Unternehmen." in text
    assert "Agrarwirtschaft Oldenburger Münsterland e. V." in text
    assert "Dr. Anna Beispiel" in text
    assert "mailto:anna.beispiel@example.org" in hrefs(body)
    assert "/konzept/grundidee/" in hrefs(body)


def test_open_ended_case_study_shows_until_today(client, site_tree):
    response = get_ok(client, "/praxisbeispiele/maschinenbau-ostwestfalen/")
    facts = steckbrief(response)
    assert "2006–heute" in facts
    assert "Nordrhein-Westfalen" in facts
    assert "Strategieentwicklung" in facts


def test_draft_case_study_is_not_public(client, site_tree):
    assert client.get("/praxisbeispiele/hafenkooperation-bremen/").status_code == 404
    response = get_ok(client, "/praxisbeispiele/")
    assert "Hafenkooperation" not in main_text(response)


# --- News -----------------------------------------------------------------------------------


def test_news_page_shows_date_title_and_body(client, site_tree):
    response = get_ok(client, "/aktuelles/tagung-laendlicher-raum/")
    body = main(response)
    assert text_of(body.find("h1")) == (
        "Wirtschaftsförderer diskutieren Herausforderungen für den ländlichen Raum"
    )
    text = text_of(body)
    assert "24.04.2007" in text
    assert "Rambøll Management hat eine Tagung organisiert." in text
    assert "Tagung in Oldenburg am 21. und 22.04.2007." in text
    assert "/aktuelles/" in hrefs(body)


def test_decorative_image_gets_empty_alt(client, site_tree):
    response = get_ok(client, "/aktuelles/clusterkonferenz-vechta/")
    images = main(response).find_all("img")
    assert images, "the news image is not shown"
    assert all(img.get("alt") == "" for img in images)


def test_draft_news_is_not_public(client, site_tree):
    assert client.get("/aktuelles/unveroeffentlicht/").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/konzept/",
        "/konzept/grundidee/",
        "/praxisbeispiele/",
        "/praxisbeispiele/logistik-leipzig/",
        "/aktuelles/",
        "/aktuelles/2007/",
        "/aktuelles/tagung-laendlicher-raum/",
        "/impressum/",
        "/suche/?q=Cluster",
    ],
)
def test_every_page_has_one_h1_a_title_and_the_skip_link_target(client, site_tree, url):
    response = get_ok(client, url)
    doc = soup(response)
    assert len(doc.find_all("h1")) == 1, url
    assert doc.find("title").get_text().strip(), url
    skip = doc.find("a", href=lambda h: h and h.startswith("#"))
    assert skip is not None
    assert doc.find(id=skip["href"][1:]) is not None, "skip link target missing"
    # The main navigation is on every page.
    assert "/praxisbeispiele/" in hrefs(find_nav(response, "Hauptnavigation"))
