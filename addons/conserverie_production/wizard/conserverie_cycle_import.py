import base64

from odoo import fields, models
from odoo.exceptions import UserError


class ConserverieCycleImport(models.TransientModel):
    _name = "conserverie.cycle.import"
    _description = "Import the probe log of an autoclave cycle"

    cycle_id = fields.Many2one("conserverie.sterilisation.cycle", required=True)
    file = fields.Binary(string="Probe log (CSV)", required=True)
    filename = fields.Char()
    time_unit = fields.Selection(
        [("auto", "Detect"), ("seconds", "Seconds"), ("minutes", "Minutes")],
        string="Time column in",
        default="auto",
        required=True,
        help="Only for a numeric time column; timestamps are always read as such.",
    )

    def action_import(self):
        self.ensure_one()
        if not self.file:
            raise UserError(self.env._("Choose the probe log to import."))
        self.cycle_id.import_readings(base64.b64decode(self.file), time_unit=self.time_unit)
        return {
            "type": "ir.actions.act_window",
            "res_model": "conserverie.sterilisation.cycle",
            "res_id": self.cycle_id.id,
            "view_mode": "form",
        }
