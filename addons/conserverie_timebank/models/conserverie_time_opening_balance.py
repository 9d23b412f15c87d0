from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_is_zero

from ..tools import format_hours
from .conserverie_time_move import HOUR_ROUNDING

OPENING_MOVE_TYPE = "opening"


class ConserverieTimeOpeningBalance(models.Model):
    """A member's hours brought in from the lists kept before the time bank, one row
    per member and facility, posted once as a transfer from the facility's account
    (to it, when the member owed hours).

    A different balance for a member who already has one is refused: the opening
    balance is the figure the old lists closed on, entered once; any later difference
    is a correction a coordinator posts as an adjustment, with its reason.
    """

    _name = "conserverie.time.opening.balance"
    _inherit = ["conserverie.opening.mixin"]
    _description = "Opening hours balance"
    _order = "date desc, id desc"
    _rec_name = "member_id"
    _check_company_auto = True
    _opening_key_fields = ("member_id",)
    _opening_value_fields = ("hours",)

    member_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    hours = fields.Float(
        digits=(16, 4),
        required=True,
        help="Hours the member held on the opening date; negative when the member owed hours.",
    )
    hours_display = fields.Char(string="Hours (h min)", compute="_compute_hours_display")
    transfer_ref = fields.Char(string="Transfer", readonly=True, copy=False)

    _sql_constraints = [
        (
            "member_company_uniq",
            "unique(member_id, company_id)",
            "A member has one opening hours balance per facility.",
        ),
    ]

    @api.depends("hours")
    def _compute_hours_display(self):
        for opening in self:
            opening.hours_display = format_hours(opening.hours)

    @api.model
    def _prepare_opening_vals(self, vals):
        return {**super()._prepare_opening_vals(vals), "transfer_ref": self._get_transfer_ref(vals)}

    @api.model
    def _check_opening_vals(self, vals):
        member_id, company_id = self._get_opening_key(vals)
        facility = self.env["res.company"].browse(company_id).partner_id
        if facility.id == member_id:
            raise UserError(
                self.env._(
                    "The facility %(name)s has no opening balance of its own: enter the "
                    "members' balances.",
                    name=facility.display_name,
                )
            )

    @api.model
    def _get_transfer_ref(self, vals):
        """The opening transfer's reference: one per member and facility, so that the
        ledger itself refuses a second one."""
        if float_is_zero(vals.get("hours") or 0.0, precision_digits=HOUR_ROUNDING):
            return False
        member_id, company_id = self._get_opening_key(vals)
        return f"OPEN-{company_id}-{member_id}"

    def _get_opening_summary(self):
        return format_hours(self.hours)

    def _post_opening(self):
        """One transfer between the facility's account and the member's, dated on the
        opening date; nothing for a zero balance."""
        self.ensure_one()
        if not self.transfer_ref:
            return
        # sudo: coordinators and accountants post this one transfer; the ledger itself
        # stays closed to them
        Account = self.env["conserverie.time.account"].sudo()
        member_account = Account._get_for_partner(self.member_id, self.company_id)
        facility = Account._get_facility(self.company_id)
        from_account, to_account = (
            (facility, member_account) if self.hours > 0 else (member_account, facility)
        )
        self.env["conserverie.time.move"].sudo()._post_transfer(
            from_account,
            to_account,
            abs(self.hours),
            OPENING_MOVE_TYPE,
            reason=self.env._("Opening balance"),
            reference=self.transfer_ref,
            values={"date": fields.Datetime.to_datetime(self.date)},
        )

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import template for opening hours balances"),
                "template": "/conserverie_timebank/static/xls/conserverie_time_opening.xlsx",
            }
        ]

    def action_view_moves(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "conserverie_timebank.conserverie_time_move_action"
        )
        action["domain"] = [("transfer_ref", "=", self.transfer_ref)]
        action["context"] = {"search_default_group_by_month": False}
        return action
