from odoo import fields, models


class ConserverieVolunteerShareLine(models.TransientModel):
    _name = "conserverie.volunteer.share.line"
    _description = "Jars given to one attendee"

    wizard_id = fields.Many2one("conserverie.volunteer.share", required=True, ondelete="cascade")
    partner_id = fields.Many2one("res.partner", string="Attendee", required=True)
    product_id = fields.Many2one("product.product", string="Jars")
    quantity = fields.Float(default=1.0)
