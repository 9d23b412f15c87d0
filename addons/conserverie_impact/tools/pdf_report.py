"""PDF documents drawn with reportlab: the activity report and grower statements."""

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

GREEN = colors.HexColor("#2F5233")
LIGHT = colors.HexColor("#E8F0E3")


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


def _styles():
    styles = getSampleStyleSheet()
    styles["Title"].textColor = GREEN
    styles["Heading2"].textColor = GREEN
    return styles


def _table(header, rows, widths=None, total=None):
    data = [header, *rows]
    if total:
        data.append(total)
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), GREEN),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#999999")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F7F7F7")]),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    if total:
        style += [
            ("BACKGROUND", (0, -1), (-1, -1), LIGHT),
            ("FONTNAME", (0, -1), (-1, -1), "Helvetica-Bold"),
        ]
    table.setStyle(TableStyle(style))
    return table


def _footer(text):
    def draw(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillColor(colors.HexColor("#777777"))
        canvas.drawString(15 * mm, 10 * mm, text)
        canvas.drawRightString(A4[0] - 15 * mm, 10 * mm, str(doc.page))
        canvas.restoreState()

    return draw


def build_activity_report(data, flower=None, flower_caption=None):
    """The activity report: summary figures, the flower, then each table.

    ``data`` is the same dict as for the XLSX workbook; ``flower`` a
    reportlab Drawing.
    """
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=18 * mm,
        title=str(data.get("title", "")),
        author=str(data.get("author", "")),
    )
    styles = _styles()
    story = [
        Paragraph(escape(str(data.get("title", ""))), styles["Title"]),
        Paragraph(escape(str(data.get("subtitle", ""))), styles["Normal"]),
        Spacer(1, 6 * mm),
    ]
    if data.get("summary"):
        story.append(Paragraph(escape(str(data.get("summary_title", ""))), styles["Heading2"]))
        header = list(data.get("summary_columns", ("", "", "")))
        rows = [
            [
                Paragraph(escape(str(label)), styles["BodyText"]),
                format_value(value, kind),
                unit or "",
            ]
            for label, value, unit, kind in data["summary"]
        ]
        story.append(_table(header, rows, widths=[110 * mm, 40 * mm, 25 * mm]))
    if flower is not None:
        flower_block = [Spacer(1, 6 * mm)]
        if flower_caption:
            flower_block.append(Paragraph(escape(str(flower_caption)), styles["Heading2"]))
        flower_block.append(flower)
        story.append(KeepTogether(flower_block))
    for sheet in data.get("sheets", []):
        story.append(PageBreak())
        story.append(Paragraph(escape(str(sheet.get("title", sheet["name"]))), styles["Heading2"]))
        if sheet.get("subtitle"):
            story.append(Paragraph(escape(str(sheet["subtitle"])), styles["Normal"]))
        header = [label for label, _kind in sheet["columns"]]
        rows = [
            [
                format_value(value, kind)
                for (_label, kind), value in zip(sheet["columns"], row, strict=True)
            ]
            for row in sheet["rows"]
        ]
        if not rows:
            story.append(Paragraph(escape(str(data.get("empty_label", "-"))), styles["Normal"]))
            continue
        total = None
        if sheet.get("total_label"):
            total = [sheet["total_label"]]
            for col, (_label, kind) in enumerate(sheet["columns"][1:], start=1):
                if kind in ("int", "kg", "hours", "money", "float"):
                    total.append(format_value(sum(row[col] or 0 for row in sheet["rows"]), kind))
                else:
                    total.append("")
        story.append(_table(header, rows, total=total))
    footer = _footer(str(data.get("footer", "")))
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def build_grower_statements(statements, labels):
    """One page per grower.

    ``statements`` is a list of dicts: grower, address (lines), period,
    kg_total, intake_rows [(date, product, grade, kg)], jars_total,
    product_rows [(product, jars)], channel_rows [(channel, jars)];
    ``labels`` holds the translated headings.
    """
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=str(labels["title"]),
    )
    styles = _styles()
    story = []
    for index, statement in enumerate(statements):
        if index:
            story.append(PageBreak())
        story += [
            Paragraph(escape(str(labels["company"])), styles["Normal"]),
            Spacer(1, 8 * mm),
            Paragraph(
                "<br/>".join(escape(str(line)) for line in statement["address"] if line),
                styles["Normal"],
            ),
            Spacer(1, 8 * mm),
            Paragraph(escape(str(labels["title"])), styles["Title"]),
            Paragraph(escape(str(statement["period"])), styles["Normal"]),
            Spacer(1, 4 * mm),
            Paragraph(escape(str(statement["intro"])), styles["BodyText"]),
            Spacer(1, 4 * mm),
            Paragraph(escape(str(labels["intakes"])), styles["Heading2"]),
        ]
        story.append(
            _table(
                list(labels["intake_columns"]),
                [
                    [format_value(day, "date"), product, grade, format_value(kg, "kg")]
                    for day, product, grade, kg in statement["intake_rows"]
                ],
                total=[labels["total"], "", "", format_value(statement["kg_total"], "kg")],
            )
        )
        story.append(Paragraph(escape(str(labels["jars"])), styles["Heading2"]))
        if statement["product_rows"]:
            story.append(
                _table(
                    list(labels["jar_columns"]),
                    [
                        [name, format_value(jars, "float")]
                        for name, jars in statement["product_rows"]
                    ],
                    total=[labels["total"], format_value(statement["jars_total"], "float")],
                )
            )
        else:
            story.append(Paragraph(escape(str(labels["no_jars"])), styles["BodyText"]))
        story.append(Paragraph(escape(str(labels["channels"])), styles["Heading2"]))
        if statement["channel_rows"]:
            story.append(
                _table(
                    list(labels["channel_columns"]),
                    [
                        [name, format_value(jars, "float")]
                        for name, jars in statement["channel_rows"]
                    ],
                )
            )
        else:
            story.append(Paragraph(escape(str(labels["no_channels"])), styles["BodyText"]))
        story += [Spacer(1, 6 * mm), Paragraph(escape(str(labels["thanks"])), styles["BodyText"])]
    footer = _footer(str(labels.get("footer", "")))
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
