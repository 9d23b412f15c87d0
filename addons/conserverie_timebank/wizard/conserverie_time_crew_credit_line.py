from odoo import fields, models


class ConserverieTimeCrewCreditLine(models.TransientModel):
    _name = "conserverie.time.crew.credit.line"
    _description = "Crew member to credit"

    wizard_id = fields.Many2one("conserverie.time.crew.credit", required=True, ondelete="cascade")
    partner_id = fields.Many2one("res.partner", string="Person", required=True)
    hours = fields.Float()
