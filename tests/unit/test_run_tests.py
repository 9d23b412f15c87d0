"""Plain tests of the test runner's own logic."""

import importlib.util
import logging
import threading
import unittest
from pathlib import Path

SPEC = importlib.util.spec_from_file_location(
    "run_tests", Path(__file__).resolve().parent.parent / "run_tests.py"
)
run_tests = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(run_tests)


def record(name, level, message):
    return logging.LogRecord(name, level, __file__, 1, message, (), None)


class TestInstallProblemHandler(unittest.TestCase):
    def setUp(self):
        self.handler = run_tests.InstallProblemHandler()

    def test_warning_while_our_addon_loads_counts(self):
        self.handler.handle(
            record("odoo.modules.loading", logging.INFO, "Loading module conserverie_base (5/9)")
        )
        self.handler.handle(record("odoo.tools.convert", logging.WARNING, "some view problem"))
        self.assertEqual(len(self.handler.problems), 1)

    def test_warning_of_another_addon_does_not_count(self):
        self.handler.handle(
            record("odoo.modules.loading", logging.INFO, "Loading module stock (3/9)")
        )
        self.handler.handle(record("odoo.addons.stock", logging.WARNING, "core noise"))
        self.assertEqual(self.handler.problems, [])

    def test_message_naming_our_models_counts_anywhere(self):
        self.handler.handle(
            record(
                "odoo.modules.loading",
                logging.WARNING,
                "The model conserverie.site has no access rules",
            )
        )
        self.assertEqual(len(self.handler.problems), 1)

    def test_records_inside_tests_are_left_to_odoo(self):
        thread = threading.current_thread()
        thread.testing = True
        try:
            self.handler.handle(record("odoo.addons.conserverie_base", logging.ERROR, "expected"))
        finally:
            thread.testing = False
        self.assertEqual(self.handler.problems, [])

    def test_info_never_counts(self):
        self.handler.handle(record("odoo.addons.conserverie_base", logging.INFO, "conserverie"))
        self.assertEqual(self.handler.problems, [])


class TestModules(unittest.TestCase):
    def test_every_addon_of_the_suite_is_installed(self):
        modules = run_tests.our_modules()
        self.assertIn("conserverie_base", modules)
        self.assertTrue(all(module.startswith("conserverie_") for module in modules))


class TestCreateDatabase(unittest.TestCase):
    """The test database is created for France, as Odoo's database manager would."""

    def _command(self, **kwargs):
        calls = []
        original = run_tests.subprocess.run
        run_tests.subprocess.run = lambda command, **_options: calls.append(command)
        try:
            run_tests.create_database("db_x", "/odoo/addons", ["--db_host", "h"], **kwargs)
        finally:
            run_tests.subprocess.run = original
        self.assertEqual(len(calls), 1)
        return calls[0]

    def test_french_database_in_english_with_demo(self):
        command = self._command()
        self.assertTrue(command[1].endswith("docker/create_database.py"))
        self.assertEqual(command[2], "db_x")
        self.assertIn("en_US", command)
        self.assertEqual(command[-2:], ["--db_host", "h"])
        self.assertNotIn("--without-demo", command)

    def test_without_demo(self):
        self.assertIn("--without-demo", self._command(demo=False))


class TestParseSummary(unittest.TestCase):
    """The from-zero pass is counted from the last line of the command it runs."""

    def test_last_summary_line_counts(self):
        output = "3 passed, 1 failed\nnoise\n7 passed, 0 failed\n"
        self.assertEqual(run_tests.parse_summary(output), (7, 0))

    def test_no_summary_is_a_failure(self):
        self.assertEqual(run_tests.parse_summary("Traceback ...\n"), (0, 1))
