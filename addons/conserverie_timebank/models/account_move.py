from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_compare

from ..tools import euros_to_hours, format_hours

PAYING_GROUPS = ("conserverie_base.group_staff", "conserverie_base.group_accountant")


class AccountMove(models.Model):
    _inherit = "account.move"

    is_payable_in_hours = fields.Boolean(
        compute="_compute_is_payable_in_hours",
        help="A purchasing group's posted invoice with an amount left that hours may pay.",
    )
    time_paid_amount = fields.Monetary(
        string="Paid in hours",
        compute="_compute_time_paid_amount",
        help="Euro value of the members' hours paying this invoice.",
    )

    @api.depends("state", "move_type", "commercial_partner_id", "amount_residual")
    def _compute_is_payable_in_hours(self):
        for move in self:
            move.is_payable_in_hours = (
                move._is_invoice_payable_in_hours()
                and move.currency_id.compare_amounts(move._get_amount_payable_in_hours(), 0) > 0
            )

    def _compute_time_paid_amount(self):
        for move in self:
            move.time_paid_amount = sum(move._get_time_payments().mapped("amount"))

    # ------------------------------------------------------------------
    # Payment in hours
    # ------------------------------------------------------------------

    def _is_invoice_payable_in_hours(self):
        """Hours pay a member's share of a purchasing group's posted invoice."""
        self.ensure_one()
        return (
            self.move_type == "out_invoice"
            and self.state == "posted"
            and self.commercial_partner_id.is_purchasing_group
        )

    def _check_invoice_payable_in_hours(self):
        self.ensure_one()
        if not self._is_invoice_payable_in_hours():
            raise UserError(
                self.env._("Only a purchasing group's posted invoice is paid in hours.")
            )

    def _get_time_payments(self):
        """The payments in hours of this invoice that are in the books."""
        self.ensure_one()
        # sudo: staff, who may not read payments, see what hours paid
        return (
            self.env["account.payment"]
            .sudo()
            .search([("time_invoice_id", "=", self.id), ("state", "not in", ("draft", "canceled"))])
        )

    def _get_lines_not_payable_in_hours(self):
        """Extension point: the invoice lines that hours must never pay (none in the time
        bank alone; deposits with ``conserverie_deposit_timebank``)."""
        return self.env["account.move.line"]

    def _get_amount_payable_in_hours(self):
        """Euros that hours may still pay: the total less the lines hours never pay and
        what hours paid already, at most what is left to pay."""
        self.ensure_one()
        not_payable = sum(self._get_lines_not_payable_in_hours().mapped("price_total"))
        payable = self.amount_total - not_payable - sum(self._get_time_payments().mapped("amount"))
        return self.currency_id.round(max(min(payable, self.amount_residual), 0.0))

    def _check_time_payment_rights(self):
        if not any(self.env.user.has_group(group) for group in PAYING_GROUPS):
            raise AccessError(
                self.env._("Only centre staff and accountants record a payment in hours.")
            )

    def action_pay_in_hours(self):
        """Open the wizard that pays part of this invoice with a member's hours."""
        self.ensure_one()
        self._check_time_payment_rights()
        self._check_invoice_payable_in_hours()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Pay in hours"),
            "res_model": "conserverie.time.invoice.payment",
            "view_mode": "form",
            "target": "new",
            "context": {"default_invoice_id": self.id},
        }

    def _pay_in_hours(self, partner, hours, allow_over_limit=False, request_ref=False):
        """Pay part of this invoice with ``hours`` of ``partner``'s time account.

        Registers a payment in the hours journal whose counterpart is the hours clearing
        account, debits the member once, clears the payment to the settlement account
        and matches it with the invoice. A request sent again with the same
        ``request_ref`` returns the payment it made. Returns the payment.
        """
        self.ensure_one()
        self._check_time_payment_rights()
        # sudo: staff record the payment; accountants' rights are not needed for it
        Payment = self.env["account.payment"].sudo()
        if request_ref:
            done = Payment.search([("time_request_ref", "=", request_ref)], limit=1)
            if done:
                if done.time_invoice_id != self:
                    raise UserError(self.env._("This request paid another invoice."))
                return done
        self._check_time_payment(partner, hours)
        Payment._check_time_limit(
            # sudo: staff read the member's balance to apply the till's rule
            self.env["conserverie.time.account"].sudo()._get_for_partner(partner, self.company_id),
            hours,
            allow_over_limit,
        )
        payment = Payment.create(self._prepare_time_payment_vals(partner, hours, request_ref))
        payment.action_post()
        # sudo: staff match the payment they record with the invoice
        invoice_lines = self.sudo().line_ids
        receivable = invoice_lines.filtered(
            lambda line: line.account_type == "asset_receivable"
        ).account_id
        (payment.move_id.line_ids | invoice_lines).filtered(
            lambda line: line.account_id in receivable and not line.reconciled
        ).reconcile()
        payment._post_time_debit(allow_over_limit=allow_over_limit)
        payment._post_time_clearing()
        return payment

    def _check_time_payment(self, partner, hours):
        """Refuse, with the reason, a payment in hours this invoice cannot take."""
        self.ensure_one()
        self._check_invoice_payable_in_hours()
        if not partner or not partner.is_member:
            raise UserError(self.env._("Choose the member whose hours pay."))
        if float_compare(hours, 0.0, precision_digits=4) <= 0:
            raise UserError(self.env._("The number of hours must be above zero."))
        amount = self._get_time_payment_amount(hours)
        payable = self._get_amount_payable_in_hours()
        if self.currency_id.compare_amounts(amount, payable) > 0:
            raise UserError(
                self.env._(
                    "%(hours)s are worth %(amount)s, but hours may pay at most %(payable)s of "
                    "%(invoice)s (%(payable_hours)s): what is left to pay, less what hours "
                    "paid already; deposits are paid in euros.",
                    hours=format_hours(hours),
                    amount=self.currency_id.format(amount),
                    payable=self.currency_id.format(payable),
                    invoice=self.name,
                    payable_hours=format_hours(
                        euros_to_hours(payable, self.company_id.time_hour_value)
                    ),
                )
            )

    def _get_time_payment_amount(self, hours):
        """Euros worth ``hours`` at the company's value of an hour."""
        self.ensure_one()
        return self.currency_id.round(hours * self.company_id.time_hour_value)

    def _prepare_time_payment_vals(self, partner, hours, request_ref=False):
        self.ensure_one()
        # sudo: accounting set-up, whoever pays
        company = self.company_id.sudo()
        receivable = self.line_ids.filtered(lambda line: line.account_type == "asset_receivable")
        return {
            "payment_type": "inbound",
            "partner_type": "customer",
            "partner_id": self.commercial_partner_id.id,
            "company_id": self.company_id.id,
            "journal_id": company._get_time_payment_method().journal_id.id,
            "force_outstanding_account_id": company._get_time_clearing_account().id,
            "destination_account_id": receivable.account_id[:1].id,
            "amount": self._get_time_payment_amount(hours),
            "currency_id": self.currency_id.id,
            "date": fields.Date.context_today(self),
            "memo": self.env._(
                "%(invoice)s: %(hours)s of %(member)s",
                invoice=self.name,
                hours=format_hours(hours),
                member=partner.display_name,
            ),
            "time_invoice_id": self.id,
            "time_partner_id": partner.id,
            "time_hours": hours,
            "time_request_ref": request_ref or False,
        }

    # ------------------------------------------------------------------
    # A payment in hours leaving the books
    # ------------------------------------------------------------------

    def button_draft(self):
        """A payment in hours reset to draft or cancelled gives its hours back, once."""
        payments = self.filtered(lambda move: move.state == "posted").origin_payment_id
        result = super().button_draft()
        payments._cancel_time_payment()
        return result

    def _post(self, soft=True):
        self.origin_payment_id._check_time_not_returned()
        return super()._post(soft=soft)
