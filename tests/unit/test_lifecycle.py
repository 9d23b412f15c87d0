"""Plain tests of the upgrade and uninstall check's own logic."""

import importlib.util
import unittest
from pathlib import Path

SPEC = importlib.util.spec_from_file_location(
    "lifecycle", Path(__file__).resolve().parent.parent / "lifecycle" / "lifecycle.py"
)
lifecycle = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(lifecycle)

LOG = """\
2026-11-30 09:00:00,000 1 INFO db odoo.modules.loading: Loading module stock (10/90)
2026-11-30 09:00:01,000 1 WARNING db odoo.models: core warning
2026-11-30 09:00:02,000 1 INFO db odoo.modules.loading: Loading module conserverie_base (80/90)
2026-11-30 09:00:03,000 1 ERROR db odoo.tools.convert: broken view
Traceback (most recent call last):
ValueError: bad
2026-11-30 09:00:04,000 1 INFO db odoo.modules.loading: 90 modules loaded in 3.00s, 0 queries
2026-11-30 09:00:05,000 1 WARNING db odoo.modules.loading: The models [x] have no access rules
2026-11-30 09:00:06,000 1 INFO db odoo.service.server: done
"""


class TestUninstallOrder(unittest.TestCase):
    def test_dependents_come_first(self):
        order = lifecycle.uninstall_order(
            {
                "conserverie_base": {"stock"},
                "conserverie_deposit": {"conserverie_base", "account"},
                "conserverie_production": {"conserverie_base"},
                "conserverie_deposit_production": {
                    "conserverie_deposit",
                    "conserverie_production",
                },
            }
        )
        self.assertEqual(
            order,
            [
                "conserverie_deposit_production",
                "conserverie_deposit",
                "conserverie_production",
                "conserverie_base",
            ],
        )

    def test_cycle_is_an_error(self):
        with self.assertRaises(ValueError):
            lifecycle.uninstall_order({"a": {"b"}, "b": {"a"}})


class TestLogProblems(unittest.TestCase):
    def test_problems_carry_the_loading_module_and_traceback(self):
        problems = lifecycle.log_problems(LOG)
        self.assertEqual(
            [module for module, _record in problems], ["stock", "conserverie_base", None]
        )
        self.assertIn("ValueError: bad", problems[1][1])
        self.assertNotIn("done", problems[2][1])

    def test_clean_log_has_no_problem(self):
        self.assertEqual(
            lifecycle.log_problems(LOG.replace("WARNING", "INFO").replace("ERROR", "INFO")), []
        )


class TestKeptRecord(unittest.TestCase):
    REFUSED = (
        "2026-11-30 09:45:11,308 2004 ERROR db odoo.sql_db: bad query: "
        "b'DELETE FROM \"product_template\" WHERE id IN (96)'\n"
        'ERROR: update or delete on table "product_product" violates foreign key constraint '
        '"stock_move_product_id_fkey" on table "stock_move"'
    )

    def test_refused_deletion_of_a_used_record_is_kept(self):
        self.assertTrue(lifecycle.is_kept_record(self.REFUSED))

    def test_other_bad_queries_are_problems(self):
        self.assertFalse(lifecycle.is_kept_record(self.REFUSED.replace("DELETE FROM", "UPDATE")))
        self.assertFalse(
            lifecycle.is_kept_record(self.REFUSED.replace("violates foreign key", "violates check"))
        )
        self.assertFalse(
            lifecycle.is_kept_record("2026-11-30 09:45:11,308 2004 WARNING db odoo.models: x")
        )


class TestCompareFigures(unittest.TestCase):
    def test_same_figures(self):
        figures = {"stock": [("1", "2", "3.0")]}
        self.assertEqual(lifecycle.compare_figures(figures, dict(figures)), [])

    def test_changed_and_missing_figures(self):
        messages = lifecycle.compare_figures(
            {"stock": [("1", "3.0")], "lots": [("released", "2")]},
            {"stock": [("1", "4.0")]},
        )
        self.assertEqual(len(messages), 2)
        self.assertIn("('1', '3.0')", messages[1])
        self.assertIn("('1', '4.0')", messages[1])


if __name__ == "__main__":
    unittest.main()
