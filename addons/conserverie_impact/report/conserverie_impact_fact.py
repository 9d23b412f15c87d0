from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.conserverie_timebank.models.conserverie_time_move import SALE_MOVE_TYPES

FACT_TYPES = [
    ("intake_kg", "Produce recovered (kg)"),
    ("jars_produced", "Jars produced"),
    ("jars_distributed", "Jars distributed"),
    ("volunteer_hours", "Volunteer hours"),
    ("activities", "Activities"),
    ("jars_deposited", "Jars out with a deposit"),
    ("jars_returned", "Jars returned"),
    ("hours_issued", "Hours issued"),
    ("hours_redeemed", "Hours redeemed"),
]
SOURCE_COUNT = 8


class ConserverieImpactFact(models.Model):
    """One row per elementary fact behind the impact indicators, for dashboards.

    Each row counts for the same centre as in the impact report: the intake's,
    the activity's, the delivery's (``stock.picking.impact_centre_id``), or the
    one the deposit and hours ledgers give (their ``_get_centre_paths``).
    """

    _name = "conserverie.impact.fact"
    _description = "Impact fact"
    _auto = False
    _order = "date desc"
    _rec_name = "fact_type"

    date = fields.Date(readonly=True)
    fact_type = fields.Selection(FACT_TYPES, string="Figure", readonly=True)
    quantity = fields.Float(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    centre_id = fields.Many2one("res.partner", readonly=True)
    grower_id = fields.Many2one("res.partner", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    channel_id = fields.Many2one("conserverie.channel", readonly=True)
    activity_type = fields.Selection(
        selection=lambda self: self.env["conserverie.activity"]._fields["activity_type"].selection,
        readonly=True,
    )
    is_rural = fields.Boolean(string="Rural", readonly=True)

    @property
    def _table_query(self):
        return SQL(" UNION ALL ").join(
            [
                self._query_intake(),
                self._query_production(),
                self._query_distribution(),
                self._query_attendance(),
                self._query_activity(),
                self._query_deposit(),
                self._query_time(),
            ]
        )

    def _select(self, index, source_id, **columns):
        """One SELECT list with every column, ``index`` making ids unique."""
        defaults = {
            "date": SQL("NULL::date"),
            "fact_type": SQL("NULL::varchar"),
            "quantity": SQL("0.0"),
            "company_id": SQL("NULL::integer"),
            "centre_id": SQL("NULL::integer"),
            "grower_id": SQL("NULL::integer"),
            "product_id": SQL("NULL::integer"),
            "channel_id": SQL("NULL::integer"),
            "activity_type": SQL("NULL::varchar"),
            "is_rural": SQL("NULL::boolean"),
        }
        defaults.update(columns)
        parts = [SQL("%s * %s + %s AS id", source_id, SOURCE_COUNT, index)]
        parts += [SQL("%s AS %s", value, SQL.identifier(name)) for name, value in defaults.items()]
        return SQL(", ").join(parts)

    def _centre_sql(self, model_name, alias):
        """(LEFT JOINs, centre expression) for the rows of ``model_name`` aliased
        ``alias``, following the owner's ``_get_centre_paths``: the first one set."""
        owner = self.env[model_name]
        joins, centres = [], []
        for index, path in enumerate(owner._get_centre_paths()):
            model, current = owner, alias
            *steps, column = path.split(".")
            for depth, name in enumerate(steps):
                comodel = self.env[model._fields[name].comodel_name]
                joined = f"{alias}_centre_{index}_{depth}"
                joins.append(
                    SQL(
                        "LEFT JOIN %s AS %s ON %s = %s",
                        SQL.identifier(comodel._table),
                        SQL.identifier(joined),
                        SQL.identifier(current, name),
                        SQL.identifier(joined, "id"),
                    )
                )
                model, current = comodel, joined
            centres.append(SQL.identifier(current, column))
        return SQL(" ").join(joins), SQL("COALESCE(%s)", SQL(", ").join(centres))

    def _query_intake(self):
        return SQL(
            """(SELECT %s FROM conserverie_intake_line line
                JOIN conserverie_intake intake ON intake.id = line.intake_id
                WHERE line.state = 'done')""",
            self._select(
                0,
                SQL("line.id"),
                date=SQL("line.date"),
                fact_type=SQL("'intake_kg'"),
                quantity=SQL("line.quantity"),
                company_id=SQL("line.company_id"),
                centre_id=SQL("intake.centre_id"),
                grower_id=SQL("line.partner_id"),
                product_id=SQL("line.product_id"),
            ),
        )

    def _query_production(self):
        return SQL(
            """(SELECT %s FROM stock_move move
                JOIN mrp_production production ON production.id = move.production_id
                JOIN mrp_bom bom ON bom.id = production.bom_id
                LEFT JOIN conserverie_activity activity ON activity.id = production.activity_id
                WHERE move.state = 'done' AND bom.preserving_process IS NOT NULL)""",
            self._select(
                1,
                SQL("move.id"),
                date=SQL("move.date::date"),
                fact_type=SQL("'jars_produced'"),
                quantity=SQL("move.quantity"),
                company_id=SQL("move.company_id"),
                centre_id=SQL("activity.centre_id"),
                product_id=SQL("move.product_id"),
                activity_type=SQL("activity.activity_type"),
                is_rural=SQL("activity.is_rural"),
            ),
        )

    def _query_distribution(self):
        return SQL(
            """(SELECT %s FROM stock_move move
                JOIN stock_picking picking ON picking.id = move.picking_id
                JOIN stock_location destination ON destination.id = move.location_dest_id
                JOIN stock_location source ON source.id = move.location_id
                JOIN stock_warehouse warehouse ON warehouse.id = source.warehouse_id
                JOIN product_product product ON product.id = move.product_id
                JOIN product_template template ON template.id = product.product_tmpl_id
                WHERE move.state = 'done' AND destination.usage = 'customer'
                  AND warehouse.is_mobile_unit
                  AND picking.channel_id IS NOT NULL
                  AND NOT COALESCE(template.is_deposit, FALSE))""",
            self._select(
                2,
                SQL("move.id"),
                date=SQL("move.date::date"),
                fact_type=SQL("'jars_distributed'"),
                quantity=SQL("move.quantity"),
                company_id=SQL("move.company_id"),
                centre_id=SQL("picking.impact_centre_id"),
                product_id=SQL("move.product_id"),
                channel_id=SQL("picking.channel_id"),
            ),
        )

    def _query_attendance(self):
        return SQL(
            """(SELECT %s FROM conserverie_activity_attendance attendance
                JOIN conserverie_activity activity ON activity.id = attendance.activity_id
                WHERE attendance.attended AND attendance.role != 'staff'
                  AND activity.state = 'done')""",
            self._select(
                3,
                SQL("attendance.id"),
                date=SQL("activity.date_start::date"),
                fact_type=SQL("'volunteer_hours'"),
                quantity=SQL("attendance.hours"),
                company_id=SQL("activity.company_id"),
                centre_id=SQL("activity.centre_id"),
                activity_type=SQL("activity.activity_type"),
                is_rural=SQL("activity.is_rural"),
            ),
        )

    def _query_activity(self):
        return SQL(
            "(SELECT %s FROM conserverie_activity activity WHERE activity.state = 'done')",
            self._select(
                4,
                SQL("activity.id"),
                date=SQL("activity.date_start::date"),
                fact_type=SQL("'activities'"),
                quantity=SQL("1.0"),
                company_id=SQL("activity.company_id"),
                centre_id=SQL("activity.centre_id"),
                activity_type=SQL("activity.activity_type"),
                is_rural=SQL("activity.is_rural"),
            ),
        )

    def _query_deposit(self):
        """Jars out and returned as ``get_jar_figures`` (conserverie_deposit) counts them."""
        joins, centre = self._centre_sql("conserverie.deposit.move", "deposit")
        return SQL(
            """(SELECT %s FROM conserverie_deposit_move deposit %s
                WHERE deposit.move_type IN ('sale', 'return')
                  AND deposit.jar_product_id IS NOT NULL)""",
            self._select(
                5,
                SQL("deposit.id"),
                date=SQL("deposit.date"),
                fact_type=SQL(
                    "CASE WHEN deposit.move_type = 'sale' "
                    "THEN 'jars_deposited' ELSE 'jars_returned' END"
                ),
                quantity=SQL(
                    "CASE WHEN deposit.move_type = 'sale' "
                    "THEN deposit.quantity ELSE -deposit.quantity END"
                ),
                company_id=SQL("deposit.company_id"),
                centre_id=centre,
                product_id=SQL("deposit.jar_product_id"),
            ),
            joins,
        )

    def _query_time(self):
        """Hours issued and redeemed as ``get_hours_totals`` (conserverie_timebank)
        counts them: the members' moves, net of corrections and refunds."""
        joins, centre = self._centre_sql("conserverie.time.move", "time_move")
        redeemed = SQL("time_move.move_type IN %s", SALE_MOVE_TYPES)
        return SQL(
            """(SELECT %s FROM conserverie_time_move time_move
                JOIN conserverie_time_account account ON account.id = time_move.account_id
                %s
                WHERE NOT COALESCE(account.is_facility, FALSE))""",
            self._select(
                6,
                SQL("time_move.id"),
                date=SQL("time_move.date::date"),
                fact_type=SQL(
                    "CASE WHEN %s THEN 'hours_redeemed' ELSE 'hours_issued' END", redeemed
                ),
                quantity=SQL(
                    "CASE WHEN %s THEN -time_move.amount ELSE time_move.amount END", redeemed
                ),
                company_id=SQL("time_move.company_id"),
                centre_id=centre,
            ),
            joins,
        )
