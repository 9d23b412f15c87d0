import uuid

from odoo import api, fields, models

from ..tools import euros_to_hours, format_hours


class ConserverieTimeInvoicePayment(models.TransientModel):
    """A member's hours paying part of a purchasing group's invoice."""

    _name = "conserverie.time.invoice.payment"
    _description = "Pay an invoice in hours"

    invoice_id = fields.Many2one("account.move", required=True, readonly=True)
    company_id = fields.Many2one(related="invoice_id.company_id")
    currency_id = fields.Many2one(related="invoice_id.currency_id")
    partner_id = fields.Many2one(
        "res.partner",
        string="Member",
        required=True,
        domain=[("is_member", "=", True)],
        help="The member whose time account pays.",
    )
    member_balance_display = fields.Char(
        string="Balance", compute="_compute_member_balance_display"
    )
    hours = fields.Float(required=True, digits=(16, 4), help="Hours and minutes.")
    amount = fields.Monetary(string="Euro value", compute="_compute_amounts")
    amount_payable = fields.Monetary(
        string="Payable in hours",
        compute="_compute_amounts",
        help="What is left to pay, less the deposits and what hours paid already.",
    )
    hours_payable_display = fields.Char(string="Hours payable", compute="_compute_amounts")
    # shown to coordinators; the payment refuses it from anyone else
    allow_over_limit = fields.Boolean(
        string="Allow below the minimum",
        help="Accept the payment even if it takes the member's balance below its minimum.",
    )
    request_ref = fields.Char(
        required=True,
        readonly=True,
        default=lambda self: str(uuid.uuid4()),
        help="Makes a request sent twice pay once.",
    )
    payment_id = fields.Many2one("account.payment", readonly=True)

    @api.depends("partner_id", "company_id")
    def _compute_member_balance_display(self):
        for wizard in self:
            wizard.member_balance_display = (
                wizard.partner_id.with_company(wizard.company_id).time_balance_display
                if wizard.partner_id
                else False
            )

    @api.depends("hours", "invoice_id")
    def _compute_amounts(self):
        for wizard in self:
            invoice = wizard.invoice_id
            if not invoice:
                wizard.amount = wizard.amount_payable = 0.0
                wizard.hours_payable_display = False
                continue
            wizard.amount = invoice._get_time_payment_amount(wizard.hours)
            wizard.amount_payable = invoice._get_amount_payable_in_hours()
            wizard.hours_payable_display = format_hours(
                euros_to_hours(wizard.amount_payable, wizard.company_id.time_hour_value)
            )

    def action_confirm(self):
        self.ensure_one()
        if not self.payment_id:
            self.payment_id = self.invoice_id._pay_in_hours(
                self.partner_id,
                self.hours,
                allow_over_limit=self.allow_over_limit,
                request_ref=self.request_ref,
            )
        return {"type": "ir.actions.act_window_close"}
