from odoo.tests import BaseCase

from ..tools.quid import format_percentage, is_named_in, quid_percentages


class TestQuid(BaseCase):
    def test_named_ingredients_in_singular_or_plural(self):
        self.assertTrue(is_named_in("pommes", "Compote pomme-poire"))
        self.assertTrue(is_named_in("poires", "Compote pomme-poire"))
        self.assertTrue(is_named_in("Tomates", "Sauce tomate basilic"))
        self.assertTrue(is_named_in("céleri", "Velouté de celeri"))
        self.assertFalse(is_named_in("sucre", "Compote pomme-poire"))
        self.assertFalse(is_named_in("eau", "Sauce de la ferme"), "short words never match")

    def test_percentages_of_the_named_ingredients(self):
        """0.4 kg of apples, 0.1 of pears and 0.05 of sugar: 0.55 kg in all."""
        ingredients = [("pommes", 0.4), ("poires", 0.1), ("sucre", 0.05)]
        self.assertEqual(
            quid_percentages("Compote pomme-poire", ingredients),
            {"pommes": 73.0, "poires": 18.0},
        )

    def test_an_ingredient_in_several_lines_is_added_up(self):
        ingredients = [("pommes", 0.3), ("sucre", 0.5), ("pommes", 0.2)]
        self.assertEqual(
            quid_percentages("Pommes au sucre", ingredients), {"pommes": 50.0, "sucre": 50.0}
        )

    def test_small_percentages_keep_one_decimal(self):
        ingredients = [("tomates", 0.995), ("basilic", 0.005)]
        self.assertEqual(
            quid_percentages("Sauce tomate basilic", ingredients),
            {"tomates": 100.0, "basilic": 0.5},
        )
        self.assertEqual(format_percentage(0.5), "0.5")
        self.assertEqual(format_percentage(73.0), "73")

    def test_nothing_weighed_or_a_negative_weight(self):
        self.assertEqual(quid_percentages("Compote pomme", []), {})
        self.assertEqual(quid_percentages("Compote pomme", [("pommes", 0.0)]), {})
        with self.assertRaises(ValueError):
            quid_percentages("Compote pomme", [("pommes", -1.0)])
