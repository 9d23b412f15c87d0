from odoo import Command

from odoo.addons.conserverie_base.tests.common import (
    ConserverieCase,
    pos_line_values,
    pos_order_payload,
)


class DepositCase(ConserverieCase):
    """Jar formats with deposits, preserves sold in them and a stall POS."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.liability, cls.writeoff = cls.company._get_conserverie_deposit_accounts()
        cls.deposit_370 = cls._create_deposit("Consigne 370 (test)", 0.5)
        cls.deposit_720 = cls._create_deposit("Consigne 720 (test)", 0.8)
        cls.jar_370.deposit_product_id = cls.deposit_370
        cls.jar_720 = cls.env["product.product"].create(
            {
                "name": "Bocal 720 ml (test)",
                "is_jar": True,
                "jar_volume_ml": 720,
                "is_storable": True,
                "deposit_product_id": cls.deposit_720.id,
            }
        )
        cls.jar_no_deposit = cls.env["product.product"].create(
            {
                "name": "Bocal 250 ml (test)",
                "is_jar": True,
                "jar_volume_ml": 250,
                "is_storable": True,
            }
        )
        cls.jam = cls.env["product.product"].create(
            {
                "name": "Confiture (test)",
                "is_storable": True,
                "list_price": 4.0,
                "available_in_pos": True,
                "taxes_id": [Command.clear()],
                "jar_product_id": cls.jar_370.id,
            }
        )
        cls.sauce = cls.env["product.product"].create(
            {
                "name": "Coulis (test)",
                "is_storable": True,
                "list_price": 6.0,
                "available_in_pos": True,
                "taxes_id": [Command.clear()],
                "jar_product_id": cls.jar_720.id,
            }
        )
        stock = cls.warehouse.lot_stock_id
        for product in (cls.jam, cls.sauce):
            cls.env["stock.quant"]._update_available_quantity(product, stock, 100)
        cls.customer = cls.env["res.partner"].create({"name": "Cliente consigne (test)"})

    @classmethod
    def _create_deposit(cls, name, price):
        return cls.env["product.product"].create(
            {"name": name, "is_deposit": True, "list_price": price, "available_in_pos": True}
        )

    @classmethod
    def _setup_pos(cls):
        cash_journal = cls.env["account.journal"].create(
            {"name": "Caisse stand (test)", "type": "cash", "code": "CSTT"}
        )
        cls.cash_method = cls.env["pos.payment.method"].create(
            {"name": "Espèces (test)", "journal_id": cash_journal.id}
        )
        cls.pos_config = cls.env["pos.config"].create(
            {"name": "Stand (test)", "payment_method_ids": [Command.set(cls.cash_method.ids)]}
        )
        cls.pos_config.picking_type_id = cls.warehouse.pos_type_id

    def _open_session(self):
        self.pos_config.open_ui()
        return self.pos_config.current_session_id

    def _close_and_receive(self, session):
        """Close the session, then run what the closing triggers: the empty jars are
        received."""
        session.action_pos_session_closing_control()
        self.env["pos.session"]._cron_receive_returned_jars()

    def _line(self, product, qty, price=None, **values):
        return Command.create(pos_line_values(product, qty, price, **values))

    def _with_deposit(self, product, qty):
        """A product line and its deposit line, linked as the POS links them."""
        product_line = self._line(product, qty)
        deposit = product.deposit_product_id
        deposit_line = self._line(
            deposit, qty, deposit.lst_price, deposit_parent_uuid=product_line[2]["uuid"]
        )
        return [product_line, deposit_line]

    def _order_data(self, session, lines, partner=None, uuid=None, paid=True):
        total = sum(line[2]["price_subtotal_incl"] for line in lines)
        payments = [(self.cash_method, total)] if paid else []
        data = pos_order_payload(session, lines, payments, partner=partner, uuid=uuid)
        if not paid:
            data["state"] = "draft"
        return data

    def _sync(self, data):
        result = self.env["pos.order"].sync_from_ui([data])
        return self.env["pos.order"].browse([o["id"] for o in result["pos.order"]])

    def _empties_qty(self, jar, company=None):
        location = (company or self.company)._get_conserverie_warehouse().empty_jars_location_id
        return jar.with_context(location=location.id).qty_available
