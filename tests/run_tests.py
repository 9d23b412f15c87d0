#!/usr/bin/env python3
"""Run the whole Conserverie test suite against a fresh database.

Creates a database, installs every addon under ``addons/`` (and the
cross-module scenarios under ``tests/``) with demo data, runs their tests in
Odoo's own runner, runs the plain unit tests under ``tests/unit``, drops the
database and ends with a line ``N passed, N failed``.

A whole run (or ``--lifecycle``) then upgrades every addon of ours in that
database, checking that no figure changes, and uninstalls them one by one,
checking that nothing of theirs is left (tests/lifecycle/lifecycle.py);
``--no-lifecycle`` skips it. A whole run (or ``--from-zero``) also runs the
tests tagged ``conserverie_from_zero`` again in a second fresh database created
without demo data (a facility started with the assistant and the sample lists
only); ``--no-from-zero`` skips it.

A skipped test (a browser tour that could not start Chromium, say) counts as
a failure, and so does any WARNING or ERROR logged while our addons install.
"""

import argparse
import importlib.util
import logging
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDONS_DIR = ROOT / "addons"
SCENARIOS_DIR = ROOT / "tests"
UNIT_DIR = ROOT / "tests" / "unit"
LIFECYCLE = ROOT / "tests" / "lifecycle" / "lifecycle.py"
CREATE_DATABASE = ROOT / "docker" / "create_database.py"
OUR_PREFIX = "conserverie"
FROM_ZERO_TAG = "conserverie_from_zero"
SUMMARY_LINE = re.compile(r"(\d+) passed, (\d+) failed")
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (\w+) ")


def fail_early(message):
    print(f"ERROR: {message}", file=sys.stderr)
    print("0 passed, 1 failed")
    sys.exit(2)


def import_odoo():
    try:
        import odoo
        import odoo.release
    except ImportError as error:
        fail_early(
            f"python3 ({sys.executable}) cannot import Odoo: {error}. Install "
            "Odoo 18.0 Community (see README.md) or run the tests in the "
            "odoo:18 image with `docker compose run --rm tests`."
        )
    if odoo.release.version_info[0] != 18:
        fail_early(f"Odoo 18 is required, found {odoo.release.version}.")
    return odoo


def odoo_addons_path(odoo):
    """The addons path of the imported Odoo, then this repository's addons."""
    folders = [create_database_script().default_addons_path(odoo), str(ADDONS_DIR)]
    if any(SCENARIOS_DIR.glob("*/__manifest__.py")):
        folders.append(str(SCENARIOS_DIR))
    return ",".join(folders)


def load_script(path):
    """A script of the repository that is not in a package, as a module."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def create_database_script():
    """``docker/create_database.py``, which stands alone in the Docker image."""
    return load_script(CREATE_DATABASE)


def full_addons_path(odoo, args):
    """Odoo's addons and ours, after any given with --odoo-addons-path."""
    addons_path = odoo_addons_path(odoo)
    if args.odoo_addons_path:
        addons_path = f"{args.odoo_addons_path},{addons_path}"
    return addons_path


def our_modules():
    """The addons to install: every addon of the suite and the scenarios."""
    modules = []
    for folder in (ADDONS_DIR, SCENARIOS_DIR):
        for manifest in sorted(folder.glob("*/__manifest__.py")):
            modules.append(manifest.parent.name)
    return modules


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def db_connection_args(args):
    params = {"dbname": "postgres"}
    for key, value in (
        ("host", args.db_host),
        ("port", args.db_port),
        ("user", args.db_user),
        ("password", args.db_password),
    ):
        if value:
            params[key] = value
    return params


def check_postgres(args):
    import psycopg2

    try:
        psycopg2.connect(connect_timeout=10, **db_connection_args(args)).close()
    except psycopg2.Error as error:
        fail_early(
            f"cannot reach PostgreSQL ({error}). Start it (.ci/run does) or "
            "pass --db-host/--db-user/--db-password."
        )


def drop_database(args, name):
    import psycopg2

    connection = psycopg2.connect(**db_connection_args(args))
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (name,),
        )
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
    connection.close()


class InstallProblemHandler(logging.Handler):
    """Collects WARNING and ERROR records logged while our addons install.

    Records logged inside a running test are left to Odoo's test result;
    outside tests, a record counts when our addon is the one loading or when
    the message names one of our addons or models.
    """

    def __init__(self):
        # every level reaches it: INFO records tell which module is loading
        super().__init__(level=logging.NOTSET)
        self.loading_module = None
        self.problems = []

    def emit(self, record):
        if record.levelno < logging.WARNING:
            if record.name == "odoo.modules.loading":
                message = record.getMessage()
                if message.startswith("Loading module "):
                    self.loading_module = message.split()[2]
            return
        if getattr(threading.current_thread(), "testing", False) or record.name.startswith(
            "odoo.tests"
        ):
            return
        message = record.getMessage()
        ours = (self.loading_module or "").startswith(OUR_PREFIX)
        if ours or OUR_PREFIX in message or OUR_PREFIX in record.name:
            self.problems.append(f"{record.levelname} {record.name}: {message}")


def db_options(args, separator="_"):
    """The connection options given on the command line, as Odoo's own options
    (``--db_host``), or as this command's (``--db-host``) with ``separator="-"``."""
    options = []
    for name in ("host", "port", "user", "password"):
        value = getattr(args, f"db_{name}")
        if value:
            options += [f"--db{separator}{name}", value]
    return options


def create_database(database, addons_path, options=(), demo=True):
    """A new database for a facility in France, created as Odoo's database manager
    does (``docker/create_database.py``: the French chart in euros), in English."""
    command = [
        sys.executable,
        str(CREATE_DATABASE),
        database,
        "--lang",
        "en_US",
        "--addons-path",
        addons_path,
        *options,
    ]
    if not demo:
        command.append("--without-demo")
    subprocess.run(command, check=True, env={**os.environ, "TZ": "UTC"})


def run_odoo_tests(odoo, args, database, modules):
    """Install ``modules`` in ``database`` with their tests; return the report."""
    from odoo.cli.server import main as odoo_server_main
    from odoo.modules.registry import Registry

    addons_path = full_addons_path(odoo, args)
    tags = args.test_tags or ",".join(f"/{module}" for module in modules)
    argv = [
        "--database",
        database,
        "--addons-path",
        addons_path,
        "--init",
        ",".join(modules),
        "--test-enable",
        "--test-tags",
        tags,
        "--stop-after-init",
        "--http-port",
        str(free_port()),
        "--log-level",
        "info",
        "--max-cron-threads",
        "0",
        "--no-database-list",
    ]
    if args.without_demo:
        argv.append("--without-demo=all")
    argv += db_options(args)
    Path(args.logfile).unlink(missing_ok=True)
    argv += ["--logfile", args.logfile]

    handler = InstallProblemHandler()
    logging.getLogger().addHandler(handler)
    try:
        odoo_server_main(argv)
    except SystemExit as exit_:
        print(f"Odoo stopped with code {exit_.code}")
    finally:
        logging.getLogger().removeHandler(handler)
    registry = Registry.registries[database] if database in Registry.registries else None
    report = getattr(registry, "_assertion_report", None)
    odoo.sql_db.close_all()
    return report, handler.problems


def print_problems(logfile):
    """Print the WARNING, ERROR and CRITICAL records of Odoo's log, tracebacks included."""
    printing = False
    with open(logfile, encoding="utf-8", errors="replace") as log:
        for line in log:
            match = LOG_LINE.match(line)
            if match:
                printing = match.group(1) in ("WARNING", "ERROR", "CRITICAL")
            if printing:
                print(line, end="")


def run_unit_tests():
    """The plain unit tests of the repository's own tooling."""
    if not UNIT_DIR.is_dir():
        return 0, 0
    suite = unittest.defaultTestLoader.discover(str(UNIT_DIR), top_level_dir=str(UNIT_DIR))
    result = unittest.TextTestRunner(stream=sys.stdout, verbosity=1).run(suite)
    failed = len(result.failures) + len(result.errors) + len(result.skipped)
    return result.testsRun - failed, failed


def run_lifecycle(odoo, args, database):
    """Upgrade then uninstall our addons in the tested database (tests/lifecycle)."""
    lifecycle = load_script(LIFECYCLE)
    addons_path = full_addons_path(odoo, args)
    odoo_options = db_options(args)
    connection_args = db_connection_args(args)
    connection_args.pop("dbname")
    return lifecycle.run(
        database,
        addons_path,
        connection_args,
        logdir=f"{args.logfile}.lifecycle",
        odoo_options=odoo_options,
    )


def run_from_zero(args):
    """The tests of a facility started from zero, in a database of their own created
    without demo data, by this command run again; returns its (passed, failed)."""
    command = [
        sys.executable,
        __file__,
        "--without-demo",
        "--test-tags",
        FROM_ZERO_TAG,
        "--no-lifecycle",
        "--no-from-zero",
        "--no-unit-tests",
        "--logfile",
        f"{args.logfile}.from-zero",
    ]
    command += db_options(args, separator="-")
    if args.odoo_addons_path:
        command += ["--odoo-addons-path", args.odoo_addons_path]
    print(f"From zero: tests tagged {FROM_ZERO_TAG}, a database without demo data", flush=True)
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    print(result.stdout, end="")
    print(result.stderr, end="", file=sys.stderr)
    return parse_summary(result.stdout)


def parse_summary(output):
    """(passed, failed) of the last ``N passed, N failed`` line; (0, 1) without one."""
    for line in reversed(output.splitlines()):
        match = SUMMARY_LINE.fullmatch(line.strip())
        if match:
            return int(match.group(1)), int(match.group(2))
    return 0, 1


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db-host", default=os.environ.get("PGHOST"))
    parser.add_argument("--db-port", default=os.environ.get("PGPORT"))
    parser.add_argument("--db-user", default=os.environ.get("PGUSER"))
    parser.add_argument("--db-password", default=os.environ.get("PGPASSWORD"))
    parser.add_argument("--database", help="name of the test database (default: a new one)")
    parser.add_argument("--keep-database", action="store_true", help="do not drop it")
    parser.add_argument("--modules", help="comma-separated addons to install (default: all)")
    parser.add_argument("--test-tags", help="Odoo test tags (default: our addons)")
    parser.add_argument("--odoo-addons-path", help="extra addons paths before ours")
    parser.add_argument("--logfile", help="keep Odoo's full log there (default: a temporary file)")
    parser.add_argument(
        "--lifecycle",
        action="store_const",
        const=True,
        dest="lifecycle",
        help="then upgrade and uninstall every addon of ours in the tested database "
        "(tests/lifecycle/lifecycle.py); a kept database is left without them. The "
        "default for a whole run (no --modules, --test-tags nor --keep-database)",
    )
    parser.add_argument(
        "--no-lifecycle",
        action="store_const",
        const=False,
        dest="lifecycle",
        help="skip the upgrades and uninstalls",
    )
    parser.add_argument(
        "--without-demo",
        action="store_true",
        help="create the database and install the addons without demo data",
    )
    parser.add_argument(
        "--from-zero",
        action="store_const",
        const=True,
        dest="from_zero",
        help=f"then run the tests tagged {FROM_ZERO_TAG} (a facility started from zero) "
        "in a second fresh database, without demo data. The default for a whole run",
    )
    parser.add_argument(
        "--no-from-zero", action="store_const", const=False, dest="from_zero", help="skip it"
    )
    parser.add_argument(
        "--no-unit-tests", action="store_true", help="skip the plain unit tests of tests/unit"
    )
    args = parser.parse_args(argv)
    if args.from_zero is None:
        args.from_zero = not (args.modules or args.test_tags or args.keep_database)
    if args.lifecycle is None:
        args.lifecycle = not (args.modules or args.test_tags or args.keep_database)
    return args


def main():
    args = parse_args()
    odoo = import_odoo()
    check_postgres(args)
    database = args.database or f"conserverie_test_{os.getpid()}_{int(time.time())}"
    modules = args.modules.split(",") if args.modules else our_modules()
    if not args.logfile:
        args.logfile = os.path.join(tempfile.mkdtemp(prefix="conserverie-tests-"), "odoo.log")
    drop_database(args, database)
    create_database(
        database, full_addons_path(odoo, args), db_options(args), demo=not args.without_demo
    )
    print(f"Installing {', '.join(modules)} in a fresh database {database!r}")
    print(f"Odoo's log: {args.logfile}")
    lifecycle_passed = lifecycle_failed = 0
    try:
        report, problems = run_odoo_tests(odoo, args, database, modules)
        if args.lifecycle and report is not None:
            lifecycle_passed, lifecycle_failed = run_lifecycle(odoo, args, database)
    finally:
        if not args.keep_database:
            drop_database(args, database)

    if os.path.exists(args.logfile):
        print_problems(args.logfile)
    unit_passed, unit_failed = (0, 0) if args.no_unit_tests else run_unit_tests()
    zero_passed, zero_failed = run_from_zero(args) if args.from_zero else (0, 0)
    unit_passed += zero_passed
    unit_failed += zero_failed
    if report is None:
        print("ERROR: Odoo produced no test report (installation failed?)")
        print(f"{unit_passed} passed, {unit_failed + 1} failed")
        return 1

    odoo_failed = report.failures_count + report.errors_count
    skipped = report.skipped
    odoo_passed = report.testsRun - odoo_failed - skipped
    for problem in problems:
        print(f"INSTALL PROBLEM: {problem}")
    if skipped:
        print(
            f"ERROR: {skipped} test(s) were skipped (a browser tour that cannot run is a failure)"
        )
    if not report.testsRun:
        print("ERROR: Odoo ran no test")
    passed = odoo_passed + unit_passed + lifecycle_passed
    failed = (
        odoo_failed
        + skipped
        + unit_failed
        + lifecycle_failed
        + len(problems)
        + (0 if report.testsRun else 1)
    )
    print(
        f"Odoo tests: {report.testsRun} run, {odoo_failed} failed or errored, "
        f"{skipped} skipped; unit tests: {unit_passed - zero_passed} passed, "
        f"{unit_failed - zero_failed} failed; "
        f"install problems: {len(problems)}"
    )
    if args.lifecycle:
        print(f"upgrades and uninstalls: {lifecycle_passed} passed, {lifecycle_failed} failed")
    if args.from_zero:
        print(f"from zero, without demo data: {zero_passed} passed, {zero_failed} failed")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
