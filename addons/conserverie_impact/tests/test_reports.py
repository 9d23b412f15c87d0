import io

import openpyxl

from odoo import Command
from odoo.tests import tagged

from .common import ImpactCase


@tagged("post_install", "-at_install")
class TestReports(ImpactCase):
    def _attachment(self, action):
        self.assertEqual(action["type"], "ir.actions.act_url")
        attachment_id = int(action["url"].split("/web/content/")[1].split("?")[0])
        return self.env["ir.attachment"].browse(attachment_id)

    def _summary(self, sheet):
        rows = {}
        for row in sheet.iter_rows(min_row=5, values_only=True):
            if row[0]:
                rows[row[0]] = (row[1], row[2])
        return rows

    def test_xlsx_cell_by_cell(self):
        report = self._report(centre_id=False)
        attachment = self._attachment(report.action_export_xlsx())
        self.assertTrue(attachment.name.endswith(".xlsx"))
        book = openpyxl.load_workbook(io.BytesIO(attachment.raw))
        self.assertEqual(
            book.sheetnames,
            [
                "Summary",
                "Intake by grower",
                "Production",
                "Distribution",
                "Volunteering",
                "Jars",
                "Time bank",
            ],
        )
        summary = book["Summary"]
        self.assertEqual(summary["A1"].value, f"Activity report of {self.company.name}")
        self.assertIn(self.date_from.strftime("%d/%m/%Y"), summary["A2"].value)
        self.assertEqual(
            [summary.cell(4, col).value for col in (1, 2, 3)], ["Indicator", "Value", "Unit"]
        )
        self.assertEqual(summary["A5"].value, "Produce recovered")
        self.assertEqual(summary["B5"].value, 110.0)
        self.assertEqual(summary["C5"].value, "kg")
        self.assertEqual(summary["B5"].number_format, "#,##0.0")
        rows = self._summary(summary)
        self.assertEqual(rows["Growers involved"], (2, "growers"))
        self.assertEqual(rows["Jars produced"], (20, "jars"))
        self.assertEqual(rows["Jars given to volunteers"], (3, "jars"))
        self.assertEqual(rows["Volunteer hours"], (8.5, "h"))
        self.assertEqual(rows["Participants"], (3, "people"))
        self.assertEqual(rows["Jar return rate"], (0.6, "%"))
        rate_row = next(
            row for row in summary.iter_rows(min_row=5) if row[0].value == "Jar return rate"
        )
        self.assertEqual(rate_row[1].number_format, "0.0%")

        growers = book["Intake by grower"]
        self.assertEqual([cell.value for cell in growers[4]], ["Grower", "Kilos", "Intakes"])
        self.assertEqual([cell.value for cell in growers[5]], ["Ferme des Tests", 80, 2])
        self.assertEqual([cell.value for cell in growers[6]], ["Jardin Conventionnel", 30, 2])
        self.assertEqual([cell.value for cell in growers[7]], ["Total", 110, 4])
        self.assertTrue(growers["A4"].font.bold)

        production = book["Production"]
        self.assertEqual([cell.value for cell in production[5]], ["Compote (test)", 20, 1])
        distribution = book["Distribution"]
        channels = {row[0]: row[1] for row in distribution.iter_rows(min_row=5, values_only=True)}
        self.assertEqual(
            channels,
            {
                "Sale on the day": 7,
                "Volunteer share": 3,
                "Purchasing-group order": 4,
                "Total": 14,
            },
        )
        volunteering = book["Volunteering"]
        people = {row[0]: row[1:] for row in volunteering.iter_rows(min_row=5, values_only=True)}
        self.assertEqual(people["Volunteer"], (1, 5))
        self.assertEqual(people["Total"], (3, 8.5))
        jars = book["Jars"]
        self.assertEqual([cell.value for cell in jars[5]], ["Bocal 370 ml (test)", 10, 6, 0.6])
        hours = {row[0]: row[1] for row in book["Time bank"].iter_rows(min_row=5, values_only=True)}
        self.assertAlmostEqual(hours["Purchase"], -0.75)
        self.assertAlmostEqual(hours["Volunteering"], 13.5)

    def test_pdf_report_with_flower(self):
        report = self._report(compare_date_from=self.long_ago, compare_date_to=self.date_from)
        html = self._render_document(report.action_print_flower(), report)
        self.assertEqual(html.count("page-break-before: always"), 6, "summary, then six tables")
        self.assertIn(f"Activity report of {self.company.name}", html)
        self.assertIn("Produce recovered", html)
        self.assertIn("Ferme des Tests", html)
        self.assertIn("Purchasing-group order", html)
        self.assertIn("Social impact flower", html)
        self.assertIn('src="data:image/png;base64,', html, "the flower is drawn as an image")
        self.assertIn("Jardin Conventionnel", html)
        self.assertIn("110,0", html, "kilos recovered written the French way")
        png = self._attachment(report.action_flower_png())
        self.assertTrue(png.raw.startswith(b"\x89PNG"))

    def test_grant_report(self):
        funder = self.env["res.partner"].create({"name": "CAF (test)", "is_company": True})
        grant = self.env["conserverie.impact.grant"].create(
            {
                "name": "Animation familles (test)",
                "funder_id": funder.id,
                "amount": 12000,
                "date_from": self.date_from,
                "date_to": self.date_to,
                "centre_id": self.centre.id,
                "indicator_ids": [
                    Command.set(
                        [
                            self.env.ref("conserverie_impact.indicator_participants").id,
                            self.env.ref("conserverie_impact.indicator_volunteer_hours").id,
                        ]
                    )
                ],
            }
        )
        action = grant.action_open_report()
        report = self.env["conserverie.impact.report"].browse(action["res_id"])
        self.assertEqual(report.line_ids.mapped("code"), ["volunteer_hours", "participants"])
        self.assertEqual(report.line_ids.mapped("value"), [5.0, 2.0])
        book = openpyxl.load_workbook(io.BytesIO(self._attachment(grant.action_export_xlsx()).raw))
        summary = book["Summary"]
        self.assertEqual(summary["A1"].value, "Report for CAF (test): Animation familles (test)")
        self.assertIn(self.centre.name, summary["A2"].value)
        self.assertEqual(
            self._summary(summary), {"Volunteer hours": (5, "h"), "Participants": (2, "people")}
        )
        action = grant.action_print_report()
        report = self.env["conserverie.impact.report"].browse(action["context"]["active_ids"])
        self.assertEqual(report.grant_id, grant)
        html = self._render_document(action, report)
        self.assertIn("Report for CAF (test): Animation familles (test)", html)
        self.assertIn("Participants", html)
        self.assertNotIn("Produce recovered", html, "only the figures the funder asked for")

    def test_dashboard_facts(self):
        Fact = self.env["conserverie.impact.fact"]
        domain = [
            ("company_id", "=", self.company.id),
            ("date", ">=", self.date_from),
            ("date", "<=", self.date_to),
        ]
        totals = dict(Fact._read_group(domain, ["fact_type"], ["quantity:sum"]))
        self.assertAlmostEqual(totals["intake_kg"], 110.0)
        self.assertAlmostEqual(totals["jars_produced"], 20.0)
        self.assertAlmostEqual(totals["jars_distributed"], 14.0)
        self.assertAlmostEqual(totals["volunteer_hours"], 8.5)
        self.assertAlmostEqual(totals["activities"], 2.0)
        self.assertAlmostEqual(totals["jars_deposited"], 10.0)
        self.assertAlmostEqual(totals["jars_returned"], 6.0)
        self.assertAlmostEqual(totals["hours_redeemed"], 0.75)
        by_grower = dict(
            Fact._read_group(
                [*domain, ("fact_type", "=", "intake_kg")], ["grower_id"], ["quantity:sum"]
            )
        )
        self.assertAlmostEqual(by_grower[self.grower], 80.0)
        self.assertEqual(len(Fact.search(domain).ids), len(set(Fact.search(domain).ids)))
