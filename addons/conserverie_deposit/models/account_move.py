from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    deposit_sale_order_id = fields.Many2one(
        "sale.order",
        string="Deposit returned on",
        readonly=True,
        index="btree_not_null",
        copy=False,
    )
    is_deposit_return = fields.Boolean(string="Empty jars returned", readonly=True, copy=False)

    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        posted._create_deposit_moves()
        return posted

    def button_draft(self):
        self._reverse_deposit_moves()
        return super().button_draft()

    def _get_deposit_ledger_type(self):
        self.ensure_one()
        if self.move_type == "out_invoice":
            return "sale", 1
        if self.move_type == "out_refund":
            return ("return" if self.is_deposit_return else "correction"), -1
        return False, 0

    def _create_deposit_moves(self):
        Ledger = self.env["conserverie.deposit.move"]
        values = []
        for move in self.filtered(lambda m: m.is_invoice() and not m.pos_order_ids):
            move_type, sign = move._get_deposit_ledger_type()
            lines = move.invoice_line_ids.filtered(lambda ln: ln.product_id.is_deposit)
            if not move_type or not lines:
                continue
            sale_order = move.deposit_sale_order_id or lines.sale_line_ids.order_id[:1]
            values += Ledger._prepare_from_lines(
                [
                    (
                        line.product_id,
                        sign * line.quantity,
                        move.currency_id._convert(
                            line.price_unit, move.company_id.currency_id, move.company_id, move.date
                        ),
                    )
                    for line in lines
                ],
                move_type,
                date=move.invoice_date or move.date,
                company_id=move.company_id.id,
                partner_id=move.commercial_partner_id.id,
                account_move_id=move.id,
                sale_order_id=sale_order.id or False,
                reference=move.name,
            )
        if values:
            # sudo: the ledger is written by code only, whoever posts the invoice
            Ledger.sudo().create(values)

    def _reverse_deposit_moves(self):
        """An invoice reset to draft: its deposit moves are reversed, never deleted."""
        # sudo: the ledger is written by code only
        Ledger = self.env["conserverie.deposit.move"].sudo()
        values = []
        for move in self:
            groups = Ledger._read_group(
                [("account_move_id", "=", move.id), ("move_type", "!=", "write_off")],
                ["partner_id", "deposit_product_id", "sale_order_id", "date:day"],
                ["quantity:sum", "amount:sum"],
            )
            values += [
                {
                    # dated as the moves it cancels, as the entry leaves the books at its date
                    "date": date,
                    "company_id": move.company_id.id,
                    "partner_id": partner.id,
                    "move_type": "correction",
                    "deposit_product_id": product.id,
                    "quantity": -qty,
                    "amount": -amount,
                    "account_move_id": move.id,
                    "sale_order_id": order.id,
                    "reference": self.env._("Reset to draft: %(ref)s", ref=move.name or ""),
                }
                for partner, product, order, date, qty, amount in groups
                if qty or amount
            ]
        if values:
            Ledger.create(values)
