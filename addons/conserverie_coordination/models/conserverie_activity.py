from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class ConserverieActivity(models.Model):
    _inherit = "conserverie.activity"

    surplus_offer_ids = fields.One2many(
        "conserverie.surplus.offer", "activity_id", string="Surplus offers"
    )
    booking_request_id = fields.Many2one(
        "conserverie.booking.request",
        string="Booking",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
        groups="conserverie_base.group_staff,conserverie_base.group_accountant",
    )
    booking_state = fields.Selection(
        related="booking_request_id.state",
        string="Booking status",
        groups="conserverie_base.group_staff,conserverie_base.group_accountant",
    )
    visitor_count = fields.Integer(
        string="Anonymous visitors",
        readonly=True,
        copy=False,
        help="People who stopped by without giving their name.",
    )
    is_signed_up = fields.Boolean(
        string="I am signed up", compute="_compute_is_signed_up", compute_sudo=False
    )

    @api.depends_context("uid")
    @api.depends("attendance_ids.partner_id")
    def _compute_is_signed_up(self):
        partner = self.env.user.partner_id
        for activity in self:
            activity.is_signed_up = partner in activity.attendance_ids.partner_id

    def action_plan(self):
        result = super().action_plan()
        self.filtered(lambda activity: activity.activity_type == "gleaning")._notify_gleaning()
        return result

    def action_done(self):
        # sudo: the outing's booking is checked whoever closes it; base checks who may close
        bookings = self.sudo().booking_request_id
        bookings._check_autoclave_operator()
        result = super().action_done()
        bookings._mark_outing_done()
        return result

    def action_create_intake(self):
        action = super().action_create_intake()
        offer = self.surplus_offer_ids[:1]
        if offer:
            action["context"] = dict(
                action["context"], default_offer_id=offer.id, default_partner_id=offer.partner_id.id
            )
        return action

    def action_count_visitor(self):
        """One more anonymous visitor, counted in the database so two taps never clash."""
        self._add_visitors(1)
        return True

    def _add_visitors(self, count):
        """Add ``count`` anonymous visitors in one statement; return the new count."""
        self.ensure_one()
        self.check_access("read")
        if self.state not in ("planned", "done"):
            raise UserError(self.env._("Visitors are counted at a planned or done activity."))
        self.env.cr.execute(
            "UPDATE conserverie_activity SET visitor_count = COALESCE(visitor_count, 0) + %s "
            "WHERE id = %s RETURNING visitor_count",
            [count, self.id],
        )
        [(visitors,)] = self.env.cr.fetchall()
        self.invalidate_recordset(["visitor_count"])
        return visitors

    def action_sign_up(self):
        """Sign the current user up for a planned gleaning or picking hike."""
        self.ensure_one()
        self._sign_up(self.env.user.partner_id)
        return True

    def _sign_up(self, partner):
        """List ``partner`` as a volunteer of this gleaning; refused twice or when closed."""
        self.ensure_one()
        if not self.is_harvest or self.state != "planned":
            raise UserError(
                self.env._("Sign-ups are open for planned gleanings and picking hikes only.")
            )
        if self.date_start < fields.Datetime.now():
            raise UserError(self.env._("%(name)s has already started.", name=self.name))
        if partner in self.attendance_ids.partner_id:
            raise UserError(
                self.env._(
                    "%(person)s is already signed up for %(name)s.",
                    person=partner.display_name,
                    name=self.name,
                )
            )
        return self.env["conserverie.activity.attendance"].create(
            {"activity_id": self.id, "partner_id": partner.id, "role": "volunteer", "hours": 0.0}
        )

    def _get_gleaning_recipients(self):
        self.ensure_one()
        return self.env["res.partner"].search(
            [
                ("is_member", "=", True),
                ("is_gleaning_opt_in", "=", True),
                ("email", "!=", False),
                ("company_id", "in", [False, self.company_id.id]),
            ]
        )

    def _notify_gleaning(self):
        """E-mail the members who asked to hear of new gleanings, each in their language."""
        template = self.env.ref("conserverie_coordination.mail_template_new_gleaning")
        for activity in self:
            for partner in activity._get_gleaning_recipients():
                template.with_context(lang=partner.lang).send_mail(
                    activity.id,
                    email_values={"recipient_ids": [Command.link(partner.id)]},
                )
