"""„Zitiervorschlag“ on case studies and concept pages (``partnerships.citations``): the German
citation, the BibTeX and RIS downloads parsed back, the JSON-LD of a citable page, the content
licence from the site settings, and an access date that stays today's with the whole-page
cache in front (the content clock names every local midnight)."""

import datetime
import json
import re
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Page, Site

from partnerships.caching import version
from partnerships.citations import next_change
from partnerships.models.settings import SiteSettings
from tests.factories import CaseStudyPageFactory, ConceptPageFactory, NewsPageFactory
from tests.helpers import normalise, soup, text_of
from tests.test_page_cache import WSGIClient

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
# A visit on 5 March 2026 in Berlin; first published at 00:30 on New Year's Day 2024 in
# Berlin, which is still 2023 in UTC: the year is the local one.
VISIT = datetime.datetime(2026, 3, 5, 10, 0, tzinfo=BERLIN)
FIRST_PUBLISHED = datetime.datetime(2023, 12, 31, 23, 30, tzinfo=datetime.UTC)
LAST_PUBLISHED = datetime.datetime(2025, 6, 1, 8, 0, tzinfo=datetime.UTC)
TITLE = "Öl & Wärme: {Netzwerk} für 100 % Größe_2 – Süd"


@pytest.fixture
def visit(time_machine):
    time_machine.move_to(VISIT, tick=False)


def _published(page):
    Page.objects.filter(pk=page.pk).update(
        first_published_at=FIRST_PUBLISHED, last_published_at=LAST_PUBLISHED
    )
    return page


@pytest.fixture(params=["case_study", "concept"])
def cited(request, site_tree):
    """A live page of each citable type with umlauts and TeX's special characters in its title,
    first published at New Year 2024 (Berlin)."""
    if request.param == "case_study":
        page = CaseStudyPageFactory(parent=site_tree.cs_index, title=TITLE, slug="oel-waerme")
    else:
        page = ConceptPageFactory(parent=site_tree.concept_index, title=TITLE, slug="oel-waerme")
    return _published(page)


def citation_box(response):
    heading = soup(response).find(id="zitiervorschlag-titel")
    assert heading is not None, "no „Zitiervorschlag“ on the page"
    return heading.find_parent("section")


def json_ld_article(response):
    scripts = soup(response).find_all("script", type="application/ld+json")
    (article,) = [
        data for data in (json.loads(s.string) for s in scripts) if data["@type"] == "Article"
    ]
    return article


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.charset == "utf-8"
    return response, response.content.decode("utf-8")


# --- the citation on the page ------------------------------------------------------------


def test_the_citation_names_author_local_year_title_site_url_and_todays_date(client, cited, visit):
    box = citation_box(client.get(cited.url))
    text = normalise(box.find("p", class_="citation__text").get_text())  # as copied
    assert text == (
        f"Rambøll Management (2024): {TITLE}. In: Strategische Partnerschaften. "
        "http://localhost" + cited.url + ", abgerufen am 05.03.2026."
    )
    assert box.find("time")["datetime"] == "2026-03-05"
    assert re.search(r"abgerufen am \d\d\.\d\d\.\d{4}\.$", text)


def test_the_access_date_is_the_day_in_berlin_not_in_utc(client, site_tree, time_machine):
    page = _published(ConceptPageFactory(parent=site_tree.concept_index, slug="spaet"))
    time_machine.move_to(datetime.datetime(2026, 3, 5, 23, 30, tzinfo=datetime.UTC), tick=False)
    text = normalise(citation_box(client.get(page.url)).get_text())
    assert "abgerufen am 06.03.2026." in text  # 00:30 in Berlin


def test_a_page_never_published_is_cited_with_this_year_in_its_preview(
    admin_client_de, site_tree, visit
):
    page = CaseStudyPageFactory(parent=site_tree.cs_index, title="Entwurf", live=False)
    assert Page.objects.get(pk=page.pk).first_published_at is None
    response = admin_client_de.get(f"/admin/pages/{page.pk}/view_draft/")
    assert response.status_code == 200
    assert "Rambøll Management (2026): Entwurf." in text_of(citation_box(response))


def test_the_box_links_both_downloads_and_the_licence(client, cited):
    box = citation_box(client.get(cited.url))
    links = {a.get_text(strip=True): a for a in box.find_all("a")}
    assert links["BibTeX herunterladen (.bib)"]["href"] == cited.url + "zitat/bibtex/"
    assert links["RIS herunterladen (.ris)"]["href"] == cited.url + "zitat/ris/"
    licence = links["CC BY 4.0"]
    assert licence["href"] == "https://creativecommons.org/licenses/by/4.0/deed.de"
    assert licence["rel"] == ["license"]


def test_other_page_types_are_not_citable(client, site_tree):
    news = NewsPageFactory(parent=site_tree.news_index, slug="meldung")
    response = client.get(news.url)
    assert soup(response).find(id="zitiervorschlag-titel") is None
    assert client.get(news.url + "zitat/bibtex/").status_code == 404
    assert client.get("/konzept/zitat/ris/").status_code == 404  # the index neither


# --- BibTeX --------------------------------------------------------------------------------

_UNESCAPE = {
    r"\textbackslash{}": "\\",
    r"\textasciicircum{}": "^",
    r"\textasciitilde{}": "~",
    r"\textbraceleft{}": "{",
    r"\textbraceright{}": "}",
    **{"\\" + char: char for char in "$&%#_"},
}


def parse_bibtex(text):
    """(type, key, {field: value}) of a single entry; values unescaped, outer braces of a
    braced value removed. Braces count as BibTeX counts them, a backslash before one too.
    Fails on unbalanced braces or text after the entry."""
    match = re.fullmatch(r"\s*@(\w+)\{([^,\s]+),(.*)\}\s*", text, re.DOTALL)
    assert match, text
    kind, key, body = match.groups()
    fields, position = {}, 0
    while True:
        field = re.compile(r"\s*(\w+)\s*=\s*\{").match(body, position)
        if not field:
            break
        depth, start, i = 1, field.end(), field.end()
        while depth:
            assert i < len(body), "unbalanced braces"
            depth += {"{": 1, "}": -1}.get(body[i], 0)
            i += 1
        raw = body[start : i - 1]
        fields[field.group(1)] = re.sub(
            "|".join(re.escape(e) for e in sorted(_UNESCAPE, key=len, reverse=True)),
            lambda m: _UNESCAPE[m.group()],
            raw,
        )
        position = re.compile(r"\s*,?").match(body, i).end()
    assert body[position:].strip() == "", body[position:]
    return kind.lower(), key, fields


def test_bibtex_download_parses_back_with_umlauts_and_specials(client, cited, visit):
    response, text = download(client, cited.url + "zitat/bibtex/")
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="oel-waerme.bib"'
    kind, key, fields = parse_bibtex(text)
    assert kind == "misc"
    assert re.fullmatch(r"[a-z0-9-]+", key) and key.startswith("ramboll-2024-")
    assert fields == {
        "author": "{Rambøll Management}",  # one name, an organisation
        "title": TITLE,
        "year": "2024",
        "howpublished": "Strategische Partnerschaften",
        "publisher": "Rambøll Management Consulting GmbH",
        "url": "http://localhost" + cited.url,
        "urldate": "2026-03-05",
        "language": "german",
    }
    assert r"\textbraceleft{}Netzwerk\textbraceright{}" in text
    assert r"100 \%" in text and r"\&" in text


def test_bibtex_keeps_the_entry_whole_whatever_the_title(client, site_tree, visit):
    nasty = "Ende} @misc{x, title={y} \\ Zeile\nzwei ~ ^ # $"
    page = _published(ConceptPageFactory(parent=site_tree.concept_index, title=nasty))
    _, text = download(client, page.url + "zitat/bibtex/")
    _, _, fields = parse_bibtex(text)
    assert fields["title"] == " ".join(nasty.split())
    assert fields["language"] == "german"  # the fields after the title are still there


# --- RIS -----------------------------------------------------------------------------------


def parse_ris(text):
    """[(tag, value)] of a single RIS record; every line is ``XX  - value``."""
    assert text.endswith("\r\n")
    lines = text.split("\r\n")[:-1]
    records = []
    for line in lines:
        match = re.fullmatch(r"([A-Z][A-Z0-9])  - (.*)", line)
        assert match, repr(line)
        records.append((match.group(1), match.group(2)))
    return records


def test_ris_download_parses_back(client, cited, visit):
    response, text = download(client, cited.url + "zitat/ris/")
    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="oel-waerme.ris"'
    records = parse_ris(text)
    assert records[0] == ("TY", "ELEC")
    assert records[-1] == ("ER", "")
    assert text.rstrip().endswith("ER  -")
    fields = dict(records[1:-1])
    assert fields == {
        "AU": "Rambøll Management",
        "TI": TITLE,
        "T2": "Strategische Partnerschaften",
        "PY": "2024",
        "PB": "Rambøll Management Consulting GmbH",
        "UR": "http://localhost" + cited.url,
        "Y2": "2026/03/05",
        "LA": "de",
    }


def test_a_line_break_in_the_title_cannot_add_ris_fields(client, site_tree):
    page = ConceptPageFactory(parent=site_tree.concept_index, title="Teil eins\r\nER  - \nAU  - X")
    _, text = download(client, page.url + "zitat/ris/")
    tags = [tag for tag, _ in parse_ris(text)]
    assert tags.count("ER") == 1 and tags.count("AU") == 1


# --- JSON-LD and the licence ---------------------------------------------------------------


def test_json_ld_names_dates_author_publisher_and_licence(client, cited):
    article = json_ld_article(client.get(cited.url))
    assert article["datePublished"] == FIRST_PUBLISHED.isoformat()
    assert article["dateModified"] == LAST_PUBLISHED.isoformat()
    assert article["author"] == {"@type": "Organization", "name": "Rambøll Management"}
    assert article["publisher"] == {
        "@type": "Organization",
        "name": "Rambøll Management Consulting GmbH",
        "url": "http://localhost/",
    }
    assert article["license"] == "https://creativecommons.org/licenses/by/4.0/deed.de"


def test_news_articles_carry_no_licence(client, site_tree):
    response = client.get(site_tree.seed_news.url)
    scripts = soup(response).find_all("script", type="application/ld+json")
    news = next(d for d in (json.loads(s.string) for s in scripts) if "headline" in d)
    assert "license" not in news


def _change_settings(**values):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in values.items():
        setattr(site_settings, name, value)
    site_settings.save()


def test_the_licence_and_author_come_from_the_site_settings(client, cited, visit):
    _change_settings(
        content_licence_name="dl-de/by-2-0",
        content_licence_url="https://www.govdata.de/dl-de/by-2-0",
        citation_author="Rambøll Management Consulting",
    )
    response = client.get(cited.url)
    assert json_ld_article(response)["license"] == "https://www.govdata.de/dl-de/by-2-0"
    assert json_ld_article(response)["author"]["name"] == "Rambøll Management Consulting"
    box = citation_box(response)
    assert box.find("a", rel="license").get_text() == "dl-de/by-2-0"
    assert text_of(box).startswith("Zitiervorschlag Rambøll Management Consulting (2024):")
    _, ris = download(client, cited.url + "zitat/ris/")
    assert ("AU", "Rambøll Management Consulting") in parse_ris(ris)


def test_without_a_licence_nothing_claims_one(client, cited):
    _change_settings(content_licence_name="", content_licence_url="")
    response = client.get(cited.url)
    assert "license" not in json_ld_article(response)
    assert citation_box(response).find(class_="citation__licence") is None


def test_a_licence_address_needs_its_name(site_tree):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.content_licence_name = ""
    with pytest.raises(ValidationError) as error:
        site_settings.full_clean()
    assert "content_licence_name" in error.value.message_dict


# --- the access date with the whole-page cache in front ---------------------------------------


@pytest.fixture
def web(settings):
    settings.FULL_PAGE_CACHE = True
    return WSGIClient()


def test_the_next_change_is_the_next_midnight_in_berlin(db):
    assert next_change(VISIT) == datetime.datetime(2026, 3, 6, tzinfo=BERLIN)
    # The night clocks go forward (29 March 2026): still midnight, 23 hours later.
    spring = datetime.datetime(2026, 3, 29, 0, 0, tzinfo=BERLIN)
    assert next_change(spring) == datetime.datetime(2026, 3, 30, tzinfo=BERLIN)
    assert next_change(spring).timestamp() - spring.timestamp() == 23 * 3600
    just_before = datetime.datetime(2026, 3, 5, 22, 59, 59, tzinfo=datetime.UTC)
    assert next_change(just_before) == datetime.datetime(2026, 3, 6, tzinfo=BERLIN)


@pytest.mark.parametrize("suffix", ["", "zitat/bibtex/", "zitat/ris/"])
def test_cached_citations_renew_at_midnight(web, cited, time_machine, suffix):
    evening = datetime.datetime(2026, 3, 5, 23, 59, 30, tzinfo=BERLIN)
    time_machine.move_to(evening, tick=False)
    version.bump()  # a fresh version whose next moment is computed at this time
    url = cited.url + suffix
    first = web.get(url)
    assert first.status == 200
    assert "05.03.2026" in first.text or "2026-03-05" in first.text or "2026/03/05" in first.text
    # Varnish may keep it only until midnight.
    assert first.headers["cache-control"] == "public, max-age=0, s-maxage=30"
    assert web.get(url).cache == "hit"

    time_machine.move_to(datetime.datetime(2026, 3, 6, 0, 0, 0, tzinfo=BERLIN), tick=False)
    after = web.get(url)
    assert after.cache == "miss"
    assert "06.03.2026" in after.text or "2026-03-06" in after.text or "2026/03/06" in after.text
    assert "05.03.2026" not in after.text and "2026-03-05" not in after.text
    assert web.get(url).cache == "hit"


def test_the_version_knows_the_next_midnight(db, time_machine):
    time_machine.move_to(VISIT, tick=False)
    version.bump()
    _, _, moment = version.read_with_clock()
    assert moment <= int(datetime.datetime(2026, 3, 6, tzinfo=BERLIN).timestamp())
    assert moment > int(timezone.now().timestamp())


def test_the_settings_form_offers_author_and_licence(admin_client_de, site_tree):
    site = Site.objects.get(is_default_site=True)
    response = admin_client_de.get(f"/admin/settings/partnerships/sitesettings/{site.pk}/")
    assert response.status_code == 200
    doc = soup(response)
    assert doc.find("input", attrs={"name": "citation_author"})["value"] == "Rambøll Management"
    assert doc.find("input", attrs={"name": "content_licence_name"})["value"] == "CC BY 4.0"
    assert "Zitieren und Lizenz" in text_of(doc)
