from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.tools import float_is_zero

from ..tools import compare_by_source


class ConserverieDepositMove(models.Model):
    """Append-only ledger of jars out with a deposit and jars back."""

    _name = "conserverie.deposit.move"
    _inherit = ["conserverie.centre.mixin"]
    _description = "Jar deposit move"
    _order = "date desc, id desc"
    _check_company_auto = True

    date = fields.Date(required=True, default=fields.Date.context_today, readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, readonly=True
    )
    currency_id = fields.Many2one(
        "res.currency", readonly=True, help="The company's currency, kept on each move."
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", index=True, readonly=True, check_company=True
    )
    move_type = fields.Selection(
        [
            ("sale", "Jars out with a deposit"),
            ("return", "Jars returned"),
            ("write_off", "Unreturned, written off"),
            ("correction", "Correction"),
            ("opening", "Jars out before the suite"),
        ],
        string="Type",
        required=True,
        readonly=True,
    )
    deposit_product_id = fields.Many2one(
        "product.product", string="Deposit", required=True, readonly=True, index=True
    )
    jar_product_id = fields.Many2one("product.product", string="Jar format", readonly=True)
    quantity = fields.Float(
        string="Jars", readonly=True, help="Jars out (positive) or back (negative)."
    )
    amount = fields.Monetary(
        readonly=True, help="Deposit owed to the customer (positive) or repaid (negative)."
    )
    pos_order_id = fields.Many2one("pos.order", string="POS order", readonly=True, index=True)
    sale_order_id = fields.Many2one("sale.order", string="Sale order", readonly=True, index=True)
    account_move_id = fields.Many2one(
        "account.move", string="Journal entry", readonly=True, index=True
    )
    reference = fields.Char(readonly=True)
    user_id = fields.Many2one(
        "res.users", string="Recorded by", default=lambda self: self.env.user, readonly=True
    )

    @api.model_create_multi
    def create(self, vals_list):
        Company = self.env["res.company"]
        vals_list = [
            # the currency first: the amount is rounded in it while the move is written
            {
                "currency_id": Company.browse(
                    vals.get("company_id") or self.env.company.id
                ).currency_id.id,
                **vals,
            }
            for vals in vals_list
        ]
        without_jar = [
            vals
            for vals in vals_list
            if not vals.get("jar_product_id") and vals.get("deposit_product_id")
        ]
        if without_jar:
            jars = self._get_jars_by_deposit({vals["deposit_product_id"] for vals in without_jar})
            for vals in without_jar:
                vals["jar_product_id"] = jars.get(vals["deposit_product_id"], False)
        return super().create(vals_list)

    @api.model
    def _get_jars_by_deposit(self, deposit_ids):
        """{deposit product id: id of the jar format it stands for}."""
        # sudo: the jar format of a deposit is set up by staff, read by whoever records
        deposits = self.env["product.product"].sudo().browse(deposit_ids)
        return {
            deposit.id: deposit.deposit_jar_id.id for deposit in deposits if deposit.deposit_jar_id
        }

    def write(self, vals):
        if self:
            raise UserError(
                self.env._("Deposit moves cannot be changed: record a correction instead.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("Deposit moves cannot be deleted: record a correction instead."))

    @api.model
    def _prepare_from_lines(self, lines, move_type, **values):
        """Values of ledger moves from (deposit product, quantity, unit price) triples,
        one move per deposit product."""
        totals = {}
        for product, quantity, price in lines:
            qty, amount = totals.get(product, (0.0, 0.0))
            totals[product] = (qty + quantity, amount + quantity * price)
        return [
            {
                "move_type": move_type,
                "deposit_product_id": product.id,
                "quantity": qty,
                "amount": amount,
                **values,
            }
            for product, (qty, amount) in totals.items()
            if not float_is_zero(qty, precision_digits=3)
        ]

    @api.model
    def _get_centre_paths(self):
        return [*super()._get_centre_paths(), "sale_order_id.partner_id.purchasing_group_centre_id"]

    @api.model
    def get_jar_figures(self, date_from, date_to, company=None, centre=None):
        """Jars out with a deposit and jars returned between two dates, per jar format:
        the one definition of both, the same as the jar deposit report's.

        Jars out are the jars of ``sale`` moves; jars returned, those of ``return``
        moves (both for moves with a jar format). Jars out before the suite
        (``opening``) went out before the period of any figure: they are not counted.
        ``date_from`` and ``date_to`` are dates (both days included); ``company``
        defaults to the current one; with ``centre`` (a social centre partner) only the
        moves counting for it (see ``_get_centre_paths``). Read with the caller's
        rights, in one query. Returns {jar product: {"out": jars, "returned": jars}}.
        """
        company = company or self.env.company
        domain = [
            ("company_id", "=", company.id),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
            ("jar_product_id", "!=", False),
            ("move_type", "in", ("sale", "return")),
        ]
        if centre:
            domain = expression.AND([domain, self._get_centre_domain(centre)])
        figures = {}
        for jar, move_type, quantity in self._read_group(
            domain, ["jar_product_id", "move_type"], ["quantity:sum"]
        ):
            jar_figures = figures.setdefault(jar, {"out": 0.0, "returned": 0.0})
            if move_type == "sale":
                jar_figures["out"] += quantity
            else:
                jar_figures["returned"] -= quantity
        return figures

    @api.model
    def _get_unreturned(self, company, cutoff_date):
        """Deposits still out and paid on or before ``cutoff_date``, matching returns
        against the oldest deposits first: {(partner, deposit product): (jars, amount)}."""
        domain = [("company_id", "=", company.id)]
        # jars out before the suite (opening) age like the jars sold with a deposit
        outgoing = ("sale", "opening")
        old = self._read_group(
            [*domain, ("move_type", "in", outgoing), ("date", "<=", cutoff_date)],
            ["partner_id", "deposit_product_id"],
            ["quantity:sum", "amount:sum"],
        )
        settled = {
            (partner, product): (qty, amount)
            for partner, product, qty, amount in self._read_group(
                [*domain, ("move_type", "not in", outgoing)],
                ["partner_id", "deposit_product_id"],
                ["quantity:sum", "amount:sum"],
            )
        }
        result = {}
        for partner, product, qty, amount in old:
            back_qty, back_amount = settled.get((partner, product), (0.0, 0.0))
            remaining_qty = qty + back_qty
            remaining_amount = company.currency_id.round(amount + back_amount)
            if remaining_qty > 0 and remaining_amount > 0:
                result[(partner, product)] = (remaining_qty, remaining_amount)
        return result

    @api.model
    def _write_off_unreturned(self, company, cutoff_date, date):
        """Write off deposits unreturned since ``cutoff_date`` with an entry dated ``date``."""
        unreturned = self._get_unreturned(company, cutoff_date)
        if not unreturned:
            raise UserError(
                self.env._("No deposit older than %(date)s is left to write off.", date=cutoff_date)
            )
        liability, writeoff = company._get_conserverie_deposit_accounts()
        journal = self.env["account.journal"].search(
            [*self.env["account.journal"]._check_company_domain(company), ("type", "=", "general")],
            limit=1,
        )
        if not journal:
            raise UserError(self.env._("Create a miscellaneous journal first."))
        total = sum(amount for _qty, amount in unreturned.values())
        label = self.env._("Unreturned jar deposits up to %(date)s", date=cutoff_date)
        move_lines = [
            {
                "name": f"{label} - {product.display_name}",
                "account_id": liability.id,
                "partner_id": partner.id,
                "debit": amount,
            }
            for (partner, product), (_qty, amount) in unreturned.items()
        ]
        move_lines.append({"name": label, "account_id": writeoff.id, "credit": total})
        entry = self.env["account.move"].create(
            {
                "move_type": "entry",
                "date": date,
                "journal_id": journal.id,
                "ref": label,
                "company_id": company.id,
                "line_ids": [fields.Command.create(line) for line in move_lines],
            }
        )
        entry.action_post()
        self.sudo().create(  # sudo: the ledger is only written by code, never by hand
            [
                {
                    "date": date,
                    "company_id": company.id,
                    "partner_id": partner.id,
                    "move_type": "write_off",
                    "deposit_product_id": product.id,
                    "quantity": -qty,
                    "amount": -amount,
                    "account_move_id": entry.id,
                    "reference": label,
                }
                for (partner, product), (qty, amount) in unreturned.items()
            ]
        )
        return entry

    # ------------------------------------------------------------------
    # The ledger against the deposit liability account
    # ------------------------------------------------------------------

    @api.model
    def get_liability_reconciliation(self, date, company=None):
        """The deposits outstanding in the ledger at ``date`` against the balance of the
        company's deposit liability account (419600) at that date, and what makes the
        difference: the one definition of the deposit difference.

        Both sides are compared document by document: a ledger move belongs to the
        journal entry that books it (its invoice, its write-off entry, or the closing
        entry of its till session); a session not closed yet has no entry. Write-offs
        are in both, as a debit of the account and a negative ledger move. Read with the
        caller's rights. Returns a dict: ``ledger_amount``, ``account_amount``,
        ``difference`` (ledger minus account), ``timing`` (the part of the difference
        booked after ``date``: sessions closed the next day), ``unexplained`` and
        ``causes``, a list of dicts with ``kind`` (see ``_get_liability_cause_kinds``),
        ``source`` (an ``account.move`` or an open ``pos.session``), ``ledger_amount``,
        ``account_amount``, ``difference``, ``ledger_moves``, ``journal_items``,
        ``pos_orders`` and ``sale_orders``.
        """
        company = company or self.env.company
        currency = company.currency_id
        liability = company._get_conserverie_deposit_accounts()[0]
        moves = self.search([("company_id", "=", company.id), ("date", "<=", date)])
        items = self.env["account.move.line"].search(
            [
                ("company_id", "=", company.id),
                ("account_id", "=", liability.id),
                ("parent_state", "=", "posted"),
                ("date", "<=", date),
            ]
        )
        moves_by_source, items_by_source = {}, {}
        for move in moves:
            source = move._get_liability_source()
            moves_by_source[source] = moves_by_source.get(source, self.browse()) | move
        for item in items:
            items_by_source[item.move_id] = items_by_source.get(item.move_id, items.browse()) | item
        differences = compare_by_source(
            {source: sum(found.mapped("amount")) for source, found in moves_by_source.items()},
            {source: -sum(found.mapped("balance")) for source, found in items_by_source.items()},
            currency.decimal_places,
        )
        causes = []
        for source, in_ledger, in_account, difference in differences:
            ledger_moves = moves_by_source.get(source, self.browse())
            causes.append(
                {
                    "kind": self._get_liability_cause_kind(source, date, ledger_moves),
                    "source": source,
                    "ledger_amount": in_ledger,
                    "account_amount": in_account,
                    "difference": difference,
                    "ledger_moves": ledger_moves,
                    "journal_items": items_by_source.get(source, items.browse()),
                    "pos_orders": ledger_moves.pos_order_id,
                    "sale_orders": ledger_moves.sale_order_id,
                }
            )
        ledger_amount = currency.round(sum(moves.mapped("amount")))
        account_amount = currency.round(-sum(items.mapped("balance")))
        difference = currency.round(ledger_amount - account_amount)
        timing = currency.round(
            sum(cause["difference"] for cause in causes if cause["kind"] == "later")
        )
        return {
            "date": date,
            "company": company,
            "account": liability.with_company(company),
            "ledger_amount": ledger_amount,
            "account_amount": account_amount,
            "difference": difference,
            "timing": timing,
            "unexplained": currency.round(difference - timing),
            "causes": causes,
        }

    def _get_liability_source(self):
        """The journal entry that books this move on the liability account, or the till
        session whose closing will book it."""
        self.ensure_one()
        if self.account_move_id:
            return self.account_move_id
        order = self.pos_order_id
        if order.account_move:
            return order.account_move
        if order:
            return order.session_id.move_id or order.session_id
        return self

    @api.model
    def _get_liability_cause_kind(self, source, date, ledger_moves):
        if source._name == "pos.session":
            return "open_session"
        if source._name != "account.move":
            return "not_booked"
        if source.state == "posted" and source.date > date:
            return "later"
        if not ledger_moves:
            return "not_in_ledger"
        if source.state != "posted":
            return "not_booked"
        return "amount"

    @api.model
    def _get_liability_cause_kinds(self):
        """{kind of cause: what it means}, for the reports."""
        return {
            "open_session": self.env._("Session not closed: its deposits are not booked yet"),
            "later": self.env._("Booked after the date (session closed later)"),
            "not_in_ledger": self.env._("Entry on the deposit account unknown to the ledger"),
            "not_booked": self.env._("Ledger moves without an entry on the deposit account"),
            "amount": self.env._("Amounts differ"),
        }
