from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class ConserveriePosOrderIssue(models.Model):
    """A rule of the suite that a till order breaks, found when the order synced or was
    paid. The order is always kept (nothing a stall sold is lost); staff review the issue
    and mark it reviewed, and who did it and when stays on the record.

    Issues are written by the till pipeline only (``pos.order._conserverie_review``):
    nobody creates, edits or deletes them by hand. Each addon adds its own kinds."""

    _name = "conserverie.pos.order.issue"
    _description = "Till order issue to review"
    _order = "state, create_date desc, id desc"
    _check_company_auto = True

    order_id = fields.Many2one(
        "pos.order",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(related="order_id.company_id", store=True, index=True)
    session_id = fields.Many2one(related="order_id.session_id")
    partner_id = fields.Many2one(related="order_id.partner_id", string="Customer")
    kind = fields.Selection(
        [("other", "Other")],
        required=True,
        readonly=True,
        default="other",
    )
    message = fields.Text(string="Problem", required=True, readonly=True)
    state = fields.Selection(
        [("open", "To review"), ("reviewed", "Reviewed")],
        string="Status",
        required=True,
        readonly=True,
        default="open",
        index=True,
    )
    reviewed_by_id = fields.Many2one("res.users", string="Reviewed by", readonly=True)
    reviewed_date = fields.Datetime(string="Reviewed on", readonly=True)

    @api.depends("order_id.name", "kind")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for issue in self:
            issue.display_name = f"{issue.order_id.name} - {kinds.get(issue.kind, '')}"

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("An issue of a till order is kept: mark it reviewed instead."))

    def action_mark_reviewed(self):
        """Staff and accountants confirm they have dealt with these issues."""
        if not self.env.user.has_group(
            "conserverie_base.group_staff"
        ) and not self.env.user.has_group("conserverie_base.group_accountant"):
            raise AccessError(
                self.env._("Only centre staff and accountants can mark an order's issue reviewed.")
            )
        self.check_access("read")
        to_review = self.filtered(lambda issue: issue.state == "open")
        # sudo: issues are read-only for everyone; the reviewer and date are set here only
        to_review.sudo().write(
            {
                "state": "reviewed",
                "reviewed_by_id": self.env.user.id,
                "reviewed_date": fields.Datetime.now(),
            }
        )
        to_review.order_id._update_has_review_issue()
        for order in to_review.order_id:
            # sudo: a reviewer may lack the right to post on the order
            order.sudo().message_post(
                body=self.env._("Issues reviewed by %(user)s.", user=self.env.user.name),
                author_id=self.env.user.partner_id.id,
            )
        return True
