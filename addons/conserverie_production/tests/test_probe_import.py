import base64

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from ..tools.probe_csv import MAX_FILE_BYTES, MAX_ROWS
from .common import CSV_F0_3, ProductionCase


@tagged("post_install", "-at_install")
class TestProbeImport(ProductionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.production = cls._create_production(cls.sauce_bom)

    def assertImportFails(self, text, pattern):
        cycle = self._create_cycle(self.production)
        with self.assertRaisesRegex(UserError, pattern):
            cycle.import_readings(text)
        self.assertFalse(cycle.reading_ids, "nothing is written on an error")
        self.assertEqual(cycle.state, "draft")
        self.assertFalse(
            self.env["conserverie.sterilisation.reading"].search_count(
                [("cycle_id", "=", cycle.id)]
            )
        )

    def test_empty_file(self):
        self.assertImportFails("", "no readings")
        self.assertImportFails("time;temperature\n\n", "no readings")

    def test_unordered_times(self):
        self.assertImportFails(
            "s;T\n0;100\n60;110\n30;115\n90;118\n", "Line 4: the time does not increase"
        )

    def test_gap_too_long(self):
        self.assertImportFails(
            "minutes;T\n0;100\n1;110\n9;115\n", r"Line 4: 8\.0 min .*at most 5\.0"
        )

    def test_configurable_gap(self):
        with self.assertRaisesRegex(ValidationError, "at most 5.0 min"):
            self._create_cycle(self.production, max_gap_minutes=10.0)
        self.production.bom_id.max_reading_gap_minutes = 10.0
        cycle = self._create_cycle(self.production, max_gap_minutes=10.0)
        cycle.import_readings("minutes;T\n0;121.1\n9;121.1\n")
        self.assertEqual(len(cycle.reading_ids), 2)
        self.assertEqual(cycle.reading_ids.mapped("source"), ["probe", "probe"])
        with self.assertRaises(ValidationError):
            self.production.bom_id.max_reading_gap_minutes = 60.0
        with self.assertRaises(ValidationError):
            self.company.conserverie_max_reading_gap_minutes = 0.0

    def test_temperature_out_of_range(self):
        self.assertImportFails("s;T\n0;20\n60;151\n", "Line 3: 151.0 °C is outside")
        self.assertImportFails("s;T\n0;-25\n", "Line 2: -25.0 °C is outside")

    def test_non_numeric_cell(self):
        self.assertImportFails("s;T\n0;20\n60;hot\n120;100\n", "Line 3: 'hot' is not a number")

    def test_bad_timestamp(self):
        self.assertImportFails(
            "time;temp\n2026-06-12 10:00:00;20\n2026-06-12 10:01:00;30\nyesterday;40\n",
            "Line 4: 'yesterday' is not a date or a time",
        )

    def test_missing_column(self):
        self.assertImportFails("s;T\n0;20\n60\n", "Line 3: a time and a temperature")

    def test_file_too_large(self):
        line = "0;20\n"
        self.assertImportFails(line * (MAX_FILE_BYTES // len(line) + 1), "MB allowed")

    def test_too_many_rows(self):
        text = "s;T\n" + "".join(f"{second};121.1\n" for second in range(MAX_ROWS + 1))
        self.assertImportFails(text, f"more than {MAX_ROWS} readings")

    def test_wizard_refuses_a_file_too_large(self):
        cycle = self._create_cycle(self.production)
        line = b"0;20\n"
        wizard = (
            self.env["conserverie.cycle.import"]
            .with_user(self.staff_user)
            .create(
                {
                    "cycle_id": cycle.id,
                    "file": base64.b64encode(line * (MAX_FILE_BYTES // len(line) + 1)),
                }
            )
        )
        with self.assertRaisesRegex(UserError, "MB allowed"):
            wizard.action_import()
        self.assertFalse(cycle.reading_ids)
        self.assertEqual(cycle.state, "draft")

    def test_limit_message_translated(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        cycle = self._create_cycle(self.production).with_context(lang="fr_FR")
        line = "0;20\n"
        with self.assertRaisesRegex(UserError, "Mo autorisés"):
            cycle.import_readings(line * (MAX_FILE_BYTES // len(line) + 1))

    def test_error_message_translated(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        cycle = self._create_cycle(self.production).with_context(lang="fr_FR")
        with self.assertRaisesRegex(UserError, "Ligne 3"):
            cycle.import_readings("s;T\n0;20\n60;chaud\n")

    def test_french_logger_with_timestamps(self):
        csv = (
            "\ufeffDate;Température (°C)\r\n"
            "12/06/2026 10:00:00;121,1\r\n"
            "12/06/2026 10:01:00;121,1\r\n"
            "12/06/2026 10:02:00;121,1\r\n"
            "12/06/2026 10:03:00;121,1\r\n"
        )
        cycle = self._create_cycle(self.production)
        cycle.import_readings(csv)
        self.assertEqual(cycle.reading_ids.mapped("minutes"), [0.0, 1.0, 2.0, 3.0])
        self.assertAlmostEqual(cycle.lethality, 3.0, places=3)

    def test_wizard_imports_file(self):
        cycle = self._create_cycle(self.production)
        wizard = self.env["conserverie.cycle.import"].create(
            {"cycle_id": cycle.id, "file": base64.b64encode(CSV_F0_3.encode())}
        )
        wizard.action_import()
        self.assertEqual(cycle.state, "passed")
