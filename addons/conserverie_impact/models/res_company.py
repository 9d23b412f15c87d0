from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    impact_co2_per_kg = fields.Float(
        string="CO2e avoided per kg of food saved (kg)",
        default=2.5,
        help="Emissions avoided for each kilo of produce that would otherwise have been "
        "wasted. Default from FAO's food wastage footprint (about 3.3 Gt CO2e for "
        "1.3 Gt of food wasted a year); to confirm.",
    )
    impact_co2_per_reused_jar = fields.Float(
        string="CO2e avoided per reused jar (kg)",
        default=0.2,
        help="Emissions avoided each time a washed jar replaces a new one; to confirm.",
    )
