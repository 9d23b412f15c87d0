from odoo import fields, models


class ConserverieTimeReconciliationSession(models.TransientModel):
    _name = "conserverie.time.reconciliation.session"
    _description = "Reconciliation of one POS session"
    _order = "start_at, id"

    reconciliation_id = fields.Many2one(
        "conserverie.time.reconciliation", required=True, ondelete="cascade"
    )
    session_id = fields.Many2one("pos.session", required=True)
    start_at = fields.Datetime(related="session_id.start_at")
    state = fields.Selection(related="session_id.state")
    currency_id = fields.Many2one(related="session_id.currency_id")
    euro_amount = fields.Monetary(string="Euros taken", help="All methods except hours.")
    time_amount = fields.Monetary(string="Hours (euro equivalent)")
    time_hours = fields.Float(string="Hours taken", digits=(16, 4))
    ledger_hours = fields.Float(string="Ledger debits", digits=(16, 4))
    difference_minutes = fields.Integer(
        string="Difference (min)", help="Hours taken minus ledger debits, in minutes."
    )
    has_difference = fields.Boolean()
    method_ids = fields.One2many(
        "conserverie.time.reconciliation.method", "session_line_id", string="By method"
    )
