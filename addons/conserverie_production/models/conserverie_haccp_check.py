from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

CHECK_TYPES = [
    ("cleaning", "Cleaning and disinfection"),
    ("fill_temperature", "Fill temperature"),
    ("seal_check", "Seal check"),
    ("cooling", "Cooling"),
    ("ph", "pH"),
    ("other", "Other"),
]
CORRECTIVE_FIELDS = {"corrective_action", "corrective_user_id", "corrective_date"}


class ConserverieHaccpCheck(models.Model):
    _name = "conserverie.haccp.check"
    _description = "HACCP check"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    activity_id = fields.Many2one(
        "conserverie.activity",
        string="Workshop",
        required=True,
        index=True,
        check_company=True,
        domain=[("activity_type", "=", "preserving")],
    )
    check_type = fields.Selection(CHECK_TYPES, string="Check", required=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Checked by",
        required=True,
        default=lambda self: self.env.user.partner_id,
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    value = fields.Char(help="What was measured or seen, e.g. '85 °C' or 'all lids sealed'.")
    is_conforming = fields.Boolean(string="Conforming", default=True)
    note = fields.Text()
    corrective_action = fields.Text(
        tracking=True, help="What was done about the non-conformity; recorded by a coordinator."
    )
    corrective_user_id = fields.Many2one("res.users", string="Corrected by", readonly=True)
    corrective_date = fields.Datetime(string="Corrected on", readonly=True)
    state = fields.Selection(
        [
            ("conforming", "Conforming"),
            ("non_conforming", "Non-conformity open"),
            ("corrected", "Corrected"),
        ],
        compute="_compute_state",
        store=True,
    )
    company_id = fields.Many2one(related="activity_id.company_id", store=True, index=True)

    @api.depends("is_conforming", "corrective_action")
    def _compute_state(self):
        for check in self:
            if check.is_conforming:
                check.state = "conforming"
            elif check.corrective_action:
                check.state = "corrected"
            else:
                check.state = "non_conforming"

    @api.depends("check_type", "activity_id")
    def _compute_display_name(self):
        labels = dict(self._fields["check_type"]._description_selection(self.env))
        for check in self:
            check.display_name = (
                f"{labels.get(check.check_type, '')} · {check.activity_id.name or ''}"
            )

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("corrective_action") for vals in vals_list):
            self._check_coordinator()
        return super().create(vals_list)

    def write(self, vals):
        if CORRECTIVE_FIELDS & set(vals):
            self._check_coordinator()
        if set(vals) - CORRECTIVE_FIELDS - {"message_main_attachment_id"}:
            if any(check.state == "corrected" for check in self):
                raise UserError(
                    self.env._("A corrected non-conformity is a record: it cannot be changed.")
                )
        return super().write(vals)

    def _check_coordinator(self):
        if not self.env.user.has_group("conserverie_base.group_coordinator"):
            raise AccessError(
                self.env._(
                    "Only a coordinator can record the corrective action of a non-conformity."
                )
            )

    def action_record_corrective_action(self, text):
        """Record what was done about a non-conformity (coordinators only)."""
        self._check_coordinator()
        if not (text or "").strip():
            raise UserError(self.env._("Describe the corrective action."))
        for check in self:
            if check.is_conforming:
                raise UserError(
                    self.env._(
                        "%(check)s conforms: there is nothing to correct.", check=check.display_name
                    )
                )
        self.write(
            {
                "corrective_action": text.strip(),
                "corrective_user_id": self.env.user.id,
                "corrective_date": fields.Datetime.now(),
            }
        )
        return True
