import io

from odoo.tests import tagged
from odoo.tools.pdf import PdfFileReader

from odoo.addons.conserverie_production.tests.common import ProductionCase


@tagged("post_install", "-at_install")
class TestDepositOnLabels(ProductionCase):
    """The label of a jar with a deposit says so; a jar without one says nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.deposit_370 = cls.env["product.product"].create(
            {"name": "Consigne 370 (test)", "is_deposit": True, "list_price": 0.5}
        )
        cls.jar_370.deposit_product_id = cls.deposit_370
        cls.jar_no_deposit = cls.env["product.product"].create(
            {"name": "Bocal 250 ml (test)", "is_jar": True, "jar_volume_ml": 250}
        )
        cls.sauce.jar_product_id = cls.jar_370
        cls.compote.jar_product_id = cls.jar_no_deposit
        _production, cls.sauce_lot = cls._produce_with_passed_cycle(cls.sauce_bom, 4)
        _production, cls.compote_lot = cls._produce_with_passed_cycle(cls.compote_bom, 4)

    def test_product_deposit_text(self):
        self.assertEqual(self.sauce.deposit_product_id, self.deposit_370)
        self.assertIn("0.50", self.sauce._get_label_deposit_text())
        self.assertEqual(self.compote._get_label_deposit_text(), "")

    def test_label_of_a_jar_with_a_deposit_shows_it(self):
        data = self.sauce_lot._get_label_data()
        self.assertIn("Returnable jar", data.deposit_text)
        self.assertIn("0.50", data.deposit_text)
        reader = PdfFileReader(io.BytesIO(self.sauce_lot._render_jar_labels(1)))
        text = "\n".join(page.extract_text() for page in reader.pages)
        self.assertIn("0.50", text)

    def test_label_of_a_jar_without_deposit_shows_none(self):
        self.assertEqual(self.compote_lot._get_label_data().deposit_text, "")

    def test_deposit_text_in_french(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        data = self.sauce_lot.with_context(lang="fr_FR")._get_label_data()
        self.assertIn("Bocal consigné", data.deposit_text)
