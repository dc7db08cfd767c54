"""Moderators (who manage promoted search results) see Wagtail's "Suchbegriffe" report and
its menu item; editors, without that permission, do not."""

import json

import pytest

from tests.helpers import assert_denied, soup, text_of

pytestmark = pytest.mark.django_db

REPORT = "/admin/searchpicks/reports/search-terms/"


def reports_menu(client):
    """The entries of the admin's "Berichte" menu as (label, url) pairs."""
    response = client.get("/admin/")
    assert response.status_code == 200
    props = soup(response).find(id="wagtail-sidebar-props")
    assert props is not None, "no sidebar in the admin"
    found = []

    def walk(node):
        if isinstance(node, dict):
            if "label" in node and "url" in node:
                found.append((node["label"], node["url"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(props.string))
    return found


def search(client, words):
    assert client.get("/suche/", {"q": words}).status_code == 200


def test_report_is_for_those_who_manage_promotions(client, moderator, superuser, editor, site_tree):
    search(client, "Clusterstrategie")
    search(client, "Clusterstrategie")
    # Moderators and administrators: one menu item each.
    for user in (moderator, superuser):
        client.force_login(user)
        assert [item for item in reports_menu(client) if item[1] == REPORT] == [
            ("Suchbegriffe", REPORT)
        ]
    client.force_login(moderator)

    response = client.get(REPORT)
    assert response.status_code == 200
    table = soup(response).select_one("table")
    assert table is not None
    assert "clusterstrategie 2" in text_of(table).lower()

    # The filter and the export work for them too (Wagtail's results URL).
    assert client.get(REPORT + "results/").status_code == 200
    export = client.get(REPORT + "?export=csv")
    assert export.status_code == 200
    assert b"clusterstrategie" in b"".join(export.streaming_content).lower()

    # Editors, who do not manage promotions, get neither the menu item nor the report.
    client.force_login(editor)
    assert not [item for item in reports_menu(client) if item[1] == REPORT]
    assert_denied(client, client.get(REPORT))
    assert_denied(client, client.get(REPORT + "?export=csv"))
