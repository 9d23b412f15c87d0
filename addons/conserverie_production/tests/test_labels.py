import io

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import format_date
from odoo.tools.pdf import PdfFileReader

from ..tools.label_layout import MAX_LABELS_PER_PRINT
from .common import ProductionCase


@tagged("post_install", "-at_install")
class TestJarLabels(ProductionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.production, cls.lot = cls._produce_with_passed_cycle(cls.sauce_bom, 10)

    def _read(self, pdf):
        reader = PdfFileReader(io.BytesIO(pdf))
        text = "\n".join(page.extract_text() for page in reader.pages)
        return len(reader.pages), text

    def test_a4_sheet_labels(self):
        pages, text = self._read(self.lot._render_jar_labels(30))
        self.assertEqual(pages, 2, "24 stickers per A4 sheet")
        self.assertIn(self.lot.name, text)
        self.assertIn(format_date(self.env, self.lot.use_date), text)
        self.assertIn("céleri", text)
        self.assertIn("pommes", text)
        # a long name wraps on the sticker: compare without the line breaks
        self.assertIn("".join(self.env.company.name.split()), "".join(text.split()))

    def test_roll_labels_one_per_page(self):
        pages, _text = self._read(self.lot._render_jar_labels(3, layout="roll_60x40"))
        self.assertEqual(pages, 3)

    def test_allergen_in_bold(self):
        data = self.lot._get_label_data()
        self.assertIn(("céleri", True), list(data.ingredients))
        self.assertIn(("pommes", False), list(data.ingredients))

    def test_ean13_when_product_has_one(self):
        self.assertFalse(self.lot._get_label_data().ean13)
        self.sauce.barcode = "3760123456784"
        self.assertEqual(self.lot._get_label_data().ean13, "3760123456784")
        self.sauce.barcode = "SAUCE-01"
        self.assertFalse(self.lot._get_label_data().ean13, "not an EAN-13: no EAN barcode")
        self.sauce.barcode = "3760123456784"
        _pages, text = self._read(self.lot._render_jar_labels(1))
        self.assertIn("376012", text)

    def test_organic_only_when_the_company_is_certified(self):
        company = self.env.company
        self.assertFalse(self.lot._get_label_data().organic)
        company.write(
            {
                "conserverie_organic_certifier": "Ecocert",
                "conserverie_organic_certificate_number": "FR-BIO-01-CONS",
                "conserverie_organic_valid_until": "2020-01-01",
            }
        )
        self.assertFalse(self.lot._get_label_data().organic, "expired certificate")
        company.conserverie_organic_valid_until = self.today.replace(year=self.today.year + 1)
        data = self.lot._get_label_data()
        self.assertTrue(data.organic)
        self.assertIn("FR-BIO-01-CONS", data.organic_text)
        _pages, text = self._read(self.lot._render_jar_labels(1))
        self.assertIn("FR-BIO-01-CONS", text)

    def test_no_deposit_mention_from_production(self):
        self.assertEqual(self.lot._prepare_label_values()["deposit_text"], "")
        self.assertEqual(self.lot._get_label_data().deposit_text, "")

    def test_wizard_after_production(self):
        action = self.production.action_print_jar_labels()
        self.assertEqual(action["context"]["default_copies"], 10)
        wizard = self.env[action["res_model"]].with_context(**action["context"]).create({})
        result = wizard.action_print()
        attachment = self.env["ir.attachment"].browse(
            int(result["url"].split("/")[3].split("?")[0])
        )
        pages, text = self._read(attachment.raw)
        self.assertEqual(pages, 1)
        self.assertEqual(text.count(self.lot.name), 10)

    def test_overflow_is_a_user_error(self):
        self.sauce_bom.storage_text = "Très long texte de conservation. " * 40
        with self.assertRaisesRegex(UserError, "too small"):
            self.lot._render_jar_labels(1, layout="roll_60x40")

    def test_no_labels_refused(self):
        with self.assertRaises(UserError):
            self.lot._render_jar_labels(0)

    def test_too_many_labels_refused(self):
        attachments = self.env["ir.attachment"].search_count([("res_model", "=", "stock.lot")])
        wizard = (
            self.env["conserverie.label.print"]
            .with_user(self.staff_user)
            .create({"lot_id": self.lot.id, "copies": MAX_LABELS_PER_PRINT + 1})
        )
        with self.assertRaisesRegex(UserError, "at most 2000 can be printed at once"):
            wizard.action_print()
        self.assertEqual(
            self.env["ir.attachment"].search_count([("res_model", "=", "stock.lot")]),
            attachments,
            "no label file is written",
        )
        lots = self.lot | self._produce_with_passed_cycle(self.sauce_bom, 2)[1]
        with self.assertRaisesRegex(UserError, "2002 labels asked for"):
            lots._render_jar_labels(1001)
        self.assertTrue(self.lot._render_jar_labels(MAX_LABELS_PER_PRINT).startswith(b"%PDF"))

    def test_named_ingredients_carry_their_percentage(self):
        """EU 1169/2011 art. 22: "Compote pomme-poire" says how much apple and pear."""
        pears = self.env["product.product"].create(
            {
                "name": "Poires (test)",
                "label_ingredient_name": "poires",
                "is_storable": True,
                "uom_id": self.apples.uom_id.id,
                "uom_po_id": self.apples.uom_id.id,
            }
        )
        self.env["stock.quant"]._update_available_quantity(pears, self.warehouse.lot_stock_id, 10)
        self.compote.name = "Compote pomme-poire"
        self.compote_bom.bom_line_ids = [
            Command.create({"product_id": pears.id, "product_qty": 0.1})
        ]
        self.assertEqual(self.compote_bom.ingredients_text, "pommes (73 %), poires (18 %), sucre")
        self.assertEqual(
            self.compote.product_tmpl_id.label_ingredients_preview,
            "pommes (73 %), poires (18 %), sucre",
        )
        self.assertEqual(self.sauce_bom.ingredients_text, "pommes, sucre, céleri")
        _production, lot = self._produce_with_passed_cycle(self.compote_bom, 2)
        ingredients = lot._get_label_data().ingredients
        self.assertEqual(
            "".join(text for text, _bold in ingredients), "pommes (73 %), poires (18 %), sucre"
        )
        _pages, text = self._read(lot._render_jar_labels(1))
        self.assertIn("(73 %)", text)
