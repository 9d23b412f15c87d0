from contextvars import ContextVar
from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.tools import SQL

from ..tools import format_hours

MOVE_TYPES = [
    ("volunteering", "Volunteering"),
    ("purchase", "Purchase"),
    ("refund", "Refund"),
    ("adjustment", "Adjustment"),
    ("welcome", "Welcome credit"),
    ("transfer", "Transfer"),
    ("cheque", "Cheque"),
    ("opening", "Opening balance"),
]
HOUR_ROUNDING = 4
# Hours spent at the stalls and on invoices paid in hours (net of refunds); every other
# move between the facility and a member issues hours (net of corrections).
SALE_MOVE_TYPES = ("purchase", "refund")
# Balances brought from before the suite: neither issued nor redeemed in the period.
OPENING_MOVE_TYPES = ("opening",)
MANUAL_KIND_GROUPS = {
    "transfer": "conserverie_base.group_staff",
    "cheque": "conserverie_base.group_staff",
    "adjustment": "conserverie_base.group_coordinator",
}
# Set only while _post_transfer creates its two moves. Unlike a context key, no
# remote caller can set it, so a single unbalanced move can never be forged.
_posting_transfer = ContextVar("conserverie_time_posting_transfer", default=False)


class ConserverieTimeMove(models.Model):
    """One leg of a transfer of hours; never changed once written."""

    _name = "conserverie.time.move"
    _inherit = ["conserverie.centre.mixin"]
    _description = "Time move"
    _order = "date desc, id desc"
    _rec_name = "reference"

    account_id = fields.Many2one(
        "conserverie.time.account",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
    )
    partner_id = fields.Many2one(related="account_id.partner_id", store=True, index=True)
    company_id = fields.Many2one(related="account_id.company_id", store=True, index=True)
    amount = fields.Float(
        string="Hours", digits=(16, 4), required=True, readonly=True, help="Signed hours."
    )
    amount_display = fields.Char(string="Hours (h min)", compute="_compute_amount_display")
    balance_after = fields.Float(string="Balance after", digits=(16, 4), readonly=True)
    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now, index=True)
    move_type = fields.Selection(MOVE_TYPES, string="Type", required=True, readonly=True)
    reference = fields.Char(required=True, readonly=True, copy=False)
    transfer_ref = fields.Char(
        string="Transfer",
        required=True,
        readonly=True,
        index=True,
        copy=False,
        help="Shared by the two moves of one transfer.",
    )
    counterpart_account_id = fields.Many2one(
        "conserverie.time.account", string="Other account", readonly=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Recorded by",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    reason = fields.Text(readonly=True)
    cheque_number = fields.Char(readonly=True)
    pos_payment_id = fields.Many2one(
        "pos.payment",
        string="POS payment",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
    )
    pos_order_id = fields.Many2one(
        "pos.order",
        string="POS order",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
    )
    attendance_id = fields.Many2one(
        "conserverie.activity.attendance",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
    )
    attendance_sequence = fields.Integer(
        readonly=True, help="How many times this attendance was credited before."
    )
    reversed_move_id = fields.Many2one(
        "conserverie.time.move",
        string="Reverses",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
    )
    is_reversed = fields.Boolean(compute="_compute_is_reversed")

    _sql_constraints = [
        ("reference_uniq", "unique(reference)", "The reference of a time move must be unique."),
        ("amount_not_zero", "CHECK(amount <> 0)", "A time move moves some hours."),
    ]

    def init(self):
        # A POS payment is debited (or refunded) once; an attendance is credited once per
        # correction; a move is reversed once: unique indexes, not searches.
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS conserverie_time_move_pos_payment_uniq
                ON conserverie_time_move (pos_payment_id) WHERE pos_payment_id IS NOT NULL;
            CREATE UNIQUE INDEX IF NOT EXISTS conserverie_time_move_attendance_uniq
                ON conserverie_time_move (attendance_id, attendance_sequence)
                WHERE attendance_id IS NOT NULL AND move_type = 'volunteering';
            CREATE UNIQUE INDEX IF NOT EXISTS conserverie_time_move_reversed_uniq
                ON conserverie_time_move (reversed_move_id) WHERE reversed_move_id IS NOT NULL;
            """
        )

    @api.depends("amount")
    def _compute_amount_display(self):
        for move in self:
            move.amount_display = format_hours(move.amount)

    def _compute_is_reversed(self):
        reversed_ids = set(
            self.sudo()  # sudo: only tells whether a reversal exists
            .search([("reversed_move_id", "in", self.ids)])
            .reversed_move_id.ids
        )
        for move in self:
            move.is_reversed = move.id in reversed_ids

    @api.model_create_multi
    def create(self, vals_list):
        if not _posting_transfer.get():
            raise UserError(
                self.env._(
                    "Time moves are only created in pairs by a transfer, a cheque, "
                    "a credit or a POS payment."
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        if self:
            raise UserError(
                self.env._(
                    "Time moves cannot be changed. A coordinator corrects one with a reversing "
                    "transfer and a reason."
                )
            )
        return super().write(vals)

    def unlink(self):
        if self:
            raise UserError(
                self.env._(
                    "Time moves cannot be deleted. A coordinator corrects one with a reversing "
                    "transfer and a reason."
                )
            )
        return super().unlink()

    # ------------------------------------------------------------------
    # Posting
    # ------------------------------------------------------------------

    @api.model
    def _post_transfer(
        self,
        from_account,
        to_account,
        hours,
        move_type,
        reason=False,
        reference=False,
        from_values=None,
        to_values=None,
        values=None,
    ):
        """Move ``hours`` from ``from_account`` to ``to_account``: two moves summing to zero.

        The balances are changed in SQL on locked rows (``UPDATE ... RETURNING``), in
        the caller's transaction, so concurrent postings on one account lose nothing.
        Returns the two moves (debit leg first).
        """
        hours = round(hours, HOUR_ROUNDING)
        if hours <= 0:
            raise UserError(self.env._("The number of hours must be above zero."))
        if from_account == to_account:
            raise UserError(self.env._("Hours move between two different accounts."))
        if from_account.company_id != to_account.company_id:
            raise UserError(self.env._("Hours move between accounts of the same company."))
        transfer_ref = reference or self.env["ir.sequence"].sudo().next_by_code(
            "conserverie.time.transfer"
        )  # sudo: the sequence is shared by everyone allowed to post
        balances = self._apply_to_balances({from_account: -hours, to_account: hours})
        now = fields.Datetime.now()
        common = {
            "move_type": move_type,
            "transfer_ref": transfer_ref,
            "reason": reason,
            "date": now,
            **(values or {}),
        }
        debit_vals = {
            **common,
            # the account's holder, given rather than read back once the leg is written
            "account_id": from_account.id,
            "partner_id": from_account.partner_id.id,
            "counterpart_account_id": to_account.id,
            "amount": -hours,
            "balance_after": balances[from_account],
            "reference": f"{transfer_ref}/D",
            **(from_values or {}),
        }
        credit_vals = {
            **common,
            "account_id": to_account.id,
            "partner_id": to_account.partner_id.id,
            "counterpart_account_id": from_account.id,
            "amount": hours,
            "balance_after": balances[to_account],
            "reference": f"{transfer_ref}/C",
            **(to_values or {}),
        }
        token = _posting_transfer.set(True)
        try:
            return self.create([debit_vals, credit_vals])
        finally:
            _posting_transfer.reset(token)

    @api.model
    def _apply_to_balances(self, amounts):
        """Add ``{account: hours}`` to balances on locked rows, in one statement; flag
        limits passed.

        The rows are locked in id order before they change, so two postings never wait
        on each other crosswise.
        """
        Account = self.env["conserverie.time.account"]
        accounts = Account.browse([acc.id for acc in amounts])
        # Limits and flags changed through the ORM must reach the database first.
        accounts.flush_recordset()
        changes = SQL(", ").join(
            SQL("(%s, %s::numeric)", account.id, hours) for account, hours in amounts.items()
        )
        self.env.cr.execute(
            SQL(
                """
                WITH locked AS (
                    SELECT id FROM conserverie_time_account
                     WHERE id = ANY(%(ids)s)
                     ORDER BY id
                       FOR NO KEY UPDATE
                ), change (id, hours) AS (VALUES %(changes)s)
                UPDATE conserverie_time_account account
                   SET balance = account.balance + change.hours,
                       flagged = account.flagged OR (NOT COALESCE(account.is_facility, false) AND (
                           (change.hours < 0
                            AND account.balance + change.hours < account.min_balance)
                           OR (change.hours > 0 AND account.max_balance > 0
                               AND account.balance + change.hours > account.max_balance))),
                       write_date = (now() at time zone 'UTC'),
                       write_uid = %(uid)s
                  FROM locked
                  JOIN change ON change.id = locked.id
                 WHERE account.id = locked.id
             RETURNING account.id, account.balance, account.min_balance, account.max_balance,
                       COALESCE(account.is_facility, false)
                """,
                ids=accounts.ids,
                changes=changes,
                uid=self.env.uid,
            )
        )
        balances = {}
        for account_id, balance, min_balance, max_balance, is_facility in self.env.cr.fetchall():
            account = Account.browse(account_id)
            hours = amounts[account]
            balances[account] = balance
            passed = not is_facility and (
                (hours < 0 and balance < min_balance) or (hours > 0 and 0 < max_balance < balance)
            )
            if passed:
                account.sudo().message_post(  # sudo: the note is written whoever posts
                    body=self.env._(
                        "Balance %(balance)s passed a limit (minimum %(min)s, maximum %(max)s).",
                        balance=format_hours(balance),
                        min=format_hours(min_balance),
                        max=format_hours(max_balance) if max_balance else "-",
                    )
                )
        accounts.invalidate_recordset(["balance", "flagged", "write_date", "write_uid"])
        return balances

    def _get_transfer_moves(self):
        return self.search([("transfer_ref", "in", self.mapped("transfer_ref"))])

    def _reverse(self, reason, values=None):
        """Reverse the transfers of these moves with a new, opposite transfer."""
        reversals = self.browse()
        for transfer_ref in set(self.mapped("transfer_ref")):
            legs = self.search([("transfer_ref", "=", transfer_ref)])
            debit = legs.filtered(lambda move: move.amount < 0)
            credit = legs.filtered(lambda move: move.amount > 0)
            if len(debit) != 1 or len(credit) != 1:
                raise UserError(self.env._("Transfer %s is not a pair of moves.", transfer_ref))
            if debit.reversed_move_id or credit.reversed_move_id:
                raise UserError(self.env._("A reversal is not reversed; post a new transfer."))
            if self.search_count([("reversed_move_id", "in", legs.ids)], limit=1):
                raise UserError(self.env._("Transfer %s is already reversed.", transfer_ref))
            reversals |= self._post_transfer(
                credit.account_id,
                debit.account_id,
                credit.amount,
                "adjustment",
                reason=reason,
                from_values={"reversed_move_id": credit.id},
                to_values={"reversed_move_id": debit.id},
                values=values,
            )
        return reversals

    def action_reverse(self):
        """Open the reversal wizard (coordinators)."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reverse a transfer"),
            "res_model": "conserverie.time.reverse",
            "view_mode": "form",
            "target": "new",
            "context": {"default_move_ids": self.ids},
        }

    # ------------------------------------------------------------------
    # Figures
    # ------------------------------------------------------------------

    @api.model
    def _get_centre_paths(self):
        return [*super()._get_centre_paths(), "attendance_id.activity_id.centre_id"]

    @api.model
    def get_hours_totals(self, date_from, date_to, company=None, centre=None):
        """The hours issued and redeemed between two dates: the one definition of both.

        Read on the members' legs of the ledger, so that a centre can be chosen:

        - ``hours_issued``: hours the facility gave members (volunteering, welcome
          credits, adjustments), net of corrections: a corrected attendance reverses
          its credit (an ``adjustment``) and credits the new hours, so it counts once;
        - ``hours_redeemed``: hours members spent at the stalls and on the purchasing
          groups' invoices paid in hours, net of refunds;
        - ``hours_by_type``: {move type: net hours} behind both figures. Transfers and
          cheques between members cancel out; opening balances brought from before the
          suite are neither issued nor redeemed.

        ``date_from`` and ``date_to`` are dates (both days included); ``company``
        defaults to the current one; with ``centre`` (a social centre partner) only
        the moves counting for it (see ``_get_centre_paths``). Read with the caller's
        rights: one aggregation query.
        """
        company = company or self.env.company
        domain = [
            ("company_id", "=", company.id),
            ("account_id.is_facility", "=", False),
            ("date", ">=", datetime.combine(date_from, time.min)),
            ("date", "<", datetime.combine(date_to + timedelta(days=1), time.min)),
        ]
        if centre:
            domain = expression.AND([domain, self._get_centre_domain(centre)])
        by_type = dict(self._read_group(domain, ["move_type"], ["amount:sum"]))
        issued = sum(
            amount
            for move_type, amount in by_type.items()
            if move_type not in SALE_MOVE_TYPES + OPENING_MOVE_TYPES
        )
        redeemed = -sum(by_type.get(move_type, 0.0) for move_type in SALE_MOVE_TYPES)
        return {
            "hours_issued": round(issued, HOUR_ROUNDING),
            "hours_redeemed": round(redeemed, HOUR_ROUNDING),
            "hours_by_type": by_type,
        }

    @api.model
    def _get_volunteer_hours(self, date_to, company=None, date_from=None):
        """Hours credited to members for volunteering, net of corrections: the
        volunteering credits and the reversals of such credits (a corrected attendance
        reverses its credit and credits the new hours, so it counts once).

        Counted by the date of each move, up to ``date_to`` included and from
        ``date_from`` if given; a correction counts when it is made, never back in the
        month of the credit. Read on every account of ``company`` (the current one by
        default): callers are accountants or the monthly entry.
        """
        company = company or self.env.company
        facility = self.env["conserverie.time.account"].sudo()._get_facility(company)
        # sudo: the figure covers every member's account of the company
        self.sudo().flush_model()
        date_clause = (
            SQL("AND move.date >= %s", datetime.combine(date_from, time.min))
            if date_from
            else SQL()
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT COALESCE(SUM(move.amount), 0)
                  FROM conserverie_time_move move
                  LEFT JOIN conserverie_time_move original ON original.id = move.reversed_move_id
                 WHERE move.company_id = %(company)s
                   AND move.account_id != %(facility)s
                   AND move.date < %(end)s
                   %(date_clause)s
                   AND (move.move_type = 'volunteering' OR original.move_type = 'volunteering')
                """,
                company=company.id,
                facility=facility.id,
                end=datetime.combine(date_to + timedelta(days=1), time.min),
                date_clause=date_clause,
            )
        )
        return round(self.env.cr.fetchone()[0], HOUR_ROUNDING)

    # ------------------------------------------------------------------
    # Back-office postings
    # ------------------------------------------------------------------

    @api.model
    def _post_manual_transfer(
        self,
        kind,
        from_partner,
        to_partner,
        hours,
        reason=False,
        cheque_number=False,
        company=None,
    ):
        """A transfer, a cheque or an adjustment entered in the back office."""
        if not self.env.user.has_group(MANUAL_KIND_GROUPS[kind]):
            raise UserError(self.env._("You are not allowed to record this kind of move."))
        if kind == "cheque" and not cheque_number:
            raise UserError(self.env._("Enter the number of the paper cheque."))
        if kind == "adjustment" and not (reason or "").strip():
            raise UserError(self.env._("An adjustment needs a reason."))
        company = company or self.env.company
        facility_partner = company.partner_id
        if kind != "adjustment" and facility_partner in (from_partner | to_partner):
            raise UserError(self.env._("Only an adjustment moves hours to or from the facility."))
        Account = self.env["conserverie.time.account"]
        values = {"cheque_number": cheque_number} if cheque_number else {}
        return self._post_transfer(
            Account._get_for_partner(from_partner, company),
            Account._get_for_partner(to_partner, company),
            hours,
            kind,
            reason=reason,
            values=values,
        )

    @api.model
    def _post_crew_credit(self, credits, reason, company=None):
        """Credit ``[(partner, hours)]`` from the facility; staff only."""
        if not self.env.user.has_group("conserverie_base.group_staff"):
            raise UserError(self.env._("Only centre staff credit a crew."))
        company = company or self.env.company
        Account = self.env["conserverie.time.account"]
        facility = Account._get_facility(company)
        moves = self.browse()
        for partner, hours in credits:
            moves |= self._post_transfer(
                facility,
                Account._get_for_partner(partner, company),
                hours,
                "volunteering",
                reason=reason,
            )
        return moves

    def _reverse_by_coordinator(self, reason):
        if not self.env.user.has_group("conserverie_base.group_coordinator"):
            raise UserError(self.env._("Only a coordinator reverses a transfer of hours."))
        if not (reason or "").strip():
            raise UserError(self.env._("A reversal needs a reason."))
        return self._reverse(reason)
