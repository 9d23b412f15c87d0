from odoo import api, fields, models
from odoo.exceptions import AccessError


class PosSession(models.Model):
    _inherit = "pos.session"

    activity_id = fields.Many2one(
        "conserverie.activity",
        readonly=True,
        index="btree_not_null",
        check_company=True,
        copy=False,
        help="The activity this stall session served: its sales and cashiers show on it.",
    )
    is_conserverie_stall = fields.Boolean(
        string="Facility stall",
        related="config_id.picking_type_id.warehouse_id.is_mobile_unit",
        help="The session sold from the mobile unit's stock: a stall of the facility, "
        "not another shop of the company.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("activity_id") for vals in vals_list) and not self.env.su:
            self._check_can_link_activity()
        return super().create(vals_list)

    def write(self, vals):
        if "activity_id" in vals and not self.env.su:
            self._check_can_link_activity()
        return super().write(vals)

    def _check_can_link_activity(self):
        if not self.env.user.has_group("conserverie_base.group_staff"):
            raise AccessError(self.env._("Only centre staff link a stall session to an activity."))

    def _validate_session(self, *args, **kwargs):
        result = super()._validate_session(*args, **kwargs)
        for session in self.filtered(lambda s: s.state == "closed" and s.activity_id):
            session.activity_id._add_stall_cashiers(session)
        return result

    def _get_cashiers(self):
        """The users who took the session's orders."""
        self.ensure_one()
        return self.order_ids.user_id
