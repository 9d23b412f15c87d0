from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class ConserverieSterilisationReading(models.Model):
    _name = "conserverie.sterilisation.reading"
    _description = "Probe reading of an autoclave cycle"
    _order = "cycle_id, minutes, id"

    cycle_id = fields.Many2one(
        "conserverie.sterilisation.cycle", required=True, ondelete="cascade", index=True
    )
    minutes = fields.Float(string="Time (min)", digits=(16, 3), required=True)
    temperature = fields.Float(string="Core temperature (°C)", digits=(16, 2), required=True)
    source = fields.Selection(
        [("probe", "Probe log"), ("manual", "Typed by hand")],
        default="manual",
        required=True,
        readonly=True,
        help="Readings typed by hand need a coordinator's review before the cycle is evaluated.",
    )
    company_id = fields.Many2one(related="cycle_id.company_id", store=True, index=True)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(vals.get("source") == "probe" for vals in vals_list):
            raise AccessError(
                self.env._("Probe readings come only from the import of the probe's log.")
            )
        readings = super().create(vals_list)
        if any(cycle.state != "draft" for cycle in readings.cycle_id):
            raise UserError(self.env._("Readings can only be added to a cycle in draft."))
        typed = readings.filtered(lambda reading: reading.source == "manual").cycle_id
        # sudo: a reading typed by hand withdraws any earlier review, whoever types it
        typed.filtered("readings_review_user_id").sudo().write(
            {"readings_review_user_id": False, "readings_review_date": False}
        )
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
