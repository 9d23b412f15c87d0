from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools.stall import cashier_hours

ACTIVITY_TYPES = [
    ("preserving", "Preserving workshop"),
    ("gleaning", "Gleaning"),
    ("picking_hike", "Picking hike"),
    ("awareness", "Awareness stand"),
]
HARVEST_TYPES = ("gleaning", "picking_hike")
SOLD_ORDER_STATES = ("paid", "done", "invoiced")


class ConserverieActivity(models.Model):
    _name = "conserverie.activity"
    _description = "Activity"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    activity_type = fields.Selection(
        ACTIVITY_TYPES, string="Type", required=True, default="preserving", tracking=True
    )
    date_start = fields.Datetime(
        string="Start", required=True, default=fields.Datetime.now, tracking=True
    )
    date_end = fields.Datetime(
        string="End",
        compute="_compute_date_end",
        store=True,
        readonly=False,
        tracking=True,
    )
    site_id = fields.Many2one("conserverie.site", check_company=True, tracking=True)
    is_rural = fields.Boolean(related="site_id.is_rural", store=True)
    centre_id = fields.Many2one(
        "res.partner",
        string="Organising centre",
        domain=[("is_social_centre", "=", True)],
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, tracking=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("planned", "Planned"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    description = fields.Html()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    attendance_ids = fields.One2many("conserverie.activity.attendance", "activity_id", copy=False)
    intake_ids = fields.One2many("conserverie.intake", "activity_id")
    participant_count = fields.Integer(compute="_compute_attendance_figures", store=True)
    volunteer_hours = fields.Float(compute="_compute_attendance_figures", store=True)
    harvested_kg = fields.Float(
        string="Yield (kg)", compute="_compute_harvested_kg", help="Produce received from it."
    )
    intake_count = fields.Integer(compute="_compute_harvested_kg")
    is_harvest = fields.Boolean(compute="_compute_is_harvest")
    color = fields.Integer()
    pos_config_id = fields.Many2one(
        "pos.config",
        string="Stall",
        check_company=True,
        domain="[('picking_type_id.warehouse_id.is_mobile_unit', '=', True)]",
        tracking=True,
        help="The till that sells at this activity: a sale on the day of production, "
        "a market stand.",
    )
    pos_session_ids = fields.One2many(
        "pos.session", "activity_id", string="Stall sessions", readonly=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    stall_order_count = fields.Integer(string="Sales", compute="_compute_stall_figures")
    stall_amount_total = fields.Monetary(string="Takings", compute="_compute_stall_figures")
    stall_cashier_ids = fields.Many2many(
        "res.users", string="Cashiers", compute="_compute_stall_figures"
    )

    @api.depends("date_start")
    def _compute_date_end(self):
        for activity in self:
            if activity.date_start and (
                not activity.date_end or activity.date_end < activity.date_start
            ):
                activity.date_end = fields.Datetime.add(activity.date_start, hours=3)

    @api.depends("attendance_ids.attended", "attendance_ids.hours")
    def _compute_attendance_figures(self):
        for activity in self:
            attended = activity.attendance_ids.filtered("attended")
            activity.participant_count = len(attended)
            activity.volunteer_hours = sum(attended.mapped("hours"))

    @api.depends("intake_ids.state", "intake_ids.line_ids.quantity")
    def _compute_harvested_kg(self):
        totals = dict(
            self.env["conserverie.intake.line"]._read_group(
                [("intake_id.activity_id", "in", self.ids), ("intake_id.state", "=", "done")],
                ["activity_id"],
                ["quantity:sum"],
            )
        )
        for activity in self:
            activity.harvested_kg = totals.get(activity, 0.0)
            activity.intake_count = len(activity.intake_ids)

    @api.depends("activity_type")
    def _compute_is_harvest(self):
        for activity in self:
            activity.is_harvest = activity.activity_type in HARVEST_TYPES

    @api.depends("pos_session_ids.order_ids.state", "pos_session_ids.order_ids.amount_total")
    def _compute_stall_figures(self):
        groups = self.env["pos.order"]._read_group(
            self._get_stall_order_domain(),
            ["session_id", "user_id"],
            ["__count", "amount_total:sum"],
        )
        figures = {activity: [0, 0.0, self.env["res.users"]] for activity in self}
        for session, user, count, amount in groups:
            activity_figures = figures[session.activity_id]
            activity_figures[0] += count
            activity_figures[1] += amount
            activity_figures[2] |= user
        for activity in self:
            count, amount, users = figures[activity]
            activity.stall_order_count = count
            activity.stall_amount_total = amount
            activity.stall_cashier_ids = users

    def _get_stall_order_domain(self):
        return [("session_id.activity_id", "in", self.ids), ("state", "in", SOLD_ORDER_STATES)]

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for activity in self:
            if activity.date_end and activity.date_end < activity.date_start:
                raise ValidationError(
                    self.env._("Activity %(name)s ends before it starts.", name=activity.name)
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if any(activity.state == "done" for activity in self):
            raise UserError(self.env._("A done activity cannot be deleted; cancel it instead."))

    def action_plan(self):
        self._check_state(("draft",), self.env._("Only a draft activity can be planned."))
        self.state = "planned"

    def action_done(self):
        """Close the activity; later addons hook here (hours credited…)."""
        if not self.env.su and not self.env.user.has_group("conserverie_base.group_staff"):
            raise AccessError(self.env._("Only centre staff close an activity."))
        self._check_state(
            ("draft", "planned", "done"), self.env._("A cancelled activity cannot be done.")
        )
        self.filtered(lambda a: a.state != "done").write({"state": "done"})
        return True

    def action_cancel(self):
        self._check_state(("draft", "planned"), self.env._("A done activity cannot be cancelled."))
        self.state = "cancelled"

    def action_draft(self):
        self._check_state(
            ("cancelled",), self.env._("Only a cancelled activity goes back to draft.")
        )
        self.state = "draft"

    def _check_state(self, allowed, message):
        if any(activity.state not in allowed for activity in self):
            raise UserError(message)

    def action_create_intake(self):
        """Record what a gleaning or picking hike brought back."""
        self.ensure_one()
        if not self.is_harvest:
            raise UserError(self.env._("Only a gleaning or a picking hike brings back produce."))
        grower = self.site_id.partner_id if self.site_id.partner_id.is_grower else False
        return {
            "type": "ir.actions.act_window",
            "res_model": "conserverie.intake",
            "view_mode": "form",
            "context": {
                "default_activity_id": self.id,
                "default_source": self.activity_type,
                "default_partner_id": grower and grower.id,
                "default_date": fields.Date.to_date(self.date_start),
            },
        }

    def action_open_stall(self):
        """Open the till of the activity's stall in a session that serves the activity."""
        self.ensure_one()
        if not self.env.su and not self.env.user.has_group("conserverie_base.group_staff"):
            raise AccessError(self.env._("Only centre staff open the stall of an activity."))
        if self.state == "cancelled":
            raise UserError(self.env._("A cancelled activity has no stall."))
        config = self.pos_config_id
        if not config:
            raise UserError(
                self.env._("Choose the stall that sells at %(activity)s first.", activity=self.name)
            )
        session = config.current_session_id
        if not session:
            config._check_before_creating_new_session()
            self.env["pos.session"].create(
                {"user_id": self.env.uid, "config_id": config.id, "activity_id": self.id}
            )
        elif session.activity_id != self:
            if session.activity_id:
                raise UserError(
                    self.env._(
                        "The stall %(stall)s is open for %(activity)s: close its session first.",
                        stall=config.name,
                        activity=session.activity_id.name,
                    )
                )
            if session.order_ids:
                raise UserError(
                    self.env._(
                        "The stall %(stall)s has already sold in the session %(session)s: "
                        "close it first.",
                        stall=config.name,
                        session=session.name,
                    )
                )
            session.activity_id = self
        return config.open_ui()

    def action_view_stall_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("point_of_sale.action_pos_pos_form")
        action["domain"] = self._get_stall_order_domain()
        action["context"] = {}
        return action

    def action_view_stall_takings(self):
        """The stall's payments, totalled by payment method."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "point_of_sale.action_pos_payment_form"
        )
        action["domain"] = [("pos_order_id", "any", self._get_stall_order_domain())]
        action["context"] = {"search_default_group_by_payment_method": 1}
        return action

    def _add_stall_cashiers(self, session):
        """List the cashiers of a closed stall session in the attendance, unvalidated.

        Staff validate each line (tick *attended*); hours are credited only then.
        A person already listed is left as they are.
        """
        self.ensure_one()
        listed = self.attendance_ids.partner_id
        hours = cashier_hours(self.date_start, self.date_end)
        values = {}
        for user in session._get_cashiers():
            if user.partner_id in listed or user.partner_id.id in values:
                continue
            values[user.partner_id.id] = {
                "activity_id": self.id,
                "partner_id": user.partner_id.id,
                "role": "staff" if user.has_group("conserverie_base.group_staff") else "volunteer",
                "hours": hours,
                "attended": False,
                "pos_session_id": session.id,
            }
        # sudo: whoever closes the till, the cashiers are listed; nothing is validated here
        return self.env["conserverie.activity.attendance"].sudo().create(list(values.values()))

    def action_view_intakes(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "conserverie_base.conserverie_intake_action"
        )
        action["domain"] = [("activity_id", "=", self.id)]
        action["context"] = {"default_activity_id": self.id, "default_source": self.activity_type}
        return action

    def action_give_volunteer_share(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Give jars to attendees"),
            "res_model": "conserverie.volunteer.share",
            "view_mode": "form",
            "target": "new",
            "context": {"default_activity_id": self.id},
        }

    def _give_volunteer_share(self, shares):
        """Deliver jars from released stock to attendees, without payment.

        ``shares`` is a list of (partner, product, quantity). Raises, writing
        nothing, when a partner did not attend or the released stock is short.
        """
        self.ensure_one()
        attendees = self.attendance_ids.filtered("attended").partner_id
        warehouse = self.company_id._get_conserverie_warehouse()
        channel = self.env["conserverie.channel"]._get_by_code("volunteer_share")
        pickings = self.env["stock.picking"]
        for partner, product, quantity in shares:
            if partner not in attendees:
                raise UserError(
                    self.env._(
                        "%(name)s did not attend %(activity)s.",
                        name=partner.display_name,
                        activity=self.name,
                    )
                )
            if quantity <= 0:
                raise UserError(self.env._("Quantities given must be above zero."))
            pickings |= self.env["stock.picking"].create(
                {
                    "picking_type_id": warehouse.out_type_id.id,
                    "partner_id": partner.id,
                    "location_id": warehouse.released_location_id.id,
                    "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                    "origin": self.name,
                    "activity_id": self.id,
                    "channel_id": channel.id,
                    "move_ids": [
                        fields.Command.create(
                            {
                                "name": product.display_name,
                                "product_id": product.id,
                                "product_uom_qty": quantity,
                                "product_uom": product.uom_id.id,
                                "location_id": warehouse.released_location_id.id,
                                "location_dest_id": self.env.ref(
                                    "stock.stock_location_customers"
                                ).id,
                            }
                        )
                    ],
                }
            )
        pickings.action_confirm()
        pickings.action_assign()
        for move in pickings.move_ids:
            if move.quantity < move.product_uom_qty:
                raise UserError(
                    self.env._(
                        "Only %(available)s released %(product)s left for %(quantity)s to give.",
                        available=move.quantity,
                        product=move.product_id.display_name,
                        quantity=move.product_uom_qty,
                    )
                )
        pickings.move_ids.picked = True
        pickings.with_context(skip_backorder=True, skip_sms=True)._action_done()
        return pickings
