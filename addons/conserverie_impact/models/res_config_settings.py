from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    impact_co2_per_kg = fields.Float(related="company_id.impact_co2_per_kg", readonly=False)
    impact_co2_per_reused_jar = fields.Float(
        related="company_id.impact_co2_per_reused_jar", readonly=False
    )
