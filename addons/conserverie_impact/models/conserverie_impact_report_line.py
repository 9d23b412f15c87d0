from odoo import fields, models


class ConserverieImpactReportLine(models.TransientModel):
    _name = "conserverie.impact.report.line"
    _description = "Figure of an impact report"
    _order = "sequence, id"

    report_id = fields.Many2one("conserverie.impact.report", required=True, ondelete="cascade")
    indicator_id = fields.Many2one(
        "conserverie.impact.indicator", required=True, ondelete="cascade"
    )
    sequence = fields.Integer(related="indicator_id.sequence")
    code = fields.Char(related="indicator_id.code")
    name = fields.Char(related="indicator_id.name")
    unit = fields.Char(related="indicator_id.unit")
    value = fields.Float(digits=(16, 2))

    def action_open_records(self):
        self.ensure_one()
        return self.report_id.action_open_indicator(self.code)
