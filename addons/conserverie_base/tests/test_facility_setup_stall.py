from odoo import Command
from odoo.tests import tagged

from .common import FacilitySetupCase


@tagged("post_install", "-at_install")
class TestFacilitySetupStall(FacilitySetupCase):
    def test_the_stall_sells_preserves_paid_in_cash_and_card(self):
        self._start_facility()
        stall = self.env["pos.config"].search([("company_id", "=", self.new_company.id)])
        preserves = self.env.ref("conserverie_base.pos_category_preserves")
        self.assertTrue(stall.limit_categories)
        self.assertIn(preserves, stall.iface_available_categ_ids)
        methods = stall.payment_method_ids
        self.assertEqual(len(methods.filtered("is_cash_count")), 1, methods.mapped("name"))
        compote = self.env["product.template"].create(
            {
                "name": "Compote (Crest)",
                "categ_id": self.env.ref("conserverie_base.product_category_preserves").id,
                "company_id": self.new_company.id,
            }
        )
        self._start_facility()
        self.assertEqual(compote.pos_categ_ids, preserves)
        self.assertTrue(compote.available_in_pos)

    def test_an_adopted_till_keeps_one_card_method_then_what_staff_add(self):
        self._start_facility()
        company = self.new_company
        journal = self.env["account.journal"].create(
            {"name": "Chèques (Crest)", "code": "CHQC", "type": "bank", "company_id": company.id}
        )
        cheque = self.env["pos.payment.method"].create(
            {"name": "Chèque (Crest)", "journal_id": journal.id, "company_id": company.id}
        )
        till = (
            self.env["pos.config"]
            .with_company(company)
            .create({"name": "Caisse du marché", "company_id": company.id})
        )
        self.assertIn(cheque, till.payment_method_ids)
        card = till.payment_method_ids.filtered(lambda m: m.type == "bank")[:1]
        self.assertNotEqual(card, cheque)
        self._start_facility(pos_config_ids=till)
        self.assertTrue(till.limit_categories)
        self.assertIn(card, till.payment_method_ids)
        self.assertNotIn(cheque, till.payment_method_ids)
        # staff choose to take cheques after all: the assistant leaves them
        till.payment_method_ids = [Command.link(cheque.id)]
        self._start_facility(pos_config_ids=till)
        self.assertIn(cheque, till.payment_method_ids)
