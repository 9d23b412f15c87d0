"""Figures of the printed documents written for reading, from plain data.

The activity report and the flower of an assessment are QWeb reports
(``report/conserverie_impact_reports.xml``); this module turns the data shared
with the XLSX workbook (see ``xlsx_report``) into the text of their cells.
"""

SUMMABLE = {"int", "kg", "hours", "money", "float"}


def format_value(value, kind):
    """A number written the French way: 1 234,5 (no locale needed)."""
    if value is None or value == "":
        return ""
    if kind == "percent":
        return f"{value * 100:.1f} %".replace(".", ",")
    if kind == "int":
        return f"{round(value):,}".replace(",", "\u202f")
    if kind in ("kg", "hours", "money", "float"):
        digits = 1 if kind == "kg" else 2
        text = f"{value:,.{digits}f}".replace(",", "\u202f").replace(".", ",")
        return f"{text} €" if kind == "money" else text
    if kind == "date":
        return value.strftime("%d/%m/%Y")
    return str(value)


def print_table(columns, rows, total_label=None):
    """A table ready to print: {"header", "kinds", "rows", "total"}, cells as text.

    ``columns`` are (label, kind) pairs and ``rows`` lists of raw values; the
    total row (when ``total_label`` is given and there are rows) sums the
    columns of numbers.
    """
    kinds = [kind for _label, kind in columns]
    total = None
    if total_label and rows:
        total = [str(total_label)] + [
            format_value(sum(row[col] or 0 for row in rows), kind) if kind in SUMMABLE else ""
            for col, kind in enumerate(kinds[1:], start=1)
        ]
    return {
        "header": [str(label) for label, _kind in columns],
        "kinds": kinds,
        "rows": [
            [format_value(value, kind) for kind, value in zip(kinds, row, strict=True)]
            for row in rows
        ],
        "total": total,
    }


def print_document(data):
    """The data of ``xlsx_report.build_workbook`` with its summary and sheets as
    printable tables (``summary_table``, ``tables``: title, subtitle, table)."""
    summary_columns = data.get("summary_columns", ("", "", ""))
    summary = {
        "header": [str(label) for label in summary_columns],
        "kinds": ["text", "float", "text"],
        "rows": [
            [str(label), format_value(value, kind), unit or ""]
            for label, value, unit, kind in data.get("summary", [])
        ],
        "total": None,
    }
    tables = [
        {
            "title": sheet.get("title", sheet["name"]),
            "subtitle": sheet.get("subtitle", ""),
            "table": print_table(sheet["columns"], sheet["rows"], sheet.get("total_label")),
        }
        for sheet in data.get("sheets", [])
    ]
    return {**data, "summary_table": summary, "tables": tables}
