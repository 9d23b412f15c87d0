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

import io

import xlsxwriter

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
SHEET_NAME_MAX = 31


def sheet_name(name, used):
    """A valid, unique Excel sheet name (31 characters, no []:*?/\\)."""
    clean = "".join("-" if char in "[]:*?/\\" else char for char in str(name))[:SHEET_NAME_MAX]
    candidate, index = clean, 2
    while candidate.lower() in used:
        suffix = f" ({index})"
        candidate = clean[: SHEET_NAME_MAX - len(suffix)] + suffix
        index += 1
    used.add(candidate.lower())
    return candidate


def build_workbook(data):
    """The workbook's bytes."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "default_date_format": "dd/mm/yyyy"})
    formats = _formats(workbook)
    used = set()
    _write_summary(workbook, formats, data, used)
    for sheet in data.get("sheets", []):
        _write_table(workbook, formats, sheet, used)
    workbook.close()
    return buffer.getvalue()


def _formats(workbook):
    base = {"font_name": "Arial", "font_size": 10}
    formats = {
        "title": workbook.add_format(
            {**base, "bold": True, "font_size": 16, "font_color": "#2F5233"}
        ),
        "subtitle": workbook.add_format({**base, "italic": True, "font_color": "#555555"}),
        "header": workbook.add_format(
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
        "text": workbook.add_format({**base, "border": 1}),
        "total_text": workbook.add_format({**base, "bold": True, "top": 2, "bg_color": "#E8F0E3"}),
    }
    for kind, number_format in NUMBER_FORMATS.items():
        formats[kind] = workbook.add_format({**base, "border": 1, "num_format": number_format})
        formats[f"total_{kind}"] = workbook.add_format(
            {**base, "bold": True, "top": 2, "bg_color": "#E8F0E3", "num_format": number_format}
        )
    return formats


def _write_summary(workbook, formats, data, used):
    sheet = workbook.add_worksheet(sheet_name(data.get("summary_title", "Summary"), used))
    sheet.set_column(0, 0, 48)
    sheet.set_column(1, 1, 16)
    sheet.set_column(2, 2, 12)
    sheet.write(0, 0, data.get("title", ""), formats["title"])
    sheet.write(1, 0, data.get("subtitle", ""), formats["subtitle"])
    columns = data.get("summary_columns", ("Indicator", "Value", "Unit"))
    for col, label in enumerate(columns):
        sheet.write(3, col, label, formats["header"])
    row = 4
    for label, value, unit, kind in data.get("summary", []):
        sheet.write(row, 0, label, formats["text"])
        _write_value(sheet, row, 1, value, kind, formats)
        sheet.write(row, 2, unit or "", formats["text"])
        row += 1
    sheet.freeze_panes(4, 0)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    return sheet


def _write_value(sheet, row, col, value, kind, formats, prefix=""):
    if value is None or value == "":
        sheet.write_blank(row, col, None, formats[f"{prefix}text"])
    elif kind == "date":
        sheet.write_datetime(row, col, value, formats[f"{prefix}date"])
    elif kind in NUMBER_FORMATS:
        sheet.write_number(row, col, value, formats[f"{prefix}{kind}"])
    else:
        sheet.write_string(row, col, str(value), formats[f"{prefix}text"])


def _write_table(workbook, formats, table, used):
    sheet = workbook.add_worksheet(sheet_name(table["name"], used))
    columns = table["columns"]
    sheet.write(0, 0, table.get("title", table["name"]), formats["title"])
    if table.get("subtitle"):
        sheet.write(1, 0, table["subtitle"], formats["subtitle"])
    header_row = 3
    for col, (label, kind) in enumerate(columns):
        sheet.write(header_row, col, label, formats["header"])
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
        sheet.write(row, 0, table["total_label"], formats["total_text"])
        for col, (_label, kind) in enumerate(columns[1:], start=1):
            if kind in SUMMABLE:
                sheet.write_number(row, col, totals[col], formats[f"total_{kind}"])
            else:
                sheet.write_blank(row, col, None, formats["total_text"])
    sheet.freeze_panes(header_row + 1, 1)
    if table["rows"]:
        sheet.autofilter(header_row, 0, header_row + len(table["rows"]), len(columns) - 1)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    return sheet
