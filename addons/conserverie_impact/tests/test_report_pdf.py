import io

import PyPDF2

from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestReportPdf(HttpCase):
    """wkhtmltopdf prints the flower of an assessment as a real PDF.

    An HTTP case, so that wkhtmltopdf reaches the report's style sheets.
    """

    def test_flower_pdf(self):
        self.env.company.external_report_layout_id = self.env.ref("web.external_layout_standard")
        today = fields.Date.context_today(self.env.user)
        campaign = self.env["conserverie.impact.campaign"].create(
            {"name": "Évaluation imprimée (test)", "date_from": today, "date_to": today}
        )
        action = campaign.action_print_flower()
        self.assertEqual(action["type"], "ir.actions.report")
        pdf, report_type = (
            self.env["ir.actions.report"]
            # tests otherwise get the HTML: ask for the PDF itself
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(action["report_name"], campaign.ids)
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        reader = PyPDF2.PdfReader(io.BytesIO(pdf))
        self.assertGreaterEqual(len(reader.pages), 1)
