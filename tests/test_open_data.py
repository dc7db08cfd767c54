"""Open data: every case-study list, with any filter, as CSV for German Excel and as JSON."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from casestudies.exports import COLUMNS
from casestudies.models import CaseStudyPage

FILTERS = [
    {},
    {"bundesland": "niedersachsen"},
    {"branche": "maschinenbau"},
    {"phase": "umsetzung", "branche": "ernaehrungswirtschaft"},
    {"bundesland": "bayern", "phase": "analyse"},
]


def csv_rows(response):
    raw = response.content
    assert raw.startswith("\ufeff".encode())  # the BOM German Excel needs for UTF-8
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def finder_titles(client, index, filters):
    ids = client.get(index.url, filters).context["case_study_page"].object_list
    return [CaseStudyPage.objects.get(pk=pk).title for pk in ids]


@pytest.mark.parametrize("filters", FILTERS)
def test_the_csv_has_exactly_the_finders_rows_in_its_order(client, site_tree, filters):
    index = site_tree.cs_index
    response = client.get(index.url + "export/csv/", filters)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{index.slug}.csv"'
    header, *rows = csv_rows(response)
    assert header == [title for _, title in COLUMNS]
    assert [row[0] for row in rows] == finder_titles(client, index, filters)


def test_the_csv_columns_and_umlauts_read_back(client, site_tree):
    import datetime

    from django.utils import timezone

    published = timezone.make_aware(datetime.datetime(2024, 5, 6, 23, 30))  # Berlin time
    CaseStudyPage.objects.filter(pk=site_tree.case_studies["oldenburg"].pk).update(
        first_published_at=published
    )
    header, *rows = csv_rows(client.get(site_tree.cs_index.url + "export/csv/"))
    by_title = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    row = by_title["Ernährungscluster Oldenburger Land"]
    page = site_tree.case_studies["oldenburg"]
    assert row["URL"].endswith(page.url) and row["URL"].startswith("http")
    assert row["Bundesland"] == "Niedersachsen"
    assert set(row["Branchen"].split(", ")) == {"Ernährungswirtschaft", "Maschinenbau"}
    assert row["Phase"] == "Umsetzung"
    assert row["Kommune/Region"] == page.kommune
    assert row["Erstmals veröffentlicht"] == "2024-05-06"


def test_formulas_are_neutralised(client, site_tree):
    page = CaseStudyPage.objects.get(pk=site_tree.case_studies["oldenburg"].pk)
    page.teaser = '=HYPERLINK("http://evil.example","Klick")'
    page.save_revision().publish()
    header, *rows = csv_rows(client.get(site_tree.cs_index.url + "export/csv/"))
    cell = next(row for row in rows if row[0] == page.title)[header.index("Kurzbeschreibung")]
    assert cell.startswith("'=")


def test_the_json_has_the_same_rows_licence_and_filter(client, site_tree):
    index = site_tree.cs_index
    filters = {"bundesland": "niedersachsen"}
    response = client.get(index.url + "export/json/", filters)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(response.content)
    assert data["filter"] == filters
    assert data["lizenz"]["name"] == "CC BY 4.0"
    assert data["spalten"] == [key for key, _ in COLUMNS]
    assert [r["titel"] for r in data["praxisbeispiele"]] == finder_titles(client, index, filters)
    assert data["anzahl"] == len(data["praxisbeispiele"])
    first = data["praxisbeispiele"][0]
    assert isinstance(first["branchen"], list) and "Ernährungscluster" in response.content.decode()


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_an_unknown_filter_value_is_a_german_404(client, site_tree, kind):
    response = client.get(site_tree.cs_index.url + f"export/{kind}/", {"bundesland": "atlantis"})
    assert response.status_code == 404
    assert "nicht gefunden" in response.content.decode()


def test_the_list_links_its_exports_with_the_current_filter(client, site_tree):
    html = client.get(site_tree.cs_index.url, {"bundesland": "niedersachsen"}).content.decode()
    assert 'export/csv/?bundesland=niedersachsen" download>Als CSV herunterladen' in html
    assert 'export/json/?bundesland=niedersachsen">Als JSON' in html


def test_the_export_costs_the_same_queries_with_more_case_studies(client, site_tree):
    url = site_tree.cs_index.url + "export/csv/"
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(8):
        site_tree.cs_index.add_child(
            instance=CaseStudyPage(
                title=f"Kopie {n}",
                slug=f"kopie-{n}",
                kommune="Kopie",
                bundesland="bremen",
                teaser="Kopie",
                year_from=2020,
            )
        )
    client.get(url)  # the first after a change renews the site-wide memo
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(csv_rows(response)) == 1 + 5 + 8
    assert len(many) == len(few)


def test_export_is_a_reserved_slug(site_tree):
    from django.core.exceptions import ValidationError

    page = CaseStudyPage(
        title="Export", slug="export", kommune="X", bundesland="bremen", year_from=2020
    )
    with pytest.raises(ValidationError):
        page.clean()
