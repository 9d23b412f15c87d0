from collections import defaultdict

from odoo import api, fields, models


class PosSession(models.Model):
    _inherit = "pos.session"

    deposit_jars_received = fields.Boolean(
        string="Empty jars received",
        readonly=True,
        copy=False,
        help="The jars brought back during the session are in the empty jars location: a "
        "scheduled action receives them right after the closing, so a stock problem never "
        "holds up the closing of a stall.",
    )

    def _validate_session(
        self, balancing_account=False, amount_to_balance=0, bank_payment_method_diffs=None
    ):
        result = super()._validate_session(
            balancing_account=balancing_account,
            amount_to_balance=amount_to_balance,
            bank_payment_method_diffs=bank_payment_method_diffs,
        )
        if self.state == "closed":
            # sudo: the cashier closing the stall may not read scheduled actions
            self.env.ref("conserverie_deposit.ir_cron_receive_returned_jars").sudo()._trigger()
        return result

    def get_partner_jars_out(self, partner_id):
        """The jars a customer has out on deposit in the session's company, asked by the
        till when the customer is picked rather than loaded with every partner."""
        self.ensure_one()
        self.check_access("read")
        partner = self.env["res.partner"].browse(partner_id).exists()
        if not partner:
            return 0
        partner.check_access("read")
        return round(partner.with_company(self.company_id).deposit_jar_count)

    @api.model
    def _cron_receive_returned_jars(self):
        """Receive the empty jars of every closed session not received yet."""
        self.search(
            [("state", "=", "closed"), ("deposit_jars_received", "=", False)]
        )._receive_returned_jars()

    def action_receive_returned_jars(self):
        """Receive now the empty jars of these closed sessions (staff)."""
        self.filtered(lambda session: session.state == "closed")._receive_returned_jars()

    def _receive_returned_jars(self):
        """Receive the empty jars brought back during each session into the empties
        location: one receipt per session, as Odoo makes one picking per session when
        stock is updated at closing. Each order's jars are counted once, however many
        times the order was synced or the receiving was tried."""
        for session in self:
            session._receive_session_returned_jars()
        # sudo: the flag is set whoever closes the stall
        self.sudo().deposit_jars_received = True

    def _receive_session_returned_jars(self):
        self.ensure_one()
        orders = self.order_ids.filtered(
            lambda order: (
                order.state in ("paid", "done", "invoiced") and not order.deposit_return_picking_id
            )
        )
        jars = defaultdict(float)
        returning = self.env["pos.order"]
        for order in orders:
            for jar, count in order._get_returned_jars().items():
                jars[jar] += count
                returning |= order
        if not jars:
            return
        # sudo: whoever closes the stall receives the jars, without stock rights
        picking = (
            self.env["stock.picking"]
            .sudo()
            ._create_empties_receipt(
                self.company_id,
                jars,
                self.env["res.partner"],
                self.name,
                pos_session_id=self.id,
            )
        )
        # sudo: the closing cashier links the orders to the receipt, without stock rights
        returning.sudo().deposit_return_picking_id = picking
