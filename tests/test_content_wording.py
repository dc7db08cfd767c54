"""The editorial rules for our own initial content, checked on the loaded site as a visitor
reads it: no relative times, one word per thing („Koordinierungsstelle“, „Strategieentwicklung“,
„Baustein“), gender-fair forms, no invented quotations or news of the past, case studies from
the south and the east, German digit grouping in form messages, no English.

The client's own text (``partnerships.initial_content.seed``) is exempt: it stays word for word,
so it is cut out of a page's text before the wording is checked. So are the contact and legal
pages (``partnerships.initial_content.pages``), which have their own review.
"""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page

from casestudies.models import CaseStudyPage, Projektphase
from concepts.models import ConceptIndexPage, ConceptPage
from news.models import NewsPage
from partnerships.initial_content import pages, seed
from partnerships.models.pages import ContactPage
from tests.conftest import outer_transaction
from tests.helpers import main, main_text, normalise, soup, text_of

# The pages of ``initial_content.pages`` (contact, legal pages, open data).
OWN_REVIEW = {f"/{spec['slug']}/" for spec in [pages.KONTAKT, *pages.STANDARD_PAGES]}

# Sentences of the client's seed text that our pages quote word for word (the event page of
# the Tagung quotes one sentence of the news item).
SEED_TEXTS = [
    seed.WELCOME,
    seed.INTRO,
    seed.NEWS_2007_TITLE,
    seed.NEWS_2007_TEXT,
    seed.NEWS_2007_TEASER,
    "Experten aus Wissenschaft und Praxis diskutierten Herausforderungen für den ländlichen Raum.",
]

RELATIVE_TIMES = [
    "im kommenden Jahr",
    "in den kommenden Jahren",
    "im nächsten Jahr",
    "in diesem Jahr",
    "dieses Jahr",
    "im vergangenen Jahr",
    "in den vergangenen Jahren",
    "bis zum Jahresende",
    "derzeit",
    "zurzeit",
    "kürzlich",
    "neuerdings",
    "demnächst",
    "ab sofort",
    "bereits jetzt",
    "jetzt",
]

# (masculine form, feminine form): the masculine form only next to the feminine one.
GENDER_PAIRS = [
    ("Wirtschaftsförderer", "Wirtschaftsförderinnen"),
    ("Bürgermeister", "Bürgermeisterin"),
    ("Landrat", "Landrätin"),
    ("Landräte", "Landrätinnen"),
    ("Geschäftsführer", "Geschäftsführerinnen"),
    ("Unternehmer", "Unternehmerin"),
    ("Experten", "Expertinnen"),
    ("Berufskraftfahrer", "Berufskraftfahrerinnen"),
    ("Quereinsteiger", "Quereinsteigerinnen"),
    ("Mitarbeiter", "Mitarbeiterinnen"),
    ("Teilnehmer", "Teilnehmerinnen"),
]

# Common English words of web pages; none belongs on a German page.
ENGLISH = re.compile(
    r"\b(the|and|of|with|read more|more|next|previous|back|search|menu|skip|share|close|"
    r"page|home|news|events|contact|privacy|imprint|download|submit|loading|error)\b"
)


@pytest.fixture(scope="module")
def _loaded(django_db_setup, django_db_blocker):
    """The initial content loaded once, and the visible text of every live page."""
    with outer_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            call_command("load_initial_content", stdout=io.StringIO())
            client = Client()
            texts = {}
            for page in Page.objects.live().public().filter(depth__gt=1).specific():
                if page.url in OWN_REVIEW:
                    continue
                response = client.get(page.url)
                assert response.status_code == 200, page.url
                texts[page.url] = main_text(response)
        yield texts


@pytest.fixture
def texts(_loaded, db):
    return _loaded


def without_seed(text):
    for part in SEED_TEXTS:
        text = text.replace(normalise(part), " ")
    return text


# --- Relative times ------------------------------------------------------------------------


def test_no_page_says_next_year_or_currently(texts):
    found = [
        (url, phrase)
        for url, text in texts.items()
        for phrase in RELATIVE_TIMES
        if re.search(rf"\b{phrase}\b", without_seed(text), re.IGNORECASE)
    ]
    assert found == []


# --- One word per thing --------------------------------------------------------------------


def test_the_coordinating_office_is_always_the_koordinierungsstelle(texts):
    everything = " ".join(texts.values())
    assert "Koordinierungsstelle" in everything
    for synonym in ("Koordinationsstelle", "Geschäftsstelle", "Koordinierungsbüro"):
        assert synonym not in everything, synonym


def test_the_second_phase_is_always_called_strategieentwicklung(texts):
    assert list(Projektphase.objects.order_by("sort_order").values_list("name", flat=True)) == [
        "Analyse",
        "Strategieentwicklung",
        "Umsetzung",
        "Verstetigung",
    ]
    everything = " ".join(texts.values())
    assert "Strategieentwicklung" in everything
    for other in ("Strategiephase", "Strategieworkshop", "Strategieentwicklungsphase"):
        assert other not in everything, other


def test_baustein_means_one_of_the_five_concept_pages(client, texts):
    """„Baustein“ names the five parts of the concept (the concept pages, labelled „Baustein 1“
    to „Baustein 5“ on the concept index); the four steps of a partnership are „Phasen“."""
    concepts = list(ConceptPage.objects.live().order_by("path"))
    assert len(concepts) == 5
    index = ConceptIndexPage.objects.get()
    assert "fünf Bausteinen" in texts[index.url]
    cards = main(client.get(index.url)).find_all("li")
    labels = [text_of(card) for card in cards if concepts[0].title in text_of(card)]
    assert labels and "Baustein 1" in labels[0]
    for url, text in texts.items():
        if url.startswith(index.url) or "Baustein" not in text:
            continue
        # Elsewhere only as the name of the concept pages: the finder's filter.
        for sentence in re.findall(r"[^.!?]*Baustein[^.!?]*", text):
            assert re.search(r"Konzeptbaustein|Alle Bausteine", sentence), (url, sentence)
    assert "Bausteine einer" not in " ".join(texts.values())


# --- Gender-fair forms ---------------------------------------------------------------------


@pytest.mark.parametrize(("masculine", "feminine"), GENDER_PAIRS)
def test_persons_are_named_in_gender_fair_forms(texts, masculine, feminine):
    for url, text in texts.items():
        text = without_seed(text)
        alone = len(re.findall(rf"\b{masculine}n?\b", text))
        paired = len(re.findall(rf"\b{feminine}\w* (?:und|oder) (?:\w+ )?{masculine}n?\b", text))
        assert alone == paired, f"{url}: „{masculine}“ without „{feminine}“"


def test_the_rule_above_would_catch_the_old_wording():
    old = "Bürgermeisterin, Bürgermeister oder Landrat müssen die Partnerschaft tragen."
    assert len(re.findall(r"\bLandrat\b", old)) != len(
        re.findall(r"\bLandrätin\w* (?:und|oder) (?:\w+ )?Landrat\b", old)
    )


# --- Quotations and news -------------------------------------------------------------------


def test_no_quote_block_with_an_invented_attribution(client, texts):
    """Our own content has no quotations; its key sentences are „Merksatz“ boxes."""
    merksaetze = 0
    for page in Page.objects.live().specific():
        for field in ("body",):
            blocks = getattr(page, field, None)
            if blocks is None or not hasattr(blocks, "raw_data"):
                continue
            kinds = [block.block_type for block in blocks]
            assert "quote" not in kinds, page.url
            merksaetze += sum(
                1
                for block in blocks
                if block.block_type == "info_box" and block.value["title"] == "Merksatz"
            )
    assert merksaetze >= 5
    for url in texts:
        assert main(client.get(url)).find("blockquote") is None, url


def test_no_invented_news_of_the_past(texts):
    """Only the client's item is older than the relaunch; ours are dated from 2025 on."""
    older = NewsPage.objects.live().filter(date__lt=datetime.date(2025, 1, 1))
    assert list(older.values_list("date", flat=True)) == [
        datetime.date.fromisoformat(seed.NEWS_2007_DATE)
    ]
    assert older.get().title == seed.NEWS_2007_TITLE


# --- Case studies --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("region", "laender"),
    [("Süden", {"bayern", "baden-wuerttemberg"}), ("Osten", {"sachsen", "thueringen"})],
)
def test_the_land_filter_finds_case_studies_in_the_south_and_the_east(
    client, texts, region, laender
):
    found = CaseStudyPage.objects.live().filter(bundesland__in=laender)
    assert found.exists(), region
    for case_study in found:
        response = client.get("/praxisbeispiele/", {"bundesland": case_study.bundesland})
        assert case_study.url in [a.get("href") for a in main(response).find_all("a")]
        assert case_study.is_illustrative
        assert "(Beispielregion)" in case_study.kommune
        assert "Illustratives Beispiel" in texts[case_study.url]


def test_every_case_study_has_the_same_structure(texts):
    for case_study in CaseStudyPage.objects.live():
        assert case_study.branchen.count() == 2, case_study.title
        assert case_study.phase is not None and case_study.hero_image is not None
        assert case_study.contact_persons.exists() and case_study.partners.count() >= 4
        assert case_study.related_concept_links.exists()
        for name in CaseStudyPage.SECTIONS:
            assert getattr(case_study, name).strip(), (case_study.title, name)


def test_the_oldenburger_muensterland_is_a_scenario_not_a_report(texts):
    case_study = CaseStudyPage.objects.get(slug="oldenburger-muensterland")
    text = without_seed(texts[case_study.url])
    assert "könnte" in text
    # No named Landkreis is credited with an act.
    for name in ("Cloppenburg", "Vechta", "Landräte", "Landrat"):
        assert name not in text, name
    # Its phase is in the present, so is its period.
    assert case_study.phase.slug == "verstetigung"
    assert case_study.year_to is None
    assert case_study.zeitraum.endswith("heute")


# --- Forms and language --------------------------------------------------------------------


def test_the_contact_forms_length_message_groups_thousands(client, texts):
    page = ContactPage.objects.live().get()
    response = client.post(
        page.url,
        {
            "name": "Erika Mustermann",
            "e_mail_adresse": "erika@example.org",
            "anliegen": "Partnerschaft",
            "nachricht": "x" * 5123,
        },
    )
    assert response.status_code == 200
    message = text_of(soup(response).find(id="id_nachricht_error"))
    assert "Höchstens 5.000 Zeichen" in message and "Ihre Eingabe: 5.123 Zeichen" in message


def test_no_english_in_visitor_text(texts):
    found = {
        url: sorted(set(ENGLISH.findall(text)))
        for url, text in texts.items()
        if ENGLISH.search(text)
    }
    assert found == {}


def test_counts_on_pages_group_thousands(rf):
    """Listings show counts and page numbers with German digit grouping; a year in a text is
    not a count and stays as it is (``USE_THOUSAND_SEPARATOR`` is off)."""
    from django.core.paginator import Paginator
    from django.template import Context, Template

    page_obj = Paginator(range(25_000), 10).page(1234)
    html = Template('{% include "includes/pagination.html" with params=params %}').render(
        Context({"page_obj": page_obj, "params": {}, "request": rf.get("/aktuelles/")})
    )
    assert "Seite 1.234 von 2.500" in normalise(html)
    rendered = Template("{% load format_tags %}{{ n|de_number }} · {{ year }}").render(
        Context({"n": 12345, "year": 2007})
    )
    assert rendered == "12.345 · 2007"
