"""The Glossar: the page at /glossar/ (letters, anchors, JSON-LD), the terms marked in concept
and case-study texts, the cache refreshed when a term changes, and constant queries."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerships import glossary
from partnerships.models.glossary import GlossaryPage, GlossaryTerm
from tests.factories import CaseStudyPageFactory, ConceptPageFactory, heading, paragraph
from tests.helpers import main, soup, text_of
from tests.test_page_cache import WSGIClient, commit

TERMS = [
    ("Zweckverband", "Ein Zusammenschluss von Kommunen für eine gemeinsame Aufgabe."),
    ("Cluster", "Räumliche Konzentration verbundener Unternehmen."),
    ("Ärztenetz", "Zusammenschluss niedergelassener Ärztinnen und Ärzte."),
    ("Abwanderung", "Fortzug von Einwohnerinnen, Einwohnern oder Betrieben."),
    ("Öffentlichkeitsarbeit", "Information der Öffentlichkeit über ein Vorhaben."),
    ("ambulant", "Ohne stationäre Aufnahme."),
    ("Bestandspflege", "Betreuung der ansässigen Unternehmen."),
]


@pytest.fixture
def glossary_page(site_tree):
    page = GlossaryPage(title="Glossar", slug="glossar", teaser="Begriffe kurz erklärt.")
    site_tree.home.add_child(instance=page)
    page.save_revision().publish()
    for term, definition in TERMS:
        GlossaryTerm.objects.create(
            term=term,
            definition=definition,
            word_forms="Clustern, Clusters" if term == "Cluster" else "",
        )
    return page


def json_ld(response):
    return [
        json.loads(script.string)
        for script in soup(response).find_all("script", type="application/ld+json")
    ]


# --- the page ---------------------------------------------------------------------------------


def test_terms_are_listed_in_german_alphabetical_order_under_their_letters(client, glossary_page):
    body = main(client.get("/glossar/"))
    entries = [dt.get_text(strip=True) for dt in body.select("dl.glossary dt")]
    assert entries == [
        "Abwanderung",
        "ambulant",
        "Ärztenetz",  # Ä with A, after "am…"
        "Bestandspflege",
        "Cluster",
        "Öffentlichkeitsarbeit",  # Ö with O
        "Zweckverband",
    ]
    groups = {
        section.h2.get_text(strip=True): [dt.get_text(strip=True) for dt in section.select("dt")]
        for section in body.select("section.glossary-group")
    }
    assert list(groups) == ["A", "B", "C", "O", "Z"]
    assert groups["A"] == ["Abwanderung", "ambulant", "Ärztenetz"]
    # Each term is its own anchor, named by the German slug rule, with its definition.
    dt = body.find("dt", id="aerztenetz")
    assert dt.dfn.get_text() == "Ärztenetz"
    assert "niedergelassener" in text_of(dt.find_next_sibling("dd"))


def test_letter_bar_links_the_letters_with_terms_and_shows_the_others(client, glossary_page):
    body = main(client.get("/glossar/"))
    bar = body.find("nav", attrs={"aria-label": "Glossar nach Anfangsbuchstaben"})
    items = bar.find_all("li")
    assert [li.get_text(strip=True)[0] for li in items] == [chr(c) for c in range(65, 91)]
    linked = {a.get_text(strip=True): a["href"] for a in bar.find_all("a")}
    assert linked == {
        "A": "#buchstabe-a",
        "B": "#buchstabe-b",
        "C": "#buchstabe-c",
        "O": "#buchstabe-o",
        "Z": "#buchstabe-z",
    }
    for href in linked.values():
        assert body.find(id=href[1:]).name == "h2"
    d = items[3]
    assert d.find("a") is None and "keine Begriffe" in d.get_text()


def test_json_ld_is_a_defined_term_set_with_every_term(client, glossary_page):
    objects = json_ld(client.get("/glossar/"))
    (term_set,) = [o for o in objects if o["@type"] == "DefinedTermSet"]
    url = "http://localhost/glossar/"
    assert term_set["url"] == url and term_set["name"] == "Glossar"
    terms = {t["name"]: t for t in term_set["hasDefinedTerm"]}
    assert set(terms) == {term for term, _ in TERMS}
    cluster = terms["Cluster"]
    assert cluster == {
        "@type": "DefinedTerm",
        "@id": url + "#cluster",
        "name": "Cluster",
        "description": "Räumliche Konzentration verbundener Unternehmen.",
        "url": url + "#cluster",
        "inDefinedTermSet": url,
    }


def test_related_page_is_linked_only_while_visitors_can_open_it(client, glossary_page, site_tree):
    concept = site_tree.concepts[0]
    GlossaryTerm.objects.filter(term="Cluster").update(related_page=concept)
    GlossaryTerm.objects.filter(term="Zweckverband").update(related_page=site_tree.draft_news)
    body = main(client.get("/glossar/"))
    more = body.find("dt", id="cluster").find_next_sibling("dd").find("a")
    assert more["href"] == concept.url and more.get_text() == concept.title
    assert body.find("dt", id="zweckverband").find_next_sibling("dd").find("a") is None


def test_query_count_stays_the_same_with_more_terms(client, glossary_page, site_tree):
    def queries(path):
        client.get(path)  # after the change: the memo is built
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200
        return len(captured)

    concept = site_tree.concepts[1]
    GlossaryTerm.objects.filter(term="Cluster").update(related_page=concept)
    few = queries("/glossar/"), queries(concept.url)
    GlossaryTerm.objects.bulk_create(
        GlossaryTerm(
            term=f"Begriff {n}", slug=f"begriff-{n}", definition="Erklärt.", related_page=concept
        )
        for n in range(40)
    )
    GlossaryTerm.objects.first().save()  # bulk_create sends no signal: renew the version
    many = queries("/glossar/"), queries(concept.url)
    assert len(main(client.get("/glossar/")).select("dl.glossary dt")) == len(TERMS) + 40
    assert many == few


# --- marking in texts ---------------------------------------------------------------------------


def marked(response):
    return main(response).select("a.glossary-term")


def test_first_occurrence_is_marked_once_not_in_links_or_headings(client, glossary_page, site_tree):
    page = ConceptPageFactory(
        parent=site_tree.concept_index,
        title="Glossartest",
        slug="glossartest",
        body=[
            heading("Cluster in der Region"),
            paragraph(
                '<p>Siehe <a href="/praxisbeispiele/">Cluster im Überblick</a>. Ein Cluster '
                "entsteht selten von allein; die Clusterstrategie (kein Begriff) und ein "
                "cluster (klein) auch nicht.</p>"
            ),
            paragraph("<p>Noch ein Cluster und mehrere Clustern. Bestandspflege zählt.</p>"),
        ],
    )
    links = marked(client.get(page.url))
    assert [(a.get_text(), a["href"]) for a in links] == [
        ("Cluster (Glossar)", "/glossar/#cluster"),
        ("Bestandspflege (Glossar)", "/glossar/#bestandspflege"),
    ]
    cluster = links[0]
    # The text occurrence after the editor's link, not the heading's or the link's.
    assert cluster.find_parent("p").get_text().startswith("Siehe Cluster im Überblick. Ein")
    assert cluster.find_parent("a") is None and cluster.find_parent("h2") is None
    # The accessible name says where the link leads; the visible word stays as it was.
    assert cluster.find("span", class_="visually-hidden").get_text() == " (Glossar)"
    assert cluster["title"] == "Räumliche Konzentration verbundener Unternehmen."
    body = main(client.get(page.url))
    assert body.find("h2", class_="block-heading").get_text() == "Cluster in der Region"
    assert body.find("a", href="/praxisbeispiele/").get_text() == "Cluster im Überblick"


def test_word_forms_are_recognised_and_case_counts(client, glossary_page, site_tree):
    page = ConceptPageFactory(
        parent=site_tree.concept_index,
        title="Wortformen",
        slug="wortformen",
        body=[paragraph("<p>Die Arbeit mit Clustern lohnt sich; Abwanderung droht.</p>")],
    )
    links = marked(client.get(page.url))
    assert [(a.contents[0], a["href"]) for a in links] == [
        ("Clustern", "/glossar/#cluster"),
        ("Abwanderung", "/glossar/#abwanderung"),
    ]


def test_case_study_sections_are_marked_once_across_sections(client, glossary_page, site_tree):
    page = CaseStudyPageFactory(
        parent=site_tree.cs_index,
        title="Glossar im Praxisbeispiel",
        slug="glossar-im-praxisbeispiel",
        ausgangslage="<p>Der Zweckverband wurde 2005 gegründet.</p>",
        ziele="<p>Der Zweckverband soll wachsen.</p>",
    )
    links = marked(client.get(page.url))
    assert [a["href"] for a in links] == ["/glossar/#zweckverband"]
    assert links[0].find_parent("section").h2.get_text() == "Ausgangslage"


def test_nothing_is_marked_without_a_live_glossary_page(client, glossary_page, site_tree):
    glossary_page.unpublish()
    concept = ConceptPageFactory(
        parent=site_tree.concept_index,
        slug="ohne-glossar",
        body=[paragraph("<p>Ein Cluster ohne Glossar.</p>")],
    )
    assert marked(client.get(concept.url)) == []


def test_marking_keeps_the_markup_and_skips_code():
    matcher = glossary.Matcher(
        [
            (
                glossary.Entry("cluster", "Cluster", "Erklärt & kurz.", "/glossar/#cluster"),
                ["Cluster"],
            ),
            (
                glossary.Entry("kmu", "KMU", "Kleine und mittlere Unternehmen.", "/glossar/#kmu"),
                ["KMU", "kleine und mittlere Unternehmen"],
            ),
        ]
    )
    markup = (
        "<p class=\"x\" data-a='1'>A &amp; B: <code>Cluster</code> <pre>Cluster</pre>"
        "<!-- Cluster --><br/>viele kleine und\nmittlere Unternehmen &lt;KMU&gt;, ein Cluster.</p>"
    )
    result = glossary.mark_terms(markup, matcher)
    assert result.startswith(
        "<p class=\"x\" data-a='1'>A &amp; B: <code>Cluster</code> <pre>Cluster</pre>"
        "<!-- Cluster --><br/>viele "
    )
    assert (
        '<a class="glossary-term" href="/glossar/#kmu" title="Kleine und mittlere Unternehmen.">'
        'kleine und\nmittlere Unternehmen<span class="visually-hidden"> (Glossar)</span></a>'
        " &lt;KMU&gt;, ein "
        '<a class="glossary-term" href="/glossar/#cluster" title="Erklärt &amp; kurz.">Cluster'
    ) in result
    assert glossary.mark_terms(markup, None) == markup


def test_german_order_and_initials():
    words = ["Zoll", "Übergang", "Uhr", "Straße", "Strasse", "Stadt", "élan", "Ähre", "Ahorn"]
    assert sorted(words, key=glossary.sort_key) == [
        "Ahorn",
        "Ähre",
        "élan",
        "Stadt",
        "Strasse",
        "Straße",
        "Übergang",
        "Uhr",
        "Zoll",
    ]
    assert [glossary.initial(w) for w in ("Ähre", "élan", "3D-Druck")] == ["A", "E", "0–9"]


# --- the snippet ------------------------------------------------------------------------------


def test_anchor_comes_from_the_term_by_the_german_rule_and_stays_unique(db):
    first = GlossaryTerm.objects.create(term="Fachkräftesicherung", definition="Erklärt.")
    assert first.slug == "fachkraeftesicherung"
    second = GlossaryTerm.objects.create(term="Fachkräfte-Sicherung", definition="Erklärt.")
    assert second.slug == "fachkraefte-sicherung"
    third = GlossaryTerm.objects.create(term="Fachkräfte Sicherung", definition="Erklärt.")
    assert third.slug == "fachkraefte-sicherung-2"
    assert GlossaryTerm.objects.create(term="Inhalt", definition="x").slug == "inhalt-2"


def test_a_word_form_of_another_term_is_refused(db):
    GlossaryTerm.objects.create(term="Cluster", word_forms="Clustern", definition="Erklärt.")
    term = GlossaryTerm(term="Clusterverbund", word_forms="Clustern", definition="Erklärt.")
    with pytest.raises(ValidationError) as error:
        term.full_clean()
    assert "Schon bei einem anderen Begriff eingetragen: Clustern" in str(error.value)


def test_editors_add_terms_under_glossar_in_the_admin(client, editor, glossary_page):
    client.force_login(editor)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Glossar" in menu
    url = reverse("wagtailsnippets_partnerships_glossaryterm:add")
    response = client.post(
        url,
        {
            "term": "Gewerbeflächenmonitoring",
            "slug": "",
            "definition": "Laufende Übersicht über freie und belegte Gewerbeflächen.",
            "word_forms": "",
            "related_page": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    term = GlossaryTerm.objects.get(term="Gewerbeflächenmonitoring")
    assert term.slug == "gewerbeflaechenmonitoring"
    listing = client.get(
        reverse("wagtailsnippets_partnerships_glossaryterm:list"), {"q": "Gewerbe"}
    )
    assert "Gewerbeflächenmonitoring" in listing.content.decode()
    # Deleting is for moderators.
    delete = reverse("wagtailsnippets_partnerships_glossaryterm:delete", args=[term.pk])
    client.post(delete)
    assert GlossaryTerm.objects.filter(pk=term.pk).exists()


# --- the cache --------------------------------------------------------------------------------


@pytest.fixture
def web(settings):
    settings.FULL_PAGE_CACHE = True
    return WSGIClient()


def test_changing_a_term_refreshes_the_cached_pages(
    web, glossary_page, site_tree, django_capture_on_commit_callbacks
):
    concept = ConceptPageFactory(
        parent=site_tree.concept_index,
        slug="cache-test",
        body=[paragraph("<p>Jedes Cluster braucht Pflege.</p>")],
    )
    for path in (concept.url, "/glossar/"):
        web.get(path)
        assert web.get(path).cache == "hit"
    assert 'title="Räumliche Konzentration verbundener Unternehmen."' in web.get(concept.url).text

    term = GlossaryTerm.objects.get(term="Cluster")
    term.definition = "Neu erklärt: Unternehmen, die nahe beieinander zusammenarbeiten."
    commit(django_capture_on_commit_callbacks, term.save)

    page = web.get(concept.url)
    assert page.cache == "miss"
    assert 'title="Neu erklärt: Unternehmen, die nahe beieinander zusammenarbeiten."' in page.text
    assert "Neu erklärt" in web.get("/glossar/").text

    commit(django_capture_on_commit_callbacks, term.delete)
    assert 'href="/glossar/#cluster"' not in web.get(concept.url).text
    assert 'id="cluster"' not in web.get("/glossar/").text


# --- search -----------------------------------------------------------------------------------


def test_site_search_finds_the_glossary_by_a_term_also_after_a_change(client, glossary_page):
    def found(query):
        response = client.get("/suche/", {"q": query})
        return "/glossar/" in [a.get("href") for a in main(response).find_all("a")]

    assert found("Zweckverband")
    assert not found("Gewerbeflächenpool")
    GlossaryTerm.objects.create(term="Gewerbeflächenpool", definition="Gemeinsame Flächen.")
    assert found("Gewerbeflächenpool")


def test_the_terms_are_read_once_per_content_version(client, glossary_page, site_tree):
    def glossary_queries(path):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return [q["sql"] for q in captured if "glossaryterm" in q["sql"]]

    concept = site_tree.concepts[0]
    assert len(glossary_queries(concept.url)) == 1  # first request after the change
    assert glossary_queries(concept.url) == []  # memoized
    assert glossary_queries(site_tree.case_studies["oldenburg"].url) == []
    assert len(glossary_queries("/glossar/")) == 1  # the list itself: one query
