from odoo import api, fields, models
from odoo.tools.misc import formatLang

# decimals shown for each kind of indicator: a count is a whole number
KIND_DIGITS = {"int": 0, "kg": 1, "percent": 1, "hours": 2, "money": 2, "float": 2}


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
    kind = fields.Selection(related="indicator_id.kind")
    value_display = fields.Char(string="Figure", compute="_compute_value_display")

    @api.depends("value", "kind")
    def _compute_value_display(self):
        for line in self:
            line.value_display = formatLang(
                self.env, line.value, digits=KIND_DIGITS.get(line.kind, 2)
            )

    def action_open_records(self):
        self.ensure_one()
        return self.report_id.action_open_indicator(self.code)
