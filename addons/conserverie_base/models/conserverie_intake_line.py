from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.naming import intake_lot_base

GRADES = [
    ("surplus", "Surplus"),
    ("downgraded", "Downgraded"),
    ("unsold", "Unsold"),
    ("damaged", "Damaged"),
]


class ConserverieIntakeLine(models.Model):
    _name = "conserverie.intake.line"
    _description = "Intake line"
    _order = "intake_id, sequence, id"

    intake_id = fields.Many2one("conserverie.intake", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one(
        "product.product",
        string="Produce",
        required=True,
        domain=[("is_recovered_produce", "=", True)],
    )
    quantity = fields.Float(string="Weight", digits="Product Unit of Measure", required=True)
    uom_id = fields.Many2one(related="product_id.uom_id")
    grade = fields.Selection(GRADES, required=True, default="surplus")
    is_organic = fields.Boolean(
        string="Organic",
        compute="_compute_is_organic",
        store=True,
        readonly=False,
        help="Set from the grower's certificate at the intake date.",
    )
    unit_value = fields.Float(
        string="Value per unit",
        digits="Product Price",
        help="Estimated market value per unit, for impact reports; stock is valued at zero.",
    )
    lot_id = fields.Many2one("stock.lot", readonly=True, copy=False)
    activity_id = fields.Many2one(related="intake_id.activity_id", store=True)
    partner_id = fields.Many2one(related="intake_id.partner_id", store=True, string="Grower")
    source = fields.Selection(related="intake_id.source", store=True)
    date = fields.Date(related="intake_id.date", store=True)
    state = fields.Selection(related="intake_id.state", store=True)
    company_id = fields.Many2one(related="intake_id.company_id", store=True, index=True)

    @api.depends("intake_id.partner_id", "intake_id.date")
    def _compute_is_organic(self):
        for line in self:
            intake = line.intake_id
            line.is_organic = bool(
                intake.partner_id
                and intake.date
                and intake.partner_id._is_organic_certified_on(intake.date)
            )

    @api.depends("intake_id.name", "product_id")
    def _compute_display_name(self):
        for line in self:
            line.display_name = " · ".join(
                filter(None, (line.intake_id.name, line.product_id.display_name))
            )

    @api.onchange("product_id")
    def _onchange_product_id(self):
        if self.product_id and not self.unit_value:
            self.unit_value = self.product_id.list_price

    @api.constrains("quantity")
    def _check_quantity(self):
        for line in self:
            if line.quantity <= 0:
                raise ValidationError(
                    self.env._(
                        "The weight of %(product)s must be above zero (got %(quantity)s).",
                        product=line.product_id.display_name,
                        quantity=line.quantity,
                    )
                )

    @api.constrains("is_organic", "intake_id")
    def _check_organic(self):
        for line in self.filtered("is_organic"):
            intake = line.intake_id
            if not intake.partner_id._is_organic_certified_on(intake.date):
                raise ValidationError(
                    self.env._(
                        "%(grower)s's organic certificate is not valid on %(date)s "
                        "(valid until %(until)s): %(product)s cannot be received as organic.",
                        grower=intake.partner_id.display_name,
                        date=intake.date,
                        until=intake.partner_id.organic_valid_until or self.env._("never"),
                        product=line.product_id.display_name,
                    )
                )

    def write(self, vals):
        if set(vals) - {"lot_id"}:
            self.intake_id._check_editable()
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.intake_id._check_editable()
        return lines

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        self.intake_id._check_editable()

    def _lot_name(self):
        """Grower and date readable in the lot: FERME-DU-PONT-20261126-1."""
        intake = self.intake_id
        base = intake_lot_base(intake.partner_id.name, intake.date)
        Lot = self.env["stock.lot"]
        index = 1
        while Lot.search_count(
            [("name", "=", f"{base}-{index}"), ("product_id", "=", self.product_id.id)], limit=1
        ):
            index += 1
        return f"{base}-{index}"

    def _create_lot(self):
        return self.env["stock.lot"].create(
            {
                "name": self._lot_name(),
                "product_id": self.product_id.id,
                "company_id": self.intake_id.company_id.id,
                "conserverie_intake_line_id": self.id,
            }
        )

    def _prepare_move_values(self, picking):
        return {
            "name": self.product_id.display_name,
            "product_id": self.product_id.id,
            "product_uom_qty": self.quantity,
            "product_uom": self.product_id.uom_id.id,
            "location_id": picking.location_id.id,
            "location_dest_id": picking.location_dest_id.id,
            "picking_id": picking.id,
            "company_id": picking.company_id.id,
            "price_unit": 0.0,
            "restrict_partner_id": picking.owner_id.id,
            "conserverie_intake_line_id": self.id,
        }

    def _prepare_move_line_values(self, move):
        return {
            "product_id": move.product_id.id,
            "product_uom_id": move.product_uom.id,
            "quantity": self.quantity,
            "lot_id": self.lot_id.id,
            "location_id": move.location_id.id,
            "location_dest_id": move.location_dest_id.id,
            "owner_id": move.restrict_partner_id.id,
            "picking_id": move.picking_id.id,
            "company_id": move.company_id.id,
        }
