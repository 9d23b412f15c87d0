from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import format_hours


class AccountPayment(models.Model):
    """A member's hours paying a customer invoice: the payment lands on the hours
    clearing account (467100), the member's time account is debited once, and a
    clearing entry moves the amount to the settlement account at once, as a till
    session's close does."""

    _inherit = "account.payment"

    time_invoice_id = fields.Many2one(
        "account.move",
        string="Invoice paid in hours",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
    )
    time_partner_id = fields.Many2one(
        "res.partner",
        string="Hours of",
        readonly=True,
        copy=False,
        help="The member whose time account pays.",
    )
    time_hours = fields.Float(string="Hours", digits=(16, 4), readonly=True, copy=False)
    time_hours_display = fields.Char(string="Hours (h min)", compute="_compute_time_hours_display")
    time_request_ref = fields.Char(
        string="Request",
        readonly=True,
        copy=False,
        help="Sent with the request that created the payment: the same request sent again "
        "finds this payment instead of paying twice.",
    )
    time_clearing_move_id = fields.Many2one(
        "account.move",
        string="Hours cleared by",
        readonly=True,
        copy=False,
        help="The entry that moved the payment from the clearing account to the settlement "
        "account.",
    )
    # read with the reader's rights: the ledger stays closed to whoever may not read it
    time_move_ids = fields.Many2many(
        "conserverie.time.move", string="Time moves", compute="_compute_time_move_ids"
    )

    _sql_constraints = [
        (
            "time_request_ref_uniq",
            "unique(time_request_ref)",
            "This payment in hours was already recorded.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        payments = super().create(vals_list)
        payments._check_time_journal()
        return payments

    def write(self, vals):
        result = super().write(vals)
        if "journal_id" in vals:
            self._check_time_journal()
        return result

    @api.depends("time_hours")
    def _compute_time_hours_display(self):
        for payment in self:
            payment.time_hours_display = format_hours(payment.time_hours)

    def _compute_time_move_ids(self):
        Move = self.env["conserverie.time.move"]
        for payment in self:
            payment.time_move_ids = (
                Move.search([("transfer_ref", "in", payment._get_time_transfer_refs())])
                if payment.time_partner_id
                else Move
            )

    # ------------------------------------------------------------------
    # Hours ledger
    # ------------------------------------------------------------------

    def _is_time_journal_allowed(self):
        """A payment in the hours journal debits a member's hours: only the payment in hours
        of an invoice (``account.move._pay_in_hours``, which posts in superuser mode) and a
        till session's close (the hours debited at the till) may use it."""
        self.ensure_one()
        if self.pos_session_id:
            return (
                self.pos_payment_method_id.is_time_currency
                and self.pos_session_id.state != "closed"
            )
        return self.env.su and bool(self.time_partner_id and self.time_invoice_id)

    def _check_time_journal(self):
        """Refuse a payment in the hours journal that debits nobody's hours: Register
        payment or a payment created by hand."""
        time_journals = self._get_time_journals()
        for payment in self:
            if payment.journal_id in time_journals and not payment._is_time_journal_allowed():
                raise UserError(
                    self.env._(
                        "The journal %(journal)s takes members' hours: pay the invoice with "
                        "Pay in hours, which debits the member's time account, or choose "
                        "another journal.",
                        journal=payment.journal_id.display_name,
                    )
                )

    @api.model
    def _get_time_journals(self):
        """The journals of the hours payment methods, archived ones included."""
        # sudo: the hours journals are accounting set-up, whoever records a payment
        return (
            self.env["pos.payment.method"]
            .sudo()
            .with_context(active_test=False)
            .search([("is_time_currency", "=", True)])
            .journal_id
        )

    def _get_time_transfer_refs(self):
        """The transfer references of the debit and of its refund: unique in the ledger,
        so each is posted once whoever asks and however often."""
        self.ensure_one()
        debit_ref = f"HRSPAY/{self.id}"
        return [debit_ref, f"{debit_ref}/R"]

    def _get_time_ledger_moves(self, transfer_ref):
        # sudo: staff post for the member; the ledger is read whole, with the facility's leg
        Move = self.env["conserverie.time.move"].sudo()
        return Move.search([("transfer_ref", "=", transfer_ref)])

    def _is_time_returned(self):
        """Whether the hours of this payment went back to the member."""
        self.ensure_one()
        return bool(self._get_time_ledger_moves(self._get_time_transfer_refs()[1]))

    @api.model
    def _check_time_limit(self, account, hours, allow_over_limit=False, posted=False):
        """The till's rule: ``hours`` may not take ``account`` below its minimum, unless a
        coordinator allows it (``allow_over_limit``). ``posted``: the hours are already
        off the balance, read on the locked row."""
        if allow_over_limit and not self.env.user.has_group("conserverie_base.group_coordinator"):
            raise UserError(
                self.env._("Only a coordinator allows a payment in hours below the minimum.")
            )
        if allow_over_limit or account._check_available(0.0 if posted else hours):
            return
        raise UserError(
            self.env._(
                "%(hours)s would take the balance of %(member)s (%(balance)s) below its "
                "minimum (%(minimum)s). Pay in euros, or ask a coordinator to allow it.",
                hours=format_hours(hours),
                member=account.partner_id.display_name,
                balance=format_hours(account.balance + hours if posted else account.balance),
                minimum=format_hours(account.min_balance),
            )
        )

    def _post_time_debit(self, allow_over_limit=False):
        """Debit the member's hours for this payment, once.

        The limit is checked on the balance just written, on the account's locked row:
        of two payments at once, the second cannot pass it (``account.move._pay_in_hours``
        checks it first, before anything is written).
        """
        self.ensure_one()
        debit_ref = self._get_time_transfer_refs()[0]
        if self._get_time_ledger_moves(debit_ref):
            return self.env["conserverie.time.move"]
        account, facility = (
            self.env["conserverie.time.account"]
            .sudo()  # sudo: staff and accountants post on the member's account
            ._get_for_partner_and_facility(self.time_partner_id, self.company_id)
        )
        moves = (
            self.env["conserverie.time.move"]
            .sudo()  # sudo: same
            ._post_transfer(
                account,
                facility,
                self.time_hours,
                "purchase",
                reason=self.time_invoice_id.name,
                reference=debit_ref,
            )
        )
        self.invalidate_recordset(["time_move_ids"])
        self._check_time_limit(account, self.time_hours, allow_over_limit, posted=True)
        if not account._check_available(0.0):
            account.message_post(
                body=self.env._(
                    "%(user)s allowed %(invoice)s to be paid in hours below the minimum.",
                    user=self.env.user.name,
                    invoice=self.time_invoice_id.name,
                )
            )
        return moves

    def _check_time_not_returned(self):
        for payment in self.filtered("time_partner_id"):
            if payment._is_time_returned():
                raise UserError(
                    self.env._(
                        "The hours of %(payment)s went back to %(member)s: register a new "
                        "payment in hours instead.",
                        payment=payment.name,
                        member=payment.time_partner_id.display_name,
                    )
                )

    def action_post(self):
        self._check_time_not_returned()
        return super().action_post()

    def _post_time_refund(self):
        """Give the hours of this payment back, once: a new transfer reversing the debit."""
        self.ensure_one()
        debit_ref, refund_ref = self._get_time_transfer_refs()
        debits = self._get_time_ledger_moves(debit_ref)
        if not debits or self._get_time_ledger_moves(refund_ref):
            return self.env["conserverie.time.move"]
        member_leg = debits.filtered(lambda move: move.amount < 0)
        facility_leg = debits - member_leg
        self.invalidate_recordset(["time_move_ids"])
        return (
            self.env["conserverie.time.move"]
            .sudo()  # sudo: whoever cancels the payment gives the hours back
            ._post_transfer(
                facility_leg.account_id,
                member_leg.account_id,
                facility_leg.amount,
                "refund",
                reason=self.env._("%(payment)s cancelled", payment=self.name),
                reference=refund_ref,
                from_values={"reversed_move_id": facility_leg.id},
                to_values={"reversed_move_id": member_leg.id},
            )
        )

    # ------------------------------------------------------------------
    # Clearing
    # ------------------------------------------------------------------

    def _prepare_time_clearing_move_vals(self):
        self.ensure_one()
        return self.company_id._prepare_time_clearing_move_vals(
            self.journal_id,
            self.date,
            self.env._("Hours paid by %(payment)s", payment=self.name),
            self.amount,
        )

    def _post_time_clearing(self):
        """Clear the payment from the clearing account to the settlement account and match
        the two lines on the clearing account. Once per payment."""
        self.ensure_one()
        if self.time_clearing_move_id:
            return self.time_clearing_move_id
        move = self.env["account.move"].create(self._prepare_time_clearing_move_vals())
        move._post()
        self.time_clearing_move_id = move
        clearing = self.company_id._get_time_clearing_account()
        (self.move_id.line_ids | move.line_ids).filtered(
            lambda line: line.account_id == clearing and not line.reconciled
        ).reconcile()
        return move

    def _reverse_time_clearing(self):
        """The clearing entry of a cancelled payment is reversed (and matched with it)."""
        self.ensure_one()
        move = self.time_clearing_move_id
        if not move or move.reversal_move_ids:
            return
        move._reverse_moves(
            [
                {
                    "ref": self.env._("%(payment)s cancelled", payment=self.name),
                    "date": fields.Date.context_today(self),
                }
            ],
            cancel=True,
        )

    def _cancel_time_payment(self):
        """The payment leaves the books: its hours go back, its clearing is reversed."""
        for payment in self.filtered("time_partner_id"):
            payment._post_time_refund()
            payment._reverse_time_clearing()
