from odoo import models


class ConserverieActivity(models.Model):
    _inherit = "conserverie.activity"

    def action_done(self):
        """Credit the hours of the activities this call closes, once: closing an activity
        already done credits nothing more (staff correct a line to change its credit)."""
        closing = self.filtered(lambda activity: activity.state != "done")
        result = super().action_done()
        closing.filtered(lambda activity: activity.state == "done").attendance_ids._credit_time()
        return result

    def action_credit_crew(self):
        """Credit more hours to several attendees at once (crew wizard)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Credit a crew"),
            "res_model": "conserverie.time.crew.credit",
            "view_mode": "form",
            "target": "new",
            "context": {"default_activity_id": self.id},
        }
