from datetime import date, datetime, time

from dateutil.relativedelta import relativedelta
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ConserverieCase


@tagged("post_install", "-at_install")
class TestMonthEnd(ConserverieCase):
    """The month-end panel of a company of its own: checks, the lock and who may do what."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.books = cls.env["res.company"].create(
            {"name": "Conserverie de Nyons (test)", "country_id": cls.env.ref("base.fr").id}
        )
        cls.env["account.chart.template"].try_loading(
            "generic_coa", company=cls.books, install_demo=False
        )
        cls.users = {
            role: cls._create_user(f"month_end_{role}", f"conserverie_base.group_{role}", cls.books)
            for role in ("volunteer", "staff", "coordinator", "accountant")
        }
        cls.month = cls.today.replace(day=1) - relativedelta(months=1)
        cls.month_end_day = cls.today.replace(day=1) - relativedelta(days=1)
        journal = cls.env["account.journal"].create(
            {
                "name": "Caisse Die (test)",
                "type": "cash",
                "code": "CDIE",
                "company_id": cls.books.id,
            }
        )
        method = cls.env["pos.payment.method"].create(
            {"name": "Espèces Nyons (test)", "journal_id": journal.id, "company_id": cls.books.id}
        )
        cls.pos_config = (
            cls.env["pos.config"]
            .with_company(cls.books)
            .create(
                {
                    "name": "Stand Nyons (test)",
                    "company_id": cls.books.id,
                    "payment_method_ids": [Command.set(method.ids)],
                }
            )
        )

    def _month_end(self, role="accountant", month=None):
        return (
            self.env["conserverie.month.end"]
            .with_user(self.users[role])
            .with_company(self.books)
            .create({"company_id": self.books.id, "month": month or self.month})
        )

    def _open_session_in_month(self):
        self.pos_config.with_company(self.books).open_ui()
        session = self.pos_config.current_session_id
        session.start_at = datetime.combine(self.month, time(9))
        return session

    def _line(self, month_end, code):
        line = month_end.line_ids.filtered(lambda ln: ln.code == code)
        self.assertEqual(len(line), 1, code)
        return line

    def test_all_green_month_is_locked_by_the_accountant(self):
        month_end = self._month_end()
        self.assertEqual(month_end.month, self.month)
        self.assertEqual(month_end.date_to, self.month_end_day)
        self.assertTrue(month_end.line_ids)
        self.assertTrue(
            month_end.is_ready,
            month_end.line_ids.filtered(lambda ln: ln.state != "ok").mapped("name"),
        )
        self.assertEqual(self._line(month_end, "open_sessions").state, "ok")
        self.assertEqual(self._line(month_end, "orders_to_review").state, "ok")
        month_end.action_lock()
        self.assertEqual(month_end.state, "locked")
        self.assertEqual(month_end.locked_by_id, self.users["accountant"])
        self.assertEqual(self.books.fiscalyear_lock_date, self.month_end_day)
        # a locked month keeps its checks and is locked once
        with self.assertRaisesRegex(UserError, "locked"):
            month_end.action_refresh()
        with self.assertRaisesRegex(UserError, "locked"):
            month_end.action_lock()
        with self.assertRaises(AccessError):
            month_end.unlink()
        with self.assertRaisesRegex(UserError, "kept"):
            month_end.sudo().unlink()
        # the company's books are locked for the month: no entry can be dated in it
        self.assertEqual(self.books.fiscalyear_lock_date, self.month_end_day)

    def test_open_session_refuses_the_lock(self):
        session = self._open_session_in_month()
        month_end = self._month_end()
        line = self._line(month_end, "open_sessions")
        self.assertEqual(line.state, "to_do")
        self.assertEqual(line.figure, 1)
        self.assertFalse(month_end.is_ready)
        action = line.action_open_records()
        self.assertEqual(action["res_model"], "pos.session")
        self.assertEqual(action["domain"], [("id", "in", session.ids)])
        with self.assertRaisesRegex(UserError, "checks are to do"):
            month_end.action_lock()
        self.assertFalse(self.books.fiscalyear_lock_date)
        self.assertEqual(month_end.state, "open")
        session.action_pos_session_closing_control()
        self.assertEqual(session.state, "closed")
        month_end.action_refresh()
        self.assertEqual(self._line(month_end, "open_sessions").state, "ok")
        month_end.action_lock()
        self.assertEqual(self.books.fiscalyear_lock_date, self.month_end_day)

    def test_month_not_over_is_not_locked(self):
        month_end = self._month_end(month=self.today)
        with self.assertRaisesRegex(UserError, "once it is over"):
            month_end.action_lock()
        self.assertFalse(self.books.fiscalyear_lock_date)

    def test_coordinator_checks_but_never_locks(self):
        month_end = self._month_end("coordinator")
        self.assertTrue(month_end.is_ready)
        month_end.action_refresh()
        with self.assertRaisesRegex(AccessError, "Only an accountant"):
            month_end.action_lock()
        self.assertFalse(self.books.fiscalyear_lock_date)
        # nor writes a check or the state by hand
        with self.assertRaises(AccessError):
            month_end.line_ids[:1].write({"state": "ok"})
        with self.assertRaises(AccessError):
            month_end.write({"state": "locked"})
        self.assertEqual(month_end.state, "open")

    def test_forged_check_is_replaced_before_the_lock(self):
        self._open_session_in_month()
        month_end = self._month_end()
        with self.assertRaises(AccessError):
            month_end.line_ids.write({"state": "ok"})
        with self.assertRaises(AccessError):
            self.env["conserverie.month.end.line"].with_user(self.users["accountant"]).create(
                {"month_end_id": month_end.id, "code": "x", "name": "x", "state": "ok"}
            )
        with self.assertRaisesRegex(UserError, "checks are to do"):
            month_end.action_lock()
        self.assertFalse(self.books.fiscalyear_lock_date)

    def test_volunteer_and_staff_see_no_month_end(self):
        month_end = self._month_end()
        for role in ("volunteer", "staff"):
            user = self.users[role]
            with self.assertRaises(AccessError, msg=role):
                self.env["conserverie.month.end"].with_user(user).create(
                    {"company_id": self.books.id, "month": self.month}
                )
            with self.assertRaises(AccessError, msg=role):
                month_end.with_user(user).read(["state"])
            with self.assertRaises(AccessError, msg=role):
                month_end.with_user(user).action_lock()
            with self.assertRaises(AccessError, msg=role):
                month_end.with_user(user).action_refresh()
        self.assertFalse(self.books.fiscalyear_lock_date)
        self.assertEqual(month_end.state, "open")

    def test_other_company_month_end_is_out_of_reach(self):
        month_end = self._month_end()
        outsider = self.accountant_user  # an accountant of the first company only
        self.assertFalse(
            self.env["conserverie.month.end"]
            .with_user(outsider)
            .search([("id", "=", month_end.id)])
        )
        with self.assertRaises(AccessError):
            month_end.with_user(outsider).action_lock()
        self.assertFalse(self.books.fiscalyear_lock_date)

    def test_one_month_end_per_company_and_month(self):
        self._month_end()
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            self._month_end(month=self.month + relativedelta(days=10))

    def test_exports(self):
        month_end = self._month_end()
        data = month_end._build_xlsx()
        self.assertTrue(data.startswith(b"PK"))
        action = month_end.action_export_xlsx()
        self.assertEqual(action["type"], "ir.actions.act_url")
        html = (
            self.env["ir.actions.report"]
            .with_user(self.users["accountant"])
            ._render_qweb_html("conserverie_base.report_month_end", month_end.ids)[0]
            .decode()
        )
        for line in month_end.line_ids:
            self.assertIn(line.name, html)

    def test_list_shows_the_month_in_the_reader_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(["conserverie_base"], ["fr_FR"])
        month_end = self._month_end(month=date(2025, 10, 14))
        self.assertEqual(month_end.month, date(2025, 10, 1))
        self.assertEqual(month_end.month_label, "October 2025")
        in_french = month_end.with_context(lang="fr_FR")
        self.assertEqual(in_french.month_label, "octobre 2025")
        arch = in_french.get_views([(False, "list")])["views"]["list"]["arch"]
        for header in ('string="Mois"', 'string="À faire"', 'string="Prêt"'):
            self.assertIn(header, arch)

    def test_list_sorts_by_month_name_in_calendar_order(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        months = [date(2025, 8, 1), date(2025, 10, 1), date(2025, 9, 1)]
        month_ends = self.env["conserverie.month.end"].browse()
        for month in months:
            month_ends |= self._month_end(month=month)
        MonthEnd = (
            self.env["conserverie.month.end"]
            .with_user(self.users["accountant"])
            .with_company(self.books)
        )
        self.assertTrue(MonthEnd.fields_get(["month_label"])["month_label"]["sortable"])
        # as the list does when its "Month" header is clicked: in the calendar's order,
        # where the alphabet would give "août", "octobre", "septembre"
        found = MonthEnd.with_context(lang="fr_FR").web_search_read(
            [("id", "in", month_ends.ids)], {"month_label": {}}, order="month_label asc"
        )
        self.assertEqual(
            [record["month_label"] for record in found["records"]],
            ["août 2025", "septembre 2025", "octobre 2025"],
        )
