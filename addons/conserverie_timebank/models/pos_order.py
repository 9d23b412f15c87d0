from odoo import api, fields, models
from odoo.tools import float_compare


class PosOrder(models.Model):
    _inherit = "pos.order"

    time_hours = fields.Float(
        string="Paid in hours", digits=(16, 4), compute="_compute_time_hours", store=True
    )

    @api.depends("payment_ids.time_hours")
    def _compute_time_hours(self):
        for order in self:
            order.time_hours = sum(order.payment_ids.mapped("time_hours"))

    def _conserverie_post_ledgers(self, new_orders):
        result = super()._conserverie_post_ledgers(new_orders)
        # payments of a new order were just created: none is posted yet
        posted = None if self - new_orders else self.env["pos.payment"]
        self._post_time_payments(posted=posted)
        return result

    def _get_time_payments(self):
        return self.payment_ids.filtered(
            lambda payment: payment.payment_method_id.is_time_currency and not payment.is_change
        )

    def _post_time_payments(self, posted=None):
        """Debit (or refund) the customer's hours for each payment in hours, once.

        Runs when an order is paid or synced, in the same transaction. It never refuses:
        an order from an offline till is always kept; a broken rule is reviewed by a
        coordinator (``_conserverie_get_review_issues``).

        :param posted: the payments of these orders already in the ledger; looked up
            when not given.
        """
        payments = self.env["pos.payment"].union(
            *(order._get_time_payments() for order in self if order.partner_id)
        )
        if not payments:
            return
        if posted is None:
            posted = self._get_posted_time_payments(payments)
        to_post = payments - posted
        for order in to_post.pos_order_id:
            order_payments = to_post.filtered(
                lambda payment, order=order: payment.pos_order_id == order
            )
            refunds = order_payments.filtered(lambda payment: payment.amount < 0)
            if refunds and not order._may_refund_in_hours(refunds):
                order_payments -= refunds  # no hours given back: reviewed by a coordinator
            for payment in order_payments:
                order._post_time_payment(payment)

    def _may_refund_in_hours(self, refunds):
        """Hours go back only as the refund of an order paid in hours, to the same
        customer, for at most the hours paid on it and not given back yet: anything
        else (a cash sale refunded in hours, empties paid out in hours, a refund to
        someone else) would create hours from nothing."""
        self.ensure_one()
        hours = -sum(refunds.mapped("time_hours"))
        return hours <= self._get_refundable_hours() + 0.00005

    def _get_refundable_hours(self):
        """Hours this refund may give back: those the same customer paid in hours on the
        orders it refunds, less what other refunds of them gave back."""
        self.ensure_one()
        originals = self.lines.refunded_orderline_id.order_id.filtered(
            lambda order: order.partner_id == self.partner_id
        )
        if not originals:
            return 0.0
        paid = sum(
            payment.time_hours for payment in originals._get_time_payments() if payment.amount > 0
        )
        other_refunds = self.search(
            [
                ("lines.refunded_orderline_id.order_id", "in", originals.ids),
                ("id", "not in", self.ids),
            ]
        )
        given_back = self._get_posted_time_payments(
            other_refunds._get_time_payments().filtered(lambda payment: payment.amount < 0)
        )
        return paid + sum(given_back.mapped("time_hours"))

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
        """Post one payment in hours of this order's customer."""
        self.ensure_one()
        account, facility = (
            self.env["conserverie.time.account"]
            .sudo()  # sudo: the till posts
            ._get_for_partner_and_facility(self.partner_id, self.company_id)
        )
        hours = abs(payment.time_hours)
        if not hours:
            return
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

    def _get_lines_not_payable_in_hours(self):
        """Extension point: the lines of this order that hours must never pay (none in the
        time bank alone; deposits with ``conserverie_deposit_timebank``)."""
        return self.env["pos.order.line"]

    def _conserverie_get_review_issues(self):
        issues = super()._conserverie_get_review_issues()
        if self.state == "draft":
            return issues  # checked once the order is paid
        time_payments = self._get_time_payments()
        if time_payments or self._is_refund_of_hours():
            issues += [
                {"kind": "hours", "message": message}
                for message in self._get_time_rule_issues(time_payments)
            ]
        return issues

    def _conserverie_notify_review_issues(self, issues):
        """Flag the customer's time account of an order with an hours issue."""
        result = super()._conserverie_notify_review_issues(issues)
        for order in issues.filtered(lambda issue: issue.kind == "hours").order_id:
            if not order.partner_id:
                continue
            account = (
                self.env["conserverie.time.account"]
                .sudo()  # sudo: the till flags the account it cannot read
                ._get_for_partner(order.partner_id, order.company_id)
            )
            account.write({"flagged": True})
            texts = issues.filtered(
                lambda issue, order=order: issue.order_id == order and issue.kind == "hours"
            ).mapped("message")
            account.message_post(
                body=self.env._(
                    "Flagged by %(order)s: %(issues)s", order=order.name, issues="\n".join(texts)
                )
            )
        return result

    def _get_time_rule_issues(self, time_payments=None):
        """Rules of the time currency the till should have enforced.

        :param time_payments: this order's payments in hours, looked up when not given.
        """
        self.ensure_one()
        if time_payments is None:
            time_payments = self._get_time_payments()
        issues = []
        if not self.partner_id and time_payments:
            issues.append(
                self.env._(
                    "%(amount)s paid in hours without a customer: no account was debited.",
                    amount=self.currency_id.format(sum(time_payments.mapped("amount"))),
                )
            )
        refunds = time_payments.filtered(lambda payment: payment.amount < 0)
        if self.partner_id and refunds - self._get_posted_time_payments(refunds):
            issues.append(
                self.env._(
                    "%(amount)s refunded in hours, but this order does not refund hours the same "
                    "customer paid (or refunds more than they paid): no hours were given back.",
                    amount=self.currency_id.format(-sum(refunds.mapped("amount"))),
                )
            )
        rounding = self.currency_id.rounding
        hours_paid = sum(time_payments.mapped("amount"))
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
        original_time_payments = originals._get_time_payments()
        if original_time_payments:
            euros_paid = sum(
                payment.amount for payment in originals.payment_ids - original_time_payments
            )
            euros_refunded = -sum(payment.amount for payment in self.payment_ids - time_payments)
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
