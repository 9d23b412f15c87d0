from odoo import Command, fields, models
from odoo.exceptions import UserError


class SaleOrder(models.Model):
    _inherit = "sale.order"

    deposit_return_picking_ids = fields.One2many(
        "stock.picking", "deposit_sale_order_id", string="Empty jar returns", readonly=True
    )
    deposit_refund_ids = fields.One2many(
        "account.move", "deposit_sale_order_id", string="Deposit credit notes", readonly=True
    )
    deposit_return_count = fields.Integer(compute="_compute_deposit_return_count")

    def _compute_deposit_return_count(self):
        for order in self:
            order.deposit_return_count = len(order.deposit_return_picking_ids)

    def _get_copiable_order_lines(self):
        """Deposit lines are not copied: the copied product lines create their own."""
        return (
            super()._get_copiable_order_lines().filtered(lambda ln: not ln.deposit_parent_line_id)
        )

    def _get_deposit_jars_out(self):
        """{jar format: jars sold with a deposit and not returned yet} on this order."""
        self.ensure_one()
        jars = {}
        for line in self.order_line.filtered(lambda ln: ln.is_deposit_line and ln.state == "sale"):
            jar = line.product_id._get_deposit_jar()
            if jar:
                jars[jar] = jars.get(jar, 0.0) + line.product_uom_qty
        for move in self.deposit_return_picking_ids.move_ids.filtered(lambda m: m.state == "done"):
            jars[move.product_id] = jars.get(move.product_id, 0.0) - move.quantity
        return jars

    def _conserverie_return_jars(self, jars):
        """Record empty jars returned against this order: a receipt into the empty jars
        location and a credit note for their deposit. ``jars`` is {jar format: count}."""
        self.ensure_one()
        jars = {jar: count for jar, count in jars.items() if count}
        self._check_jar_return(jars)
        picking = self.env["stock.picking"]._create_empties_receipt(
            self.company_id,
            jars,
            self.partner_shipping_id or self.partner_id,
            self.name,
            deposit_sale_order_id=self.id,
        )
        refund = self.env["account.move"].create(self._prepare_deposit_refund_values(jars))
        refund.action_post()
        return picking, refund

    def _check_jar_return(self, jars):
        self.ensure_one()
        if self.state != "sale":
            raise UserError(self.env._("Jars can only be returned on a confirmed order."))
        if not jars:
            raise UserError(self.env._("Enter the number of jars returned."))
        out = self._get_deposit_jars_out()
        for jar, count in jars.items():
            if count < 0:
                raise UserError(
                    self.env._(
                        "The number of jars returned cannot be negative (%(jar)s).",
                        jar=jar.display_name,
                    )
                )
            if not jar.deposit_product_id:
                raise UserError(
                    self.env._(
                        "The jar format %(jar)s has no deposit product: it cannot be returned "
                        "for a deposit.",
                        jar=jar.display_name,
                    )
                )
            if count > out.get(jar, 0.0):
                raise UserError(
                    self.env._(
                        "Only %(out)s %(jar)s are out with a deposit on %(order)s; "
                        "%(count)s cannot be returned.",
                        out=int(out.get(jar, 0.0)),
                        jar=jar.display_name,
                        order=self.name,
                        count=count,
                    )
                )

    def _prepare_deposit_refund_values(self, jars):
        self.ensure_one()
        return {
            "move_type": "out_refund",
            "partner_id": self.partner_invoice_id.id,
            "company_id": self.company_id.id,
            "currency_id": self.currency_id.id,
            "invoice_origin": self.name,
            "ref": self.env._("Empty jars returned on %(order)s", order=self.name),
            "deposit_sale_order_id": self.id,
            "is_deposit_return": True,
            "invoice_line_ids": [
                Command.create(
                    {
                        "product_id": jar.deposit_product_id.id,
                        "quantity": count,
                        "price_unit": jar.deposit_product_id.lst_price,
                        "tax_ids": [Command.clear()],
                    }
                )
                for jar, count in jars.items()
            ],
        }

    def action_open_deposit_return(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Return empty jars"),
            "res_model": "conserverie.deposit.return.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_sale_order_id": self.id},
        }

    def action_view_deposit_returns(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("stock.action_picking_tree_all")
        action["domain"] = [("id", "in", self.deposit_return_picking_ids.ids)]
        action["context"] = {"create": False}
        return action
