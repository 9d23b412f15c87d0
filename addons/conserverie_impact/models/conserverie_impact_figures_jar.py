from odoo import models
from odoo.osv import expression


class ConserverieImpactFiguresJar(models.AbstractModel):
    """Jar figures of the impact report: jars out with a deposit, returned, washed and reused.

    Inherited by ``conserverie.impact.report``, which holds the period
    (``date_from``, ``date_to``), the company and the optional centre.
    """

    _name = "conserverie.impact.figures.jar"
    _description = "Impact figures: jar"

    def _get_jar_consumption_domain(self):
        domain = [
            ("state", "=", "done"),
            ("company_id", "=", self.company_id.id),
            ("raw_material_production_id.bom_id.preserving_process", "!=", False),
            ("product_id.is_jar", "=", True),
            *self._datetime_domain("date"),
        ]
        if self.centre_id:
            domain.append(
                ("raw_material_production_id.activity_id.centre_id", "=", self.centre_id.id)
            )
        return domain

    def _get_deposit_move_domain(self):
        """The moves behind the jar figures of ``get_jar_figures`` (conserverie_deposit)."""
        domain = [
            ("company_id", "=", self.company_id.id),
            ("date", ">=", self.date_from),
            ("date", "<=", self.date_to),
            ("jar_product_id", "!=", False),
            ("move_type", "in", ("sale", "return")),
        ]
        if self.centre_id:
            DepositMove = self.env["conserverie.deposit.move"]
            domain = expression.AND([domain, DepositMove._get_centre_domain(self.centre_id)])
        return domain

    def _get_jar_washing_domain(self):
        warehouse = self.company_id._get_conserverie_warehouse()
        return [
            ("state", "=", "done"),
            ("company_id", "=", self.company_id.id),
            ("location_id", "=", warehouse.empty_jars_location_id.id),
            ("location_dest_id", "=", warehouse.clean_jars_location_id.id),
            *self._datetime_domain("date"),
        ]

    def _get_jar_indicators(self, result):
        # jars out and returned: the deposit ledger's own figures
        figures = self.env["conserverie.deposit.move"].get_jar_figures(
            self.date_from, self.date_to, company=self.company_id, centre=self.centre_id
        )
        by_format = {}
        for jar, jars in figures.items():
            out, back = by_format.get(jar.display_name, (0.0, 0.0))
            by_format[jar.display_name] = (out + jars["out"], back + jars["returned"])
        deposited = sum(out for out, _back in by_format.values())
        returned = sum(back for _out, back in by_format.values())
        Move = self.env["stock.move"]
        [(washed,)] = Move._read_group(self._get_jar_washing_domain(), [], ["quantity:sum"])
        [(consumed,)] = Move._read_group(self._get_jar_consumption_domain(), [], ["quantity:sum"])
        washed = washed or 0.0
        result.update(
            jars_deposited=deposited,
            jars_returned=returned,
            jar_return_rate=returned / deposited if deposited else 0.0,
            jars_by_format=by_format,
            jars_washed=washed,
            jars_consumed=consumed or 0.0,
            jar_reuse_rate=min(washed / consumed, 1.0) if consumed else 0.0,
        )
