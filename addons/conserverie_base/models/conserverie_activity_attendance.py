from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

# what staff check when they validate a cashier a stall session listed
STALL_VALIDATED_FIELDS = ("attended", "hours", "partner_id", "activity_id", "pos_session_id")

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
    pos_session_id = fields.Many2one(
        "pos.session",
        string="Stall session",
        readonly=True,
        index="btree_not_null",
        help="Listed as a cashier when this stall session closed: staff validate the line "
        "by ticking 'attended'.",
    )
    is_to_validate = fields.Boolean(
        string="To validate",
        compute="_compute_is_to_validate",
        search="_search_is_to_validate",
        help="A cashier listed by a stall session, not yet validated by staff.",
    )

    _sql_constraints = [
        (
            "partner_activity_uniq",
            "unique(activity_id, partner_id)",
            "A person is listed once per activity.",
        ),
    ]

    @api.depends("pos_session_id", "attended")
    def _compute_is_to_validate(self):
        for line in self:
            line.is_to_validate = bool(line.pos_session_id) and not line.attended

    def _search_is_to_validate(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(self.env._("Unsupported search on 'To validate'."))
        if (operator == "=") == value:
            return [("pos_session_id", "!=", False), ("attended", "=", False)]
        return ["|", ("pos_session_id", "=", False), ("attended", "=", True)]

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("pos_session_id") for vals in vals_list):
            self._check_can_validate_stall_cashiers()
        return super().create(vals_list)

    def write(self, vals):
        if any(field in vals for field in STALL_VALIDATED_FIELDS) and (
            vals.get("pos_session_id") or self.pos_session_id
        ):
            self._check_can_validate_stall_cashiers()
        return super().write(vals)

    def _check_can_validate_stall_cashiers(self):
        """The cashiers a stall session lists are validated by staff, not by themselves."""
        if not self.env.su and not self.env.user.has_group("conserverie_base.group_staff"):
            raise AccessError(
                self.env._("Only centre staff validate the cashiers a stall session listed.")
            )

    @api.constrains("hours")
    def _check_hours(self):
        for line in self:
            if line.hours < 0 or line.hours > 24:
                raise ValidationError(
                    self.env._(
                        "%(name)s: hours must be between 0 and 24.", name=line.partner_id.name
                    )
                )
