"""The annual activity report as an XLSX workbook (xlsxwriter), from plain data.

``data`` is a dict::

    {
        "title": "Activity report 2026", "subtitle": "1 Jan - 31 Dec 2026 · Centre",
        "summary_title": "Summary",
        "summary_columns": ("Indicator", "Value", "Unit"),
        "summary": [("Kilos recovered", 1234.5, "kg", "kg"), ...],   # label, value, unit, kind
        "sheets": [
            {"name": "Intake by grower", "columns": [("Grower", "text"), ("Kilos", "kg")],
             "rows": [["Ferme du Pont", 120.0]], "total_label": "Total"},
        ],
    }

Kinds: text, int, kg, hours, percent (a ratio 0-1), money, date.
"""

from odoo.addons.conserverie_base.tools.xlsx import (  # noqa: F401 (sheet_name re-exported)
    XlsxWorkbook,
    sheet_name,
    write_cell,
    write_header,
)

NUMBER_FORMATS = {
    "int": "#,##0",
    "kg": "#,##0.0",
    "hours": "#,##0.00",
    "percent": "0.0%",
    "money": "#,##0.00 €",
    "float": "#,##0.00",
    "date": "dd/mm/yyyy",
}
SUMMABLE = {"int", "kg", "hours", "money", "float"}


def build_workbook(data):
    """The workbook's bytes."""
    book = XlsxWorkbook(default_date_format="dd/mm/yyyy")
    formats = _formats(book)
    _write_summary(book, formats, data)
    for sheet in data.get("sheets", []):
        _write_table(book, formats, sheet)
    return book.close()


def _formats(book):
    base = {"font_name": "Arial", "font_size": 10}
    formats = {
        "title": book.add_format({**base, "bold": True, "font_size": 16, "font_color": "#2F5233"}),
        "subtitle": book.add_format({**base, "italic": True, "font_color": "#555555"}),
        "header": book.add_format(
            {
                **base,
                "bold": True,
                "bg_color": "#2F5233",
                "font_color": "#FFFFFF",
                "border": 1,
                "text_wrap": True,
                "valign": "vcenter",
            }
        ),
        "text": book.add_format({**base, "border": 1}),
        "total_text": book.add_format({**base, "bold": True, "top": 2, "bg_color": "#E8F0E3"}),
    }
    for kind, number_format in NUMBER_FORMATS.items():
        formats[kind] = book.add_format({**base, "border": 1, "num_format": number_format})
        formats[f"total_{kind}"] = book.add_format(
            {**base, "bold": True, "top": 2, "bg_color": "#E8F0E3", "num_format": number_format}
        )
    return formats


def _write_summary(book, formats, data):
    sheet = book.add_sheet(data.get("summary_title", "Summary"))
    sheet.set_column(0, 0, 48)
    sheet.set_column(1, 1, 16)
    sheet.set_column(2, 2, 12)
    write_cell(sheet, 0, 0, data.get("title"), formats["title"])
    write_cell(sheet, 1, 0, data.get("subtitle"), formats["subtitle"])
    columns = data.get("summary_columns", ("Indicator", "Value", "Unit"))
    write_header(sheet, 3, columns, formats["header"])
    row = 4
    for label, value, unit, kind in data.get("summary", []):
        write_cell(sheet, row, 0, label, formats["text"])
        _write_value(sheet, row, 1, value, kind, formats)
        write_cell(sheet, row, 2, unit, formats["text"])
        row += 1
    sheet.freeze_panes(4, 0)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    return sheet


def _write_value(sheet, row, col, value, kind, formats, prefix=""):
    if value is None or value == "":
        write_cell(sheet, row, col, None, formats[f"{prefix}text"])
    elif kind in NUMBER_FORMATS:
        write_cell(sheet, row, col, value, formats[f"{prefix}{kind}"])
    else:
        write_cell(sheet, row, col, str(value), formats[f"{prefix}text"])


def _write_table(book, formats, table):
    sheet = book.add_sheet(table["name"])
    columns = table["columns"]
    write_cell(sheet, 0, 0, table.get("title", table["name"]), formats["title"])
    if table.get("subtitle"):
        write_cell(sheet, 1, 0, table["subtitle"], formats["subtitle"])
    header_row = 3
    write_header(sheet, header_row, [label for label, _kind in columns], formats["header"])
    for col, (_label, kind) in enumerate(columns):
        sheet.set_column(col, col, 36 if kind == "text" and col == 0 else 16)
    row = header_row + 1
    totals = [0.0] * len(columns)
    for values in table["rows"]:
        for col, ((_label, kind), value) in enumerate(zip(columns, values, strict=True)):
            _write_value(sheet, row, col, value, kind, formats)
            if kind in SUMMABLE and isinstance(value, int | float):
                totals[col] += value
        row += 1
    if table.get("total_label") and table["rows"]:
        write_cell(sheet, row, 0, table["total_label"], formats["total_text"])
        for col, (_label, kind) in enumerate(columns[1:], start=1):
            if kind in SUMMABLE:
                write_cell(sheet, row, col, totals[col], formats[f"total_{kind}"])
            else:
                write_cell(sheet, row, col, None, formats["total_text"])
    sheet.freeze_panes(header_row + 1, 1)
    if table["rows"]:
        sheet.autofilter(header_row, 0, header_row + len(table["rows"]), len(columns) - 1)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    return sheet
