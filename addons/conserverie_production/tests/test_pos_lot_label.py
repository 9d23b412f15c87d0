from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import code_translations

PATCH = "conserverie_production/static/src/app/models/pos_order_line.esm.js"


@tagged("post_install", "-at_install")
class TestPosLotLabel(TransactionCase):
    """The till labels a line's lot in the cashier's language (Odoo writes it in English)."""

    def test_till_loads_the_translated_lot_label(self):
        paths = [
            asset[0]
            for asset in self.env["ir.asset"]._get_asset_paths("point_of_sale._assets_pos", {})
        ]
        self.assertTrue(any(path.endswith(PATCH) for path in paths), "the till loads the patch")
        messages = {
            message["id"]: message["string"]
            for message in code_translations.get_web_translations(
                "conserverie_production", "fr_FR"
            )["messages"]
        }
        self.assertEqual(messages.get("Lot Number"), "Numéro de lot")
        self.assertEqual(messages.get("SN"), "N° de série")
