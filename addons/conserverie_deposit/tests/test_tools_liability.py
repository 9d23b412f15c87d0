from odoo.tests import BaseCase

from ..tools import compare_by_source


class TestCompareBySource(BaseCase):
    def test_equal_sources_give_nothing(self):
        self.assertEqual(compare_by_source({"a": 1.5, "b": -0.5}, {"a": 1.5, "b": -0.5}, 2), [])

    def test_each_side_alone_and_different_amounts(self):
        self.assertEqual(
            compare_by_source({"a": 3.0, "b": 1.0}, {"a": 2.5, "c": 0.8}, 2),
            [("a", 3.0, 2.5, 0.5), ("b", 1.0, 0.0, 1.0), ("c", 0.0, 0.8, -0.8)],
        )

    def test_rounding_hides_float_noise(self):
        self.assertEqual(compare_by_source({"a": 0.1 + 0.2}, {"a": 0.3}, 2), [])
        self.assertEqual(compare_by_source({"a": 0.105}, {"a": 0.1}, 3), [("a", 0.105, 0.1, 0.005)])
