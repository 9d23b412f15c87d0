from odoo import api, fields, models
from odoo.exceptions import UserError


class ConserverieVolunteerShare(models.TransientModel):
    _name = "conserverie.volunteer.share"
    _description = "Give jars to an activity's attendees"

    activity_id = fields.Many2one("conserverie.activity", required=True)
    product_id = fields.Many2one(
        "product.product",
        string="Jars",
        domain=[
            ("is_storable", "=", True),
            ("is_jar", "=", False),
            ("is_recovered_produce", "=", False),
        ],
        help="Fill every line with this product.",
    )
    quantity_per_person = fields.Float(default=1.0)
    line_ids = fields.One2many("conserverie.volunteer.share.line", "wizard_id", string="Shares")

    @api.onchange("activity_id", "product_id", "quantity_per_person")
    def _onchange_fill_lines(self):
        attendees = self.activity_id.attendance_ids.filtered("attended").partner_id
        self.line_ids = [fields.Command.clear()] + [
            fields.Command.create(
                {
                    "partner_id": partner.id,
                    "product_id": self.product_id.id,
                    "quantity": self.quantity_per_person,
                }
            )
            for partner in attendees
        ]

    def action_confirm(self):
        self.ensure_one()
        lines = self.line_ids.filtered(lambda line: line.quantity > 0)
        if not lines:
            raise UserError(self.env._("Give at least one jar to one attendee."))
        if any(not line.product_id for line in lines):
            raise UserError(self.env._("Choose the jars to give on every line."))
        pickings = self.activity_id._give_volunteer_share(
            [(line.partner_id, line.product_id, line.quantity) for line in lines]
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Volunteer share"),
            "res_model": "stock.picking",
            "view_mode": "list,form",
            "domain": [("id", "in", pickings.ids)],
        }
