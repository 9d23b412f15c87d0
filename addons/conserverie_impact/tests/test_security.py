from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ImpactCase


@tagged("post_install", "-at_install")
class TestSecurity(ImpactCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls.env["conserverie.impact.campaign"].create(
            {"name": "Sécurité (test)", "date_from": cls.date_from, "date_to": cls.date_to}
        )
        cls.campaign.action_open()
        cls.statement = cls.campaign.statement_ids[0]
        cls.answers = cls.campaign._submit_answers("resident", {cls.statement.id: 4})

    def test_answers_are_anonymous(self):
        Answer = self.env["conserverie.impact.answer"]
        for field_name in ("create_uid", "write_uid", "create_date", "write_date"):
            self.assertNotIn(field_name, Answer._fields)
        relational = [
            field.comodel_name for field in Answer._fields.values() if field.type == "many2one"
        ]
        self.assertNotIn("res.users", relational)
        self.assertNotIn("res.partner", relational)
        self.cr.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s",
            ["conserverie_impact_answer"],
        )
        columns = {row[0] for row in self.cr.fetchall()}
        self.assertFalse(
            columns & {"create_uid", "write_uid", "create_date", "write_date", "partner_id"}
        )
        # staff types answers in; nobody edits them, the volunteer does not see them
        entry = self.campaign.with_user(self.staff_user)._submit_answers(
            "partner", {self.statement.id: 2}
        )
        self.assertEqual(entry.with_user(self.staff_user).score, 2)
        for user in (self.staff_user, self.coordinator_user):
            with self.assertRaises(AccessError):
                self.answers.with_user(user).write({"score": 1})
        with self.assertRaises(AccessError):
            self.answers.with_user(self.volunteer_user).read(["score"])
        with self.assertRaises(AccessError):
            self.answers.with_user(self.accountant_user).read(["score"])

    def test_brackets_visible_as_counts_only(self):
        pricelist = self.env["product.pricelist"].create({"name": "Solidaire (test)"})
        bracket = self.env["conserverie.solidarity.bracket"].create(
            {"name": "Tranche A", "quotient_max": 600, "pricelist_id": pricelist.id}
        )
        self.member.solidarity_bracket_id = bracket
        report = self._report().with_user(self.accountant_user)
        values = report.compute_indicators()
        self.assertEqual(values["households_by_bracket"], {"Tranche A": 1, "No bracket": 2})
        with self.assertRaises(AccessError):
            self.member.with_user(self.accountant_user).read(["solidarity_bracket_id"])
        with self.assertRaises(AccessError):
            bracket.with_user(self.accountant_user).read(["name"])

    def test_accountant_reads_reports(self):
        report = (
            self.env["conserverie.impact.report"]
            .with_user(self.accountant_user)
            .create({"date_from": self.date_from, "date_to": self.date_to})
        )
        values = report.compute_indicators()
        self.assertAlmostEqual(values["kg_recovered"], 110.0)
        self.assertAlmostEqual(values["jars_distributed"], 14.0)
        self.assertAlmostEqual(values["hours_redeemed"], 0.75)
        # the accountant downloads the workbook and prints the PDF they asked for
        action = report.action_export_xlsx()
        self.assertEqual(action["type"], "ir.actions.act_url")
        attachment_id = int(action["url"].split("/web/content/")[1].split("?")[0])
        attachment = self.env["ir.attachment"].with_user(self.accountant_user).browse(attachment_id)
        self.assertTrue(attachment.raw.startswith(b"PK\x03\x04"))
        action = report.action_print_flower()
        self.assertEqual(action["type"], "ir.actions.report")
        html = (
            self.env["ir.actions.report"]
            .with_user(self.accountant_user)
            ._render_qweb_html(action["report_name"], report.ids)[0]
        )
        self.assertIn(b"Produce recovered", html)
        self.env["conserverie.impact.fact"].with_user(self.accountant_user).search([], limit=1)
        with self.assertRaises(AccessError):
            self.env["conserverie.impact.petal"].with_user(self.accountant_user).create(
                {"name": "X"}
            )
        with self.assertRaises(AccessError):
            self.campaign.with_user(self.accountant_user).write({"name": "X"})

    def test_staff_and_volunteer(self):
        with self.assertRaises(AccessError):
            self.env["conserverie.impact.report"].with_user(self.staff_user).create({})
        with self.assertRaises(AccessError):
            self.env["conserverie.impact.grant"].with_user(self.staff_user).search([])
        with self.assertRaises(AccessError):
            self.env["conserverie.impact.campaign"].with_user(self.volunteer_user).search([])
        self.assertTrue(self.campaign.with_user(self.staff_user).answer_url)

    def test_coordinator_configures(self):
        Petal = self.env["conserverie.impact.petal"]
        with self.assertRaises(AccessError):
            Petal.with_user(self.staff_user).create({"name": "Refusée (test)"})
        petal = Petal.with_user(self.coordinator_user).create({"name": "Nouvelle (test)"})
        self.assertEqual(Petal.search([("name", "=", "Nouvelle (test)")]), petal)
        self.campaign.with_user(self.coordinator_user).action_close()
        self.assertEqual(self.campaign.state, "closed")
        self.assertTrue(self.campaign.score_ids)


@tagged("post_install", "-at_install")
class TestCompanyIsolation(ImpactCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_2 = cls.env["res.company"].create({"name": "Autre conserverie (test)"})
        cls.coordinator_2 = cls._create_user(
            "coordinator", "conserverie_base.group_coordinator", company=cls.company_2
        )
        Activity = cls.env["conserverie.activity"].with_company(cls.company_2)
        cls.activity_2 = Activity.create(
            {
                "name": "Atelier ailleurs (test)",
                "date_start": cls._at(cls.date_from + timedelta(days=3)),
                "company_id": cls.company_2.id,
                "attendance_ids": [
                    Command.create(
                        {"partner_id": cls.neighbour.id, "role": "resident", "hours": 7.0}
                    )
                ],
            }
        )
        cls.activity_2.action_done()
        cls.campaign = cls.env["conserverie.impact.campaign"].create(
            {"name": "Première (test)", "date_from": cls.date_from, "date_to": cls.date_to}
        )
        cls.grant = cls.env["conserverie.impact.grant"].create(
            {
                "name": "Subvention (test)",
                "funder_id": cls.centre.id,
                "date_from": cls.date_from,
                "date_to": cls.date_to,
            }
        )

    def test_reports_per_company(self):
        values = self._report().compute_indicators()
        self.assertAlmostEqual(values["volunteer_hours"], 8.5)
        self.assertEqual(values["activities"], 2)
        report_2 = (
            self.env["conserverie.impact.report"]
            .with_user(self.coordinator_2)
            .with_company(self.company_2)
            .create({"date_from": self.date_from, "date_to": self.date_to + timedelta(days=1)})
        )
        values_2 = report_2.compute_indicators()
        self.assertEqual(report_2.company_id, self.company_2)
        self.assertAlmostEqual(values_2["volunteer_hours"], 7.0)
        self.assertEqual(values_2["activities"], 1)
        self.assertAlmostEqual(values_2["kg_recovered"], 0.0)
        self.assertAlmostEqual(values_2["jars_distributed"], 0.0)

    def test_records_of_another_company_are_hidden(self):
        user = self.coordinator_2
        self.assertFalse(self.env["conserverie.impact.campaign"].with_user(user).search([]))
        self.assertFalse(self.env["conserverie.impact.grant"].with_user(user).search([]))
        self.assertFalse(self.env["conserverie.impact.answer"].with_user(user).search([]))
        with self.assertRaises(AccessError):
            self.campaign.with_user(user).read(["name"])
        facts = self.env["conserverie.impact.fact"].with_user(user).search([])
        self.assertEqual(set(facts.mapped("company_id")), {self.company_2})
        # the default petals are shared
        self.assertEqual(len(self.env["conserverie.impact.petal"].with_user(user).search([])), 4)
