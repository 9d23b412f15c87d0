from odoo import fields, models


class ConserverieActivity(models.Model):
    _inherit = "conserverie.activity"

    production_ids = fields.One2many("mrp.production", "activity_id", string="Productions")
    production_count = fields.Integer(compute="_compute_production_counts")
    haccp_check_ids = fields.One2many(
        "conserverie.haccp.check", "activity_id", string="HACCP checks"
    )
    haccp_check_count = fields.Integer(compute="_compute_production_counts")
    has_open_non_conformity = fields.Boolean(compute="_compute_production_counts")

    def _compute_production_counts(self):
        for activity in self:
            activity.production_count = len(activity.production_ids)
            activity.haccp_check_count = len(activity.haccp_check_ids)
            activity.has_open_non_conformity = any(
                check.state == "non_conforming" for check in activity.haccp_check_ids
            )

    def action_view_productions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Productions"),
            "res_model": "mrp.production",
            "view_mode": "list,form",
            "domain": [("activity_id", "=", self.id)],
            "context": {"default_activity_id": self.id},
        }

    def action_view_haccp_checks(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("HACCP checks"),
            "res_model": "conserverie.haccp.check",
            "view_mode": "list,form",
            "domain": [("activity_id", "=", self.id)],
            "context": {"default_activity_id": self.id},
        }
