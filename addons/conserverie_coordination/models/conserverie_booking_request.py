from datetime import time

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

BOOKING_KINDS = [
    ("town", "Town"),
    ("event", "Event"),
    ("company", "Company"),
    ("centre", "Social centre"),
]
BOOKING_STATES = [
    ("new", "Request"),
    ("quoted", "Quoted"),
    ("confirmed", "Confirmed"),
    ("done", "Outing done"),
    ("invoiced", "Invoiced"),
    ("cancelled", "Cancelled"),
]
LORRY_BUSY_STATES = ("confirmed", "done", "invoiced")
OUTING_START = time(9, 0)


class ConserverieBookingRequest(models.Model):
    _name = "conserverie.booking.request"
    _description = "Booking of the lorry"
    _check_company_auto = True
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default=lambda self: self.env._("New")
    )
    partner_id = fields.Many2one("res.partner", string="Requester", required=True, tracking=True)
    kind = fields.Selection(BOOKING_KINDS, required=True, default="town", tracking=True)
    date = fields.Date(required=True, tracking=True)
    site_id = fields.Many2one("conserverie.site", check_company=True)
    place = fields.Char(help="Where the lorry goes, when it is not a known site.")
    expected_public = fields.Integer(help="How many people the requester expects.")
    contact_name = fields.Char(string="Contact")
    contact_phone = fields.Char(string="Phone")
    contact_email = fields.Char(string="E-mail")
    note = fields.Text()
    state = fields.Selection(
        BOOKING_STATES, default="new", required=True, tracking=True, copy=False, index=True
    )
    sale_order_id = fields.Many2one(
        "sale.order", string="Quote", readonly=True, copy=False, check_company=True
    )
    amount_total = fields.Monetary(related="sale_order_id.amount_total", string="Fee")
    currency_id = fields.Many2one(related="company_id.currency_id")
    activity_id = fields.Many2one(
        "conserverie.activity", string="Outing", readonly=True, copy=False, check_company=True
    )
    invoice_ids = fields.Many2many(related="sale_order_id.invoice_ids", string="Invoices")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    _sql_constraints = [
        (
            "expected_public_positive",
            "CHECK(expected_public >= 0)",
            "The expected public cannot be negative.",
        ),
    ]

    @api.constrains("state", "date", "company_id")
    def _check_lorry_free(self):
        for booking in self.filtered(lambda b: b.state in LORRY_BUSY_STATES):
            other = self.search(
                [
                    ("id", "!=", booking.id),
                    ("date", "=", booking.date),
                    ("company_id", "=", booking.company_id.id),
                    ("state", "in", LORRY_BUSY_STATES),
                ],
                limit=1,
            )
            if other:
                raise ValidationError(
                    self.env._(
                        "The lorry is already booked on %(date)s by %(other)s (%(requester)s).",
                        date=booking.date,
                        other=other.name,
                        requester=other.partner_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("name") or vals["name"] == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code("conserverie.booking.request")
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed(self):
        if any(booking.state in LORRY_BUSY_STATES for booking in self):
            raise UserError(self.env._("A confirmed booking cannot be deleted; cancel it."))

    def _check_state(self, allowed, message):
        if any(booking.state not in allowed for booking in self):
            raise UserError(message)

    def _get_fee_products(self):
        """The fee schedule's services for this kind of requester."""
        self.ensure_one()
        return self.env["product.product"].search(
            [
                ("booking_fee_kind", "=", self.kind),
                ("sale_ok", "=", True),
                ("company_id", "in", [False, self.company_id.id]),
            ],
            order="default_code, id",
        )

    def _prepare_sale_order_values(self):
        self.ensure_one()
        products = self._get_fee_products()
        if not products:
            kinds = dict(self._fields["kind"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "The fee schedule has no service for a booking by a %(kind)s: set the "
                    "booking kind on a service product first.",
                    kind=kinds[self.kind],
                )
            )
        return {
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "origin": self.name,
            "booking_request_id": self.id,
            "commitment_date": fields.Datetime.to_datetime(self.date),
            "order_line": [
                fields.Command.create(self._prepare_sale_order_line_values(product))
                for product in products
            ],
        }

    def _prepare_sale_order_line_values(self, product):
        """A fee of the schedule, in the bookings stream of the Facility plan."""
        self.ensure_one()
        values = {"product_id": product.id, "product_uom_qty": 1.0}
        stream = self.env["account.analytic.account"].search(
            [
                ("conserverie_stream", "=", "bookings"),
                ("company_id", "in", [False, self.company_id.id]),
            ],
            limit=1,
        )
        if stream:
            values["analytic_distribution"] = {str(stream.id): 100}
        return values

    def action_quote(self):
        """Answer the request with a quote from the fee schedule."""
        self.ensure_one()
        self._check_state(("new",), self.env._("Only a new request is quoted."))
        order = self.env["sale.order"].create(self._prepare_sale_order_values())
        self.write({"sale_order_id": order.id, "state": "quoted"})
        return self.action_view_sale_order()

    def action_view_sale_order(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": self.sale_order_id.id,
            "view_mode": "form",
        }

    def action_view_activity(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "conserverie.activity",
            "res_id": self.activity_id.id,
            "view_mode": "form",
        }

    def _confirm_from_quote(self):
        """The quote is accepted: the lorry is taken that day and the outing is planned."""
        self._check_state(
            ("new", "quoted"), self.env._("Only a requested or quoted booking is confirmed.")
        )
        for booking in self:
            booking.state = "confirmed"
            activity = self.env["conserverie.activity"].create(booking._prepare_activity_values())
            activity.action_plan()
            booking.activity_id = activity

    def _prepare_activity_values(self):
        self.ensure_one()
        start = fields.Datetime.to_datetime(self.date).replace(
            hour=OUTING_START.hour, minute=OUTING_START.minute
        )
        return {
            "name": self.env._("Outing: %(requester)s", requester=self.partner_id.name),
            "activity_type": "preserving",
            "date_start": start,
            "site_id": self.site_id.id,
            "centre_id": self.partner_id.id if self.partner_id.is_social_centre else False,
            "booking_request_id": self.id,
            "company_id": self.company_id.id,
            "description": self.note or self.place,
        }

    def _check_autoclave_operator(self):
        """An outing runs the autoclave: someone trained for it attends."""
        for booking in self:
            activity = booking.activity_id
            attendees = activity.attendance_ids.filtered("attended").partner_id
            trained = self.env["conserverie.training"]._get_trained(
                attendees,
                "autoclave",
                fields.Date.to_date(activity.date_start),
                booking.company_id,
            )
            if not trained:
                raise UserError(
                    self.env._(
                        "No one trained on the autoclave attends %(name)s: add a trained "
                        "operator to the attendance before closing the outing.",
                        name=activity.name,
                    )
                )

    def _mark_outing_done(self):
        self.filtered(lambda booking: booking.state == "confirmed").write({"state": "done"})

    def action_invoice(self):
        """Invoice the fee once the outing took place."""
        self.ensure_one()
        self._check_state(("done",), self.env._("A booking is invoiced after its outing."))
        invoices = self.sale_order_id._create_invoices()
        invoices.action_post()
        self.state = "invoiced"
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": invoices[:1].id,
            "view_mode": "form",
        }

    def action_cancel(self):
        self._check_state(
            ("new", "quoted", "confirmed"), self.env._("A done booking cannot be cancelled.")
        )
        self.activity_id.filtered(lambda a: a.state in ("draft", "planned")).action_cancel()
        self.sale_order_id.filtered(lambda o: o.state != "cancel")._action_cancel()
        self.state = "cancelled"
