from odoo import models


class ConserverieActivity(models.Model):
    _inherit = "conserverie.activity"

    def action_done(self):
        """Credit the attendees' hours, once. Only staff close an activity (base); closing
        one already done credits only what is missing, e.g. an activity closed before
        the time bank was installed."""
        result = super().action_done()
        self.filtered(lambda activity: activity.state == "done").attendance_ids._credit_time()
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
