from odoo import fields, models


class ConserverieAutoclave(models.Model):
    _name = "conserverie.autoclave"
    _description = "Autoclave"
    _order = "name"

    name = fields.Char(required=True)
    serial_number = fields.Char()
    capacity_jars = fields.Integer(string="Capacity (370 ml jars)")
    last_calibration_date = fields.Date(string="Last probe calibration")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
