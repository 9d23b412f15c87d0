from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CSV_F0_1, CSV_F0_3, ProductionCase

REPORT = "conserverie_production.conserverie_sterilisation_cycle_report_action"


@tagged("post_install", "-at_install")
class TestSterilisationCycleReport(ProductionCase):
    """The cycle report is a QWeb report: figures, verdict, operator and the curves."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.production = cls._create_production(cls.sauce_bom)
        cls.cycle = cls._create_cycle(cls.production)
        cls.cycle.import_readings(CSV_F0_3)

    def _render(self, cycles, user=None, lang="en_US"):
        Report = self.env["ir.actions.report"].with_context(lang=lang)
        if user:
            Report = Report.with_user(user)
        html, report_type = Report._render_qweb_html(REPORT, cycles.ids)
        self.assertEqual(report_type, "html")
        return html.decode()

    def test_print_button_and_menu(self):
        action = self.cycle.with_user(self.staff_user).action_print_report()
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["report_name"], "conserverie_production.report_sterilisation_cycle")
        report = self.env.ref(REPORT)
        self.assertEqual(report.report_type, "qweb-pdf")
        self.assertEqual(report.binding_model_id.model, "conserverie.sterilisation.cycle")

    def test_report_shows_the_key_figures(self):
        self.assertEqual(self.cycle.state, "passed")
        html = self._render(self.cycle, self.staff_user)
        self.assertIn(f"Autoclave cycle {self.cycle.name}", html)
        self.assertIn("Lethality: 3.00 min (reference 121.1 °C, z 10.0 °C)", html)
        self.assertIn("Result: Passed", html)
        self.assertIn(f"Operator: {self.operator.display_name}", html)
        self.assertIn(self.production.name, html)
        self.assertIn('src="data:image/png;base64,iVBORw0KGgo', html)

    def test_failed_cycle_report_says_why(self):
        production = self._create_production(self.sauce_bom)
        cycle = self._create_cycle(production)
        cycle.import_readings(CSV_F0_1)
        self.assertEqual(cycle.state, "failed")
        html = self._render(cycle)
        self.assertIn("Result: Failed", html)
        self.assertIn("Lethality: 1.00 min", html)
        self.assertIn("is below 3.00 min", html)

    def test_report_in_french(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(["conserverie_production"], ["fr_FR"])
        html = self._render(self.cycle, self.staff_user, lang="fr_FR")
        self.assertIn(f"Cycle d&#39;autoclave {self.cycle.name}", html)
        self.assertIn("Résultat : Réussi", html)

    def test_draft_cycle_has_no_report(self):
        production = self._create_production(self.sauce_bom)
        draft = self._create_cycle(production)
        with self.assertRaisesRegex(UserError, "once the cycle is evaluated"):
            draft.action_print_report()
        with self.assertRaisesRegex(UserError, "once the cycle is evaluated"):
            self._render(draft, self.staff_user)
