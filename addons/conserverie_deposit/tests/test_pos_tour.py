from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPosTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        warehouse = company._get_conserverie_warehouse()
        cls.user = new_test_user(
            cls.env,
            login="conserverie_tour_volunteer",
            groups="conserverie_base.group_volunteer",
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
        )
        deposit = cls.env["product.product"].create(
            {
                "name": "Consigne tournée",
                "is_deposit": True,
                "list_price": 0.5,
                "available_in_pos": True,
            }
        )
        cls.jar = cls.env["product.product"].create(
            {
                "name": "Bocal tournée",
                "is_jar": True,
                "jar_volume_ml": 370,
                "is_storable": True,
                "deposit_product_id": deposit.id,
            }
        )
        cls.jam = cls.env["product.product"].create(
            {
                "name": "Confiture tournée",
                "is_storable": True,
                "list_price": 4.0,
                "available_in_pos": True,
                "taxes_id": [Command.clear()],
                "jar_product_id": cls.jar.id,
            }
        )
        category = cls.env["pos.category"].create({"name": "Bocaux tournée"})
        cls.jam.pos_categ_ids = category
        cash_journal = cls.env["account.journal"].create(
            {"name": "Caisse tournée", "type": "cash", "code": "CTOUR"}
        )
        cash = cls.env["pos.payment.method"].create(
            {"name": "Espèces tournée", "journal_id": cash_journal.id}
        )
        cls.config = cls.env["pos.config"].create(
            {
                "name": "Stand tournée",
                "payment_method_ids": [Command.set(cash.ids)],
                "picking_type_id": warehouse.pos_type_id.id,
                "limit_categories": True,
                "iface_available_categ_ids": [Command.set(category.ids)],
            }
        )

    def test_sell_two_jars_return_three(self):
        self.config.with_user(self.user).open_ui()
        self.start_tour(
            f"/pos/ui?config_id={self.config.id}",
            "conserverie_deposit_sell_and_return",
            login=self.user.login,
        )
        order = self.env["pos.order"].search([("config_id", "=", self.config.id)])
        self.assertEqual(len(order), 1)
        self.assertEqual(order.state, "paid")
        self.assertAlmostEqual(order.amount_total, 7.5)
        jam_line = order.lines.filtered(lambda ln: ln.product_id == self.jam)
        self.assertEqual(jam_line.deposit_line_ids.qty, 2)
        self.assertEqual(order.deposit_jars_returned, 3)
        order.session_id.action_pos_session_closing_control()
        self.env["pos.session"]._cron_receive_returned_jars()
        self.assertEqual(order.deposit_return_picking_id.move_ids.quantity, 3)
        self.assertEqual(order.deposit_return_picking_id.move_ids.product_id, self.jar)
