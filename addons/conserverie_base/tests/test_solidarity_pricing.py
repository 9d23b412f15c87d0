from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import ConserverieCase


@tagged("post_install", "-at_install")
class TestSolidarityPricing(ConserverieCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.half_price = cls.env["product.pricelist"].create(
            {
                "name": "Solidaire -50 %",
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "3_global",
                            "compute_price": "percentage",
                            "percent_price": 50,
                        }
                    )
                ],
            }
        )
        cls.bracket = cls.env["conserverie.solidarity.bracket"].create(
            {"name": "QF 0-600", "quotient_max": 600, "pricelist_id": cls.half_price.id}
        )
        cls.member.solidarity_bracket_id = cls.bracket
        cls.pos_config = cls.env["pos.config"].create({"name": "Stand test"})
        cls.pos_config._use_mobile_unit(cls.half_price.ids)

    def test_bracket_sets_the_member_pricelist(self):
        self.assertEqual(self.member.property_product_pricelist, self.half_price)
        self.assertEqual(self.bracket.member_count, 1)
        other = self.env["res.partner"].create(
            {"name": "Autre membre", "is_member": True, "solidarity_bracket_id": self.bracket.id}
        )
        self.assertEqual(other.property_product_pricelist, self.half_price)

    def test_pos_applies_the_solidarity_pricelist_to_the_member(self):
        self.assertEqual(self.pos_config.picking_type_id, self.warehouse.pos_type_id)
        self.assertIn(self.half_price, self.pos_config.available_pricelist_ids)
        self.pos_config.open_ui()
        session = self.pos_config.current_session_id
        data = session.load_data(["pos.config", "product.pricelist"])
        self.assertIn(self.half_price.id, [p["id"] for p in data["product.pricelist"]["data"]])
        partner_fields = self.env["res.partner"]._load_pos_data_fields(self.pos_config.id)
        self.assertIn("property_product_pricelist", partner_fields)
        loaded = self.member.read(partner_fields)[0]
        self.assertEqual(loaded["property_product_pricelist"][0], self.half_price.id)
        self.assertEqual(self.half_price._get_product_price(self.compote, 1.0), 2.0)

    def test_sale_order_for_the_member_gets_half_price(self):
        with Form(self.env["sale.order"]) as form:
            form.partner_id = self.member
            with form.order_line.new() as line:
                line.product_id = self.compote
        order = form.save()
        self.assertEqual(order.pricelist_id, self.half_price)
        self.assertEqual(order.order_line.price_unit, 2.0)

    def test_bracket_is_readable_by_coordinators_only(self):
        member = self.member.with_user(self.staff_user)
        with self.assertRaises(AccessError):
            member.read(["solidarity_bracket_id"])
        self.assertEqual(
            self.member.with_user(self.coordinator_user).solidarity_bracket_id, self.bracket
        )
