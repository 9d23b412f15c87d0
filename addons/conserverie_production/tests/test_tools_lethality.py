from odoo.tests import BaseCase

from ..tools import lethality as lt


class TestLethality(BaseCase):
    def test_constant_reference_temperature(self):
        """121.1 °C held 3 minutes is F0 = 3.0, whatever the reading step."""
        readings = [(minute / 2, 121.1) for minute in range(7)]
        self.assertAlmostEqual(lt.lethality(readings), 3.0)

    def test_ten_degrees_below_reference(self):
        """111.1 °C is one z below 121.1 °C: 10 minutes count as 1.0."""
        readings = [(minute, 111.1) for minute in range(11)]
        self.assertAlmostEqual(lt.lethality(readings), 1.0)

    def test_linear_ramp_uses_trapezoids(self):
        """Readings 101.1 °C then 121.1 °C one minute apart: the lethal rates
        are 10^-2 = 0.01 and 10^0 = 1, so (0.01 + 1) / 2 * 1 = 0.505.
        Three readings 101.1, 111.1, 121.1 °C one minute apart:
        (0.01 + 0.1) / 2 + (0.1 + 1) / 2 = 0.055 + 0.55 = 0.605."""
        self.assertAlmostEqual(lt.lethality([(0, 101.1), (1, 121.1)]), 0.505)
        readings = [(0, 101.1), (1, 111.1), (2, 121.1)]
        self.assertAlmostEqual(lt.lethality(readings), 0.605)

    def test_pasteurising_value(self):
        """At 70 °C reference and z = 10, 80 °C for 2 minutes counts 20."""
        readings = [(0, 80.0), (1, 80.0), (2, 80.0)]
        self.assertAlmostEqual(lt.lethality(readings, ref_temp=70, z=10), 20.0)

    def test_lethal_rate(self):
        self.assertAlmostEqual(lt.lethal_rate(121.1, 121.1, 10), 1.0)
        self.assertAlmostEqual(lt.lethal_rate(131.1, 121.1, 10), 10.0)

    def test_too_few_readings(self):
        self.assertEqual(lt.lethality([]), 0.0)
        self.assertEqual(lt.lethality([(0, 121.1)]), 0.0)

    def test_readings_out_of_order(self):
        with self.assertRaises(ValueError):
            lt.lethality([(0, 100), (2, 110), (1, 120)])
        with self.assertRaises(ValueError):
            lt.lethality([(0, 100)], z=0)

    def test_hold_interpolates_crossings(self):
        """110 -> 120 -> 110 °C over 2 minutes crosses 115 °C at 0.5 and
        1.5 minutes: held 1.0 minute."""
        readings = [(0, 110), (1, 120), (2, 110)]
        self.assertAlmostEqual(lt.hold_minutes(readings, 115), 1.0)

    def test_hold_takes_the_longest_run(self):
        """120 °C from 0 to 2 min, down to 100 °C at 3 min (crossing 115 °C
        at 2.25), back to 120 °C at 4 min (crossing at 3.75) until 5 min:
        runs of 2.25 and 1.25 minutes."""
        readings = [(0, 120), (2, 120), (3, 100), (4, 120), (5, 120)]
        self.assertAlmostEqual(lt.hold_minutes(readings, 115), 2.25)

    def test_hold_edges(self):
        self.assertEqual(lt.hold_minutes([], 115), 0.0)
        self.assertEqual(lt.hold_minutes([(0, 120)], 115), 0.0)
        self.assertEqual(lt.hold_minutes([(0, 100), (5, 110)], 115), 0.0)
        self.assertAlmostEqual(lt.hold_minutes([(0, 115), (4, 115)], 115), 4.0)

    def test_max_temperature(self):
        self.assertEqual(lt.max_temperature([(0, 20), (1, 121.4), (2, 90)]), 121.4)
        self.assertIsNone(lt.max_temperature([]))

    def test_evaluate_passing_cycle(self):
        readings = [(minute, 121.1) for minute in range(5)]
        result, passed, reasons = lt.evaluate(
            readings, ref_temp=121.1, z=10, target=3.0, min_temp=121, hold_required=4
        )
        self.assertTrue(passed)
        self.assertEqual(reasons, [])
        self.assertAlmostEqual(result.lethality, 4.0)
        self.assertAlmostEqual(result.hold_minutes, 4.0)
        self.assertEqual(result.max_temp, 121.1)

    def test_evaluate_exact_target_passes(self):
        readings = [(0, 121.1), (3, 121.1)]
        self.assertTrue(lt.evaluate(readings, target=3.0)[1])

    def test_evaluate_failing_cycle(self):
        readings = [(minute, 111.1) for minute in range(11)]
        _result, passed, reasons = lt.evaluate(readings, target=3.0, min_temp=115, hold_required=10)
        self.assertFalse(passed)
        self.assertEqual(
            [code for code, _params in reasons],
            ["lethality_below_target", "hold_too_short"],
        )
        self.assertAlmostEqual(reasons[0][1]["value"], 1.0)
        self.assertEqual(reasons[0][1]["target"], 3.0)
        self.assertEqual(reasons[1][1], {"value": 0.0, "required": 10, "min_temp": 115})
        for code, params in reasons:
            self.assertTrue(lt.REASON_CODES[code].format(**params))

    def test_evaluate_without_readings(self):
        result, passed, reasons = lt.evaluate([], target=3.0)
        self.assertFalse(passed)
        self.assertEqual(reasons[0], ("no_readings", {}))
        self.assertIsNone(result.max_temp)

    def test_longest_gap(self):
        """The longest interval between two readings, whatever its place in the log."""
        self.assertEqual(lt.longest_gap([(0, 20.0), (1, 60.0), (9, 121.0), (10, 121.0)]), 8)
        self.assertEqual(lt.longest_gap([(0, 20.0)]), 0.0)
        self.assertEqual(lt.longest_gap([]), 0.0)
        with self.assertRaises(ValueError):
            lt.longest_gap([(2, 20.0), (1, 60.0)])
