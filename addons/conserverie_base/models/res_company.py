from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"
    _check_company_auto = True

    conserverie_warehouse_id = fields.Many2one(
        "stock.warehouse",
        string="Mobile unit",
        check_company=True,
        help="The warehouse of the lorry: intakes, production and stalls use it.",
    )

    def _get_conserverie_warehouse(self):
        """The company's mobile unit, created with its locations by the "Start a
        facility" assistant or on the first use of a facility's feature."""
        self.ensure_one()
        warehouse = self.sudo().conserverie_warehouse_id  # sudo: setup data, any user
        if not warehouse:
            # sudo: the mobile unit is created on first use by whoever needs it
            Warehouse = self.env["stock.warehouse"].sudo()
            warehouse = Warehouse.search(
                [("company_id", "=", self.id), ("is_mobile_unit", "=", True)], limit=1
            )
            if not warehouse:
                warehouse = Warehouse.create(
                    {
                        "name": self.env._("Mobile unit"),
                        "code": "CAM",
                        "company_id": self.id,
                        "is_mobile_unit": True,
                        "partner_id": self.partner_id.id,
                    }
                )
            # sudo: users without settings rights link the company to its mobile unit
            self.sudo().conserverie_warehouse_id = warehouse
        warehouse._create_mobile_unit_locations()
        return warehouse.sudo(False)
