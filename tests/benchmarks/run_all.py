#!/usr/bin/env python3
"""Run every benchmark of tests/benchmarks/ and print one table of the results.

    python3 tests/benchmarks/run_all.py [--template DB]

Without --template, a database with every addon under addons/ and its demo data is
created first (``odoo-bin -i ... --stop-after-init``, no tests, a few minutes) and
dropped at the end. Each benchmark then runs in its own process on copies of that
database, prints its own figures and hands its summary rows back (``--rows-json``):
jar labels, hours ledger, impact indicators, POS sync and session close. The table
ends the output: benchmark, measure, value, target, ratio, pass/fail. The exit status
is 1 when a target is missed or a benchmark fails.
"""

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_impact import copy_database, drop_database

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ADDONS = ROOT / "addons"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--template", help="database with every addon and its demo data")
    parser.add_argument("--prefix", default="bench_all", help="prefix of the databases made")
    parser.add_argument("--odoo-path", default=os.environ.get("ODOO_PATH", "/opt/odoo18"))
    parser.add_argument("--http-port", type=int, default=0, help="for the install (0: any)")
    parser.add_argument("--keep", action="store_true", help="keep the databases made")
    return parser.parse_args()


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


def our_addons():
    return sorted(path.parent.name for path in ADDONS.glob("*/__manifest__.py"))


def create_template(args, name):
    """A new database with every addon and its demo data."""
    drop_with_filestore(name)
    modules = our_addons()
    print(f"Installing {', '.join(modules)} with demo data in {name}…", flush=True)
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            str(Path(args.odoo_path) / "odoo-bin"),
            "-d",
            name,
            f"--addons-path={Path(args.odoo_path) / 'addons'},{ADDONS}",
            "-i",
            ",".join(modules),
            "--stop-after-init",
            "--max-cron-threads=0",
            "--log-level=warn",
            f"--http-port={args.http_port}",
        ],
        check=True,
    )
    print(f"  installed in {time.perf_counter() - started:.0f} s", flush=True)


def benchmarks(template, prefix):
    """(name, command line without --rows-json, scratch copy of the template it needs)."""
    script = sys.executable
    labels_copy = f"{prefix}_labels"
    return [
        ("jar labels", [script, str(HERE / "bench_labels.py"), labels_copy], labels_copy),
        (
            "hours ledger",
            [
                script,
                str(HERE / "bench_timebank.py"),
                "--template",
                template,
                "--scratch",
                f"{prefix}_timebank",
            ],
            None,
        ),
        (
            "impact indicators",
            [
                script,
                str(HERE / "bench_impact.py"),
                "--template",
                template,
                "--reuse-template",
                "--prefix",
                f"{prefix}_impact",
            ],
            None,
        ),
        (
            "POS sync and session close",
            [
                script,
                str(HERE / "bench_pos_sync.py"),
                "--template",
                template,
                "--scratch",
                f"{prefix}_pos",
            ],
            None,
        ),
    ]


def run_benchmark(name, command, scratch_copy, template):
    """Run one benchmark script; its rows, or one failed row saying what went wrong."""
    print(f"\n=== {name}: {' '.join(command[1:])}", flush=True)
    with tempfile.TemporaryDirectory() as directory:
        rows_file = Path(directory) / "rows.json"
        if scratch_copy:
            copy_with_filestore(template, scratch_copy)
        try:
            completed = subprocess.run([*command, "--rows-json", str(rows_file)], check=False)
        finally:
            if scratch_copy:
                drop_with_filestore(scratch_copy)
        if rows_file.exists():
            return json.loads(rows_file.read_text())
    return [
        {
            "benchmark": name,
            "measure": "run",
            "value": f"exit status {completed.returncode}, no figures",
            "target": "runs",
            "ratio": None,
            "passed": False,
        }
    ]


def format_ratio(ratio):
    if ratio is None or (isinstance(ratio, float) and math.isnan(ratio)):
        return ""
    return f"{ratio:.3f}"


def print_table(rows):
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


def main():
    args = parse_args()
    sys.path.insert(0, args.odoo_path)
    started = time.perf_counter()
    template = args.template or f"{args.prefix}_template"
    if not args.template:
        create_template(args, template)
    rows = []
    try:
        for name, command, scratch_copy in benchmarks(template, args.prefix):
            rows.extend(run_benchmark(name, command, scratch_copy, template))
    finally:
        if not args.template and not args.keep:
            drop_with_filestore(template)
    print(f"\n=== All benchmarks ({time.perf_counter() - started:.0f} s)\n")
    print_table(rows)
    failed = [row for row in rows if row["passed"] is False]
    print(f"\n{len(rows) - len(failed)} of {len(rows)} rows within target, {len(failed)} missed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
