import io
from datetime import date, datetime, timedelta

import openpyxl

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.base.models.ir_qweb import QWebException
from odoo.addons.conserverie_production.tests.common import ProductionCase
from odoo.addons.conserverie_timebank.tests.common import TimebankCase

YEAR_FROM, YEAR_TO = date(2002, 1, 1), date(2002, 12, 31)
REVENUE = {
    "stall_sales": [1200.0, 800.0],
    "purchasing_groups": [900.0],
    "toll_fees": [300.0],
    "bookings": [450.0, 600.0],
    "grants": [20000.0],
}
COSTS = {
    "running_costs": [30000.0, 5000.0],
    "lorry": [2500.0],
    "jars": [400.0],
    "produce": [100.0],
}


@tagged("post_install", "-at_install")
class TestFacilityDashboard(ProductionCase, TimebankCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Account = cls.env["account.account"]
        cls.income = Account.search(
            [("account_type", "=", "income"), ("company_ids", "in", cls.company.ids)], limit=1
        )
        cls.expense = Account.search(
            [("account_type", "=", "expense"), ("company_ids", "in", cls.company.ids)], limit=1
        )
        cls.misc = cls.env["account.journal"].search(
            [("type", "=", "general"), ("company_id", "=", cls.company.id)], limit=1
        )
        cls.streams = {
            stream: cls.env["account.analytic.account"].search(
                [("conserverie_stream", "=", stream)], limit=1
            )
            for stream in (*REVENUE, *COSTS)
        }
        lines = []
        for stream, amounts in REVENUE.items():
            lines += [cls._line(cls.income, -amount, stream) for amount in amounts]
        for stream, amounts in COSTS.items():
            lines += [cls._line(cls.expense, amount, stream) for amount in amounts]
        total = sum(line[2]["balance"] for line in lines)
        lines.append(Command.create({"account_id": cls.income.id, "balance": -total}))
        move = cls.env["account.move"].create(
            {"journal_id": cls.misc.id, "date": date(2002, 6, 30), "line_ids": lines}
        )
        move.action_post()
        # an entry of another year counts in the previous period only
        cls.env["account.move"].create(
            {
                "journal_id": cls.misc.id,
                "date": date(2001, 6, 30),
                "line_ids": [
                    cls._line(cls.income, -700.0, "bookings"),
                    cls._line(cls.expense, 14000.0, "running_costs"),
                    Command.create({"account_id": cls.income.id, "balance": -13300.0}),
                ],
            }
        ).action_post()
        cls.stall_invoice = cls._paid_partly_in_hours()
        production, _lot = cls._produce_with_passed_cycle(cls.compote_bom, quantity=40)
        production.date_finished = datetime(2002, 9, 1, 10, 0)
        cls.jars = production.product_qty

    @classmethod
    def _line(cls, account, balance, stream):
        return Command.create(
            {
                "account_id": account.id,
                "balance": balance,
                "analytic_distribution": {str(cls.streams[stream].id): 100},
            }
        )

    @classmethod
    def _paid_partly_in_hours(cls):
        """A sale of 60 € to a purchasing group, paid partly with a member's hours."""
        group = cls.env["res.partner"].create(
            {"name": "Groupement (test)", "is_purchasing_group": True, "is_company": True}
        )
        cls.Move._post_crew_credit([(cls.member, 8.0)], "Atelier (test)")
        cls.member_account.min_balance = cls.member_account.balance - 10.0
        invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": group.id,
                "invoice_date": date(2002, 7, 14),
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Compotes",
                            "quantity": 1,
                            "price_unit": 60.0,
                            "account_id": cls.income.id,
                            "tax_ids": [Command.clear()],
                            "analytic_distribution": {str(cls.streams["stall_sales"].id): 100},
                        }
                    )
                ],
            }
        )
        invoice.action_post()
        invoice._pay_in_hours(cls.member, 2.0)
        bank = cls.env["account.journal"].search(
            [
                ("type", "=", "bank"),
                ("company_id", "=", cls.company.id),
                ("id", "!=", cls.time_method.journal_id.id),
            ],
            limit=1,
        )
        cls.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create(
            {
                "journal_id": bank.id,
                "amount": invoice.amount_residual,
                "payment_date": date(2002, 7, 14),
            }
        )._create_payments()
        return invoice

    def _dashboard(self, user=None):
        Dashboard = self.env["conserverie.facility.dashboard"]
        if user:
            Dashboard = Dashboard.with_user(user)
        return Dashboard.create(
            {
                "date_from": YEAR_FROM,
                "date_to": YEAR_TO,
                "lorry_value": 55000.0,
                "lorry_in_service": date(2000, 1, 1),
                "lorry_life_years": 10,
            }
        )

    def test_figures_of_a_year(self):
        dashboard = self._dashboard()
        self.assertIn(self.stall_invoice.payment_state, ("paid", "in_payment"))
        in_hours = self.env["account.payment"].search(
            [("time_invoice_id", "=", self.stall_invoice.id)]
        )
        self.assertEqual(len(in_hours), 1, "part of the sale was paid in hours")
        self.assertTrue(0.0 < in_hours.amount < 60.0)
        self.assertAlmostEqual(dashboard.revenue_stall_sales, 1200.0 + 800.0 + 60.0)
        self.assertAlmostEqual(dashboard.revenue_purchasing_groups, 900.0)
        self.assertAlmostEqual(dashboard.revenue_toll_fees, 300.0)
        self.assertAlmostEqual(dashboard.revenue_bookings, 1050.0)
        self.assertAlmostEqual(dashboard.revenue_grants, 20000.0)
        self.assertAlmostEqual(dashboard.cost_running_costs, 35000.0)
        self.assertAlmostEqual(dashboard.cost_lorry, 2500.0)
        self.assertAlmostEqual(dashboard.cost_jars, 400.0)
        self.assertAlmostEqual(dashboard.cost_produce, 100.0)
        depreciation = 55000.0 / (10 * 365) * 365
        self.assertAlmostEqual(dashboard.depreciation, depreciation)
        own = 2060.0 + 900.0 + 300.0 + 1050.0
        self.assertAlmostEqual(dashboard.own_revenue, own)
        self.assertAlmostEqual(dashboard.total_revenue, own + 20000.0)
        costs = 35000.0 + 2500.0 + 400.0 + 100.0 + depreciation
        self.assertAlmostEqual(dashboard.total_costs, costs)
        self.assertAlmostEqual(dashboard.result, own + 20000.0 - costs)
        self.assertEqual(dashboard.jars_produced, self.jars)
        self.assertAlmostEqual(dashboard.cost_per_jar, costs / self.jars)
        margin = (2060.0 + 900.0 - 400.0 - 100.0) / self.jars
        fixed = 35000.0 + 2500.0 + depreciation
        self.assertAlmostEqual(dashboard.break_even_jars, fixed / margin)
        self.assertAlmostEqual(dashboard.independence_ratio, own / 35000.0)
        self.assertAlmostEqual(dashboard.independence_ratio_previous, 700.0 / 14000.0)
        self.assertAlmostEqual(dashboard.independence_trend, (own / 35000.0 - 0.05) / 0.05)
        hours = self.env["conserverie.time.move"]._get_volunteer_hours(
            YEAR_TO, company=self.company, date_from=YEAR_FROM
        )
        self.assertAlmostEqual(
            dashboard.volunteer_value, hours * self.company.time_in_kind_hour_value
        )

    def test_impact_reads_the_economic_figures(self):
        own = 2060.0 + 900.0 + 300.0 + 1050.0
        report = (
            self.env["conserverie.impact.report"]
            .with_user(self.accountant_user)
            .create({"date_from": YEAR_FROM, "date_to": YEAR_TO})
        )
        values = report.compute_indicators()
        self.assertAlmostEqual(values["own_revenue"], own)
        self.assertAlmostEqual(values["independence_ratio"], own / 35000.0)
        petal = self.env.ref("conserverie_impact.petal_economy")
        line = petal.indicator_line_ids.filtered(
            lambda line: line.indicator_id.code == "independence_ratio"
        )
        self.assertAlmostEqual(line._get_display_value(values), own / 35000.0 * 100)
        report.action_compute()
        printed = report.line_ids.filtered(
            lambda line: line.indicator_id.code == "independence_ratio"
        )
        self.assertAlmostEqual(printed.value, own / 35000.0 * 100, places=2)

    def test_export(self):
        dashboard = self._dashboard(self.accountant_user)
        action = dashboard.action_export_xlsx()
        self.assertEqual(action["type"], "ir.actions.act_url")
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", dashboard._name), ("res_id", "=", dashboard.id)]
        )
        self.assertTrue(attachment.raw.startswith(b"PK"))

    def _exported_sheet(self, dashboard):
        """The exported workbook's sheet, as {label: cell of its value}."""
        dashboard.action_export_xlsx()
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", dashboard._name), ("res_id", "=", dashboard.id)],
            order="id desc",
            limit=1,
        )
        sheet = openpyxl.load_workbook(io.BytesIO(attachment.raw)).active
        return {row[0].value: row[1] for row in sheet.iter_rows(min_row=2)}

    def test_export_number_formats(self):
        dashboard = self._dashboard(self.accountant_user)
        cells = self._exported_sheet(dashboard)
        currency = self.company.currency_id
        amount = "#,##0." + "0" * currency.decimal_places
        symbol = f'"{currency.symbol}"'
        money = f"{amount} {symbol}" if currency.position == "after" else f"{symbol} {amount}"
        self.assertAlmostEqual(cells["Stall sales"].value, 2060.0)
        self.assertEqual(cells["Stall sales"].number_format, money)
        self.assertEqual(cells["Cost of a jar"].number_format, money)
        own = 2060.0 + 900.0 + 300.0 + 1050.0
        self.assertAlmostEqual(cells["Independence Ratio"].value, own / 35000.0)
        self.assertEqual(cells["Independence Ratio"].number_format, "0.0%")
        self.assertEqual(cells["Independence ratio, previous period"].number_format, "0.0%")
        self.assertEqual(cells["Jars Produced"].value, self.jars)
        self.assertEqual(cells["Jars Produced"].number_format, "#,##0")
        self.assertEqual(cells["Volunteer Hours"].number_format, "[h]:mm")
        # the crew's hours were credited this year: a duration in the cell
        this_year = (
            self.env["conserverie.facility.dashboard"].with_user(self.accountant_user).create({})
        )
        self.assertGreater(this_year.volunteer_hours, 0.0)
        self.assertAlmostEqual(
            self._exported_sheet(this_year)["Volunteer Hours"].value,
            timedelta(hours=this_year.volunteer_hours),
            delta=timedelta(seconds=1),
        )

    def test_no_previous_period_shows_a_dash(self):
        """2001 has entries, 2000 none: no ratio of 0 % to compare 2001 with."""
        dashboard = self._dashboard(self.accountant_user)
        self.assertTrue(dashboard.has_previous_period)
        dashboard.write({"date_from": date(2001, 1, 1), "date_to": date(2001, 12, 31)})
        self.assertAlmostEqual(dashboard.independence_ratio, 700.0 / 14000.0)
        self.assertFalse(dashboard.has_previous_period)
        self.assertEqual(dashboard._format("independence_ratio_previous"), "\u2014")
        self.assertEqual(dashboard._format("independence_trend"), "\u2014")
        self.assertEqual(dashboard._format("independence_ratio"), "5.0 %")
        cells = self._exported_sheet(dashboard)
        self.assertEqual(cells["Independence ratio, previous period"].value, "\u2014")
        self.assertEqual(cells["Independence Trend"].value, "\u2014")
        self.assertAlmostEqual(cells["Independence Ratio"].value, 700.0 / 14000.0)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.accountant_user)
            ._render_qweb_html("conserverie_coordination.report_facility_dashboard", dashboard.ids)[
                0
            ]
            .decode()
        )
        self.assertNotIn("0.0 %", html)
        self.assertIn("\u2014", html)

    def test_only_coordinators_and_accountants(self):
        self.assertAlmostEqual(self._dashboard(self.coordinator_user).revenue_bookings, 1050.0)
        self.assertAlmostEqual(self._dashboard(self.accountant_user).revenue_bookings, 1050.0)
        dashboard = self._dashboard()
        for user in (self.volunteer_user, self.staff_user):
            with self.assertRaises(AccessError):
                dashboard.with_user(user).read(["revenue_bookings"])
            with self.assertRaises(AccessError):
                self._dashboard(user)

    def test_print_pdf_in_french(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(["conserverie_coordination"], ["fr_FR"])
        self.coordinator_user.lang = "fr_FR"
        dashboard = self._dashboard(self.coordinator_user)
        action = dashboard.env.ref(
            "conserverie_coordination.conserverie_facility_dashboard_report_action"
        )
        html = (
            self.env["ir.actions.report"]
            .with_user(self.coordinator_user)
            .with_context(lang="fr_FR")
            ._render_qweb_html(action.report_name, dashboard.ids)[0]
            .decode()
        )
        for space in ("\u202f", "\xa0", "&nbsp;", "&#8239;", "&#160;"):
            html = html.replace(space, " ")
        for label in (
            "Modèle économique du 01/01/2002 au 31/12/2002",
            "Recettes",
            "Charges",
            "Autonomie",
            "Ventes au stand",
            "Amortissement du camion",
            "Le bénévolat est valorisé",
        ):
            self.assertIn(label, html)
        for english in ("Revenue", "Stall sales", "Costs", "Economic model"):
            self.assertNotIn(f">{english}", html)
        currency = self.company.currency_id
        for number in ("2 060,00", "900,00", "1 050,00", "20 000,00", "35 000,00"):
            amount = (
                f"{number} {currency.symbol}"
                if currency.position == "after"
                else f"{currency.symbol} {number}"
            )
            self.assertIn(amount, html)
        own = 2060.0 + 900.0 + 300.0 + 1050.0
        self.assertIn(f"{own / 35000.0 * 100:.1f} %".replace(".", ","), html)

    def test_print_pdf(self):
        dashboard = self._dashboard(self.coordinator_user)
        action = dashboard.env.ref(
            "conserverie_coordination.conserverie_facility_dashboard_report_action"
        )
        for user in (self.coordinator_user, self.accountant_user):
            html = (
                self.env["ir.actions.report"]
                .with_user(user)
                ._render_qweb_html(action.report_name, dashboard.ids)[0]
                .decode()
            )
            for revenue in ("2,060.00", "900.00", "300.00", "1,050.00", "20,000.00"):
                self.assertIn(revenue, html)
            own = 2060.0 + 900.0 + 300.0 + 1050.0
            self.assertIn(f"{own / 35000.0 * 100:.1f} %", html)
            depreciation = 55000.0 / (10 * 365) * 365
            margin = (2060.0 + 900.0 - 400.0 - 100.0) / self.jars
            break_even = (35000.0 + 2500.0 + depreciation) / margin
            self.assertIn(f"{break_even:,.0f}", html)
        for user in (self.volunteer_user, self.staff_user):
            # a fresh request: nothing the coordinator read is still cached
            self.env.invalidate_all()
            with self.assertRaises(QWebException) as refused:
                self.env["ir.actions.report"].with_user(user)._render_qweb_html(
                    action.report_name, dashboard.ids
                )
            self.assertIsInstance(refused.exception.__cause__, AccessError)
