from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

# Taps a till may send at once: what a stall counts offline in a day, not more.
MAX_VISITORS_PER_CALL = 1000


class PosSession(models.Model):
    _inherit = "pos.session"

    activity_name = fields.Char(related="activity_id.name", string="Activity name")
    activity_visitor_count = fields.Integer(
        related="activity_id.visitor_count", string="Anonymous visitors at the activity"
    )

    @api.model
    def _load_pos_data_fields(self, config_id):
        return [
            *super()._load_pos_data_fields(config_id),
            "activity_name",
            "activity_visitor_count",
        ]

    def add_anonymous_visitor(self, count=1):
        """Count ``count`` people who stopped by the stall (one tap each); return the new count.

        Called by the till; ``count`` is above one when taps made offline are sent.
        """
        self.ensure_one()
        if not self.env.user.has_group("conserverie_base.group_volunteer"):
            raise AccessError(self.env._("Only the volunteers running a stall count its visitors."))
        self.check_access("read")
        if isinstance(count, bool) or not isinstance(count, int):
            raise UserError(self.env._("The number of visitors must be a whole number."))
        if not 0 < count <= MAX_VISITORS_PER_CALL:
            raise UserError(
                self.env._(
                    "Between 1 and %(maximum)s visitors are counted at once.",
                    maximum=MAX_VISITORS_PER_CALL,
                )
            )
        if self.state == "closed":
            raise UserError(self.env._("This stall session is closed."))
        if not self.activity_id:
            raise UserError(
                self.env._(
                    "Stall session %(session)s is not tied to an activity: ask the centre "
                    "staff to link it before counting visitors.",
                    session=self.name,
                )
            )
        return self.activity_id._add_visitors(count)
