from odoo import fields, models
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

# field name -> (location name, under the warehouse's stock location)
MOBILE_UNIT_LOCATIONS = {
    "raw_produce_location_id": (_lt("Raw produce"), True),
    "clean_jars_location_id": (_lt("Clean jars"), True),
    "released_location_id": (_lt("Released"), True),
    "grower_produce_location_id": (_lt("Growers' produce"), False),
    "quarantine_location_id": (_lt("Quarantine"), False),
    "empty_jars_location_id": (_lt("Empty jars to wash"), False),
}


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    is_mobile_unit = fields.Boolean(
        string="Mobile preserving unit", help="The lorry that carries the autoclave."
    )
    raw_produce_location_id = fields.Many2one(
        "stock.location", string="Raw produce", check_company=True
    )
    grower_produce_location_id = fields.Many2one(
        "stock.location",
        string="Growers' produce",
        check_company=True,
        help="Produce still owned by growers (toll processing): outside the stock, "
        "so that no ordinary delivery reserves it.",
    )
    quarantine_location_id = fields.Many2one(
        "stock.location",
        string="Quarantine",
        check_company=True,
        help="Finished lots waiting for release: outside the stock, never reserved.",
    )
    released_location_id = fields.Many2one(
        "stock.location", string="Released jars", check_company=True
    )
    empty_jars_location_id = fields.Many2one(
        "stock.location", string="Empty jars to wash", check_company=True
    )
    clean_jars_location_id = fields.Many2one(
        "stock.location", string="Clean jars", check_company=True
    )

    def _create_mobile_unit_locations(self):
        """Create the locations the mobile unit needs, where missing."""
        Location = self.env["stock.location"]
        for warehouse in self:
            values = {}
            for field_name, (name, in_stock) in MOBILE_UNIT_LOCATIONS.items():
                if warehouse[field_name]:
                    continue
                parent = warehouse.lot_stock_id if in_stock else warehouse.view_location_id
                values[field_name] = Location.create(
                    {
                        "name": str(name),
                        "location_id": parent.id,
                        "usage": "internal",
                        "company_id": warehouse.company_id.id,
                    }
                ).id
            if values:
                warehouse.write(values)
