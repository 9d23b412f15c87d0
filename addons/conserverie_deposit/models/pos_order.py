from odoo import api, fields, models


class PosOrder(models.Model):
    _inherit = "pos.order"

    deposit_return_picking_id = fields.Many2one(
        "stock.picking",
        string="Empty jars receipt",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The receipt of the empty jars brought back during the session, made once the "
        "session is closed.",
    )
    deposit_jars_returned = fields.Float(
        string="Jars returned",
        compute="_compute_deposit_jars_returned",
        digits=(16, 0),
    )

    @api.depends("lines.qty", "lines.is_deposit_line")
    def _compute_deposit_jars_returned(self):
        for order in self:
            order.deposit_jars_returned = -sum(
                line.qty for line in order.lines if line._is_jar_return_line()
            )

    def _conserverie_post_ledgers(self, new_orders):
        """Record the deposits of these paid orders in the ledger, once per order. The
        empty jars brought back are received once the session is closed
        (``pos.session._receive_returned_jars``)."""
        result = super()._conserverie_post_ledgers(new_orders)
        with_deposits = self.filtered(lambda order: any(order.lines.mapped("is_deposit_line")))
        recorded = (with_deposits - new_orders)._get_orders_with_deposit_moves()
        (with_deposits - recorded)._create_deposit_moves()
        return result

    def _conserverie_get_review_issues(self):
        issues = super()._conserverie_get_review_issues()
        problems = [p for p in (line._get_deposit_anomaly() for line in self.lines) if p]
        for line in self.lines.filtered(lambda ln: ln.deposit_parent_uuid):
            if not line.deposit_parent_line_id:
                problems.append(
                    self.env._(
                        "The deposit line %(line)s lost its product line.",
                        line=line.full_product_name or line.product_id.display_name,
                    )
                )
        return issues + [{"kind": "deposit", "message": problem} for problem in problems]

    def _get_deposit_moves(self):
        # sudo: the ledger is closed to volunteers who sync the orders
        return (
            self.env["conserverie.deposit.move"].sudo().search([("pos_order_id", "in", self.ids)])
        )

    def _get_orders_with_deposit_moves(self):
        """Those of these orders already in the deposit ledger, in one query."""
        if not self:
            return self
        # sudo: the ledger is closed to volunteers who sync the orders
        moves = (
            self.env["conserverie.deposit.move"]
            .sudo()
            .search_fetch([("pos_order_id", "in", self.ids)], ["pos_order_id"])
        )
        return self.browse(moves.pos_order_id.ids)

    def action_view_deposit_moves(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "conserverie_deposit.conserverie_deposit_move_action"
        )
        action["domain"] = [("pos_order_id", "in", self.ids)]
        return action

    def _get_deposit_ledger_values(self):
        self.ensure_one()
        Move = self.env["conserverie.deposit.move"]
        deposit_lines = self.lines.filtered("is_deposit_line")
        common = {
            "date": fields.Date.context_today(self, self.date_order),
            "company_id": self.company_id.id,
            "partner_id": self.partner_id.commercial_partner_id.id or False,
            "pos_order_id": self.id,
            "reference": self.name,
        }
        returns = deposit_lines.filtered(lambda ln: ln._is_jar_return_line())
        sales = deposit_lines - returns
        return [
            *Move._prepare_from_lines(
                [(ln.product_id, ln.qty, abs(ln.price_unit)) for ln in sales], "sale", **common
            ),
            *Move._prepare_from_lines(
                [(ln.product_id, ln.qty, abs(ln.price_unit)) for ln in returns], "return", **common
            ),
        ]

    def _create_deposit_moves(self):
        """Record the deposits of these orders in the ledger, in one create."""
        values = [vals for order in self for vals in order._get_deposit_ledger_values()]
        if values:
            # sudo: volunteers sync orders but never write the ledger by hand
            self.env["conserverie.deposit.move"].sudo().create(values)

    def _get_returned_jars(self):
        """{jar format: count} of empty jars brought back with this order."""
        self.ensure_one()
        jars = {}
        for line in self.lines.filtered(lambda ln: ln._is_jar_return_line()):
            jar = line.product_id._get_deposit_jar()
            if jar:
                jars[jar] = jars.get(jar, 0.0) - line.qty
        return jars
