from odoo import Command

from odoo.addons.conserverie_base.tests.common import (
    ConserverieCase,
    pos_line_values,
    pos_order_payload,
)


class TimebankCase(ConserverieCase):
    """A company with an hour worth 10 €, a stall taking cash and hours, members."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"time_hour_value": 10.0, "time_welcome_hours": 2.0})
        cls.Account = cls.env["conserverie.time.account"]
        cls.Move = cls.env["conserverie.time.move"]
        cls.facility = cls.Account._get_facility(cls.company)
        cls.member.write({"is_member": True})  # ConserverieCase creates it before our setup
        cls.member._grant_time_welcome_credit()
        cls.member_account = cls.Account._get_for_partner(cls.member)
        cls.neighbour = cls.env["res.partner"].create({"name": "Voisin Test", "is_member": True})
        cls.neighbour_account = cls.Account._get_for_partner(cls.neighbour)
        cls.time_method = cls.company._get_time_payment_method()
        cash_journal = cls.env["account.journal"].create(
            {"name": "Caisse stand (test)", "code": "CST", "type": "cash"}
        )
        cls.cash_method = cls.env["pos.payment.method"].create(
            {"name": "Espèces (test)", "journal_id": cash_journal.id}
        )
        cls.config = cls.env["pos.config"].create(
            {
                "name": "Stand (test)",
                "payment_method_ids": [Command.set((cls.cash_method | cls.time_method).ids)],
            }
        )
        cls.jam = cls.env["product.product"].create(
            {
                "name": "Confiture (test)",
                "list_price": 5.0,
                "available_in_pos": True,
                "taxes_id": [Command.clear()],
            }
        )

    @classmethod
    def _open_session(cls, config=None):
        config = config or cls.config
        config.open_ui()
        return config.current_session_id

    def _order_data(self, session, lines, payments, partner=None, uuid=None, refunded=None):
        """What the till sends: ``lines`` as (product, qty[, price]), ``payments`` as
        (method, amount); ``refunded`` maps line index to the refunded pos.order.line."""
        order_lines = []
        for index, line in enumerate(lines):
            values = {}
            if refunded and index in refunded:
                values["refunded_orderline_id"] = refunded[index].id
            order_lines.append(pos_line_values(*line, **values))
        return pos_order_payload(session, order_lines, payments, partner=partner, uuid=uuid)

    def _sync(self, data, user=None):
        Order = self.env["pos.order"]
        if user:
            Order = Order.with_user(user)
        result = Order.sync_from_ui([data])
        return self.env["pos.order"].browse(result["pos.order"][0]["id"])

    def _purchase_moves(self, order):
        return self.Move.search([("pos_order_id", "=", order.id), ("pos_payment_id", "!=", False)])
