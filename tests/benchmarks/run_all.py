#!/usr/bin/env python3
"""Run every benchmark of tests/benchmarks/ and print one table of the results.

    python3 tests/benchmarks/run_all.py [--template DB]

Without --template, a database with every addon under addons/ and its demo data is
created first (``python3 -m odoo -i ... --stop-after-init``, no tests, a few minutes)
and dropped at the end; Odoo is the one python3 imports, as for tests/run_tests.py.
Each benchmark then runs in its own process on copies of that database, prints its own
figures and hands its summary rows back (``--rows-json``): jar labels, hours ledger,
impact indicators, POS sync and session close, what an ordinary order costs against
plain Odoo, and the stall's load time against a plain Odoo stall. The table ends the
output: benchmark, measure, value, target, ratio, pass/fail. The exit status is 1
when a target is missed or a benchmark fails.
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_common import (
    HERE,
    copy_with_filestore,
    drop_with_filestore,
    install_database,
    our_addons,
    print_table,
    setup_odoo,
)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--template", help="database with every addon and its demo data")
    parser.add_argument("--prefix", default="bench_all", help="prefix of the databases made")
    parser.add_argument("--keep", action="store_true", help="keep the databases made")
    return parser.parse_args()


def create_template(name):
    """A new database with every addon and its demo data."""
    drop_with_filestore(name)
    install_database(name, our_addons())


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
        (
            "ordinary order",
            [
                script,
                str(HERE / "bench_ordinary_order.py"),
                "--template",
                template,
                "--prefix",
                f"{prefix}_ordinary",
            ],
            None,
        ),
        (
            "stall load",
            [
                script,
                str(HERE / "bench_stall_load.py"),
                "--template",
                template,
                "--prefix",
                f"{prefix}_stall",
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


def main():
    args = parse_args()
    setup_odoo()
    started = time.perf_counter()
    template = args.template or f"{args.prefix}_template"
    if not args.template:
        create_template(template)
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
