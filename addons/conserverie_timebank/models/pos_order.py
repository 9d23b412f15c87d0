from odoo import api, fields, models
from odoo.tools import float_compare


class PosOrder(models.Model):
    _inherit = "pos.order"

    time_hours = fields.Float(
        string="Paid in hours", digits=(16, 4), compute="_compute_time_hours", store=True
    )
    time_issue = fields.Text(
        string="Hours issue",
        readonly=True,
        copy=False,
        help="Why this order, accepted when it synced, breaks a rule of the time currency.",
    )
    has_time_issue = fields.Boolean(string="Hours to check", readonly=True, copy=False)

    @api.depends("payment_ids.time_hours")
    def _compute_time_hours(self):
        for order in self:
            order.time_hours = sum(order.payment_ids.mapped("time_hours"))

    @api.model
    def _process_order(self, order, existing_order):
        """Post the hours of a synced order once it is saved, whether or not Odoo managed
        to mark it paid (it logs and swallows errors there): a sale is never lost."""
        order_id = super(
            PosOrder, self.with_context(conserverie_time_posted_after_sync=True)
        )._process_order(order, existing_order)
        pos_order = self.browse(order_id)
        if pos_order.state not in ("draft", "cancel"):
            # a new order's payments were just created: none is posted yet
            posted = None if existing_order else self.env["pos.payment"]
            pos_order._post_time_payments(posted=posted)
        return order_id

    def action_pos_order_paid(self):
        result = super().action_pos_order_paid()
        if not self.env.context.get("conserverie_time_posted_after_sync"):
            self._post_time_payments()
        return result

    def _get_time_payments(self):
        return self.payment_ids.filtered(
            lambda payment: payment.payment_method_id.is_time_currency and not payment.is_change
        )

    def _post_time_payments(self, posted=None):
        """Debit (or refund) the customer's hours for each payment in hours, once.

        Runs when an order is paid or synced, in the same transaction. It never refuses:
        an order from an offline till is always kept; a broken rule flags the account and
        the order for a coordinator.

        :param posted: the payments of these orders already in the ledger; looked up
            when not given.
        """
        payments_by_order = {order: order._get_time_payments() for order in self}
        done = posted
        if done is None:
            done = self._get_posted_time_payments(
                self.env["pos.payment"].union(*payments_by_order.values())
            )
        for order, payments in payments_by_order.items():
            if payments and not payments - done:
                continue  # posted and checked when the order was paid
            if not payments and not order._is_refund_of_hours():
                continue
            issues = []
            for payment in payments - done:
                issue = order._post_time_payment(payment)
                if issue:
                    issues.append(issue)
            if not order.has_time_issue:
                issues += order._get_time_rule_issues()
            if issues:
                order._flag_time_issues(issues)

    def _get_posted_time_payments(self, payments):
        """Those of ``payments`` already in the hours ledger, in one query."""
        if not payments:
            return payments
        # sudo: the till posts for the member; the ledger stays closed to volunteers
        moves = (
            self.env["conserverie.time.move"]
            .sudo()
            .search_fetch([("pos_payment_id", "in", payments.ids)], ["pos_payment_id"])
        )
        return moves.pos_payment_id

    def _is_refund_of_hours(self):
        """Whether this order refunds an order paid (partly) in hours."""
        self.ensure_one()
        return bool(self.lines.refunded_orderline_id.order_id._get_time_payments())

    def _post_time_payment(self, payment):
        """Post one payment in hours; return an issue text instead of refusing."""
        self.ensure_one()
        if not self.partner_id:
            return self.env._(
                "%(amount)s paid in hours without a customer: no account was debited.",
                amount=self.currency_id.format(payment.amount),
            )
        account, facility = (
            self.env["conserverie.time.account"]
            .sudo()  # sudo: the till posts
            ._get_for_partner_and_facility(self.partner_id, self.company_id)
        )
        hours = abs(payment.time_hours)
        if not hours:
            return False
        values = {"pos_order_id": self.id}
        member_values = {"pos_payment_id": payment.id}
        reference = f"POS/{payment.id}"
        Move = self.env["conserverie.time.move"].sudo()  # sudo: the till posts
        if payment.amount > 0:
            Move._post_transfer(
                account,
                facility,
                hours,
                "purchase",
                reason=self.name,
                reference=reference,
                from_values=member_values,
                values=values,
            )
        else:
            Move._post_transfer(
                facility,
                account,
                hours,
                "refund",
                reason=self.name,
                reference=reference,
                to_values=member_values,
                values=values,
            )
        return False

    def _get_lines_not_payable_in_hours(self):
        """Deposit lines (conserverie_deposit, when installed): hours never pay a deposit."""
        return self.lines.filtered(
            lambda line: "is_deposit_line" in line._fields and line.is_deposit_line
        )

    def _get_time_rule_issues(self):
        """Rules of the time currency the till should have enforced."""
        self.ensure_one()
        issues = []
        rounding = self.currency_id.rounding
        hours_paid = sum(self._get_time_payments().mapped("amount"))
        deposit_lines = self._get_lines_not_payable_in_hours()
        payable_in_hours = sum((self.lines - deposit_lines).mapped("price_subtotal_incl"))
        if (
            hours_paid > 0
            and float_compare(hours_paid, payable_in_hours, precision_rounding=rounding) > 0
        ):
            issues.append(
                self.env._(
                    "%(paid)s paid in hours but only %(payable)s can be: deposits are paid "
                    "in euros.",
                    paid=self.currency_id.format(hours_paid),
                    payable=self.currency_id.format(payable_in_hours),
                )
            )
        originals = self.lines.refunded_orderline_id.order_id
        if originals and originals._get_time_payments():
            euros_paid = sum(
                payment.amount for payment in originals.payment_ids - originals._get_time_payments()
            )
            euros_refunded = -sum(
                payment.amount for payment in self.payment_ids - self._get_time_payments()
            )
            if float_compare(euros_refunded, euros_paid, precision_rounding=rounding) > 0:
                issues.append(
                    self.env._(
                        "%(refunded)s refunded in euros for an order paid in hours "
                        "(%(paid)s paid in euros): hours must not turn into euros.",
                        refunded=self.currency_id.format(euros_refunded),
                        paid=self.currency_id.format(euros_paid),
                    )
                )
        return issues

    def _flag_time_issues(self, issues):
        """Keep the order, flag it and the customer's account, and say why."""
        self.ensure_one()
        text = "\n".join(issues)
        self.sudo().write(  # sudo: the flag is set whoever synced the order
            {"has_time_issue": True, "time_issue": text}
        )
        self.sudo().message_post(body=text)  # sudo: same
        if self.partner_id:
            account = (
                self.env["conserverie.time.account"]
                .sudo()
                ._get_for_partner(self.partner_id, self.company_id)
            )  # sudo: the till flags the account it cannot read
            account.write({"flagged": True})
            account.message_post(
                body=self.env._("Flagged by %(order)s: %(issues)s", order=self.name, issues=text)
            )
