from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    deposit_jar_count = fields.Float(
        string="Jars out",
        compute="_compute_deposit_balance",
        digits=(16, 0),
        help="Jars this customer took with a deposit and has not returned yet.",
    )
    deposit_balance = fields.Monetary(
        string="Deposit balance",
        compute="_compute_deposit_balance",
        currency_field="deposit_currency_id",
        help="Deposits this customer paid and may get back by returning jars.",
    )
    deposit_currency_id = fields.Many2one(
        "res.currency", compute="_compute_deposit_balance", string="Deposit currency"
    )
    deposit_move_ids = fields.One2many(
        "conserverie.deposit.move",
        "partner_id",
        string="Deposit history",
        readonly=True,
        groups="conserverie_base.group_staff,conserverie_base.group_accountant",
    )

    @api.depends("deposit_move_ids.quantity", "deposit_move_ids.amount")
    @api.depends_context("company")
    def _compute_deposit_balance(self):
        totals = {
            partner: (qty, amount)
            # sudo: the balance is shown to whoever may see the partner; the ledger stays closed
            for partner, qty, amount in self.env["conserverie.deposit.move"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", self.ids),
                    ("company_id", "=", self.env.company.id),
                ],
                ["partner_id"],
                ["quantity:sum", "amount:sum"],
            )
        }
        for partner in self:
            qty, amount = totals.get(partner, (0.0, 0.0))
            partner.deposit_jar_count = qty
            partner.deposit_balance = amount
            partner.deposit_currency_id = self.env.company.currency_id

    def action_view_deposit_moves(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "conserverie_deposit.conserverie_deposit_move_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action
