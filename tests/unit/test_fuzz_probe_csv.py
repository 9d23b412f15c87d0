"""Property-based tests of the probe-log parser: readings in order, or a clear error."""

import importlib.util
import itertools
import unittest
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

TOOLS = Path(__file__).resolve().parents[2] / "addons/conserverie_production/tools"
SPEC = importlib.util.spec_from_file_location("probe_csv", TOOLS / "probe_csv.py")
probe_csv = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(probe_csv)

CELL = st.one_of(
    st.floats(min_value=-50, max_value=200, allow_nan=False).map(lambda x: f"{x:.2f}"),
    st.floats(min_value=-50, max_value=200, allow_nan=False).map(
        lambda x: f"{x:.1f}".replace(".", ",")
    ),
    st.integers(min_value=-100, max_value=100000).map(str),
    st.sampled_from(["", "abc", "10:00:05", "2026-06-12 10:00:05", "nan", "1e3", "°C", '"12,5"']),
    st.text(max_size=6),
)
ROW = st.lists(CELL, min_size=0, max_size=4)
SEPARATOR = st.sampled_from([",", ";", "\t"])


def render(rows, separator, newline):
    return newline.join(separator.join(row) for row in rows)


class TestProbeCsvProperties(unittest.TestCase):
    def check(self, text):
        try:
            readings = probe_csv.parse_probe_csv(text)
        except probe_csv.ProbeLogError as error:
            self.assertIn(error.code, probe_csv.ERROR_CODES)
            self.assertTrue(str(error), "an error always reads as a sentence")
            if error.code != "empty":
                self.assertIsInstance(error.line, int)
            return
        self.assertTrue(readings)
        times = [time for time, _temp in readings]
        self.assertEqual(times[0], 0.0)
        self.assertTrue(all(a < b for a, b in itertools.pairwise(times)))
        self.assertTrue(all(-20.0 <= temp <= 150.0 for _time, temp in readings))

    @settings(max_examples=400, deadline=None)
    @given(st.lists(ROW, max_size=12), SEPARATOR, st.sampled_from(["\n", "\r\n"]))
    def test_any_table_reads_or_fails_clearly(self, rows, separator, newline):
        self.check(render(rows, separator, newline))

    @settings(max_examples=300, deadline=None)
    @given(st.binary(max_size=200))
    def test_any_bytes_read_or_fail_clearly(self, data):
        self.check(data)

    @settings(max_examples=200, deadline=None)
    @given(
        st.lists(
            st.tuples(
                st.integers(min_value=1, max_value=120), st.floats(min_value=-20, max_value=150)
            ),
            min_size=1,
            max_size=40,
        )
    )
    def test_well_formed_logs_round_trip(self, steps):
        seconds, lines = 0, []
        for step, temperature in steps:
            seconds += step
            lines.append(f"{seconds};{temperature:.3f}".replace(".", ","))
        readings = probe_csv.parse_probe_csv("\n".join(lines))
        self.assertEqual(len(readings), len(steps))
        self.assertAlmostEqual(readings[-1][0], (seconds - steps[0][0]) / 60.0)
