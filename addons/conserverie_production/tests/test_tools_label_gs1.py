from odoo.tests import BaseCase

from ..tools import label_layout as ll
from .test_tools_label_layout import make_label, read_pdf


class TestLabelGs1(BaseCase):
    """The lot barcode of a jar label: a GS1-128 of the GTIN and the lot the till scans."""

    def test_element_string(self):
        self.assertEqual(
            ll.gs1_lot_element_string("3760123456784", "L26-0001"),
            "010376012345678410L26-0001",
        )
        # a 12-digit EAN is completed with its check digit
        self.assertEqual(ll.gs1_lot_element_string("376012345678", "7"), "0103760123456784107")

    def test_what_gs1_cannot_carry(self):
        for ean13, lot in (
            ("3760123456785", "L26-0001"),  # wrong check digit
            ("", "L26-0001"),
            ("3760123456784", ""),
            ("3760123456784", "L" * 21),  # AI (10) holds 20 characters at most
            ("3760123456784", "LOT 1"),  # no space in GS1's character set
            ("3760123456784", "Lot-é"),
        ):
            with self.subTest(ean13=ean13, lot=lot), self.assertRaises(ValueError):
                ll.gs1_lot_element_string(ean13, lot)

    def test_gs1_128_starts_with_fnc1(self):
        """Start code, then FNC1: what makes a Code 128 a GS1-128."""
        gs1 = ll.gs1_lot_element_string("3760123456784", "L26-0001")
        gs1_modules, gs1_runs = ll.bar_runs("gs1_128", gs1)
        plain_modules, plain_runs = ll.bar_runs("code128", gs1)
        self.assertEqual(gs1_modules, plain_modules + 11, "one symbol more: FNC1")
        self.assertEqual(gs1_modules % 11, 2)
        self.assertNotEqual(gs1_runs, plain_runs)

    def test_label_draws_the_gs1_barcode(self):
        """The GS1-128 replaces the lot's Code 128 and the EAN-13 bars, whose digits stay
        printed, on every layout, with the full mentions of a jar."""
        gs1 = ll.gs1_lot_element_string("3760000000017", "L26-0001")
        for layout_name in ("a4_sheet", "roll_60x40"):
            with self.subTest(layout=layout_name):
                layout = ll.LAYOUTS[layout_name]
                label = make_label(1, ean13="3760000000017", gs1_lot=gs1)
                prepared = ll._prepare(
                    label, layout, ll._Typesetter(layout.fonts), ll.DEFAULT_CAPTIONS
                )
                self.assertEqual(
                    [(bars.symbology, bars.code) for bars in prepared.barcodes],
                    [("gs1_128", gs1)],
                )
                texts = [run[2] for _x, _y, runs in prepared.lines for run in runs]
                self.assertIn("3760000000017", texts, "the EAN digits in one piece")
                text = read_pdf(ll.render_labels([label], layout)).pages[0].extract_text()
                self.assertIn("L26-0001", text, "the lot stays readable under its barcode")
                self.assertIn("3760000000017", text)
        plain = make_label(1, ean13="3760000000017")
        layout = ll.LAYOUTS["a4_sheet"]
        prepared = ll._prepare(plain, layout, ll._Typesetter(layout.fonts), ll.DEFAULT_CAPTIONS)
        self.assertEqual(sorted(bars.symbology for bars in prepared.barcodes), ["code128", "ean13"])
