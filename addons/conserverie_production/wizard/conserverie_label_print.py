from odoo import fields, models


class ConserverieLabelPrint(models.TransientModel):
    _name = "conserverie.label.print"
    _description = "Print jar labels"

    lot_id = fields.Many2one("stock.lot", required=True)
    copies = fields.Integer(string="Labels", default=1, required=True)
    layout = fields.Selection(
        [("a4_sheet", "A4 sheet of stickers (3 x 8)"), ("roll_60x40", "Roll, 60 x 40 mm")],
        default="a4_sheet",
        required=True,
    )
    skip = fields.Integer(string="Stickers already used", help="On the first A4 sheet.")

    def action_print(self):
        self.ensure_one()
        attachment = self.env["report.conserverie_production.report_jar_label"]._attach(
            self.lot_id, self.copies, layout=self.layout, skip=self.skip
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }
