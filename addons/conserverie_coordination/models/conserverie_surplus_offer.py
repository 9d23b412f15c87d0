from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools.surplus import kilograms_lost, recovery_rate

OFFER_STATES = [
    ("new", "New"),
    ("planned", "Planned"),
    ("recovered", "Recovered"),
    ("lost", "Lost"),
    ("cancelled", "Cancelled"),
]
OFFER_GRADES = [("surplus", "Surplus"), ("downgraded", "Downgraded")]
OFFER_NEEDS = [("pickup", "Pick-up"), ("gleaning", "Gleaning")]
GROWER_FIELDS = {
    "partner_id",
    "product_id",
    "estimated_kg",
    "grade",
    "site_id",
    "place",
    "date_from",
    "date_to",
    "need",
    "note",
    "company_id",
}


class ConserverieSurplusOffer(models.Model):
    _name = "conserverie.surplus.offer"
    _description = "Surplus offer"
    _check_company_auto = True
    _inherit = ["mail.thread"]
    _order = "date_from desc, id desc"

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default=lambda self: self.env._("New")
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Grower",
        required=True,
        domain=[("is_grower", "=", True)],
        index=True,
        tracking=True,
    )
    product_id = fields.Many2one(
        "product.product",
        string="Produce",
        required=True,
        domain=[("is_recovered_produce", "=", True)],
        tracking=True,
    )
    product_name = fields.Char(related="product_id.name", string="Produce name")
    estimated_kg = fields.Float(string="Estimated (kg)", required=True, tracking=True)
    grade = fields.Selection(OFFER_GRADES, required=True, default="surplus")
    site_id = fields.Many2one("conserverie.site", check_company=True)
    place = fields.Char(help="Where the produce is, when it is not a known site.")
    date_from = fields.Date(string="Available from", required=True, default=fields.Date.today)
    date_to = fields.Date(string="Available until", required=True, default=fields.Date.today)
    need = fields.Selection(
        OFFER_NEEDS, string="Needs", required=True, default="pickup", tracking=True
    )
    note = fields.Text()
    state = fields.Selection(
        OFFER_STATES, default="new", required=True, tracking=True, copy=False, index=True
    )
    activity_id = fields.Many2one(
        "conserverie.activity", string="Gleaning", check_company=True, copy=False, readonly=True
    )
    intake_ids = fields.One2many("conserverie.intake", "offer_id", string="Intakes")
    intake_count = fields.Integer(compute="_compute_recovered", compute_sudo=True)
    recovered_kg = fields.Float(
        string="Recovered (kg)", compute="_compute_recovered", compute_sudo=True
    )
    recovery_rate = fields.Float(
        string="Recovered (%)", compute="_compute_recovered", compute_sudo=True
    )
    lost_kg = fields.Float(string="Lost (kg)", compute="_compute_recovered", compute_sudo=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    _sql_constraints = [
        ("estimated_kg_positive", "CHECK(estimated_kg > 0)", "An offer announces some produce."),
    ]

    @api.depends("intake_ids.state", "intake_ids.line_ids.quantity", "estimated_kg", "state")
    def _compute_recovered(self):
        for offer in self:
            done = offer.intake_ids.filtered(lambda intake: intake.state == "done")
            recovered = sum(done.line_ids.mapped("quantity"))
            offer.recovered_kg = recovered
            offer.recovery_rate = recovery_rate(offer.estimated_kg, recovered) * 100
            offer.lost_kg = kilograms_lost(offer.state, max(offer.estimated_kg, 0.0), recovered)
            offer.intake_count = len(offer.intake_ids)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for offer in self:
            if offer.date_to < offer.date_from:
                raise ValidationError(
                    self.env._("An offer cannot end before it starts (%(name)s).", name=offer.name)
                )

    @api.constrains("partner_id")
    def _check_grower(self):
        for offer in self:
            if not offer.partner_id.commercial_partner_id.is_grower:
                raise ValidationError(
                    self.env._(
                        "%(name)s is not a grower: only growers offer their surplus.",
                        name=offer.partner_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self._is_staff():
            for vals in vals_list:
                self._check_grower_values(vals)
        # sudo: a grower on the portal cannot read sequences; only the next number is taken
        sequence = self.env["ir.sequence"].sudo()
        for vals in vals_list:
            if not vals.get("name") or vals["name"] == self.env._("New"):
                vals["name"] = sequence.next_by_code("conserverie.surplus.offer")
        return super().create(vals_list)

    def write(self, vals):
        if not self._is_staff():
            raise AccessError(self.env._("Only the facility's staff change an offer."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_answered(self):
        if any(offer.state in ("planned", "recovered") for offer in self):
            raise UserError(self.env._("An answered offer cannot be deleted; cancel it instead."))

    def _is_staff(self):
        return self.env.su or self.env.user.has_group("conserverie_base.group_staff")

    def _check_grower_values(self, vals):
        """A grower posts a new offer of their own, nothing more."""
        if set(vals) - GROWER_FIELDS or vals.get("state", "new") != "new":
            raise AccessError(self.env._("A grower only posts a new offer."))
        if vals.get("partner_id") != self.env.user.commercial_partner_id.id:
            raise AccessError(self.env._("A grower posts offers in their own name only."))

    def _check_state(self, allowed, message):
        if any(offer.state not in allowed for offer in self):
            raise UserError(message)

    def action_plan_gleaning(self):
        """Plan a gleaning on the grower's field and tell the members who opted in."""
        self.ensure_one()
        self._check_state(("new",), self.env._("Only a new offer can be planned."))
        activity = self.env["conserverie.activity"].create(self._prepare_gleaning_values())
        self.write({"activity_id": activity.id, "state": "planned"})
        activity.action_plan()
        return {
            "type": "ir.actions.act_window",
            "res_model": "conserverie.activity",
            "res_id": activity.id,
            "view_mode": "form",
        }

    def _prepare_gleaning_values(self):
        self.ensure_one()
        return {
            "name": self.env._(
                "Gleaning: %(produce)s at %(grower)s",
                produce=self.product_id.name,
                grower=self.partner_id.name,
            ),
            "activity_type": "gleaning",
            "date_start": fields.Datetime.to_datetime(self.date_from).replace(hour=9),
            "site_id": self.site_id.id,
            "company_id": self.company_id.id,
            "description": self.note or self.place,
        }

    def action_intake_next_workshop(self):
        """An intake at the next planned workshop, with the announced kilograms to weigh."""
        self.ensure_one()
        self._check_state(("new", "planned"), self.env._("This offer is no longer open."))
        intake = self.env["conserverie.intake"].create(self._prepare_intake_values())
        if self.state == "new":
            self.state = "planned"
        return {
            "type": "ir.actions.act_window",
            "res_model": "conserverie.intake",
            "res_id": intake.id,
            "view_mode": "form",
        }

    def _get_next_workshop(self):
        self.ensure_one()
        return self.env["conserverie.activity"].search(
            [
                ("activity_type", "=", "preserving"),
                ("state", "=", "planned"),
                ("date_start", ">=", fields.Datetime.now()),
                ("company_id", "=", self.company_id.id),
            ],
            order="date_start",
            limit=1,
        )

    def _prepare_intake_values(self):
        self.ensure_one()
        workshop = self._get_next_workshop()
        return {
            "source": "donation",
            "partner_id": self.partner_id.commercial_partner_id.id,
            "activity_id": workshop.id,
            "date": workshop.date_start.date() if workshop else fields.Date.context_today(self),
            "offer_id": self.id,
            "company_id": self.company_id.id,
            "line_ids": [
                fields.Command.create(
                    {
                        "product_id": self.product_id.id,
                        "quantity": self.estimated_kg,
                        "grade": self.grade,
                    }
                )
            ],
        }

    def action_cancel(self):
        self._check_state(("new", "planned"), self.env._("Only an open offer can be cancelled."))
        self.state = "cancelled"

    def action_reopen(self):
        self._check_state(
            ("cancelled", "lost"), self.env._("Only a cancelled or lost offer can be reopened.")
        )
        self.state = "new"

    def action_view_intakes(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "conserverie_base.conserverie_intake_action"
        )
        action["domain"] = [("offer_id", "=", self.id)]
        action["context"] = {"default_offer_id": self.id}
        return action

    def _mark_recovered(self):
        self.filtered(lambda offer: offer.state in ("new", "planned", "lost")).write(
            {"state": "recovered"}
        )

    @api.model
    def _cron_mark_lost(self):
        """Offers nobody answered by their last day are lost."""
        today = fields.Date.context_today(self)
        self.search([("state", "=", "new"), ("date_to", "<", today)]).write({"state": "lost"})
