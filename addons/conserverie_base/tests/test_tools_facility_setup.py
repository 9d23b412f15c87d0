from odoo.tests import BaseCase

from ..tools.facility_setup import insert_steps, is_valid_siret, normalize_siret


class TestToolsFacilitySetup(BaseCase):
    def test_siret(self):
        self.assertEqual(normalize_siret("732 829 320.000-74"), "73282932000074")
        self.assertTrue(is_valid_siret("732 829 320 00074"))
        self.assertFalse(is_valid_siret("73282932000075"), "checksum")
        self.assertFalse(is_valid_siret("7328293200007"), "13 digits")
        self.assertFalse(is_valid_siret("7328293200007A"), "a letter")
        self.assertFalse(is_valid_siret(""))
        self.assertTrue(is_valid_siret("35600000049837"), "La Poste: digits sum modulo 5")
        self.assertFalse(is_valid_siret("35600000049838"))

    def test_insert_steps(self):
        steps = [("company", "Company"), ("warehouse", "Mobile unit")]
        self.assertEqual(
            insert_steps(steps, "company", [("x", "X")]),
            [("company", "Company"), ("x", "X"), ("warehouse", "Mobile unit")],
        )
        self.assertEqual(insert_steps(steps, "missing", [("x", "X")])[-1], ("x", "X"))
