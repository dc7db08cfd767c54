"""Open data: the case studies a finder's filter shows, as CSV (for German Excel) and JSON.

The rows are exactly the list's (``CaseStudyIndexPage.filtered``), in its order; the columns
are fixed and documented on the page „Offene Daten“ (``COLUMNS``: change them only by adding
at the end). CSV: UTF-8 with a byte order mark, semicolons, every value that a spreadsheet
would take for a formula prefixed with an apostrophe.
"""

import csv
import io
import json

from django.http import HttpResponse
from django.utils import timezone

from partnerships.models.settings import SiteSettings

# (key in JSON, column title in CSV) — the stable order of the export.
COLUMNS = [
    ("titel", "Titel"),
    ("url", "URL"),
    ("kommune_region", "Kommune/Region"),
    ("bundesland", "Bundesland"),
    ("branchen", "Branchen"),
    ("phase", "Phase"),
    ("zeitraum", "Zeitraum"),
    ("partner", "Partner"),
    ("kurzbeschreibung", "Kurzbeschreibung"),
    ("konzeptbausteine", "Konzeptbausteine"),
    ("erstmals_veroeffentlicht", "Erstmals veröffentlicht"),
    ("zuletzt_geaendert", "Zuletzt geändert"),
]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = ", "


def _date(value):
    return timezone.localtime(value).date().isoformat() if value else ""


def rows(pages, request):
    """One dict per case study (keys of ``COLUMNS``); lists stay lists (JSON)."""
    for page in pages:
        yield {
            "titel": page.title,
            "url": page.get_full_url(request),
            "kommune_region": page.kommune,
            "bundesland": page.get_bundesland_display(),
            "branchen": [branche.name for branche in page.branchen.all()],
            "phase": page.phase.name if page.phase else "",
            "zeitraum": page.zeitraum or "",
            "partner": [partner.name for partner in page.partners.all()],
            "kurzbeschreibung": page.teaser,
            "konzeptbausteine": [link.concept.title for link in page.related_concept_links.all()],
            "erstmals_veroeffentlicht": _date(page.first_published_at),
            "zuletzt_geaendert": _date(page.last_published_at),
        }


def prepared(queryset):
    """The list's queryset with everything the rows read, in a fixed number of queries."""
    return queryset.select_related("phase").prefetch_related(
        "branchen", "partners", "related_concept_links__concept"
    )


def safe_cell(value):
    """A cell as text that no spreadsheet runs as a formula."""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_response(data, filename):
    buffer = io.StringIO()
    buffer.write("\ufeff")  # Excel reads UTF-8 only with the mark
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([title for _, title in COLUMNS])
    for row in data:
        writer.writerow([safe_cell(row[key]) for key, _ in COLUMNS])
    response = HttpResponse(
        buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def json_response(data, filename, *, source, licence, filters):
    document = {
        "quelle": source,
        "lizenz": licence,
        "filter": filters,
        "spalten": [key for key, _ in COLUMNS],
        "praxisbeispiele": list(data),
    }
    document["anzahl"] = len(document["praxisbeispiele"])
    body = json.dumps(document, ensure_ascii=False, indent=2)
    response = HttpResponse(body.encode("utf-8"), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.json"'
    return response


def licence(request):
    """{"name", "url"} of the content licence (site settings; CC BY 4.0 unless changed)."""
    site_settings = SiteSettings.for_request(request)
    return {
        "name": getattr(site_settings, "content_licence_name", "") or "CC BY 4.0",
        "url": getattr(site_settings, "content_licence_url", "")
        or "https://creativecommons.org/licenses/by/4.0/deed.de",
    }
