from datetime import date

from odoo.tests import BaseCase

from ..tools.reach import households_by_bracket, people_reached, solidarity_share
from ..tools.surplus import is_unanswered, kilograms_lost, recovery_rate


class TestSurplusTools(BaseCase):
    def test_kilograms_lost(self):
        self.assertEqual(kilograms_lost("lost", 80.0, 0.0), 80.0)
        self.assertEqual(kilograms_lost("recovered", 100.0, 70.0), 30.0)
        self.assertEqual(kilograms_lost("recovered", 100.0, 120.0), 0.0)
        self.assertEqual(kilograms_lost("new", 100.0, 0.0), 0.0)
        self.assertEqual(kilograms_lost("planned", 100.0, 0.0), 0.0)
        self.assertEqual(kilograms_lost("cancelled", 100.0, 0.0), 0.0)
        with self.assertRaises(ValueError):
            kilograms_lost("lost", -1.0, 0.0)

    def test_recovery_rate(self):
        self.assertEqual(recovery_rate(100.0, 70.0), 0.7)
        self.assertEqual(recovery_rate(0.0, 5.0), 0.0)

    def test_is_unanswered(self):
        today = date(2026, 6, 10)
        self.assertTrue(is_unanswered("new", date(2026, 6, 9), today))
        self.assertFalse(is_unanswered("new", date(2026, 6, 10), today))
        self.assertFalse(is_unanswered("planned", date(2026, 6, 1), today))


class TestReachTools(BaseCase):
    def test_households_counted_once(self):
        counts = households_by_bracket(
            [
                (("household", 1), "A"),
                (("household", 1), "A"),
                (("partner", 7), None),
                (("household", 2), "B"),
            ]
        )
        self.assertEqual(counts, {"A": 1, None: 1, "B": 1})

    def test_solidarity_share(self):
        self.assertEqual(solidarity_share({"A": 6.0, "C": 3.0, None: 1.0}, {"A"}), 0.6)
        self.assertEqual(solidarity_share({}, {"A"}), 0.0)

    def test_people_reached(self):
        self.assertEqual(people_reached(4, 2), 6)
        with self.assertRaises(ValueError):
            people_reached(-1, 2)
