from odoo import fields, models


class ConserverieMonthEndLine(models.Model):
    """One check of a month end: its status, its figure and the records behind it."""

    _name = "conserverie.month.end.line"
    _description = "Month end check"
    _order = "sequence, id"

    month_end_id = fields.Many2one(
        "conserverie.month.end",
        string="Month end",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(related="month_end_id.company_id", store=True)
    sequence = fields.Integer(readonly=True)
    code = fields.Char(required=True, readonly=True)
    name = fields.Char(string="Check", required=True, readonly=True)
    state = fields.Selection(
        [("ok", "OK"), ("to_do", "To do")], string="Status", required=True, readonly=True
    )
    figure = fields.Float(string="Value", readonly=True, help="The figure as a number.")
    figure_display = fields.Char(string="Figure", readonly=True)
    note = fields.Char(readonly=True)
    res_model = fields.Char(string="Records of", readonly=True)
    res_ids = fields.Json(string="Records", readonly=True)
    record_count = fields.Integer(compute="_compute_record_count")

    def _compute_record_count(self):
        for line in self:
            line.record_count = len(line.res_ids or [])

    def action_open_records(self):
        """The records behind the figure, as the user may read them."""
        self.ensure_one()
        if not self.res_model or not self.res_ids:
            return False
        return {
            "type": "ir.actions.act_window",
            "name": self.name,
            "res_model": self.res_model,
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", self.res_ids)],
            "context": {"create": False},
        }
