import datetime
import io

import openpyxl

from odoo.tests import BaseCase

from ..tools import documents, xlsx_report

DATA = {
    "title": "Rapport d'activité",
    "subtitle": "Du 01/01/2026 au 31/12/2026",
    "summary_title": "Synthèse",
    "summary_columns": ("Indicateur", "Valeur", "Unité"),
    "summary": [("Kilos sauvés", 1234.5, "kg", "kg"), ("Taux de retour", 0.6, "%", "percent")],
    "sheets": [
        {
            "name": "Apports/producteur",
            "columns": [("Producteur", "text"), ("Kilos", "kg"), ("Date", "date")],
            "rows": [["Ferme du Pont", 100.0, datetime.date(2026, 3, 1)], ["Verger", 20.5, None]],
            "total_label": "Total",
        },
    ],
}


class TestDocuments(BaseCase):
    def test_sheet_names(self):
        used = set()
        self.assertEqual(xlsx_report.sheet_name("a/b:c", used), "a-b-c")
        self.assertEqual(xlsx_report.sheet_name("A-B-C", used), "A-B-C (2)")
        self.assertEqual(len(xlsx_report.sheet_name("x" * 40, used)), 31)

    def test_workbook(self):
        book = openpyxl.load_workbook(io.BytesIO(xlsx_report.build_workbook(DATA)))
        self.assertEqual(book.sheetnames, ["Synthèse", "Apports-producteur"])
        summary = book["Synthèse"]
        self.assertEqual(summary["A1"].value, "Rapport d'activité")
        self.assertEqual(summary["A4"].value, "Indicateur")
        self.assertEqual(summary["A5"].value, "Kilos sauvés")
        self.assertEqual(summary["B5"].value, 1234.5)
        self.assertEqual(summary["B5"].number_format, "#,##0.0")
        self.assertEqual(summary["B6"].value, 0.6)
        self.assertEqual(summary["B6"].number_format, "0.0%")
        table = book["Apports-producteur"]
        self.assertEqual([cell.value for cell in table[4]], ["Producteur", "Kilos", "Date"])
        self.assertEqual(table["B5"].value, 100.0)
        self.assertEqual(table["C5"].value.date(), datetime.date(2026, 3, 1))
        self.assertIsNone(table["C6"].value)
        self.assertEqual(table["A7"].value, "Total")
        self.assertEqual(table["B7"].value, 120.5)

    def test_format_value(self):
        self.assertEqual(documents.format_value(1234.5, "kg"), "1\u202f234,5")
        self.assertEqual(documents.format_value(0.605, "percent"), "60,5 %")
        self.assertEqual(documents.format_value(12.0, "money"), "12,00 €")
        self.assertEqual(documents.format_value(None, "kg"), "")

    def test_print_document(self):
        printed = documents.print_document(DATA)
        self.assertEqual(printed["title"], "Rapport d'activité")
        self.assertEqual(printed["summary_table"]["header"], ["Indicateur", "Valeur", "Unité"])
        self.assertEqual(
            printed["summary_table"]["rows"],
            [["Kilos sauvés", "1\u202f234,5", "kg"], ["Taux de retour", "60,0 %", "%"]],
        )
        [table] = printed["tables"]
        self.assertEqual(table["title"], "Apports/producteur")
        self.assertEqual(table["table"]["kinds"], ["text", "kg", "date"])
        self.assertEqual(
            table["table"]["rows"],
            [["Ferme du Pont", "100,0", "01/03/2026"], ["Verger", "20,5", ""]],
        )
        self.assertEqual(table["table"]["total"], ["Total", "120,5", ""])

    def test_print_table_without_total(self):
        table = documents.print_table([("Canal", "text"), ("Bocaux", "int")], [("Vente", 7.0)])
        self.assertEqual(table["rows"], [["Vente", "7"]])
        self.assertIsNone(table["total"])
        empty = documents.print_table([("Canal", "text"), ("Bocaux", "int")], [], "Total")
        self.assertIsNone(empty["total"], "no total under an empty table")

    def test_workbook_keeps_user_text_as_text(self):
        names = ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", "http://x"]
        data = {
            **DATA,
            "title": "=1+1",
            "sheets": [
                {
                    "name": "Growers",
                    "columns": [("Grower", "text"), ("Kilos", "kg")],
                    "rows": [[name, 1.0] for name in names],
                }
            ],
        }
        book = openpyxl.load_workbook(io.BytesIO(xlsx_report.build_workbook(data)))
        self.assertEqual(book["Synthèse"]["A1"].data_type, "s")
        self.assertEqual(book["Synthèse"]["A1"].value, "=1+1")
        sheet = book["Growers"]
        for row, name in enumerate(names, start=5):
            self.assertEqual(sheet[f"A{row}"].value, name)
            self.assertEqual(sheet[f"A{row}"].data_type, "s")
            self.assertIsNone(sheet[f"A{row}"].hyperlink)
