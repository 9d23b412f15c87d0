from odoo import fields, models


class StockLot(models.Model):
    _inherit = "stock.lot"

    conserverie_intake_line_id = fields.Many2one(
        "conserverie.intake.line",
        string="Intake line",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    intake_grower_id = fields.Many2one(
        related="conserverie_intake_line_id.partner_id", string="Grower", store=True
    )
    intake_grade = fields.Selection(related="conserverie_intake_line_id.grade")
    intake_source = fields.Selection(related="conserverie_intake_line_id.source")
