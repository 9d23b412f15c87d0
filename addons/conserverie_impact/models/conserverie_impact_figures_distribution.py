from odoo import models
from odoo.tools import SQL

from .pos_config import POS_SESSION_CENTRE_PATH

POS_DONE_STATES = ("paid", "done", "invoiced")


class ConserverieImpactFiguresDistribution(models.AbstractModel):
    """Distribution figures of the impact report: jars out by channel and the
    stalls' sales in euros and hours.

    Inherited by ``conserverie.impact.report``, which holds the period
    (``date_from``, ``date_to``), the company and the optional centre.
    """

    _name = "conserverie.impact.figures.distribution"
    _description = "Impact figures: distribution"

    def _get_pos_centre_domain(self, prefix):
        return [(f"{prefix}session_id.{POS_SESSION_CENTRE_PATH}", "=", self.centre_id.id)]

    def _get_distribution_domain(self):
        """The jars out of the mobile unit to customers in the period, by channel.

        The mobile unit's locations and the deposit products are given by their
        ids: the domain filters every move of the period, and a list of ids costs
        no join per move.
        """
        # sudo: ids only, to select the period's moves
        mobile_unit = (
            self.env["stock.location"]
            .sudo()
            .with_context(active_test=False)
            .search([("warehouse_id.is_mobile_unit", "=", True)])
        )
        deposits = (
            self.env["product.product"]
            .sudo()
            .with_context(active_test=False)
            .search([("is_deposit", "=", True)])
        )
        domain = [
            ("state", "=", "done"),
            ("company_id", "=", self.company_id.id),
            ("location_dest_id.usage", "=", "customer"),
            ("location_id", "in", mobile_unit.ids),
            ("impact_channel_id", "!=", False),
            ("product_id", "not in", deposits.ids),
            *self._datetime_domain("date"),
        ]
        if self.centre_id:
            domain.append(("picking_id.impact_centre_id", "=", self.centre_id.id))
        return domain

    def _get_channel_domain(self, channel_code):
        """The moves of the distribution domain that went out on one channel."""
        return [("impact_channel_id.code", "=", channel_code)]

    def _get_pos_order_domain(self):
        domain = [
            ("state", "in", POS_DONE_STATES),
            ("company_id", "=", self.company_id.id),
            ("session_id.is_conserverie_stall", "=", True),
            *self._datetime_domain("date_order"),
        ]
        if self.centre_id:
            domain += self._get_pos_centre_domain("")
        return domain

    def _get_jars_distributed(self):
        """The jars distributed in the period: rows (channel id, customer id, quantity).

        The customer is the commercial partner of the delivery (``None`` for
        an anonymous sale). Read once for the whole report, and shared by the
        distribution figures and the reach hook (``_get_reach_figures``).
        The moves are summed by delivery first, then the few deliveries are
        joined to their customers: joining every move would cost a lookup
        per move.
        """
        Move = self.env["stock.move"]
        moves = Move._search(self._get_distribution_domain())
        channel = Move._field_to_sql(moves.table, "impact_channel_id", moves)
        picking = Move._field_to_sql(moves.table, "picking_id", moves)
        moves.groupby = SQL("%s, %s", channel, picking)
        by_delivery = moves.select(
            channel, picking, SQL("SUM(%s)", Move._field_to_sql(moves.table, "quantity", moves))
        )
        return self.env.execute_query(
            SQL(
                """
                SELECT delivery.channel_id, %s, SUM(delivery.quantity)
                  FROM (%s) AS delivery(channel_id, picking_id, quantity)
             LEFT JOIN stock_picking picking ON picking.id = delivery.picking_id
             LEFT JOIN res_partner partner ON partner.id = %s
              GROUP BY 1, 2
                """,
                self.env["res.partner"]._field_to_sql("partner", "commercial_partner_id"),
                by_delivery,
                self.env["stock.picking"]._field_to_sql("picking", "partner_id"),
            )
        )

    def _get_distribution_indicators(self, result, jars_distributed):
        by_channel_id = {}
        for channel_id, _customer_id, quantity in jars_distributed:
            by_channel_id[channel_id] = by_channel_id.get(channel_id, 0.0) + quantity
        jars_by_channel = {
            channel: by_channel_id[channel.id]
            for channel in self.env["conserverie.channel"].browse(by_channel_id)
        }
        jars = {}
        for channel, quantity in jars_by_channel.items():
            jars[channel.code] = jars.get(channel.code, 0.0) + quantity
        sold_hours, sales_euros, sales_hours = self._get_day_sale_figures()
        result.update(
            jars_distributed=sum(jars.values()),
            jars_sold=jars.get("day_sale", 0.0),
            jars_given=jars.get("volunteer_share", 0.0),
            jars_purchasing_groups=jars.get("purchasing_group", 0.0),
            jars_by_channel={
                channel.display_name: quantity for channel, quantity in jars_by_channel.items()
            },
            jars_sold_hours=sold_hours,
            jars_sold_euros=max(jars.get("day_sale", 0.0) - sold_hours, 0.0),
            sales_euros=sales_euros,
            sales_hours_value=sales_hours,
        )

    def _get_day_sale_figures(self):
        """(jars paid in hours, sales in euros, euro value paid in hours) at the stalls.

        An order paid partly in hours counts each line in proportion of the hours
        in its payments to what hours can pay: deposits are paid in euros, so they
        are left out of both.
        """
        Order = self.env["pos.order"]
        orders = Order._search(self._get_pos_order_domain())
        query = SQL(
            """
            WITH orders AS %(orders)s,
            goods AS (
                SELECT line.order_id, line.qty, line.price_subtotal_incl,
                       template.is_storable
                  FROM pos_order_line line
                  JOIN orders ON orders.id = line.order_id
                  JOIN product_product product ON product.id = line.product_id
                  JOIN product_template template ON template.id = product.product_tmpl_id
                 WHERE NOT COALESCE(template.is_deposit, FALSE)
            ),
            hours AS (
                SELECT payment.pos_order_id AS order_id, SUM(payment.amount) AS amount
                  FROM pos_payment payment
                  JOIN orders ON orders.id = payment.pos_order_id
                  JOIN pos_payment_method method ON method.id = payment.payment_method_id
                 WHERE method.is_time_currency
              GROUP BY payment.pos_order_id
            ),
            shares AS (
                SELECT goods.order_id,
                       LEAST(GREATEST(MAX(hours.amount)
                                      / NULLIF(SUM(goods.price_subtotal_incl), 0), 0), 1)
                           AS hours_share
                  FROM goods
                  JOIN hours ON hours.order_id = goods.order_id
              GROUP BY goods.order_id
            )
            SELECT COALESCE(SUM(goods.qty * COALESCE(shares.hours_share, 0)), 0),
                   COALESCE(SUM(goods.price_subtotal_incl
                                * (1 - COALESCE(shares.hours_share, 0))), 0),
                   COALESCE(SUM(goods.price_subtotal_incl * COALESCE(shares.hours_share, 0)), 0)
              FROM goods
         LEFT JOIN shares ON shares.order_id = goods.order_id
             WHERE goods.is_storable
            """,
            orders=orders.subselect(),
        )
        self.env.flush_all()
        self.env.cr.execute(query)
        return self.env.cr.fetchone()
