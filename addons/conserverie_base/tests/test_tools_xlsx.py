import io
import zipfile
from datetime import date
from xml.etree import ElementTree

from odoo.tests import BaseCase

from ..tools.xlsx import XlsxWorkbook, sheet_name, write_cell, write_header, write_row

NS = {"x": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
TRICKY_TEXTS = [
    '=HYPERLINK("http://evil.example","Click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1)",
    "http://x",
    "mailto:someone@example.com",
    "0123",
    "1e5",
]


def read_sheet(data, index=1):
    """{cell reference: (type, text)} of one sheet, and the workbook's file names."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        shared = []
        if "xl/sharedStrings.xml" in names:
            root = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
            shared = ["".join(item.itertext()) for item in root.findall("x:si", NS)]
        root = ElementTree.fromstring(archive.read(f"xl/worksheets/sheet{index}.xml"))
    cells = {}
    for cell in root.iter(f"{{{NS['x']}}}c"):
        kind = cell.get("t", "n")
        if cell.find("x:f", NS) is not None:
            kind = "formula"
        value = cell.find("x:v", NS)
        text = value.text if value is not None else None
        if kind == "s":
            text = shared[int(text)]
        cells[cell.get("r")] = (kind, text)
    return cells, names


class TestXlsxTools(BaseCase):
    def test_user_text_stays_text(self):
        book = XlsxWorkbook()
        sheet = book.add_sheet("Partners")
        write_header(sheet, 0, ["=Name", "Jars"])
        for row, text in enumerate(TRICKY_TEXTS, start=1):
            write_row(sheet, row, [text, row])
        # even xlsxwriter's own write() keeps text as text in these workbooks
        sheet.write(len(TRICKY_TEXTS) + 1, 0, "=1+1")
        data = book.close()
        self.assertIsInstance(data, bytes)
        cells, names = read_sheet(data)
        self.assertEqual(cells["A1"], ("s", "=Name"))
        for row, text in enumerate(TRICKY_TEXTS, start=2):
            self.assertEqual(cells[f"A{row}"], ("s", text))
            self.assertEqual(cells[f"B{row}"], ("n", str(row - 1)))
        self.assertEqual(cells[f"A{len(TRICKY_TEXTS) + 2}"], ("s", "=1+1"))
        self.assertNotIn("formula", {kind for kind, _text in cells.values()})
        self.assertFalse([name for name in names if "worksheets/_rels" in name], "no link")

    def test_cells_written_by_type(self):
        book = XlsxWorkbook(default_date_format="dd/mm/yyyy")
        sheet = book.add_sheet("Types")
        write_row(sheet, 0, [None, False, "", True, 2.5, 3, date(2026, 1, 2), "text"])
        cells, _names = read_sheet(book.close())
        # blanks without a format are not even written
        self.assertFalse({"A1", "B1", "C1"} & set(cells))
        self.assertEqual(cells["D1"], ("b", "1"))
        self.assertEqual(cells["E1"], ("n", "2.5"))
        self.assertEqual(cells["F1"], ("n", "3"))
        self.assertEqual(cells["G1"], ("n", "46024"))
        self.assertEqual(cells["H1"], ("s", "text"))

    def test_write_cell_with_format(self):
        book = XlsxWorkbook()
        sheet = book.add_sheet("Format")
        bold = book.add_format({"bold": True})
        write_cell(sheet, 0, 0, "+33 6 12 34 56 78", bold)
        cells, _names = read_sheet(book.close())
        self.assertEqual(cells["A1"], ("s", "+33 6 12 34 56 78"))

    def test_sheet_names_valid_and_unique(self):
        used = set()
        self.assertEqual(sheet_name("Intake: by grower / day", used), "Intake- by grower - day")
        long_name = "A very long name for a sheet of the report"
        first = sheet_name(long_name, used)
        second = sheet_name(long_name, used)
        self.assertEqual(len(first), 31)
        self.assertEqual(len(second), 31)
        self.assertTrue(second.endswith(" (2)"))
        self.assertEqual(sheet_name("'quoted'", used), "quoted")
        self.assertEqual(sheet_name("", used), "Sheet")

    def test_workbook_sheets_unique(self):
        book = XlsxWorkbook()
        self.assertEqual(book.add_sheet("Sessions").name, "Sessions")
        self.assertEqual(book.add_sheet("sessions").name, "sessions (2)")
        book.close()
