"""A month of a facility keeping French books: Odoo's French chart
(``l10n_fr_account``) and, where it is installed, the inalterability of the tills
(``l10n_fr_pos_cert``)."""

from datetime import datetime, time

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.conserverie_base.tests.common import pos_line_values, pos_order_payload

HOUR_VALUE = 10.0
JAM_PRICE = 4.0
DEPOSIT_PRICE = 0.5
BASKET_PRICE = 10.0


@tagged("post_install", "-at_install")
class TestFrenchBooks(TransactionCase):
    """Sessions with hours and deposits, a refund in hours, a corrected attendance, a
    purchasing group's invoice paid partly in hours and a deposit written off on a
    French-chart company; at the month's end the clearing account is at zero, the
    deposit ledger equals 419600 of the chart, the month end is all green and the
    accountant locks the month."""

    # the chart of accounts and country of the facility's company
    chart_template = "fr"
    country_xmlid = "base.fr"
    # l10n_fr_pos_cert chains the tills' orders of a French company
    tills_chained = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.today = datetime.now().date()
        cls.month = cls.today.replace(day=1) - relativedelta(months=1)
        cls.month_end_day = cls.today.replace(day=1) - relativedelta(days=1)
        cls.company = cls.env["res.company"].create(
            {
                "name": "Conserverie de Romans (livres)",
                "country_id": cls.env.ref(cls.country_xmlid).id,
                "currency_id": cls.env.ref("base.EUR").id,
            }
        )
        cls.env["account.chart.template"].try_loading(
            cls.chart_template, company=cls.company, install_demo=False
        )
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.company.ids))
        cls.company = cls.company.with_env(cls.env)
        cls.company.write(
            {
                "time_hour_value": HOUR_VALUE,
                "time_welcome_hours": 0.0,
                "time_in_kind_enabled": True,
            }
        )
        cls.users = {
            role: new_test_user(
                cls.env,
                login=f"livres_{role}",
                groups=f"conserverie_base.group_{role}",
                company_id=cls.company.id,
                company_ids=[Command.set(cls.company.ids)],
            )
            for role in ("volunteer", "staff", "coordinator", "accountant")
        }
        cls.deposit = cls.env["product.product"].create(
            {
                "name": "Consigne 370 ml (livres)",
                "is_deposit": True,
                "list_price": DEPOSIT_PRICE,
                "available_in_pos": True,
            }
        )
        cls.jar = cls.env["product.product"].create(
            {
                "name": "Bocal 370 ml (livres)",
                "is_jar": True,
                "jar_volume_ml": 370,
                "deposit_product_id": cls.deposit.id,
            }
        )
        cls.jam = cls.env["product.product"].create(
            {
                "name": "Confiture (livres)",
                "list_price": JAM_PRICE,
                "available_in_pos": True,
                "taxes_id": [Command.clear()],
                "jar_product_id": cls.jar.id,
            }
        )
        cash_journal = cls.env["account.journal"].create(
            {
                "name": "Caisse (livres)",
                "type": "cash",
                "code": "CLIV",
                "company_id": cls.company.id,
            }
        )
        cls.cash_method = cls.env["pos.payment.method"].create(
            {
                "name": "Espèces (livres)",
                "journal_id": cash_journal.id,
                "company_id": cls.company.id,
            }
        )
        cls.time_method = cls.company._get_time_payment_method()
        cls.stall = cls.env["pos.config"].create(
            {
                "name": "Stand (livres)",
                "company_id": cls.company.id,
                "payment_method_ids": [Command.set((cls.cash_method | cls.time_method).ids)],
            }
        )
        TimeAccount = cls.env["conserverie.time.account"]
        cls.member = cls.env["res.partner"].create(
            {"name": "Adhérente (livres)", "is_member": True, "company_id": cls.company.id}
        )
        cls.env["conserverie.time.move"]._post_transfer(
            TimeAccount._get_facility(cls.company),
            TimeAccount._get_for_partner(cls.member, cls.company),
            5.0,
            "adjustment",
        )
        cls.liability = cls.company._get_conserverie_deposit_accounts()[0]

    def _day(self, day, hour=10):
        return datetime.combine(self.month.replace(day=day), time(hour))

    def _sell(self, session, jars, payments, partner=None, refunded=None):
        jar_line = pos_line_values(self.jam, jars, **refunded or {})
        deposit_line = pos_line_values(
            self.deposit, jars, deposit_parent_uuid=jar_line["uuid"], **refunded or {}
        )
        payload = pos_order_payload(session, [jar_line, deposit_line], payments, partner)
        result = self.env["pos.order"].with_user(self.users["volunteer"]).sync_from_ui([payload])
        return self.env["pos.order"].browse([order["id"] for order in result["pos.order"]])

    def _run_session(self, day, sales):
        """Open the stall on ``day`` of the month, sell, close it the same day."""
        with freeze_time(self._day(day, 9)):
            stall = self.stall.with_user(self.users["volunteer"])
            stall.open_ui()
            session = self.stall.current_session_id
            orders = self.env["pos.order"]
            for sale in sales:
                orders |= sale(session)
        with freeze_time(self._day(day, 18)):
            session.with_user(self.users["accountant"]).action_pos_session_closing_control()
        self.assertEqual(session.state, "closed")
        return session, orders

    def test_a_month_of_books(self):
        self.assertEqual(self.liability.code, "419600")
        self.assertEqual(
            self.env["account.account"].search_count(
                [("code", "=", "419600"), ("company_ids", "in", self.company.ids)]
            ),
            1,
            "419600 comes from the chart (or is created once), never twice",
        )
        writeoff = self.company._get_conserverie_deposit_accounts()[1]
        self.assertEqual(writeoff.code, "708600")
        self.assertEqual(
            self.env["account.account"].search_count(
                [("code", "=", "708600"), ("company_ids", "in", self.company.ids)]
            ),
            1,
        )
        # day 3: a jar in cash, two jars paid in hours (jam in hours, deposit in euros)
        session_1, (cash_sale, hours_sale) = self._run_session(
            3,
            [
                lambda session: self._sell(
                    session, 1, [(self.cash_method, JAM_PRICE + DEPOSIT_PRICE)]
                ),
                lambda session: self._sell(
                    session,
                    2,
                    [
                        (self.time_method, 2 * JAM_PRICE),
                        (self.cash_method, 2 * DEPOSIT_PRICE),
                    ],
                    partner=self.member,
                ),
            ],
        )
        self.assertTrue(session_1.time_clearing_move_id)
        settlement = self.company.time_settlement_account_id
        self.assertEqual(
            (settlement.code, settlement.account_type),
            ("658900", "expense"),
            "the hours are settled in an account of their own, not the chart's 658100 "
            "(contract penalties)",
        )
        # day 10: one of the jars paid in hours is refunded in hours, its deposit in cash
        hours_line = hours_sale.lines.filtered(lambda line: line.product_id == self.jam)
        deposit_line = hours_sale.lines - hours_line
        session_2, (refund,) = self._run_session(
            10,
            [
                lambda session: self._refund(
                    session, hours_line, deposit_line, hours_sale.partner_id
                ),
            ],
        )
        self.assertEqual(refund.state, "done", "kept, and closed with its session")
        self.assertFalse(refund.review_issue_ids, refund.review_issue_ids.mapped("message"))
        self.assertTrue(session_2.time_clearing_move_id)
        # day 12: the member volunteers at a workshop, recorded as four hours; day 14:
        # staff correct it to three (the credit is reversed and credited again)
        with freeze_time(self._day(12, 17)):
            workshop = (
                self.env["conserverie.activity"]
                .with_user(self.users["staff"])
                .create(
                    {
                        "name": "Atelier compote (livres)",
                        "company_id": self.company.id,
                        "attendance_ids": [
                            Command.create({"partner_id": self.member.id, "hours": 4.0})
                        ],
                    }
                )
            )
            workshop.action_done()
        with freeze_time(self._day(14)):
            workshop.attendance_ids.with_user(self.users["staff"]).write({"hours": 3.0})
        # day 15: the member's purchasing group is invoiced two baskets (20 €); staff
        # take one hour of the member's (10 €) in payment, the rest is paid in euros
        with freeze_time(self._day(15)):
            invoice = self._invoice_purchasing_group(2)
            payment = invoice.with_user(self.users["staff"])._pay_in_hours(self.member, 1.0)
        self.assertAlmostEqual(payment.amount, HOUR_VALUE)
        self.assertAlmostEqual(invoice.amount_residual, 2 * BASKET_PRICE - HOUR_VALUE)
        # day 25: the deposits still out since day 20 are written off to 708600
        with freeze_time(self._day(25)):
            wizard = (
                self.env["conserverie.deposit.writeoff.wizard"]
                .with_user(self.users["accountant"])
                .create({"date": self.month.replace(day=25), "days": 5})
            )
            self.assertAlmostEqual(wizard.amount, 2 * DEPOSIT_PRICE)
            entry = self.env["account.move"].browse(wizard.action_confirm()["res_id"])
        self.assertEqual(entry.state, "posted")
        self.assertAlmostEqual(
            sum(entry.line_ids.filtered(lambda ln: ln.account_id == writeoff).mapped("credit")),
            2 * DEPOSIT_PRICE,
        )
        # the month's volunteering in kind is posted once the month is over
        self.assertAlmostEqual(
            self.env["conserverie.time.move"]._get_volunteer_hours(
                self.month_end_day, company=self.company, date_from=self.month
            ),
            3.0,
        )
        in_kind = (
            self.env["conserverie.time.in.kind.entry"]
            .with_user(self.users["accountant"])
            ._post_month(self.company, self.month)
        )
        self.assertAlmostEqual(in_kind.amount, 3.0 * self.company.time_in_kind_hour_value)
        self.assertEqual(in_kind.move_id.state, "posted")

        # the books at the month's end
        clearing_balance, _items = self.env["conserverie.time.reconciliation"].get_clearing_balance(
            self.company, self.month_end_day
        )
        self.assertAlmostEqual(clearing_balance, 0.0)
        reconciliation = self.env["conserverie.deposit.move"].get_liability_reconciliation(
            self.month_end_day, self.company
        )
        self.assertAlmostEqual(reconciliation["difference"], 0.0, msg=reconciliation["causes"])
        # 3 jars sold, 1 refunded, 2 written off: nothing owed
        self.assertAlmostEqual(reconciliation["ledger_amount"], 0.0)
        self.assertAlmostEqual(reconciliation["account_amount"], 0.0)

        # the coordinator checks, only the accountant locks
        MonthEnd = self.env["conserverie.month.end"]
        month_end = MonthEnd.with_user(self.users["coordinator"]).create(
            {"company_id": self.company.id, "month": self.month}
        )
        self.assertTrue(
            month_end.is_ready,
            [
                (line.name, line.figure_display, line.note)
                for line in month_end.line_ids
                if line.state != "ok"
            ],
        )
        self.assertEqual(
            set(month_end.line_ids.mapped("code")),
            {
                "open_sessions",
                "orders_to_review",
                "time_clearing",
                "time_in_kind",
                "deposit_liability",
            },
        )
        for role in ("volunteer", "staff", "coordinator"):
            with self.assertRaises(AccessError, msg=role):
                month_end.with_user(self.users[role]).action_lock()
        self.assertFalse(self.company.fiscalyear_lock_date)
        month_end.with_user(self.users["accountant"]).action_lock()
        self.assertEqual(self.company.fiscalyear_lock_date, self.month_end_day)
        self.assertEqual(month_end.state, "locked")

        self.assertEqual(self.company._is_accounting_unalterable(), self.tills_chained)
        if self.tills_chained:
            self._check_till_chain(cash_sale | hours_sale | refund)

    def _check_till_chain(self, orders):
        """Nothing of the suite edited a paid order: the tills' chain is intact."""
        self.assertTrue(all(orders.mapped("l10n_fr_hash")))
        # the check of l10n_fr_pos_cert's integrity report, order by order in the chain
        # (its own method logs a warning for each order it describes)
        chain = self.env["pos.order"].search(
            [
                ("company_id", "=", self.company.id),
                ("state", "in", ("paid", "done", "invoiced")),
                ("l10n_fr_secure_sequence_number", "!=", 0),
            ],
            order="l10n_fr_secure_sequence_number",
        )
        self.assertEqual(chain, orders.sorted("l10n_fr_secure_sequence_number"))
        previous_hash = ""
        for order in chain:
            self.assertEqual(order.l10n_fr_hash, order._compute_hash(previous_hash=previous_hash))
            previous_hash = order.l10n_fr_hash

    def _invoice_purchasing_group(self, baskets):
        group = self.env["res.partner"].create(
            {
                "name": "Groupement d'achat (livres)",
                "is_purchasing_group": True,
                "is_company": True,
                "company_id": self.company.id,
            }
        )
        basket = self.env["product.product"].create(
            {
                "name": "Panier de conserves (livres)",
                "type": "service",
                "invoice_policy": "order",
                "list_price": BASKET_PRICE,
                "taxes_id": [Command.clear()],
                "company_id": self.company.id,
            }
        )
        order = self.env["sale.order"].create(
            {
                "partner_id": group.id,
                "company_id": self.company.id,
                "order_line": [
                    Command.create({"product_id": basket.id, "product_uom_qty": baskets})
                ],
            }
        )
        order.action_confirm()
        invoice = order._create_invoices()
        invoice.action_post()
        return invoice

    def _refund(self, session, hours_line, deposit_line, partner):
        jar = pos_line_values(self.jam, -1, refunded_orderline_id=hours_line.id)
        deposit = pos_line_values(
            self.deposit,
            -1,
            refunded_orderline_id=deposit_line.id,
            deposit_parent_uuid=jar["uuid"],
        )
        payload = pos_order_payload(
            session,
            [jar, deposit],
            [(self.time_method, -JAM_PRICE), (self.cash_method, -DEPOSIT_PRICE)],
            partner,
        )
        result = self.env["pos.order"].with_user(self.users["volunteer"]).sync_from_ui([payload])
        return self.env["pos.order"].browse([order["id"] for order in result["pos.order"]])


@tagged("post_install", "-at_install")
class TestGenericBooks(TestFrenchBooks):
    """The same month on Odoo's generic chart: the suite creates the accounts the
    chart lacks, and the books close the same way."""

    chart_template = "generic_coa"
    country_xmlid = "base.be"
    tills_chained = False

    def test_a_month_of_books(self):
        """Declared again: Odoo's test loader runs only the tests a class defines."""
        return super().test_a_month_of_books()
