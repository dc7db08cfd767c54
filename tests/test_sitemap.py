"""/sitemap.xml lists what visitors can reach; /robots.txt points to it."""

import datetime
import xml.etree.ElementTree as ET

from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {
        url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS)
        for url in root.findall("sm:url", NS)
    }


def test_sitemap_lists_every_live_page(client, site_tree):
    entries = sitemap_entries(client)
    expected = [
        "http://localhost/",
        "http://localhost/konzept/",
        "http://localhost/konzept/grundidee/",
        "http://localhost/praxisbeispiele/logistik-leipzig/",
        "http://localhost/aktuelles/",
        "http://localhost/aktuelles/tagung-laendlicher-raum/",
        "http://localhost/ueber-das-projekt/projektteam/",
        "http://localhost/impressum/",
        "http://localhost/kontakt/",
    ]
    for url in expected:
        assert url in entries, url
    # 1 home + 4 + 6 + 13 section pages/children + 4 standard pages + the contact page
    assert len(entries) == 1 + 4 + 6 + 13 + 4 + 1


def test_sitemap_gives_the_date_of_the_last_publication(client, site_tree):
    page = site_tree.impressum.specific
    page.title = "Impressum (aktualisiert)"
    page.save_revision().publish()
    entries = sitemap_entries(client)
    assert entries["http://localhost/impressum/"] == timezone.localdate().isoformat()


def test_sitemap_leaves_out_drafts_private_and_expired_pages(client, site_tree):
    private = StandardPageFactory(parent=site_tree.home, title="Intern", slug="intern")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    expired = StandardPageFactory(
        parent=site_tree.home,
        title="Abgelaufen",
        slug="abgelaufen",
        expire_at=timezone.now() - datetime.timedelta(days=1),
    )
    later = StandardPageFactory(
        parent=site_tree.home,
        title="Läuft noch",
        slug="laeuft-noch",
        expire_at=timezone.now() + datetime.timedelta(days=30),
    )
    assert expired.live  # Wagtail unpublishes it only when publish_scheduled runs
    entries = sitemap_entries(client)
    assert "http://localhost/praxisbeispiele/hafenkooperation-bremen/" not in entries
    assert "http://localhost/aktuelles/unveroeffentlicht/" not in entries
    assert "http://localhost/intern/" not in entries
    assert "http://localhost/abgelaufen/" not in entries
    assert later.full_url in entries


def test_robots_txt_keeps_crawlers_out_of_admin_and_search(client, site_tree):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /suche/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    # The sitemap it names exists.
    assert client.get("/sitemap.xml").status_code == 200


def test_no_page_type_adds_its_own_sitemap_urls():
    """The sitemap reads plain pages for speed; a page type with its own
    ``get_sitemap_urls`` would need ``PageSitemap`` to load specific pages again."""
    from wagtail.models import Page, get_page_models

    for model in get_page_models():
        assert model.get_sitemap_urls is Page.get_sitemap_urls, model


def test_addresses_are_wagtails_own_also_with_a_site_inside_the_site(client, site_tree):
    """The sitemap builds addresses from the site's root URL; they must be exactly what
    Wagtail's ``get_full_url`` gives, also for pages below another site's home page."""
    from django.test import RequestFactory
    from wagtail.models import Page, Site

    Site.objects.create(hostname="projekt.example", port=80, root_page_id=site_tree.about.pk)
    entries = sitemap_entries(client)
    request = RequestFactory().get("/sitemap.xml")
    request._wagtail_site = Site.objects.get(is_default_site=True)
    expected = {
        page.get_full_url(request)
        for page in Page.objects.live().filter(depth__gte=2).specific()
        if page.get_full_url(request)
    }
    assert set(entries) == expected
    assert "http://localhost/ueber-das-projekt/projektteam/" in entries
