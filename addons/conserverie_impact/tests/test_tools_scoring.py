from odoo.tests import BaseCase

from ..tools import scoring


class TestScoring(BaseCase):
    def test_scale_to_target(self):
        self.assertEqual(scoring.scale_to_target(50, 200), 25.0)
        self.assertEqual(scoring.scale_to_target(200, 200), 100.0)
        self.assertEqual(scoring.scale_to_target(500, 200), 100.0, "capped at 100")
        self.assertEqual(scoring.scale_to_target(-3, 200), 0.0)
        self.assertEqual(scoring.scale_to_target(10, 0), 0.0, "no target, no score")
        self.assertEqual(scoring.scale_to_target(None, 10), 0.0)

    def test_weighted_mean(self):
        self.assertEqual(scoring.weighted_mean([(100, 1), (40, 3)]), 55.0)
        self.assertEqual(scoring.weighted_mean([(100, 0), (40, 1)]), 40.0)
        self.assertIsNone(scoring.weighted_mean([]))
        self.assertIsNone(scoring.weighted_mean([(80, 0)]))

    def test_answers(self):
        self.assertEqual(scoring.answer_mean_to_score(1), 0.0)
        self.assertEqual(scoring.answer_mean_to_score(3), 50.0)
        self.assertEqual(scoring.answer_mean_to_score(5), 100.0)
        self.assertEqual(scoring.answer_mean_to_score(4), 75.0)
        self.assertEqual(scoring.answer_mean_to_score(7), 100.0)
        self.assertIsNone(scoring.answer_mean_to_score(None))

    def test_petal_score(self):
        self.assertEqual(scoring.petal_score(50, 75, 40), 60.0)
        self.assertEqual(scoring.petal_score(50, 75, 0), 50.0)
        self.assertEqual(scoring.petal_score(50, 75, 100), 75.0)
        self.assertEqual(scoring.petal_score(None, 75, 40), 75.0)
        self.assertEqual(scoring.petal_score(50, None, 40), 50.0)
        self.assertEqual(scoring.petal_score(None, None, 40), 0.0)
