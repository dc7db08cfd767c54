"""What search engines and social networks read in <head>: title, description, canonical link,
Open Graph and Twitter cards with a 1200×630 image, and JSON-LD structured data."""

import json
from collections import Counter

import pytest
from django.core.files.storage import default_storage
from wagtail.models import Site

from partnerships.models.settings import SiteSettings
from tests.factories import ConceptPageFactory, ImageFactory, NewsPageFactory
from tests.helpers import soup

SUFFIX = " – Strategische Partnerschaften"


def head(response):
    assert response.status_code == 200
    return soup(response).head


def meta(doc, key):
    tag = doc.find("meta", attrs={"property": key}) or doc.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def json_ld(response):
    """Every JSON-LD object of the page, parsed; keyed by @type."""
    scripts = soup(response).find_all("script", type="application/ld+json")
    objects = [json.loads(script.string) for script in scripts]
    return {obj["@type"]: obj for obj in objects}


@pytest.fixture
def big_image(site_tree):
    return ImageFactory(
        title="Hafen",
        description="Containerbrücken im Hafen bei Sonnenuntergang",
        file__width=1600,
        file__height=1000,
    )


PAGES = [
    "/",
    "/konzept/",
    "/konzept/grundidee/",
    "/praxisbeispiele/",
    "/praxisbeispiele/logistik-leipzig/",
    "/aktuelles/",
    "/aktuelles/?page=2",
    "/aktuelles/2007/",
    "/aktuelles/tagung-laendlicher-raum/",
    "/impressum/",
    "/ueber-das-projekt/projektteam/",
]


def test_every_page_has_a_unique_title_with_the_site_name(client, site_tree):
    titles = [head(client.get(url)).title.get_text() for url in PAGES]
    assert titles[0] == "Strategische Partnerschaften"
    for title in titles[1:]:
        assert title.endswith(SUFFIX), title
    assert "Grundidee der strategischen Partnerschaft" + SUFFIX in titles
    duplicates = [t for t, n in Counter(titles).items() if n > 1]
    assert duplicates == []


def test_description_canonical_and_social_tags(client, site_tree):
    doc = head(client.get("/praxisbeispiele/logistik-leipzig/?utm_source=x"))
    assert meta(doc, "description") == "Ein Praxisbeispiel."
    canonical = doc.find("link", rel="canonical")["href"]
    assert canonical == "http://localhost/praxisbeispiele/logistik-leipzig/"
    assert meta(doc, "og:url") == canonical
    assert meta(doc, "og:title") == "Logistikdrehscheibe Leipzig"
    assert meta(doc, "og:description") == "Ein Praxisbeispiel."
    assert meta(doc, "og:type") == "article"
    assert meta(doc, "og:locale") == "de_DE"
    assert meta(doc, "twitter:title") == "Logistikdrehscheibe Leipzig"


def test_search_description_wins_over_the_teaser(client, site_tree):
    page = ConceptPageFactory(
        parent=site_tree.concept_index,
        title="Mit SEO-Text",
        search_description="Eigener Text für Suchmaschinen.",
    )
    doc = head(client.get(page.url))
    assert meta(doc, "description") == "Eigener Text für Suchmaschinen."
    assert meta(doc, "og:description") == "Eigener Text für Suchmaschinen."


def test_social_image_is_the_page_image_cropped_to_1200x630(client, site_tree, big_image):
    page = NewsPageFactory(parent=site_tree.news_index, title="Mit Bild", image=big_image)
    doc = head(client.get(page.url))
    image_url = meta(doc, "og:image")
    assert image_url.startswith("http://localhost/media/images/")
    assert ".fill-1200x630" in image_url
    assert (meta(doc, "og:image:width"), meta(doc, "og:image:height")) == ("1200", "630")
    assert meta(doc, "og:image:alt") == "Containerbrücken im Hafen bei Sonnenuntergang"
    assert meta(doc, "twitter:card") == "summary_large_image"
    assert meta(doc, "twitter:image") == image_url
    # The image file is really there.
    assert default_storage.exists(image_url.removeprefix("http://localhost/media/"))


def test_pages_without_an_image_use_the_site_default(client, site_tree, big_image):
    doc = head(client.get("/impressum/"))
    assert meta(doc, "og:image") is None
    assert meta(doc, "twitter:card") == "summary"

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.default_social_image = big_image
    settings.save()
    doc = head(client.get("/impressum/"))
    assert ".fill-1200x630" in meta(doc, "og:image")
    assert meta(doc, "twitter:card") == "summary_large_image"


# --- JSON-LD --------------------------------------------------------------------------------


def test_home_page_describes_the_organisation(client, site_tree):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.street = "Chilehaus C, Burchardstraße 13"
    settings.postal_code = "20095"
    settings.city = "Hamburg"
    settings.email = "info@example.org"
    settings.save()
    data = json_ld(client.get("/"))
    assert set(data) == {"Organization"}
    org = data["Organization"]
    assert org["@context"] == "https://schema.org"
    assert org["name"] == "Rambøll Management Consulting GmbH"
    assert org["url"] == "http://localhost/"
    assert org["email"] == "info@example.org"
    assert org["address"]["postalCode"] == "20095"
    assert org["address"]["addressLocality"] == "Hamburg"


def test_news_page_is_a_news_article_with_breadcrumbs(client, site_tree):
    data = json_ld(client.get("/aktuelles/tagung-laendlicher-raum/"))
    assert set(data) == {"NewsArticle", "BreadcrumbList"}
    article = data["NewsArticle"]
    assert article["headline"] == site_tree.seed_news.title
    assert article["datePublished"] == "2007-04-24"
    assert article["url"] == "http://localhost/aktuelles/tagung-laendlicher-raum/"
    assert article["mainEntityOfPage"]["@id"] == article["url"]
    assert article["publisher"]["name"] == "Rambøll Management Consulting GmbH"
    assert article["inLanguage"] == "de-DE"
    crumbs = data["BreadcrumbList"]["itemListElement"]
    assert [(c["position"], c["name"], c["item"]) for c in crumbs] == [
        (1, "Startseite", "http://localhost/"),
        (2, "Aktuelles", "http://localhost/aktuelles/"),
        (3, site_tree.seed_news.title, "http://localhost/aktuelles/tagung-laendlicher-raum/"),
    ]


@pytest.mark.parametrize(
    "url", ["/konzept/grundidee/", "/praxisbeispiele/ernaehrungscluster-oldenburger-land/"]
)
def test_concept_pages_and_case_studies_are_articles(client, site_tree, url):
    data = json_ld(client.get(url))
    assert set(data) == {"Article", "BreadcrumbList"}
    article = data["Article"]
    for key in ("headline", "url", "author", "publisher", "description"):
        assert article[key], key
    assert article["url"] == "http://localhost" + url
    assert len(data["BreadcrumbList"]["itemListElement"]) == 3


def test_case_study_article_carries_its_image(client, site_tree):
    data = json_ld(client.get("/praxisbeispiele/ernaehrungscluster-oldenburger-land/"))
    assert data["Article"]["image"][0].startswith("http://localhost/media/images/")


@pytest.mark.parametrize("url", ["/konzept/", "/impressum/", "/ueber-das-projekt/projektteam/"])
def test_other_pages_below_home_have_breadcrumbs_only(client, site_tree, url):
    data = json_ld(client.get(url))
    assert set(data) == {"BreadcrumbList"}
    assert data["BreadcrumbList"]["itemListElement"][-1]["item"] == "http://localhost" + url


def test_titles_cannot_break_out_of_the_json_ld(client, site_tree):
    evil = '</script><script>alert("x")</script> & <b>fett</b>'
    page = NewsPageFactory(parent=site_tree.news_index, title=evil, slug="boese")
    response = client.get(page.url)
    assert b'<script>alert("x")</script>' not in response.content
    data = json_ld(response)
    assert data["NewsArticle"]["headline"] == evil
    assert data["BreadcrumbList"]["itemListElement"][-1]["name"] == evil
    assert meta(head(response), "og:title") == evil  # escaped in the attribute, read back
