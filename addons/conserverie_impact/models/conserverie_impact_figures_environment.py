from odoo import models


class ConserverieImpactFiguresEnvironment(models.AbstractModel):
    """Environment figures of the impact report: waste avoided and CO2 saved.

    Inherited by ``conserverie.impact.report``, which holds the period
    (``date_from``, ``date_to``), the company and the optional centre.
    """

    _name = "conserverie.impact.figures.environment"
    _description = "Impact figures: environment"

    def _get_environment_indicators(self, result):
        [(kg,)] = self.env["conserverie.intake.line"]._read_group(
            self._get_recovered_line_domain(), [], ["quantity:sum"]
        )
        kg = kg or 0.0
        company = self.company_id
        result.update(
            waste_avoided_kg=kg,
            co2_avoided_kg=kg * company.impact_co2_per_kg
            + result.get("jars_washed", 0.0) * company.impact_co2_per_reused_jar,
        )
