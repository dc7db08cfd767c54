"""Leichte Sprache: the page type, the first page at /leichte-sprache/, the link in every
page's header and the editor's checks for long sentences and long words."""

import io
import json
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from partnerships.editorial.content_checks import EASY_MAX_LETTERS, EASY_MAX_WORDS
from partnerships.initial_content.easy_language import LEICHTE_SPRACHE
from partnerships.models import EasyLanguagePage
from tests.conftest import outer_transaction
from tests.helpers import main, soup, text_of

CONFIG_RE = re.compile(
    r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>', re.S
)


@pytest.fixture(scope="module")
def _content(django_db_setup, django_db_blocker):
    with outer_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            call_command("load_initial_content", stdout=io.StringIO())
        yield


@pytest.fixture
def easy(_content, db):
    return EasyLanguagePage.objects.get(slug="leichte-sprache")


def header_link(response):
    return soup(response).select_one("header .header-easy")


def test_the_first_page_explains_the_site_in_leichte_sprache(client, easy):
    response = client.get("/leichte-sprache/")
    assert response.status_code == 200
    content = main(response)
    assert text_of(content.select_one(".easy-language__label")) == "Leichte Sprache"
    lines = [text_of(line) for line in content.select(".easy-language__line")]
    assert "Diese Website heißt: Strategische Partnerschaften." in lines
    words = [text_of(node) for node in content.select(".easy-language__word-title")]
    assert {"Schweres Wort: Kommune", "Schweres Wort: Cluster"} <= set(words)
    links = {a["href"] for a in content.select(".easy-language__link a")}
    assert {"/konzept/", "/praxisbeispiele/", "/kontakt/"} <= links
    assert not content.find("img", src=re.compile("leichte-sprache|inclusion", re.I))


def test_the_first_page_keeps_the_rules_it_checks_for(easy):
    """Every statement of the initial text passes the editor's own checks."""
    statements = []
    for kind, value in LEICHTE_SPRACHE["body"]:
        if kind == "lines":
            statements += value.splitlines()
        elif kind == "hard_word":
            statements += value["explanation"].splitlines()
    assert len(statements) > 30
    for statement in statements:
        words = statement.split()
        assert len(words) <= EASY_MAX_WORDS, statement
        for word in words:
            for part in re.split(r"[·-]", word):
                assert len(re.sub(r"[^\wÄÖÜäöüß]", "", part)) <= EASY_MAX_LETTERS, word


@pytest.mark.parametrize("path", ["/", "/konzept/", "/impressum/", "/gibt-es-nicht/"])
def test_every_page_links_to_leichte_sprache_in_its_header(client, easy, path):
    link = header_link(client.get(path))
    assert link is not None and link["href"] == "/leichte-sprache/"
    assert text_of(link) == "Leichte Sprache"


def test_the_link_marks_the_current_page(client, easy):
    assert header_link(client.get("/leichte-sprache/"))["aria-current"] == "page"
    assert not header_link(client.get("/")).has_attr("aria-current")


def test_no_link_when_the_page_is_unpublished(client, easy):
    easy.unpublish()
    assert header_link(client.get("/")) is None


def test_the_link_costs_no_query(client, easy):
    client.get("/konzept/")
    with CaptureQueriesContext(connection) as with_link:
        client.get("/konzept/")
    easy.unpublish()
    client.get("/konzept/")
    with CaptureQueriesContext(connection) as without_link:
        client.get("/konzept/")
    assert len(with_link) == len(without_link)


def checker_configuration(client, url):
    return json.loads(CONFIG_RE.findall(client.get(url).content.decode())[0])


def test_the_editor_checks_sentences_and_words_on_leichte_sprache_pages_only(
    client, easy, admin_client_de
):
    config = checker_configuration(admin_client_de, "/leichte-sprache/")
    assert {"sp-leichte-sprache-satz", "sp-leichte-sprache-wort"} <= set(
        config["options"]["runOnly"]
    )
    checks = {check["id"]: check.get("options") for check in config["spec"]["checks"]}
    assert checks["sp-check-satzlaenge"] == {"maxWords": 12}
    assert checks["sp-check-wortlaenge"] == {"maxLetters": 15}
    assert config["messages"]["sp-leichte-sprache-satz"]["error_name"].startswith(
        "Satz zu lang für Leichte Sprache"
    )
    other = checker_configuration(admin_client_de, "/konzept/")
    assert "sp-leichte-sprache-satz" not in other["options"]["runOnly"]
    assert "sp-check-satzlaenge" not in {c["id"] for c in other["spec"]["checks"]}


def test_editors_may_write_leichte_sprache_pages(easy, editor):
    client = Client()
    client.force_login(editor)
    response = client.get(f"/admin/pages/{easy.pk}/edit/")
    assert response.status_code == 200
    response = client.get(f"/admin/pages/add/partnerships/easylanguagepage/{easy.pk}/")
    assert response.status_code == 200
