from odoo import api, models


class ReportMemberCard(models.AbstractModel):
    _name = "report.conserverie_base.report_member_card"
    _description = "Member cards"

    @api.model
    def _get_report_values(self, docids, data=None):
        """The cards of the members, each given its number when it has none yet."""
        members = self.env["res.partner"].browse(docids)
        members._issue_member_card()
        return {
            "doc_ids": members.ids,
            "doc_model": "res.partner",
            "docs": members,
            "company": self.env.company,
        }
