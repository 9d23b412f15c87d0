from odoo import Command, fields, models
from odoo.exceptions import UserError

from ..tools import euros_to_hours, format_hours


class PosSession(models.Model):
    _inherit = "pos.session"

    time_clearing_move_id = fields.Many2one(
        "account.move",
        string="Hours cleared by",
        readonly=True,
        copy=False,
        help="The entry that cleared the hours taken during the session from the clearing account.",
    )

    def _validate_session(self, *args, **kwargs):
        result = super()._validate_session(*args, **kwargs)
        self.filtered(lambda session: session.state == "closed")._post_time_clearing()
        return result

    def action_post_time_clearing(self):
        """Clear the hours of closed sessions that are not cleared yet (sessions closed
        before the clearing existed). Accountants only."""
        if not self.env.user.has_group("conserverie_base.group_accountant"):
            raise UserError(self.env._("Only an accountant clears the hours of a session."))
        self.filtered(lambda session: session.state == "closed")._post_time_clearing()
        return True

    def _get_time_taken(self):
        """Euros taken in hours during the session, refunds in hours deducted."""
        self.ensure_one()
        payments = self.order_ids.payment_ids.filtered(
            lambda payment: payment.payment_method_id.is_time_currency
        )
        return self.currency_id.round(sum(payments.mapped("amount")))

    def _post_time_clearing(self):
        """One entry per closed session: the hours taken leave the clearing account for the
        settlement account (a refund in hours the other way round), and the session's
        lines on the clearing account are reconciled. Once per session."""
        for session in self.filtered(lambda session: not session.time_clearing_move_id):
            amount = session._get_time_taken()
            if session.currency_id.is_zero(amount):
                continue
            # sudo: the accountant or cashier closing the session may not post entries
            company = session.company_id.sudo()
            move = (
                self.env["account.move"]
                .sudo()  # sudo: same
                .create(
                    company._prepare_time_clearing_move_vals(
                        company._get_time_payment_method().journal_id,
                        fields.Date.context_today(session, session.stop_at),
                        self.env._("Hours taken at %(session)s", session=session.name),
                        amount,
                    )
                )
            )
            move._post()
            session.sudo().time_clearing_move_id = move  # sudo: same
            session._reconcile_time_clearing(move, company._get_time_clearing_account())

    def _reconcile_time_clearing(self, move, clearing):
        """Match the session's lines on the clearing account with the clearing entry."""
        self.ensure_one()
        # sudo: the payments of the session's closing, whoever closes it
        payments = self.env["account.payment"].sudo().search([("pos_session_id", "=", self.id)])
        lines = (payments.move_id.line_ids | self.sudo().move_id.line_ids | move.line_ids).filtered(
            lambda line: line.account_id == clearing and not line.reconciled
        )
        if lines and self.currency_id.is_zero(sum(lines.mapped("balance"))):
            lines.reconcile()

    def get_time_account_status(self, partner_id, amount=0.0):
        """What the till needs before taking ``amount`` euros in hours from a customer.

        The only way a volunteer at a stall sees a balance: the ledger models stay closed
        to them.
        """
        self.ensure_one()
        self.check_access("read")
        company = self.company_id
        partner = self.env["res.partner"].browse(partner_id).exists()
        # sudo: the volunteer has no access to the ledger; only this summary is returned
        Account = self.env["conserverie.time.account"].sudo()
        account = partner and Account.search(
            [("partner_id", "=", partner.id), ("company_id", "=", company.id)], limit=1
        )
        hours = euros_to_hours(amount or 0.0, company.time_hour_value)
        if not account:
            return {
                "has_account": False,
                "balance": 0.0,
                "min_balance": 0.0,
                "hours": hours,
                "allowed": False,
                "balance_display": format_hours(0.0),
            }
        return {
            "has_account": True,
            "balance": account.balance,
            "min_balance": account.min_balance,
            "hours": hours,
            "allowed": account._check_available(hours),
            "balance_display": format_hours(account.balance),
        }

    def get_refundable_hours(self, partner_id, refunded_line_ids, amount):
        """Whether a refund of the order lines ``refunded_line_ids`` may give ``amount``
        euros back in hours to a customer: the rule the server applies when the order
        syncs (``pos.order._may_refund_in_hours``), asked before the till validates.
        """
        self.ensure_one()
        self.check_access("read")
        company = self.company_id
        partner = self.env["res.partner"].browse(partner_id).exists()
        # sudo: a volunteer may not read every order refunded nor the ledger; only the
        # answer is returned
        refunded_lines = (
            self.env["pos.order.line"]
            .sudo()
            .browse(refunded_line_ids)
            .exists()
            .filtered(lambda line: line.order_id.company_id == company)
        )
        hours = euros_to_hours(abs(amount or 0.0), company.time_hour_value)
        # sudo: same; the refund is never saved, it only carries the lines it refunds
        refund = (
            self.env["pos.order"]
            .sudo()
            .new(
                {
                    "partner_id": partner.id,
                    "company_id": company.id,
                    "lines": [
                        Command.create({"refunded_orderline_id": line.id})
                        for line in refunded_lines
                    ],
                }
            )
        )
        payment = (
            self.env["pos.payment"]
            .sudo()  # sudo: same
            .new(
                {
                    "pos_order_id": refund.id,
                    "amount": -abs(amount or 0.0),
                    "payment_method_id": company._get_time_payment_method().id,
                }
            )
        )
        refundable = refund._get_refundable_hours() if partner else 0.0
        return {
            "hours": hours,
            "refundable_hours": refundable,
            "refundable_display": format_hours(refundable),
            "allowed": bool(partner) and refund._may_refund_in_hours(payment),
        }
