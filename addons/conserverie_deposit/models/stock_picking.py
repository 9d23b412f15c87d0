from odoo import Command, api, fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    deposit_sale_order_id = fields.Many2one(
        "sale.order", string="Empty jars returned on", readonly=True, index="btree_not_null"
    )

    @api.model
    def _create_empties_receipt(self, company, jars, partner, origin, **values):
        """Receive ``jars`` ({jar product: count}) into the empty jars location, done."""
        warehouse = company._get_conserverie_warehouse()
        location = self.env.ref("stock.stock_location_customers")
        destination = warehouse.empty_jars_location_id
        picking = self.with_company(company).create(
            {
                "picking_type_id": warehouse.in_type_id.id,
                "partner_id": partner.id or False,
                "location_id": location.id,
                "location_dest_id": destination.id,
                "origin": origin,
                "company_id": company.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": jar.display_name,
                            "product_id": jar.id,
                            "product_uom": jar.uom_id.id,
                            "product_uom_qty": count,
                            "location_id": location.id,
                            "location_dest_id": destination.id,
                            "company_id": company.id,
                        }
                    )
                    for jar, count in jars.items()
                    if count > 0
                ],
                **values,
            }
        )
        picking.action_confirm()
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
            move.picked = True
        picking._action_done()
        return picking
