from odoo import models
from odoo.tools import SQL

from ..tools.documents import format_value, print_table


class ConserverieImpactGrowerStatement(models.AbstractModel):
    """What each grower's produce became over the impact report's period: the
    content of the grower statements (``report_impact_grower_statement``).

    Inherited by ``conserverie.impact.report``.
    """

    _name = "conserverie.impact.grower.statement"
    _description = "Impact grower statements"

    def _get_grower_statement_data(self, growers):
        """What each grower's produce of the period became.

        Jars are followed from the grower's intake lots to the productions
        that consumed them; a production's jars count for each grower in
        proportion of the kilos of recovered produce they brought to it, and so
        do the jars of its finished lots that reached a channel.
        Returns {grower id: {"jars": {product id: jars}, "channels": {channel id: jars}}}.
        """
        self.ensure_one()
        self.env.flush_all()
        params = {
            "growers": tuple(growers.ids) or (0,),
            "date_from": self.date_from,
            "date_to": self.date_to,
            "company": self.company_id.id,
        }
        query = SQL(
            """
            WITH grower_raw AS (
                SELECT intake.partner_id AS grower_id,
                       move.raw_material_production_id AS production_id,
                       SUM(move_line.quantity) AS kg
                  FROM stock_move_line move_line
                  JOIN stock_move move ON move.id = move_line.move_id
                  JOIN stock_lot lot ON lot.id = move_line.lot_id
                  JOIN conserverie_intake_line intake ON intake.id = lot.conserverie_intake_line_id
                 WHERE move.state = 'done'
                   AND move.raw_material_production_id IS NOT NULL
                   AND intake.partner_id IN %(growers)s
                   AND intake.state = 'done'
                   AND intake.date BETWEEN %(date_from)s AND %(date_to)s
                   AND intake.company_id = %(company)s
              GROUP BY 1, 2
            ), production_raw AS (
                SELECT move.raw_material_production_id AS production_id, SUM(move.quantity) AS kg
                  FROM stock_move move
                  JOIN product_product product ON product.id = move.product_id
                  JOIN product_template template ON template.id = product.product_tmpl_id
                 WHERE move.state = 'done'
                   AND template.is_recovered_produce
                   AND move.raw_material_production_id IN (SELECT production_id FROM grower_raw)
              GROUP BY 1
            ), shares AS (
                SELECT grower_raw.grower_id, grower_raw.production_id,
                       grower_raw.kg / NULLIF(production_raw.kg, 0) AS share
                  FROM grower_raw
                  JOIN production_raw ON production_raw.production_id = grower_raw.production_id
            ), finished AS (
                SELECT move.production_id, move.product_id, move_line.lot_id,
                       SUM(move_line.quantity) AS jars
                  FROM stock_move_line move_line
                  JOIN stock_move move ON move.id = move_line.move_id
                 WHERE move.state = 'done'
                   AND move.production_id IN (SELECT production_id FROM shares)
              GROUP BY 1, 2, 3
            ), delivered AS (
                SELECT move_line.lot_id, picking.channel_id, SUM(move_line.quantity) AS jars
                  FROM stock_move_line move_line
                  JOIN stock_move move ON move.id = move_line.move_id
                  JOIN stock_location destination ON destination.id = move.location_dest_id
                  JOIN stock_picking picking ON picking.id = move.picking_id
                 WHERE move.state = 'done'
                   AND destination.usage = 'customer'
                   AND picking.channel_id IS NOT NULL
                   AND move_line.lot_id IN (SELECT lot_id FROM finished)
              GROUP BY 1, 2
            )
            SELECT shares.grower_id, 'product', finished.product_id,
                   SUM(finished.jars * shares.share)
              FROM shares JOIN finished ON finished.production_id = shares.production_id
          GROUP BY 1, 2, 3
            UNION ALL
            SELECT shares.grower_id, 'channel', delivered.channel_id,
                   SUM(delivered.jars * shares.share)
              FROM shares
              JOIN finished ON finished.production_id = shares.production_id
              JOIN delivered ON delivered.lot_id = finished.lot_id
          GROUP BY 1, 2, 3
            """,
            **params,
        )
        self.env.cr.execute(query)
        result = {grower.id: {"jars": {}, "channels": {}} for grower in growers}
        for grower_id, kind, res_id, jars in self.env.cr.fetchall():
            result[grower_id]["jars" if kind == "product" else "channels"][res_id] = jars or 0.0
        return result

    def _get_grower_statements(self, growers=None):
        """The statements' content, one dict per grower with produce in the period."""
        self.ensure_one()
        IntakeLine = self.env["conserverie.intake.line"]
        domain = self._get_intake_line_domain()
        if growers:
            domain.append(("partner_id", "in", growers.ids))
        rows = IntakeLine._read_group(
            domain, ["partner_id", "date:day", "product_id", "grade"], ["quantity:sum"]
        )
        growers = self.env["res.partner"].browse(dict.fromkeys(row[0].id for row in rows))
        traced = self._get_grower_statement_data(growers)
        grades = self._selection_labels("conserverie.intake.line", "grade")
        Product = self.env["product.product"]
        Channel = self.env["conserverie.channel"]
        statements = []
        for grower in growers:
            intake_rows = [
                (day, product.display_name, grades[grade], kg)
                for partner, day, product, grade, kg in rows
                if partner == grower
            ]
            jars = traced[grower.id]["jars"]
            channels = traced[grower.id]["channels"]
            kg_total = sum(row[3] for row in intake_rows)
            jars_total = sum(jars.values())
            statements.append(
                {
                    "grower": grower,
                    "address": [
                        grower.name,
                        *grower._display_address(without_company=True).split("\n"),
                    ],
                    "period": self._get_period_label(),
                    "intro": self.env._(
                        "Over the period, you gave %(kg)s kg of produce; it became about "
                        "%(jars)s jars of preserves. Thank you!",
                        kg=format_value(kg_total, "kg"),
                        jars=format_value(jars_total, "float"),
                    ),
                    "kg_total": kg_total,
                    "intake_rows": intake_rows,
                    "jars_total": jars_total,
                    "product_rows": [
                        (Product.browse(product_id).display_name, quantity)
                        for product_id, quantity in sorted(jars.items(), key=lambda item: -item[1])
                    ],
                    "channel_rows": [
                        (Channel.browse(channel_id).display_name, quantity)
                        for channel_id, quantity in sorted(
                            channels.items(), key=lambda item: -item[1]
                        )
                    ],
                }
            )
        return statements

    def _get_printed_grower_statements(self):
        """What the grower statements print (``report_impact_grower_statement``):
        (labels, statements), each statement with its tables as text."""
        self.ensure_one()
        _ = self.env._
        labels = {
            "title": _("What your produce became"),
            "intakes": _("Produce you gave"),
            "jars": _("Jars made from it"),
            "channels": _("Where the jars went"),
            "no_jars": _("Not yet preserved over the period."),
            "no_channels": _("No jar distributed yet."),
            "thanks": _(
                "Jars are counted in proportion of your share of the produce in each "
                "workshop. Thank you for fighting food waste with us."
            ),
        }
        intake_columns = [
            (_("Date"), "date"),
            (_("Produce"), "text"),
            (_("Grade"), "text"),
            (_("Kilos"), "kg"),
        ]
        statements = [
            {
                **statement,
                "intake_table": print_table(intake_columns, statement["intake_rows"], _("Total")),
                "jar_table": print_table(
                    [(_("Preserve"), "text"), (_("Jars"), "float")],
                    statement["product_rows"],
                    _("Total"),
                ),
                "channel_table": print_table(
                    [(_("Channel"), "text"), (_("Jars"), "float")], statement["channel_rows"]
                ),
            }
            for statement in self._get_grower_statements()
        ]
        return labels, statements
