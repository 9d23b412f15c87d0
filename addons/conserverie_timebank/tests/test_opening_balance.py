from datetime import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.conserverie_base.tests.common import ConserverieCase
from odoo.addons.conserverie_base.tests.import_common import ImportTemplateMixin

TEMPLATE = "/conserverie_timebank/static/xls/conserverie_time_opening.xlsx"
FIELDS = ["member_id/id", "hours", "date"]
MODEL = "conserverie.time.opening.balance"


@tagged("post_install", "-at_install")
class TestOpeningBalance(ImportTemplateMixin, ConserverieCase):
    """Members' hours from before the time bank, imported once each."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_french(["base", "conserverie_base", "conserverie_timebank"])
        # members brought in with their balance get no welcome credit on top (see CONFIGURE)
        cls.company.time_welcome_hours = 0.0
        cls.Account = cls.env["conserverie.time.account"]
        cls.Move = cls.env["conserverie.time.move"]
        cls.Opening = cls.env[MODEL]
        cls.facility = cls.Account._get_facility(cls.company)
        # the members the members' template brings in, with the external ids it gives them
        cls.lucie, cls.karim = cls.env["res.partner"]._load_records(
            [
                {
                    "xml_id": f"__import__.{xml_id}",
                    "values": {"name": name, "is_member": True},
                }
                for xml_id, name in (
                    ("membre_martin_lucie", "Lucie Martin"),
                    ("membre_benali_karim", "Karim Benali"),
                )
            ]
        )

    def _balance(self, partner):
        return self.Account._get_for_partner(partner, self.company).balance

    def _opening_moves(self):
        return self.Move.search([("transfer_ref", "=like", "OPEN-%")])

    def test_import_template_posts_one_transfer_each(self):
        facility_before = self.facility.balance
        content = self._get_template(MODEL, TEMPLATE)
        result = self._import(MODEL, content, self.coordinator_user, FIELDS)
        self.assertImportDone(result, 2)
        self.assertEqual(self._balance(self.lucie), 12.5)
        self.assertEqual(self._balance(self.karim), 3.0)
        self.facility.invalidate_recordset(["balance"])
        self.assertEqual(self.facility.balance, facility_before - 15.5)
        moves = self._opening_moves()
        self.assertEqual(len(moves), 4, "one transfer (two legs) per member")
        lucie_leg = moves.filtered(lambda move: move.partner_id == self.lucie)
        self.assertRecordValues(
            lucie_leg,
            [{"amount": 12.5, "date": datetime(2026, 1, 1), "user_id": self.coordinator_user.id}],
        )

        # the same file again: nothing more is posted
        result = self._import(MODEL, content, self.accountant_user, FIELDS)
        self.assertImportDone(result, 2)
        self.assertEqual(self._opening_moves(), moves)
        self.assertEqual(self._balance(self.lucie), 12.5)
        self.assertEqual(self.Opening.search_count([]), 2)

    def test_opening_balances_are_neither_issued_nor_redeemed(self):
        """Hours brought from before the suite are balances, not hours the facility
        issued on the opening date: the period's figures leave them out."""
        opening_day = datetime(2026, 1, 1).date()
        before = self.Move.get_hours_totals(opening_day, opening_day, self.company)
        content = self._get_template(MODEL, TEMPLATE)
        self.assertImportDone(self._import(MODEL, content, self.coordinator_user, FIELDS), 2)
        self.assertEqual(set(self._opening_moves().mapped("move_type")), {"opening"})
        after = self.Move.get_hours_totals(opening_day, opening_day, self.company)
        self.assertEqual(after["hours_issued"], before["hours_issued"])
        self.assertEqual(after["hours_redeemed"], before["hours_redeemed"])
        self.assertEqual(after["hours_by_type"]["opening"], 15.5)

    def test_different_balance_is_refused_and_nothing_imported(self):
        self.Opening.with_user(self.accountant_user).create(
            {"member_id": self.lucie.id, "hours": 12.5, "date": "2026-01-01"}
        )
        rows = [
            ["Member", "Hours", "Date"],
            ["__import__.membre_benali_karim", "3", "2026-01-01"],
            ["__import__.membre_martin_lucie", "20", "2026-01-01"],
        ]
        result = self._import_csv(MODEL, rows, self.coordinator_user, FIELDS)
        self.assertImportFailed(result, "Lucie Martin already has an opening balance (12 h 30")
        self.assertFalse(self.Opening.search([("member_id", "=", self.karim.id)]))
        self.assertEqual(self._balance(self.karim), 0.0, "the good row is not posted either")
        self.assertEqual(self._balance(self.lucie), 12.5)

    def test_bad_rows_import_nothing(self):
        for bad_row, message in (
            (["__import__.membre_martin_lucie", "2", "2026-01-01"], "appears twice"),
            (["__import__.nobody", "2", "2026-01-01"], "nobody"),
            (["__import__.membre_martin_lucie", "douze", "2026-01-01"], "douze"),
        ):
            with self.subTest(bad_row=bad_row):
                rows = [
                    ["Member", "Hours", "Date"],
                    ["__import__.membre_benali_karim", "3", "2026-01-01"],
                    ["__import__.membre_martin_lucie", "1", "2026-01-01"],
                    bad_row,
                ]
                result = self._import_csv(MODEL, rows, self.coordinator_user, FIELDS)
                self.assertImportFailed(result, message)
                self.assertFalse(self.Opening.search([]))
                self.assertFalse(self._opening_moves())

    def test_negative_and_zero_balances(self):
        owing, even = self.Opening.with_user(self.coordinator_user).create(
            [
                {"member_id": self.lucie.id, "hours": -1.5},
                {"member_id": self.karim.id, "hours": 0.0},
            ]
        )
        self.assertEqual(self._balance(self.lucie), -1.5, "a member who owed hours still does")
        self.assertTrue(owing.transfer_ref)
        self.assertFalse(even.transfer_ref, "nothing to post for a zero balance")
        with self.assertRaisesRegex(UserError, "already has an opening balance"):
            self.Opening.with_user(self.coordinator_user).create(
                {"member_id": self.karim.id, "hours": 4.0}
            )

    def test_opening_cannot_change_nor_go(self):
        opening = self.Opening.with_user(self.coordinator_user).create(
            {"member_id": self.lucie.id, "hours": 2.0}
        )
        for user in (self.coordinator_user, self.accountant_user):
            with self.subTest(user=user.login):
                # refused by the access rights or by the model (AccessError is a UserError)
                with self.assertRaises(UserError):
                    opening.with_user(user).write({"hours": 20.0})
                with self.assertRaises(UserError):
                    opening.with_user(user).unlink()
        with self.assertRaisesRegex(UserError, "cannot be changed once posted"):
            opening.sudo().write({"hours": 20.0})
        with self.assertRaisesRegex(UserError, "cannot be deleted once posted"):
            opening.sudo().unlink()
        self.assertEqual(self._balance(self.lucie), 2.0)

    def test_facility_has_no_opening(self):
        with self.assertRaisesRegex(UserError, "no opening balance of its own"):
            self.Opening.with_user(self.coordinator_user).create(
                {"member_id": self.company.partner_id.id, "hours": 5.0}
            )

    def test_volunteer_and_staff_cannot_import(self):
        content = self._get_template(MODEL, TEMPLATE)
        for user in (self.volunteer_user, self.staff_user):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.Opening.with_user(user).create({"member_id": self.lucie.id, "hours": 5})
                result = self._import(MODEL, content, user, FIELDS)
                self.assertFalse(result.get("ids"))
                self.assertFalse(self.Opening.search([]))
                self.assertEqual(self._balance(self.lucie), 0.0)
