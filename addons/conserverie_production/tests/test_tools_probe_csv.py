from odoo.tests import BaseCase

from ..tools.probe_csv import (
    ERROR_CODES,
    ERROR_MESSAGES,
    MAX_FILE_BYTES,
    MAX_ROWS,
    ProbeLogError,
    parse_probe_csv,
)


class TestProbeCsv(BaseCase):
    def assertReadings(self, readings, expected):
        self.assertEqual(len(readings), len(expected), readings)
        for (minutes, temp_c), (expected_minutes, expected_temp) in zip(
            readings, expected, strict=True
        ):
            self.assertAlmostEqual(minutes, expected_minutes)
            self.assertAlmostEqual(temp_c, expected_temp)

    def assertProbeError(self, data, code, line=None, **kwargs):
        with self.assertRaises(ProbeLogError) as caught:
            parse_probe_csv(data, **kwargs)
        self.assertEqual(caught.exception.code, code)
        self.assertEqual(caught.exception.line, line)
        return caught.exception

    # Formats

    def test_french_logger(self):
        """Semicolons, decimal commas, a header naming seconds."""
        data = "Temps (s);Température (°C)\n0;20,5\n30;45,25\n60;80\n"
        self.assertReadings(parse_probe_csv(data), [(0, 20.5), (0.5, 45.25), (1.0, 80.0)])

    def test_comma_separator_and_minutes_header(self):
        data = "Time [min],Temp (C)\n0,20.5\n0.5,21.5\n1.5,30\n"
        self.assertReadings(parse_probe_csv(data), [(0, 20.5), (0.5, 21.5), (1.5, 30.0)])

    def test_tab_separator_without_header_in_seconds(self):
        data = "10\t20\n70\t21.5\n130\t23\n"
        self.assertReadings(parse_probe_csv(data), [(0, 20), (1, 21.5), (2, 23)])

    def test_explicit_time_unit(self):
        data = "0;20\n1;21\n2;22\n"
        self.assertReadings(parse_probe_csv(data, time_unit="minutes"), [(0, 20), (1, 21), (2, 22)])
        data = "Temps (min);T\n0;20\n60;21\n"
        self.assertReadings(parse_probe_csv(data, time_unit="seconds"), [(0, 20), (1, 21)])
        with self.assertRaises(ValueError):
            parse_probe_csv(data, time_unit="hours")

    def test_temperature_column_from_header(self):
        data = "Temps (s);Humidité (%);Température cœur (°C)\n0;55;20\n60;56;21\n"
        self.assertReadings(parse_probe_csv(data), [(0, 20), (1, 21)])
        data = "Elapsed (sec),Pressure,T\n0,1.0,20\n60,1.1,21\n"
        self.assertReadings(parse_probe_csv(data), [(0, 20), (1, 21)])

    def test_iso_timestamps(self):
        data = (
            "Date;Temp\n"
            "2026-06-12 10:00:05;20,0\n"
            "2026-06-12T10:01:05;21,0\n"
            "2026-06-12 10:01:35;22,0\n"
        )
        self.assertReadings(parse_probe_csv(data), [(0, 20), (1, 21), (1.5, 22)])

    def test_french_timestamps(self):
        data = "12/06/2026 23:59:30;20\n13/06/2026 00:00:30;21\n"
        self.assertReadings(parse_probe_csv(data), [(0, 20), (1, 21)])

    def test_time_of_day_across_midnight(self):
        data = "23:59:00;20\n23:59:30;21\n00:00:30;22\n"
        self.assertReadings(parse_probe_csv(data), [(0, 20), (0.5, 21), (1.5, 22)])

    def test_bom_crlf_blank_lines_and_quotes(self):
        data = '\ufeff"Temps (s)";"T (°C)"\r\n\r\n"0";"20,5"\r\n\r\n"60";"21,5"\r\n'
        self.assertReadings(parse_probe_csv(data), [(0, 20.5), (1, 21.5)])
        self.assertReadings(parse_probe_csv(data.encode("utf-8")), [(0, 20.5), (1, 21.5)])

    def test_windows_1252_bytes(self):
        data = "Temps (s);Température (°C)\r\n0;20,5\r\n60;21\r\n".encode("cp1252")
        self.assertReadings(parse_probe_csv(data), [(0, 20.5), (1, 21)])

    def test_thousands_separator(self):
        data = "1 200;100,5\n1 260;101\n"
        self.assertReadings(parse_probe_csv(data), [(0, 100.5), (1, 101)])

    # Errors, with 1-based physical line numbers

    def test_error_codes(self):
        self.assertEqual(
            set(ERROR_CODES),
            {
                "empty",
                "file_too_large",
                "too_many_rows",
                "missing_column",
                "not_a_number",
                "bad_timestamp",
                "time_not_increasing",
                "gap_too_long",
                "temperature_out_of_range",
            },
        )
        self.assertEqual(set(ERROR_CODES), set(ERROR_MESSAGES))

    def test_empty(self):
        self.assertProbeError("", "empty")
        self.assertProbeError(b"\xef\xbb\xbf\r\n\r\n", "empty")
        self.assertProbeError("Temps (s);Température\n\n", "empty")

    def test_missing_column(self):
        self.assertProbeError("Temps;Temp\n0;20\n\n30\n", "missing_column", 4)
        self.assertProbeError("0;20\n30;\n", "missing_column", 2)

    def test_not_a_number(self):
        error = self.assertProbeError("Temps;Temp\n0;20\n\n30;abc\n", "not_a_number", 4)
        self.assertEqual(error.params, {"value": "abc"})
        self.assertEqual(str(error), "Line 4: 'abc' is not a number.")
        error = self.assertProbeError("0;20\n3O;21\n", "not_a_number", 2)
        self.assertEqual(error.params, {"value": "3O"})

    def test_bad_timestamp(self):
        data = "2026-06-12 10:00:00;20\n2026-06-12 10:01:00;21\n2026-13-12 10:02:00;22"
        error = self.assertProbeError(data, "bad_timestamp", 3)
        self.assertEqual(error.params, {"value": "2026-13-12 10:02:00"})
        self.assertProbeError("10:00:00;20\n10h01;21\n", "bad_timestamp", 2)

    def test_time_not_increasing(self):
        self.assertProbeError("0;20\n30;21\n30;22\n", "time_not_increasing", 3)
        self.assertProbeError("0;20\n30;21\n\n20;22\n", "time_not_increasing", 4)

    def test_gap_too_long(self):
        data = "0;20\n60;21\n420;22\n"
        error = self.assertProbeError(data, "gap_too_long", 3)
        self.assertAlmostEqual(error.params["gap"], 6.0)
        self.assertEqual(error.params["max_gap"], 5.0)
        self.assertIn("Line 3", str(error))
        self.assertEqual(len(parse_probe_csv(data, max_gap_minutes=10)), 3)
        self.assertEqual(len(parse_probe_csv(data, max_gap_minutes=None)), 3)

    def test_temperature_out_of_range(self):
        error = self.assertProbeError("0;20\n30;150,5\n", "temperature_out_of_range", 2)
        self.assertEqual(error.params["value"], 150.5)
        self.assertProbeError("0;20\n30;-21\n", "temperature_out_of_range", 2)
        self.assertEqual(len(parse_probe_csv("0;-20\n30;150\n")), 2)

    def test_no_partial_result_on_late_error(self):
        lines = [f"{second};{20 + second / 60:.1f}" for second in range(0, 3600, 10)]
        data = "\n".join([*lines, "3600;999"])
        self.assertProbeError(data, "temperature_out_of_range", len(lines) + 1)

    # Limits

    def test_limits(self):
        self.assertEqual(MAX_FILE_BYTES, 5 * 1024 * 1024)
        self.assertEqual(MAX_ROWS, 100_000)

    def test_file_too_large(self):
        data = "0;20\n60;21\n"
        self.assertEqual(len(parse_probe_csv(data, max_bytes=len(data))), 2)
        error = self.assertProbeError(data, "file_too_large", max_bytes=len(data) - 1)
        self.assertAlmostEqual(error.params["size_mb"], len(data) / 1024 / 1024)
        self.assertIn("MB allowed", str(error))
        self.assertProbeError(data.encode(), "file_too_large", max_bytes=len(data) - 1)

    def test_file_too_large_counts_utf8_bytes(self):
        data = "Temps;Température\n0;20\n60;21\n"
        size = len(data.encode("utf-8"))
        self.assertGreater(size, len(data))
        self.assertProbeError(data, "file_too_large", max_bytes=size - 1)
        self.assertEqual(len(parse_probe_csv(data, max_bytes=size)), 2)

    def test_file_too_large_with_default_limit(self):
        line = "0;20\n"
        data = line * (MAX_FILE_BYTES // len(line) + 1)
        self.assertProbeError(data, "file_too_large")

    def test_too_many_rows(self):
        data = "seconds;T\n" + "".join(f"{second};20\n" for second in range(5))
        self.assertEqual(len(parse_probe_csv(data, max_rows=5)), 5, "the header is not counted")
        error = self.assertProbeError(data, "too_many_rows", max_rows=4)
        self.assertEqual(error.params, {"max_rows": 4})
        self.assertEqual(
            str(error), "The file holds more than 4 readings: export only this cycle's readings."
        )

    def test_too_many_rows_before_any_other_error(self):
        data = "0;20\n" + "x;y\n" * 5
        self.assertProbeError(data, "too_many_rows", max_rows=3)

    def test_error_is_a_value_error(self):
        self.assertTrue(issubclass(ProbeLogError, ValueError))
        self.assertEqual(str(ProbeLogError("empty")), "The file holds no readings.")
