from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import DepositCase


@tagged("post_install", "-at_install")
class TestSecurity(DepositCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.move = cls.env["conserverie.deposit.move"].create(
            {
                "move_type": "sale",
                "deposit_product_id": cls.deposit_370.id,
                "quantity": 2,
                "amount": 1.0,
                "partner_id": cls.customer.id,
            }
        )
        cls.env["stock.quant"]._set_conserverie_jar_stock(cls.company, cls.jar_370, 20)

    def test_volunteer_pos_only(self):
        Ledger = self.env["conserverie.deposit.move"].with_user(self.volunteer_user)
        with self.assertRaises(AccessError):
            Ledger.search([])
        with self.assertRaises(AccessError):
            self.env["conserverie.jar.washing"].with_user(self.volunteer_user).create(
                {"jar_product_id": self.jar_370.id, "quantity_washed": 1}
            )
        with self.assertRaises(AccessError):
            self.env["conserverie.deposit.writeoff.wizard"].with_user(self.volunteer_user).create(
                {}
            )
        # the partner's jar count stays readable where a volunteer sees the partner
        self.assertEqual(self.customer.with_user(self.volunteer_user).deposit_jar_count, 2)

    def test_staff_washes_and_records_returns(self):
        washing = (
            self.env["conserverie.jar.washing"]
            .with_user(self.staff_user)
            .create({"jar_product_id": self.jar_370.id, "quantity_washed": 5, "quantity_broken": 1})
        )
        washing.action_done()
        self.assertEqual(washing.state, "done")
        self.assertEqual(
            self.env["conserverie.deposit.move"].with_user(self.staff_user).search([]), self.move
        )
        with self.assertRaises(UserError):
            self.move.with_user(self.staff_user).write({"quantity": 3})
        with self.assertRaises(AccessError):
            self.env["conserverie.deposit.writeoff.wizard"].with_user(self.staff_user).create({})
        wizard_model = self.env["conserverie.deposit.return.wizard"].with_user(self.staff_user)
        self.assertTrue(wizard_model.has_access("create"))

    def test_accountant_writes_off(self):
        wizard = (
            self.env["conserverie.deposit.writeoff.wizard"]
            .with_user(self.accountant_user)
            .create({"days": 0})
        )
        self.assertEqual(wizard.jar_count, 2)
        self.assertAlmostEqual(wizard.amount, 1.0)
        action = wizard.action_confirm()
        entry = self.env["account.move"].browse(action["res_id"])
        self.assertEqual(entry.state, "posted")
        self.assertAlmostEqual(sum(entry.line_ids.mapped("debit")), 1.0)
        # what is written off is no longer outstanding
        again = (
            self.env["conserverie.deposit.writeoff.wizard"]
            .with_user(self.accountant_user)
            .create({"days": 0})
        )
        self.assertEqual(again.jar_count, 0)

    def test_company_isolation(self):
        other = self.env["res.company"].create({"name": "Conserverie de Valence (test)"})
        other_user = self._create_user("staff", "conserverie_base.group_staff", company=other)
        other_user.groups_id = [Command.link(self.env.ref("conserverie_base.group_accountant").id)]
        self.env["conserverie.jar.washing"].create(
            {"jar_product_id": self.jar_370.id, "quantity_washed": 1}
        )
        for model in (
            "conserverie.deposit.move",
            "conserverie.jar.washing",
            "conserverie.deposit.report",
        ):
            with self.subTest(model=model):
                self.assertFalse(self.env[model].with_user(other_user).search([]))
        self.assertEqual(self.customer.with_user(other_user).deposit_jar_count, 0)
        liability, _writeoff = other._get_conserverie_deposit_accounts()
        self.assertNotEqual(liability, self.liability)
        self.assertEqual(liability.with_company(other).code, "419600")
        self.assertIn(other, liability.company_ids)
