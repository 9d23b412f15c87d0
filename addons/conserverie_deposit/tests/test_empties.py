from datetime import timedelta

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import DepositCase


@tagged("post_install", "-at_install")
class TestEmpties(DepositCase):
    def test_opening_washing_and_breakage(self):
        wizard = self.env["conserverie.empties.opening.wizard"].create(
            {"jar_product_id": self.jar_370.id, "quantity": 50}
        )
        wizard.action_confirm()
        self.assertEqual(self._empties_qty(self.jar_370), 50)
        washing = self.env["conserverie.jar.washing"].create(
            {"jar_product_id": self.jar_370.id, "quantity_washed": 40, "quantity_broken": 3}
        )
        self.assertEqual(washing.quantity_available, 50)
        washing.action_done()
        self.assertEqual(washing.state, "done")
        self.assertEqual(self._empties_qty(self.jar_370), 7)
        clean = self.warehouse.clean_jars_location_id
        self.assertEqual(self.jar_370.with_context(location=clean.id).qty_available, 40)
        self.assertEqual(washing.scrap_id.scrap_qty, 3)
        self.assertEqual(washing.scrap_id.state, "done")

        figures = self.env["conserverie.deposit.report"]._get_figures(
            self.today - timedelta(days=1), self.today + timedelta(days=1)
        )
        self.assertEqual(figures[self.jar_370]["broken"], 3)

    def test_washing_more_than_available_refused(self):
        self.env["stock.quant"]._set_conserverie_jar_stock(self.company, self.jar_370, 5)
        washing = self.env["conserverie.jar.washing"].create(
            {"jar_product_id": self.jar_370.id, "quantity_washed": 5, "quantity_broken": 1}
        )
        with self.assertRaisesRegex(UserError, "Only 5"):
            washing.action_done()
        self.assertEqual(washing.state, "draft")
        self.assertEqual(self._empties_qty(self.jar_370), 5)

    def test_negative_quantities_refused(self):
        with self.assertRaisesRegex(UserError, "cannot be negative"):
            self.env["stock.quant"]._set_conserverie_jar_stock(self.company, self.jar_370, -1)
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.env["conserverie.jar.washing"].create(
                {"jar_product_id": self.jar_370.id, "quantity_washed": -2}
            )

    def test_report_out_returned_reused(self):
        self._setup_pos()
        session = self._open_session()
        self._sync(
            self._order_data(
                session, [*self._with_deposit(self.jam, 4), self._line(self.deposit_370, -1)]
            )
        )
        # production consumes clean jars
        self.env["stock.quant"]._set_conserverie_jar_stock(self.company, self.jar_370, 10, "clean")
        production = self.jar_370.with_company(self.company).property_stock_production
        move = self.env["stock.move"].create(
            {
                "name": "Mise en bocaux (test)",
                "product_id": self.jar_370.id,
                "product_uom": self.jar_370.uom_id.id,
                "product_uom_qty": 6,
                "location_id": self.warehouse.clean_jars_location_id.id,
                "location_dest_id": production.id,
            }
        )
        move._action_confirm()
        move._action_assign()
        move.quantity = 6
        move.picked = True
        move._action_done()
        figures = self.env["conserverie.deposit.report"]._get_figures(
            self.today - timedelta(days=1), self.today + timedelta(days=1)
        )[self.jar_370]
        self.assertEqual(figures["out"], 4)
        self.assertEqual(figures["returned"], 1)
        self.assertEqual(figures["return_rate"], 25.0)
        self.assertEqual(figures["reused"], 6)
