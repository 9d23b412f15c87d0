from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import CSV_F0_1, CSV_F0_3, ProductionCase


@tagged("post_install", "-at_install")
class TestSterilisationCycle(ProductionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.production = cls._create_production(cls.sauce_bom)

    def test_f0_hold_at_reference(self):
        """121.1 °C held 3 minutes gives F0 = 3.0: the botulinum cook passes."""
        cycle = self._create_cycle(self.production)
        cycle.import_readings(CSV_F0_3)
        self.assertEqual(len(cycle.reading_ids), 4)
        self.assertAlmostEqual(cycle.lethality, 3.0, places=3)
        self.assertAlmostEqual(cycle.lethality_ref_temp, 121.1)
        self.assertEqual(cycle.state, "passed")
        self.assertTrue(cycle.report_attachment_id)
        self.assertEqual(cycle.report_attachment_id.mimetype, "application/pdf")

    def test_f0_ten_degrees_below(self):
        """111.1 °C for 10 minutes is worth 1.0 minute at 121.1 °C: below target."""
        cycle = self._create_cycle(self.production)
        cycle.import_readings(CSV_F0_1)
        self.assertAlmostEqual(cycle.lethality, 1.0, places=3)
        self.assertEqual(cycle.state, "failed")
        self.assertIn("3.00", cycle.result_message)

    def test_f0_ramp(self):
        """A ramp 101.1 -> 121.1 -> 101.1 °C (one reading a minute), by hand:
        rates 0.01, 0.1, 1, 0.1, 0.01; trapezoids (0.055 + 0.55) x 2 = 1.21."""
        csv = "seconds,temp\n0,101.1\n60,111.1\n120,121.1\n180,111.1\n240,101.1\n"
        cycle = self._create_cycle(self.production)
        cycle.import_readings(csv)
        self.assertAlmostEqual(cycle.lethality, 1.21, places=3)
        self.assertAlmostEqual(cycle.max_temperature, 121.1)
        self.assertEqual(cycle.state, "failed")

    def test_pasteurisation_reference(self):
        """A pasteurised recipe integrates at 70 °C: 80 °C for 6 min is 60 min."""
        production = self._create_production(self.compote_bom)
        cycle = self._create_cycle(production)
        cycle.import_readings("minutes;temp\n" + "".join(f"{m};90\n" for m in range(7)))
        self.assertAlmostEqual(cycle.lethality_ref_temp, 70.0)
        self.assertAlmostEqual(cycle.lethality, 600.0, places=3)
        self.assertAlmostEqual(cycle.hold_minutes, 6.0)
        self.assertEqual(cycle.state, "passed")

    def test_fails_against_every_recipe_of_the_load(self):
        """The load passes only if every recipe does: a longer hold fails it."""
        strict_bom = self.sauce_bom.copy({"min_core_temp": 120.0, "min_hold_minutes": 10.0})
        strict = self._create_production(strict_bom)
        cycle = self._create_cycle(self.production | strict)
        cycle.import_readings(CSV_F0_3)
        self.assertEqual(cycle.state, "failed")
        self.assertIn(strict_bom.display_name, cycle.result_message)
        self.assertIn("10.0", cycle.result_message)

    def test_mixed_processes_refused(self):
        compote = self._create_production(self.compote_bom)
        with self.assertRaises(ValidationError):
            self._create_cycle(self.production | compote)

    def test_operator_without_training_refused(self):
        with self.assertRaisesRegex(ValidationError, "autoclave training"):
            self._create_cycle(self.production, operator_id=self.untrained.id)

    def test_operator_with_expired_training_refused(self):
        self.env["conserverie.training"].create(
            {
                "partner_id": self.untrained.id,
                "training_type": "autoclave",
                "date": "2020-01-01",
                "date_expiry": "2021-01-01",
            }
        )
        with self.assertRaises(ValidationError):
            self._create_cycle(self.production, operator_id=self.untrained.id)

    def test_recorded_cycle_is_append_only(self):
        cycle = self._create_cycle(self.production)
        cycle.import_readings(CSV_F0_3)
        with self.assertRaises(UserError):
            cycle.write({"date_start": "2026-01-01 10:00:00"})
        with self.assertRaises(UserError):
            cycle.reading_ids[0].temperature = 130.0
        with self.assertRaises(UserError):
            cycle.reading_ids[0].unlink()
        with self.assertRaises(UserError):
            cycle.unlink()
        with self.assertRaises(UserError):
            cycle.import_readings(CSV_F0_3)
        # The load can be re-run as a new cycle.
        again = self._create_cycle(self.production)
        again.import_readings(CSV_F0_3)
        self.assertEqual(again.state, "passed")
