from odoo import fields, models


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    toll_jars_location_id = fields.Many2one(
        "stock.location",
        string="Growers' jars",
        check_company=True,
        help="Jars made for growers (toll processing) and still owned by them, "
        "released and waiting to be returned: outside the stock.",
    )

    def _create_mobile_unit_locations(self):
        res = super()._create_mobile_unit_locations()
        for warehouse in self.filtered(lambda w: not w.toll_jars_location_id):
            # sudo: locations are setup data, created on first use by any user
            warehouse.sudo().toll_jars_location_id = (
                self.env["stock.location"]
                .sudo()
                .create(
                    {
                        "name": self.env._("Growers' jars"),
                        "location_id": warehouse.view_location_id.id,
                        "usage": "internal",
                        "company_id": warehouse.company_id.id,
                    }
                )
            )
        return res
