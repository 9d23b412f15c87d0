from odoo import api, fields, models
from odoo.exceptions import UserError


class ConserverieTimeCrewCredit(models.TransientModel):
    """Credit hours to a whole crew in one go."""

    _name = "conserverie.time.crew.credit"
    _description = "Credit a crew"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    activity_id = fields.Many2one("conserverie.activity")
    hours = fields.Float(string="Hours each", help="Proposed for every person of the crew.")
    reason = fields.Text(required=True)
    line_ids = fields.One2many("conserverie.time.crew.credit.line", "wizard_id", string="Crew")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        partner_ids = []
        activity = self.env["conserverie.activity"].browse(values.get("activity_id"))
        if activity:
            partner_ids = activity.attendance_ids.filtered("attended").partner_id.ids
            values.setdefault("reason", activity.name)
        elif self.env.context.get("active_model") == "res.partner":
            partner_ids = self.env.context.get("active_ids", [])
        if partner_ids and "line_ids" in fields_list:
            values["line_ids"] = [
                fields.Command.create({"partner_id": partner_id}) for partner_id in partner_ids
            ]
        return values

    @api.onchange("hours")
    def _onchange_hours(self):
        if self.hours:
            for line in self.line_ids:
                line.hours = self.hours

    def action_confirm(self):
        self.ensure_one()
        credits = [(line.partner_id, line.hours) for line in self.line_ids if line.hours > 0]
        if not credits:
            raise UserError(self.env._("Give hours to at least one person."))
        moves = self.env["conserverie.time.move"]._post_crew_credit(
            credits, self.reason, company=self.company_id
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "conserverie.time.move",
            "view_mode": "list,form",
            "domain": [("id", "in", moves.ids)],
            "name": self.env._("Crew credit"),
        }
