import dataclasses
import io

from odoo.tests import BaseCase
from odoo.tools.pdf import PdfReader

from ..tools import label_layout as ll


def make_label(index=0, **values):
    return ll.LabelData(
        **{
            "product_name": "Sauce tomate basilic",
            "ingredients": [
                ("Tomates* 85 %, oignons*, huile d'olive*, ", False),
                ("céleri", True),
                ("*, sel, basilic*. *Issus de l'agriculture biologique.", False),
            ],
            "net_quantity": "370 ml",
            "best_before": "12/06/2028",
            "storage": "À conserver à l'abri de la chaleur.",
            "lot_name": f"L26-{index:04d}",
            "operator_name": "Conserverie mobile",
            "operator_address": "12 rue des Jardins\n26100 Romans-sur-Isère",
            "organic": True,
            "organic_text": "FR-BIO-01 Agriculture France",
            "deposit_text": "Bocal consigné 0,50 €",
            "ean13": "376000000001",
            **values,
        }
    )


def read_pdf(data):
    return PdfReader(io.BytesIO(data))


def text_runs(page):
    """``[(text, font name, size), ...]`` drawn on ``page``."""
    runs = []

    def visit(text, _cm, _tm, font, size):
        if text.strip():
            runs.append((text.strip(), font and font.get("/BaseFont"), size))

    page.extract_text(visitor_text=visit)
    return runs


class TestLabelLayout(BaseCase):
    def test_a4_sheet_pages(self):
        """24 stickers a sheet: 25 labels take 2 pages, printed one by one
        or as copies of one label."""
        labels = [make_label(index) for index in range(25)]
        self.assertEqual(len(read_pdf(ll.render_labels(labels)).pages), 2)
        data = ll.render_labels([make_label(copies=25)], "a4_sheet")
        self.assertEqual(len(read_pdf(data).pages), 2)
        data = ll.render_labels([make_label(copies=24)], "a4_sheet")
        self.assertEqual(len(read_pdf(data).pages), 1)

    def test_a4_sheet_skips_used_stickers(self):
        data = ll.render_labels([make_label(copies=5)], skip=20)
        self.assertEqual(len(read_pdf(data).pages), 2)

    def test_roll_pages(self):
        labels = [make_label(index) for index in range(3)]
        data = ll.render_labels(labels, layout="roll_60x40")
        self.assertEqual(len(read_pdf(data).pages), 3)
        data = ll.render_labels([make_label(copies=3)], layout="roll_60x40")
        self.assertEqual(len(read_pdf(data).pages), 3)
        data = ll.render_labels([make_label(copies=0), make_label()], "roll_60x40")
        self.assertEqual(len(read_pdf(data).pages), 1)

    def test_mentions_in_pdf(self):
        for copies in (1, 2):
            data = ll.render_labels([make_label(7, copies=copies)])
            text = read_pdf(data).pages[0].extract_text()
            for mention in (
                "L26-0007",
                "12/06/2028",
                "céleri",
                "Sauce tomate basilic",
                "370 ml",
                "Romans-sur-Isère",
                "FR-BIO-01",
                "0,50 €",
                "préférence avant",
                "760000",
            ):
                self.assertIn(mention, text)

    def test_allergens_bold_and_minimum_size(self):
        """Allergens in bold; nothing smaller than a 1.2 mm x-height."""
        long_ingredients = [("Tomates, " * 12, False), ("moutarde", True)]
        labels = [make_label(), make_label(ingredients=long_ingredients)]
        reader = read_pdf(ll.render_labels(labels, "roll_60x40"))
        for page, allergen in zip(reader.pages, ("céleri", "moutarde"), strict=True):
            runs = text_runs(page)
            self.assertIn((allergen, "/Helvetica-Bold"), [r[:2] for r in runs])
            self.assertIn("/Helvetica", [font for _text, font, _size in runs])
            self.assertGreaterEqual(min(size for *_rest, size in runs), 6.5)
        layout = ll.LAYOUTS["a4_sheet"]
        self.assertAlmostEqual(layout.min_font_size, 6.5, places=1)

    def test_organic_and_deposit_mentions_optional(self):
        label = make_label(organic=False, deposit_text="", ean13="")
        text = read_pdf(ll.render_labels([label])).pages[0].extract_text()
        self.assertNotIn("FR-BIO-01", text)
        self.assertNotIn("consigné", text)
        self.assertNotIn("760000", text)
        with self.assertRaises(ValueError):
            ll.render_labels([make_label(organic_text="")])

    def test_captions(self):
        captions = {"lot": "Batch:", "best_before": "Best before:"}
        data = ll.render_labels([make_label()], captions=captions)
        text = read_pdf(data).pages[0].extract_text()
        self.assertIn("Batch: L26-0000", text)
        self.assertIn("Best before:", text)
        self.assertIn("Ingrédients", text)

    def test_text_too_long(self):
        label = make_label(ingredients=[("mot " * 300, False)])
        with self.assertRaises(ll.LabelOverflowError) as caught:
            ll.render_labels([label])
        self.assertEqual(caught.exception.what, "text")
        self.assertIs(caught.exception.label, label)

    def test_long_words_and_lots(self):
        """A word wider than the label is cut; a long lot gets its own row
        above the EAN-13; a lot wider than the label cannot be printed."""
        word = "Supercalifragilisticexpialidocious" * 3
        labels = [
            make_label(ingredients=[(word, False)], deposit_text=""),
            make_label(lot_name="CONSERV-2026-06-12-A"),
        ]
        reader = read_pdf(ll.render_labels(labels, "roll_60x40"))
        self.assertIn("CONSERV-2026-06-12-A", reader.pages[1].extract_text())
        with self.assertRaises(ll.LabelOverflowError) as caught:
            ll.render_labels([make_label(lot_name="L" * 40)], "roll_60x40")
        self.assertEqual(caught.exception.what, "lot barcode")

    def test_ean13(self):
        self.assertEqual(ll.ean13_check_digit("400638133393"), "1")
        self.assertEqual(ll.normalize_ean13("400638133393"), "4006381333931")
        self.assertEqual(ll.normalize_ean13("4006381333931"), "4006381333931")
        for invalid in ("4006381333932", "40063813339", "40063813339a", "1" * 14):
            with self.assertRaises(ValueError):
                ll.normalize_ean13(invalid)
            with self.assertRaises(ValueError):
                ll.render_labels([make_label(ean13=invalid)])

    def test_net_quantity_text(self):
        self.assertEqual(ll.net_quantity_text(350.0, 370), "350 g", "the weight comes first")
        self.assertEqual(ll.net_quantity_text(0.0, 370), "370 ml")
        self.assertEqual(ll.net_quantity_text(0.0, 0), "")

    def test_address_text(self):
        self.assertEqual(
            ll.address_text("12 rue des Jardins", "26100", "Romans"),
            "12 rue des Jardins\n26100 Romans",
        )
        self.assertEqual(ll.address_text(False, False, "Romans"), "Romans")
        self.assertEqual(ll.address_text("12 rue des Jardins", False, False), "12 rue des Jardins")

    def test_bar_runs(self):
        modules, runs = ll.bar_runs("ean13", "4006381333931")
        self.assertEqual(modules, 95)
        self.assertEqual(runs[:2], ((0, 1), (2, 1)))  # start guard 101
        self.assertEqual(runs[-2:], ((92, 1), (94, 1)))  # end guard 101
        modules, runs = ll.bar_runs("code128", "L26-0001")
        self.assertEqual(modules % 11, 2)  # 11 per symbol, stop bar 13
        self.assertEqual(runs[-1], (modules - 2, 2))
        with self.assertRaises(ValueError):
            ll.bar_runs("code128", "Lot-é€")
        with self.assertRaises(ValueError):
            ll.render_labels([make_label(lot_name="")])

    def test_custom_grid(self):
        """6 labels, 6 stickers in all (0, 1 or 2 copies), on a 2 x 2 grid."""
        labels = [make_label(index, copies=index % 3) for index in range(6)]
        layout = dataclasses.replace(ll.LAYOUTS["a4_sheet"], columns=2, rows=2)
        self.assertEqual(len(read_pdf(ll.render_labels(labels, layout)).pages), 2)

    def test_label_count_limit(self):
        self.assertEqual(ll.MAX_LABELS_PER_PRINT, 2000)
        ll.check_label_count(ll.MAX_LABELS_PER_PRINT)
        with self.assertRaises(ll.LabelCountError) as caught:
            ll.check_label_count(ll.MAX_LABELS_PER_PRINT + 1)
        self.assertEqual(caught.exception.count, ll.MAX_LABELS_PER_PRINT + 1)
        self.assertEqual(caught.exception.maximum, ll.MAX_LABELS_PER_PRINT)
        self.assertTrue(issubclass(ll.LabelCountError, ValueError))

    def test_render_refuses_too_many_labels(self):
        labels = [make_label(0, copies=3), make_label(1, copies=2)]
        self.assertEqual(len(read_pdf(ll.render_labels(labels, max_labels=5)).pages), 1)
        with self.assertRaises(ll.LabelCountError) as caught:
            ll.render_labels(labels, max_labels=4)
        self.assertEqual(caught.exception.count, 5)
        with self.assertRaises(ll.LabelCountError):
            ll.render_labels([make_label(copies=ll.MAX_LABELS_PER_PRINT + 1)])
