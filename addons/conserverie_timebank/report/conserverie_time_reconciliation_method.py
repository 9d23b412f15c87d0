from odoo import fields, models


class ConserverieTimeReconciliationMethod(models.TransientModel):
    _name = "conserverie.time.reconciliation.method"
    _description = "Amount taken by one payment method in a session"
    _order = "session_line_id, payment_method_id"

    session_line_id = fields.Many2one(
        "conserverie.time.reconciliation.session", required=True, ondelete="cascade"
    )
    payment_method_id = fields.Many2one("pos.payment.method", string="Method", required=True)
    is_time_currency = fields.Boolean(related="payment_method_id.is_time_currency")
    currency_id = fields.Many2one(related="session_line_id.currency_id")
    amount = fields.Monetary()
    hours = fields.Float(digits=(16, 4))
