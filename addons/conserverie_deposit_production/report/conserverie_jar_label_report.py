from odoo import api, models


class ReportConserverieJarLabel(models.AbstractModel):
    _inherit = "report.conserverie_production.report_jar_label"

    @api.model
    def _prepare_label_values(self, lot, copies=1):
        values = super()._prepare_label_values(lot, copies)
        values["deposit_text"] = lot.product_id._get_label_deposit_text(
            lot._get_conserverie_company()
        )
        return values
