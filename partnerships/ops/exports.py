"""Spreadsheet formulas in CSV exports are written as text (OWASP "CSV injection").

Every admin export in Wagtail (form submissions, reports, listings of snippets and other
models) comes from ``SpreadsheetExportMixin``, which writes each value verbatim into the CSV
file. A spreadsheet opening it runs a cell such as ``=HYPERLINK(…)`` or ``=cmd|…`` as a
formula, and anyone can type one into the contact form or a page title. ``install()`` (called
once from ``PartnershipsConfig.ready``) makes the mixin write its CSV rows, headings
included, through a writer that puts an apostrophe in front of every text cell starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return; spreadsheet programs then show the
text as it was typed. XLSX exports already store such values as text (Wagtail turns
openpyxl's formula cells back into strings), so they are left alone.
"""

import csv

from wagtail.admin.views.mixins import Echo, SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """The value as a spreadsheet shows it as text: an apostrophe before a formula start."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class FormulaSafeDictWriter(csv.DictWriter):
    def writerow(self, rowdict):
        return super().writerow({key: neutralise(value) for key, value in rowdict.items()})


def stream_csv(self, queryset):
    """``SpreadsheetExportMixin.stream_csv`` with the neutralising writer; the headings and
    each row (``write_csv_row``, which subclasses may override) pass through it."""
    writer = FormulaSafeDictWriter(Echo(), fieldnames=self.list_export)
    yield writer.writerow({field: self.get_heading(queryset, field) for field in self.list_export})
    for item in queryset:
        yield self.write_csv_row(writer, self.to_row_dict(item))


def install():
    SpreadsheetExportMixin.stream_csv = stream_csv
