from odoo import api, fields, models
from odoo.exceptions import ValidationError

ATTENDANCE_ROLES = [
    ("volunteer", "Volunteer"),
    ("resident", "Resident"),
    ("grower", "Grower"),
    ("staff", "Staff"),
]


class ConserverieActivityAttendance(models.Model):
    _name = "conserverie.activity.attendance"
    _description = "Activity attendance"
    _order = "activity_id, id"

    activity_id = fields.Many2one(
        "conserverie.activity", required=True, ondelete="cascade", index=True
    )
    partner_id = fields.Many2one("res.partner", string="Person", required=True, index=True)
    role = fields.Selection(ATTENDANCE_ROLES, required=True, default="volunteer")
    hours = fields.Float(default=0.0)
    attended = fields.Boolean(default=True)
    date = fields.Datetime(related="activity_id.date_start", store=True)
    activity_type = fields.Selection(related="activity_id.activity_type", store=True)
    company_id = fields.Many2one(related="activity_id.company_id", store=True, index=True)

    _sql_constraints = [
        (
            "partner_activity_uniq",
            "unique(activity_id, partner_id)",
            "A person is listed once per activity.",
        ),
    ]

    @api.constrains("hours")
    def _check_hours(self):
        for line in self:
            if line.hours < 0 or line.hours > 24:
                raise ValidationError(
                    self.env._(
                        "%(name)s: hours must be between 0 and 24.", name=line.partner_id.name
                    )
                )
