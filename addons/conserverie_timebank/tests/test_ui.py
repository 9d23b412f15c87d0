from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTimebankTour(HttpCase):
    def setUp(self):
        super().setUp()
        self.company = self.env.company
        self.company.write({"time_hour_value": 10.0, "time_welcome_hours": 5.0})
        self.member = self.env["res.partner"].create({"name": "Résidente Tour", "is_member": True})
        self.account = self.env["conserverie.time.account"]._get_for_partner(self.member)
        self.time_method = self.company._get_time_payment_method()
        self.time_method.name = "Heures Tour"
        cash_journal = self.env["account.journal"].create(
            {"name": "Caisse tour", "code": "CTR", "type": "cash"}
        )
        self.cash_method = self.env["pos.payment.method"].create(
            {"name": "Espèces Tour", "journal_id": cash_journal.id}
        )
        self.env["product.product"].create(
            {
                "name": "Confiture Tour",
                "list_price": 5.0,
                "available_in_pos": True,
                "taxes_id": [Command.clear()],
            }
        )
        self.config = self.env["pos.config"].create(
            {
                "name": "Stand tour",
                "payment_method_ids": [Command.set((self.cash_method | self.time_method).ids)],
            }
        )
        self.volunteer = new_test_user(
            self.env,
            login="conserverie_tour_hours_volunteer",
            groups="conserverie_base.group_volunteer",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        self.config.with_user(self.volunteer).open_ui()

    def test_pay_part_in_hours_and_rest_in_cash(self):
        self.assertEqual(self.account.balance, 5.0)
        self.start_tour(
            f"/pos/ui?config_id={self.config.id}",
            "conserverie_timebank_pay_in_hours",
            login=self.volunteer.login,
        )
        order = self.config.current_session_id.order_ids
        self.assertEqual(len(order), 1)
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.partner_id, self.member)
        amounts = {p.payment_method_id: p.amount for p in order.payment_ids}
        self.assertAlmostEqual(amounts[self.time_method], 6.0)
        self.assertAlmostEqual(amounts[self.cash_method], 4.0)
        self.account.invalidate_recordset()
        self.assertAlmostEqual(self.account.balance, 4.4)
        debit = self.env["conserverie.time.move"].search([("pos_order_id", "=", order.id)])
        self.assertEqual(len(debit), 2)
