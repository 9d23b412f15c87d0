from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    is_deposit_line = fields.Boolean(
        string="Deposit line", compute="_compute_is_deposit_line", store=True
    )
    deposit_parent_line_id = fields.Many2one(
        "sale.order.line",
        string="Deposit of line",
        ondelete="cascade",
        index="btree_not_null",
        readonly=True,
        copy=False,
    )
    deposit_line_ids = fields.One2many(
        "sale.order.line", "deposit_parent_line_id", string="Deposit lines", readonly=True
    )

    @api.depends("product_id.is_deposit")
    def _compute_is_deposit_line(self):
        for line in self:
            line.is_deposit_line = line.product_id.is_deposit

    def _get_deposit_price(self):
        """The deposit's price in the order's currency: never from a pricelist."""
        self.ensure_one()
        company = self.company_id or self.env.company
        return self.product_id.currency_id._convert(
            self.product_id.lst_price,
            self.currency_id or company.currency_id,
            company,
            self.order_id.date_order or fields.Date.today(),
        )

    def _compute_price_unit(self):
        deposit_lines = self.filtered("is_deposit_line")
        result = super(SaleOrderLine, self - deposit_lines)._compute_price_unit()
        for line in deposit_lines:
            if line.qty_invoiced > 0 or line.technical_price_unit != line.price_unit:
                continue
            line.price_unit = line.technical_price_unit = line._get_deposit_price()
        return result

    def _compute_discount(self):
        deposit_lines = self.filtered("is_deposit_line")
        result = super(SaleOrderLine, self - deposit_lines)._compute_discount()
        deposit_lines.discount = 0.0
        return result

    @api.depends("deposit_parent_line_id.qty_delivered", "deposit_parent_line_id.product_uom_qty")
    def _compute_qty_to_invoice(self):
        result = super()._compute_qty_to_invoice()
        for line in self.filtered(lambda ln: ln.deposit_parent_line_id and ln.state == "sale"):
            parent = line.deposit_parent_line_id
            basis = (
                parent.product_uom_qty
                if parent.product_id.invoice_policy == "order"
                else parent.qty_delivered
            )
            line.qty_to_invoice = basis - line.qty_invoiced
        return result

    @api.constrains("price_unit", "discount", "product_id")
    def _check_deposit_price(self):
        for line in self.filtered("is_deposit_line"):
            if line.discount:
                raise ValidationError(
                    self.env._(
                        "The deposit %(deposit)s cannot be discounted.",
                        deposit=line.product_id.display_name,
                    )
                )
            price = line._get_deposit_price()
            if float_compare(
                line.price_unit, price, precision_rounding=line.currency_id.rounding or 0.01
            ):
                raise ValidationError(
                    self.env._(
                        "The deposit %(deposit)s costs %(price)s; a deposit line cannot be "
                        "priced on its own.",
                        deposit=line.product_id.display_name,
                        price=price,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._sync_deposit_lines()
        return lines

    def write(self, vals):
        result = super().write(vals)
        if not self.env.context.get("conserverie_deposit_syncing") and (
            "product_uom_qty" in vals or "product_id" in vals
        ):
            self._sync_deposit_lines()
        return result

    def unlink(self):
        return super(SaleOrderLine, self | self.deposit_line_ids).unlink()

    def _sync_deposit_lines(self):
        """Give each product line sold in a jar its deposit line, in step with it."""
        to_create = []
        self = self.with_context(conserverie_deposit_syncing=True)
        for line in self:
            if line.display_type or line.is_deposit_line or not line.order_id:
                continue
            deposit = line.product_id.deposit_product_id
            existing = line.deposit_line_ids
            if not deposit:
                if existing:
                    existing.unlink()
                continue
            if existing:
                values = {}
                if existing.product_id != deposit:
                    values["product_id"] = deposit.id
                if existing.product_uom_qty != line.product_uom_qty:
                    values["product_uom_qty"] = line.product_uom_qty
                if values:
                    existing.write(values)
                continue
            to_create.append(line._prepare_deposit_line_values(deposit))
        if to_create:
            self.create(to_create)

    def _prepare_deposit_line_values(self, deposit):
        self.ensure_one()
        return {
            "order_id": self.order_id.id,
            "product_id": deposit.id,
            "product_uom_qty": self.product_uom_qty,
            "deposit_parent_line_id": self.id,
            "sequence": self.sequence,
            "tax_id": [Command.clear()],
        }
