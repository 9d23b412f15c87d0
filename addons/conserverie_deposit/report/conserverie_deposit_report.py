from odoo import api, fields, models
from odoo.tools import SQL


class ConserverieDepositReport(models.Model):
    """Jars per format and day: out with a deposit, returned, broken, reused."""

    _name = "conserverie.deposit.report"
    _description = "Jar deposit figures"
    _auto = False
    _order = "date desc"

    date = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    jar_product_id = fields.Many2one("product.product", string="Jar format", readonly=True)
    qty_out = fields.Float(string="Out with a deposit", readonly=True, digits=(16, 0))
    qty_returned = fields.Float(string="Returned", readonly=True, digits=(16, 0))
    qty_broken = fields.Float(string="Broken", readonly=True, digits=(16, 0))
    qty_reused = fields.Float(string="Reused in production", readonly=True, digits=(16, 0))

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT MIN(f.id) AS id, f.date, f.company_id, f.jar_product_id,
                   SUM(f.qty_out) AS qty_out, SUM(f.qty_returned) AS qty_returned,
                   SUM(f.qty_broken) AS qty_broken, SUM(f.qty_reused) AS qty_reused
              FROM (
                    SELECT m.id * 3 AS id, m.date, m.company_id, m.jar_product_id,
                           CASE WHEN m.move_type = 'sale' THEN m.quantity ELSE 0 END AS qty_out,
                           CASE WHEN m.move_type = 'return' THEN -m.quantity ELSE 0 END
                               AS qty_returned,
                           0 AS qty_broken, 0 AS qty_reused
                      FROM conserverie_deposit_move m
                     WHERE m.jar_product_id IS NOT NULL
                     UNION ALL
                    SELECT w.id * 3 + 1, w.date, w.company_id, w.jar_product_id,
                           0, 0, w.quantity_broken, 0
                      FROM conserverie_jar_washing w
                     WHERE w.state = 'done' AND w.quantity_broken > 0
                     UNION ALL
                    SELECT sm.id * 3 + 2, sm.date::date, sm.company_id, sm.product_id,
                           0, 0, 0, sm.product_qty
                      FROM stock_move sm
                      JOIN stock_location dest ON dest.id = sm.location_dest_id
                      JOIN stock_warehouse wh ON wh.clean_jars_location_id = sm.location_id
                     WHERE sm.state = 'done' AND dest.usage = 'production'
                   ) f
             GROUP BY f.date, f.company_id, f.jar_product_id
            """
        )

    @api.model
    def _get_figures(self, date_from, date_to, company=None):
        """{jar format: {out, returned, return_rate, broken, reused}} for a period;
        the return rate is in percent."""
        company = company or self.env.company
        self.env.flush_all()
        groups = self._read_group(
            [
                ("company_id", "=", company.id),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ],
            ["jar_product_id"],
            ["qty_out:sum", "qty_returned:sum", "qty_broken:sum", "qty_reused:sum"],
        )
        return {
            jar: {
                "out": out,
                "returned": returned,
                "return_rate": round(100.0 * returned / out, 1) if out else 0.0,
                "broken": broken,
                "reused": reused,
            }
            for jar, out, returned, broken, reused in groups
        }
