from odoo import models


class ConserverieImpactFiguresIntake(models.AbstractModel):
    """Intake figures of the impact report: kilos of produce received, by source, grade and grower.

    Inherited by ``conserverie.impact.report``, which holds the period
    (``date_from``, ``date_to``), the company and the optional centre.
    """

    _name = "conserverie.impact.figures.intake"
    _description = "Impact figures: intake"

    def _get_intake_line_domain(self):
        domain = [
            ("state", "=", "done"),
            ("date", ">=", self.date_from),
            ("date", "<=", self.date_to),
            ("company_id", "=", self.company_id.id),
        ]
        if self.centre_id:
            domain.append(("intake_id.centre_id", "=", self.centre_id.id))
        return domain

    def _get_recovered_line_domain(self):
        """Produce saved from waste: toll processing stays the grower's own."""
        return [*self._get_intake_line_domain(), ("source", "!=", "toll_processing")]

    def _get_intake_indicators(self, result):
        IntakeLine = self.env["conserverie.intake.line"]
        domain = self._get_intake_line_domain()
        rows = IntakeLine._read_group(domain, ["source", "grade", "is_organic"], ["quantity:sum"])
        sources = self._selection_labels("conserverie.intake.line", "source")
        grades = self._selection_labels("conserverie.intake.line", "grade")
        by_source = dict.fromkeys(sources, 0.0)
        by_grade = dict.fromkeys(grades, 0.0)
        organic = total = 0.0
        for source, grade, is_organic, kg in rows:
            by_source[source] += kg
            by_grade[grade] += kg
            total += kg
            organic += kg if is_organic else 0.0
        by_grower = IntakeLine._read_group(
            domain,
            ["partner_id"],
            ["quantity:sum", "intake_id:count_distinct"],
            order="quantity:sum desc",
        )
        # total_value is stored on the intake: sum it over the period's intakes
        intake_domain = [("line_ids", "any", domain)]
        [(value,)] = self.env["conserverie.intake"]._read_group(
            intake_domain, [], ["total_value:sum"]
        )
        result.update(
            kg_recovered=total,
            kg_organic=organic,
            organic_share=organic / total if total else 0.0,
            kg_recovered_by_source=by_source,
            kg_recovered_by_grade=by_grade,
            kg_recovered_by_grower=[
                (grower.display_name, kg, count) for grower, kg, count in by_grower
            ],
            growers=len(by_grower),
            produce_value=value or 0.0,
        )
