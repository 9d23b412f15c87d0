from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare


class PosOrderLine(models.Model):
    _inherit = "pos.order.line"

    is_deposit_line = fields.Boolean(
        string="Deposit line",
        compute="_compute_is_deposit_line",
        store=True,
        precompute=True,
        help="A jar deposit paid (positive) or refunded (negative): never paid in hours.",
    )
    deposit_parent_uuid = fields.Char(
        string="Deposit of line (uuid)",
        help="Uuid of the product line this deposit line belongs to, sent by the POS.",
    )
    deposit_parent_line_id = fields.Many2one(
        "pos.order.line",
        string="Deposit of line",
        compute="_compute_deposit_parent_line_id",
        store=True,
        index="btree_not_null",
        help="The product line of the same order this deposit line belongs to.",
    )
    deposit_line_ids = fields.One2many(
        "pos.order.line", "deposit_parent_line_id", string="Deposit lines", readonly=True
    )

    @api.depends("product_id.is_deposit")
    def _compute_is_deposit_line(self):
        for line in self:
            line.is_deposit_line = line.product_id.is_deposit

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("deposit_parent_uuid"):
                # no product line to find: the link is known now, and spares an UPDATE
                vals.setdefault("deposit_parent_line_id", False)
        return super().create(vals_list)

    @api.depends("deposit_parent_uuid", "order_id.lines.uuid")
    def _compute_deposit_parent_line_id(self):
        for line in self:
            uuid = line.deposit_parent_uuid
            line.deposit_parent_line_id = (
                uuid
                and line.order_id.lines.filtered(lambda other, uuid=uuid: other.uuid == uuid)[:1]
            )

    @api.model
    def _load_pos_data_fields(self, config_id):
        return [*super()._load_pos_data_fields(config_id), "deposit_parent_uuid"]

    @api.constrains("price_unit", "discount", "product_id")
    def _check_deposit_price(self):
        if self.env["pos.order"]._conserverie_is_till_sync():
            return  # a synced order is never refused: its anomalies are reviewed by staff
        for line in self:
            problem = line._get_deposit_anomaly()
            if problem:
                raise ValidationError(problem)

    def _get_deposit_anomaly(self):
        """Why this deposit line breaks the rules, or an empty string."""
        self.ensure_one()
        if not self.is_deposit_line:
            return ""
        deposit = self.product_id
        if self.discount:
            return self.env._(
                "The deposit %(deposit)s cannot be discounted.", deposit=deposit.display_name
            )
        if float_compare(
            abs(self.price_unit), deposit.lst_price, precision_rounding=self.currency_id.rounding
        ):
            return self.env._(
                "The deposit %(deposit)s costs %(price)s; a deposit line cannot be priced "
                "on its own.",
                deposit=deposit.display_name,
                price=deposit.lst_price,
            )
        parent = self.deposit_parent_line_id
        if parent and float_compare(parent.qty, self.qty, precision_digits=3):
            return self.env._(
                "The deposit %(deposit)s is for %(parent_qty)s %(product)s, not %(qty)s.",
                deposit=deposit.display_name,
                parent_qty=parent.qty,
                product=parent.product_id.display_name,
                qty=self.qty,
            )
        return ""

    def _is_jar_return_line(self):
        self.ensure_one()
        return (
            self.is_deposit_line
            and self.qty < 0
            and not self.deposit_parent_uuid
            and not self.refunded_orderline_id
        )
