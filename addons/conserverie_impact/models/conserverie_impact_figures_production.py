from odoo import models


class ConserverieImpactFiguresProduction(models.AbstractModel):
    """Production figures of the impact report: produce processed and jars made in the workshops.

    Inherited by ``conserverie.impact.report``, which holds the period
    (``date_from``, ``date_to``), the company and the optional centre.
    """

    _name = "conserverie.impact.figures.production"
    _description = "Impact figures: production"

    def _get_production_move_domain(self, finished):
        production_field = "production_id" if finished else "raw_material_production_id"
        domain = [
            ("state", "=", "done"),
            ("company_id", "=", self.company_id.id),
            (f"{production_field}.bom_id.preserving_process", "!=", False),
            *self._datetime_domain("date"),
        ]
        if not finished:
            domain.append(("product_id.is_recovered_produce", "=", True))
        if self.centre_id:
            domain.append((f"{production_field}.activity_id.centre_id", "=", self.centre_id.id))
        return domain

    def _get_production_indicators(self, result):
        Move = self.env["stock.move"]
        [(kg,)] = Move._read_group(
            self._get_production_move_domain(finished=False), [], ["quantity:sum"]
        )
        by_product = Move._read_group(
            self._get_production_move_domain(finished=True),
            ["product_id"],
            ["quantity:sum", "production_id:count_distinct"],
            order="quantity:sum desc",
        )
        result.update(
            kg_processed=kg or 0.0,
            jars_produced=sum(jars for _product, jars, _count in by_product),
            jars_produced_by_recipe=[
                (product.display_name, jars, count) for product, jars, count in by_product
            ],
        )
