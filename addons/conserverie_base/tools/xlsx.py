"""Spreadsheets built in memory with xlsxwriter, returned as bytes.

Text is always written as text: a value such as ``=HYPERLINK(...)``, ``+cmd``
or ``http://x`` typed by a user stays plain text in the cell, never a formula,
a link or a number. Pure Python, no ORM::

    book = XlsxWorkbook()
    sheet = book.add_sheet("Sales")
    write_header(sheet, 0, ["Customer", "Jars"], book.add_format({"bold": True}))
    write_row(sheet, 1, [partner_name, 12])
    data = book.close()
"""

import io
from datetime import date, datetime

import xlsxwriter

SHEET_NAME_MAX = 31
SHEET_NAME_FORBIDDEN = "[]:*?/\\"
# xlsxwriter would otherwise turn strings starting with "=" into formulas and
# strings that look like addresses into links.
SAFE_OPTIONS = {
    "in_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


class XlsxWorkbook:
    """A workbook in memory; ``close()`` returns its bytes."""

    def __init__(self, **options):
        self._buffer = io.BytesIO()
        self.workbook = xlsxwriter.Workbook(self._buffer, {**options, **SAFE_OPTIONS})
        self._sheet_names = set()

    def add_format(self, properties=None):
        return self.workbook.add_format(properties or {})

    def add_sheet(self, name):
        """A new sheet, its name made valid and unique (see ``sheet_name``)."""
        return self.workbook.add_worksheet(sheet_name(name, self._sheet_names))

    def close(self):
        """Finish the workbook and return its bytes."""
        self.workbook.close()
        return self._buffer.getvalue()


def sheet_name(name, used):
    """A valid Excel sheet name (31 characters, none of []:*?/\\), not in ``used``.

    ``used`` is a set of lower-case names, updated with the new one.
    """
    clean = "".join("-" if char in SHEET_NAME_FORBIDDEN else char for char in str(name))
    clean = clean[:SHEET_NAME_MAX].strip("'") or "Sheet"
    candidate, index = clean, 2
    while candidate.lower() in used:
        suffix = f" ({index})"
        candidate = clean[: SHEET_NAME_MAX - len(suffix)] + suffix
        index += 1
    used.add(candidate.lower())
    return candidate


def write_cell(sheet, row, col, value, cell_format=None):
    """Write ``value`` by its type: blank, number, boolean, date or text (never a formula)."""
    if value is None or value is False or value == "":
        return sheet.write_blank(row, col, None, cell_format)
    if value is True:
        return sheet.write_boolean(row, col, value, cell_format)
    if isinstance(value, int | float):
        return sheet.write_number(row, col, value, cell_format)
    if isinstance(value, date | datetime):
        return sheet.write_datetime(row, col, value, cell_format)
    return sheet.write_string(row, col, str(value), cell_format)


def write_row(sheet, row, values, cell_format=None, first_col=0):
    """Write ``values`` across ``row`` from ``first_col``, each by its type."""
    for col, value in enumerate(values, start=first_col):
        write_cell(sheet, row, col, value, cell_format)


def write_header(sheet, row, labels, cell_format=None):
    """A header row: each label as text."""
    for col, label in enumerate(labels):
        sheet.write_string(row, col, str(label), cell_format)
