from odoo import api, fields, models
from odoo.exceptions import UserError


class ConserverieSterilisationReading(models.Model):
    _name = "conserverie.sterilisation.reading"
    _description = "Probe reading of an autoclave cycle"
    _order = "cycle_id, minutes, id"

    cycle_id = fields.Many2one(
        "conserverie.sterilisation.cycle", required=True, ondelete="cascade", index=True
    )
    minutes = fields.Float(string="Time (min)", digits=(16, 3), required=True)
    temperature = fields.Float(string="Core temperature (°C)", digits=(16, 2), required=True)
    company_id = fields.Many2one(related="cycle_id.company_id", store=True, index=True)

    @api.model_create_multi
    def create(self, vals_list):
        readings = super().create(vals_list)
        if any(cycle.state != "draft" for cycle in readings.cycle_id):
            raise UserError(self.env._("Readings can only be added to a cycle in draft."))
        return readings

    def write(self, vals):
        if self:
            raise UserError(
                self.env._(
                    "Probe readings are a record: they cannot be changed. Run a new cycle instead."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_recorded(self):
        raise UserError(
            self.env._(
                "Probe readings are a record: they cannot be deleted. Run a new cycle instead."
            )
        )
