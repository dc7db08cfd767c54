"""Related content: concept pages and case studies point at each other from one relation;
case studies show "Weitere Praxisbeispiele" sharing a Branche."""

from casestudies.models import CaseStudyConceptLink
from tests.factories import CaseStudyPageFactory
from tests.helpers import main, soup, text_of


def section(response, heading):
    for h2 in main(response).find_all("h2"):
        if text_of(h2) == heading:
            return h2.find_parent("section")
    return None


def links(node):
    return [a["href"] for a in node.find_all("a")] if node else []


def test_case_study_and_concept_link_each_other(client, site_tree):
    case_study = client.get("/praxisbeispiele/ernaehrungscluster-oldenburger-land/")
    assert links(section(case_study, "Verwandte Konzeptseiten")) == ["/konzept/grundidee/"]
    concept = client.get("/konzept/grundidee/")
    assert links(section(concept, "Praxisbeispiele zu diesem Baustein")) == [
        "/praxisbeispiele/ernaehrungscluster-oldenburger-land/"
    ]
    # A concept page nobody cites has no such section.
    assert section(client.get("/konzept/akteure/"), "Praxisbeispiele zu diesem Baustein") is None


def test_concept_page_lists_only_live_citing_case_studies(client, site_tree):
    draft = site_tree.draft_case_study
    CaseStudyConceptLink.objects.create(page=draft, concept=site_tree.concepts[0])
    concept = client.get("/konzept/grundidee/")
    assert draft.url not in links(section(concept, "Praxisbeispiele zu diesem Baustein"))


def test_more_case_studies_share_a_branche_most_shared_first(client, site_tree):
    # Oldenburg: Ernährung + Maschinenbau. Allgäu shares Ernährung, OWL and Cloppenburg
    # share Maschinenbau; Leipzig (Logistik) shares nothing.
    both = CaseStudyPageFactory(
        parent=site_tree.cs_index,
        title="Zweifach verwandt",
        slug="zweifach",
        branchen=[site_tree.branchen["ernaehrung"], site_tree.branchen["maschinenbau"]],
    )
    response = client.get("/praxisbeispiele/ernaehrungscluster-oldenburger-land/")
    more = section(response, "Weitere Praxisbeispiele")
    found = links(more)
    assert found[0] == both.url  # two shared Branchen
    assert len(found) == 3
    assert set(found[1:]) <= {
        "/praxisbeispiele/lebensmittel-allgaeu/",
        "/praxisbeispiele/maschinenbau-ostwestfalen/",
        "/praxisbeispiele/agrartechnik-cloppenburg/",
    }
    assert "/praxisbeispiele/ernaehrungscluster-oldenburger-land/" not in found
    assert "/praxisbeispiele/logistik-leipzig/" not in found


def test_more_case_studies_leave_out_drafts_and_unrelated(client, site_tree):
    # Leipzig's only fellow in Logistik is the draft from Bremen.
    response = client.get("/praxisbeispiele/logistik-leipzig/")
    assert section(response, "Weitere Praxisbeispiele") is None
    assert "Hafenkooperation" not in soup(response).get_text()


def test_concept_page_shows_a_few_citing_case_studies_and_links_to_all(client, site_tree):
    from concepts.models import RELATED_CASE_STUDIES

    concept = site_tree.concepts[0]  # cited by Oldenburg
    for i in range(RELATED_CASE_STUDIES + 2):
        page = CaseStudyPageFactory(
            parent=site_tree.cs_index, title=f"Zitierendes Beispiel {i:02d}", slug=f"zitat-{i}"
        )
        CaseStudyConceptLink.objects.create(page=page, concept=concept)
        page.save_revision().publish()
    response = client.get(concept.url)
    related = section(response, "Praxisbeispiele zu diesem Baustein")
    listed = [href for href in links(related) if "?konzept=" not in href]
    assert len(listed) == RELATED_CASE_STUDIES
    more = related.find("a", href=lambda h: h and "?konzept=" in h)
    total = RELATED_CASE_STUDIES + 3
    assert text_of(more) == f"Alle {total} Praxisbeispiele zu diesem Baustein"
    assert more["href"] == "/praxisbeispiele/?konzept=grundidee"
    # The link leads to all of them.
    full = client.get(more["href"])
    assert f"{total} Praxisbeispiele" in text_of(main(full))
