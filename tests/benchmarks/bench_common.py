"""What the benchmarks share: Odoo as python3 imports it, their databases, the table.

Odoo is found the way ``tests/run_tests.py`` finds it: ``import odoo``, its addons in
odoo/addons (a packaged Odoo) or beside it (a source checkout), then this repository's
addons. No install path is assumed.
"""

import math
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ADDONS = ROOT / "addons"

sys.path.insert(0, str(ROOT / "tests"))
import run_tests  # noqa: E402  (tests/ is not a package)


def import_odoo():
    """The imported Odoo 18; exits with a clear message when python3 cannot import it."""
    return run_tests.import_odoo()


def addons_path():
    return run_tests.odoo_addons_path(import_odoo())


def setup_odoo(database=None, *options):
    """Import Odoo and configure it with its addons and ours, quiet, for ``database``."""
    odoo = import_odoo()
    argv = ["--addons-path", addons_path(), "--log-level", "warn", "--max-cron-threads", "0"]
    if database:
        argv += ["-d", database]
    odoo.tools.config.parse_config([*argv, *options])
    return odoo


def our_addons():
    return sorted(path.parent.name for path in ADDONS.glob("*/__manifest__.py"))


def install_database(name, modules, demo=True):
    """A new database ``name`` for a facility in France, as the test command creates
    it, with ``modules`` installed by Odoo in a process of its own (``python3 -m odoo``,
    no tests)."""
    drop_database(name)
    print(
        f"Installing {', '.join(modules)} {'with' if demo else 'without'} demo data in {name}…",
        flush=True,
    )
    started = time.perf_counter()
    run_tests.create_database(name, addons_path(), demo=demo)
    command = [
        sys.executable,
        "-m",
        "odoo",
        "-d",
        name,
        "--addons-path",
        addons_path(),
        "-i",
        ",".join(modules),
        "--stop-after-init",
        "--max-cron-threads=0",
        "--log-level=warn",
        f"--http-port={run_tests.free_port()}",
    ]
    if not demo:
        command.append("--without-demo=all")
    # odoo-bin runs the server in UTC; python3 -m odoo leaves it to the caller
    subprocess.run(command, check=True, env={**os.environ, "TZ": "UTC"})
    print(f"  installed in {time.perf_counter() - started:.0f} s", flush=True)


# ----------------------------------------------------------------------
# Databases
# ----------------------------------------------------------------------


def admin_connection():
    import psycopg2

    connection = psycopg2.connect(dbname="postgres")
    connection.autocommit = True
    return connection


def database_exists(name):
    connection = admin_connection()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        exists = bool(cursor.fetchone())
    connection.close()
    return exists


def drop_database(name):
    connection = admin_connection()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        )
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
    connection.close()


def copy_database(template, name):
    drop_database(name)
    connection = admin_connection()
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    connection.close()


def filestore(database):
    """The folder of a database's attachments (report assets among them)."""
    from odoo.tools import config

    return Path(config.filestore(database))


def copy_with_filestore(template, name):
    """A copy of ``template`` with its attachments, so that reports find their assets."""
    copy_database(template, name)
    if filestore(template).is_dir():
        shutil.copytree(filestore(template), filestore(name), dirs_exist_ok=True)


def drop_with_filestore(name):
    drop_database(name)
    shutil.rmtree(filestore(name), ignore_errors=True)


# ----------------------------------------------------------------------
# Plain Odoo against the suite
# ----------------------------------------------------------------------

# what plain Odoo needs for the flows the suite extends
CORE_MODULES = ("stock", "mrp", "point_of_sale", "product_expiry", "sale_stock", "account")
COMPARED_DATABASES = ("odoo", "suite")
COMPARED_LABELS = {"odoo": "plain Odoo", "suite": "suite"}


def add_compared_database_arguments(parser, prefix):
    """The options of a benchmark run in plain Odoo and in the suite, side by side."""
    parser.add_argument(
        "--template", help="database with every addon and its demo data (default: installed)"
    )
    parser.add_argument("--prefix", default=prefix, help="prefix of the databases made")
    parser.add_argument("--keep", action="store_true", help="keep the databases made")
    parser.add_argument(
        "--reuse", action="store_true", help="use the databases of an earlier --keep as they are"
    )
    parser.add_argument("--rows-json", help="also write the summary rows to this JSON file")


def prepare_compared_databases(args):
    """{kind: database name}, the plain Odoo and suite databases made or reused.

    - plain Odoo: Odoo 18 with the suite's core dependencies (stock, mrp, point_of_sale,
      product_expiry, sale_stock, account) and no addon of the suite, demo data included;
      the benchmark installs it itself;
    - the suite: every addon under addons/ with its demo data, as run_all.py makes it
      (a copy of --template, or installed by the benchmark without one).

    Both are created for France, as the test command creates its database.
    """
    names = {kind: f"{args.prefix}_{kind}" for kind in COMPARED_DATABASES}
    if not (args.reuse and database_exists(names["odoo"])):
        install_database(names["odoo"], CORE_MODULES)
    if args.reuse and database_exists(names["suite"]):
        pass
    elif args.template:
        copy_with_filestore(args.template, names["suite"])
    else:
        install_database(names["suite"], our_addons())
    return names


def drop_compared_databases(args, names):
    """Drop the databases made, unless --keep was given."""
    if args.keep:
        return
    import odoo

    for name in names.values():
        odoo.sql_db.close_db(name)
        drop_with_filestore(name)


# ----------------------------------------------------------------------
# Table
# ----------------------------------------------------------------------


def format_ratio(ratio):
    if ratio is None or (isinstance(ratio, float) and math.isnan(ratio)):
        return ""
    return f"{ratio:.3f}"


def print_table(rows):
    """Rows (benchmark, measure, value, target, ratio, passed) as one aligned table."""
    columns = ("benchmark", "measure", "value", "target", "ratio", "result")
    lines = [
        (
            row["benchmark"],
            row["measure"],
            row["value"],
            row["target"],
            format_ratio(row["ratio"]),
            {True: "pass", False: "FAIL", None: "-"}[row["passed"]],
        )
        for row in rows
    ]
    widths = [max(len(text) for text in column) for column in zip(columns, *lines, strict=True)]
    for index, line in enumerate([columns, *lines]):
        print(
            "  ".join(text.ljust(width) for text, width in zip(line, widths, strict=True)).rstrip()
        )
        if index == 0:
            print("  ".join("-" * width for width in widths))
