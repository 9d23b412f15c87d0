from odoo import api, models


class ReportConserverieSterilisationCycle(models.AbstractModel):
    _name = "report.conserverie_production.report_sterilisation_cycle"
    _description = "Autoclave cycle report"

    @api.model
    def _get_report_values(self, docids, data=None):
        cycles = self.env["conserverie.sterilisation.cycle"].browse(docids)
        cycles._check_report_printable()
        return {
            "doc_ids": docids,
            "doc_model": "conserverie.sterilisation.cycle",
            "docs": cycles,
        }
