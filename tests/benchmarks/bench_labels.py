#!/usr/bin/env python3
"""Benchmark (not a test): 1,000 jar labels, ours against Odoo's.

Usage::

    python3 tests/benchmarks/bench_labels.py [DATABASE] [--count 1000]
        [--rows-json rows.json]

DATABASE must have conserverie_production installed with its demo data;
without one, a database ``bench_labels`` is created (about four minutes).
Nothing is written: the transaction is rolled back.

Prints the time to render ``--count`` labels

- with conserverie_production's renderer (reportlab, A4 sheets of 3 x 8,
  each label with its EAN-13 and the lot's Code 128), for one lot printed
  N times and for N distinct lots;
- with Odoo's built-in product label report
  (``product.report_producttemplatelabel4x12``, the 4 x 12 sheet) rendered by
  wkhtmltopdf, for the same count;

and the ratio of the two (target: ours faster in both cases).
"""

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

from bench_common import setup_odoo

MODULE = "conserverie_production"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", nargs="?", default=None)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--rows-json", help="also write the summary rows to this JSON file")
    return parser.parse_args()


def ensure_database(odoo, database, created):
    """Create and install the database when asked for a new one."""
    from odoo.service import db as db_service

    if created:
        if database in db_service.list_dbs(force=True):
            return
        print(f"Creating database {database} with {MODULE} (a few minutes)…", flush=True)
        db_service._create_empty_database(database)
        odoo.tools.config["init"] = {MODULE: 1}
        odoo.modules.registry.Registry.new(database, update_module=True)
        odoo.tools.config["init"] = {}


def start_http_server(odoo):
    """Serve the report assets to wkhtmltopdf, as a running Odoo would."""
    import socket

    from odoo.service.server import ThreadedServer

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    odoo.tools.config["http_interface"] = "127.0.0.1"
    odoo.tools.config["http_port"] = port
    server = ThreadedServer(odoo.http.root)
    server.http_spawn()
    return f"http://127.0.0.1:{port}"


def timed(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def bench(env, count, report_url):
    import io

    from odoo.tools.pdf import PdfFileReader

    from odoo.addons.conserverie_production.tools.label_layout import render_labels

    lot = env["stock.lot"].search([("release_state", "!=", False)], limit=1)
    if not lot:
        sys.exit(f"No jar lot in the database: install {MODULE} with its demo data.")
    product = lot.product_id
    labels = env["report.conserverie_production.report_jar_label"]
    if not labels._get_ean13(lot):
        # EAN-13 for the benchmark only; rolled back at the end.
        product.barcode = "3760123456784"
    # Warm up (fonts, barcode patterns, templates), outside the timings.
    lot._render_jar_labels(1)

    ours, pdf = timed(lambda: lot._render_jar_labels(count))
    pages = len(PdfFileReader(io.BytesIO(pdf)).pages)
    print(f"conserverie_production, 1 lot x {count}: {ours:.3f} s ({pages} A4 pages)")

    base = lot._get_label_data(1)
    distinct_labels = [replace(base, lot_name=f"{lot.name}-{i:04d}") for i in range(count)]
    captions = labels._get_captions()
    ours_distinct, pdf = timed(lambda: render_labels(distinct_labels, captions=captions))
    pages = len(PdfFileReader(io.BytesIO(pdf)).pages)
    print(
        f"conserverie_production, {count} distinct lots: {ours_distinct:.3f} s ({pages} A4 pages)"
    )

    wizard = env["product.label.layout"].create(
        {
            "product_tmpl_ids": [(6, 0, product.product_tmpl_id.ids)],
            "custom_quantity": count,
            "print_format": "4x12xprice",
        }
    )
    report_ref, data = wizard._prepare_report_data()
    # As the web client sends it: JSON, so string keys.
    data["quantity_by_product"] = {str(k): v for k, v in data["quantity_by_product"].items()}
    env["ir.config_parameter"].set_param("report.url", report_url)
    # Warm up the assets bundle, outside the timing.
    wizard.custom_quantity = 1
    warm_ref, warm_data = wizard._prepare_report_data()
    warm_data["quantity_by_product"] = {
        str(k): v for k, v in warm_data["quantity_by_product"].items()
    }
    env["ir.actions.report"].with_context(force_report_rendering=True)._render_qweb_pdf(
        warm_ref, None, data=warm_data
    )
    Report = env["ir.actions.report"].with_context(force_report_rendering=True)
    odoo_time, (pdf, _kind) = timed(lambda: Report._render_qweb_pdf(report_ref, None, data=data))
    pages = len(PdfFileReader(io.BytesIO(pdf)).pages)
    print(f"Odoo {report_ref} (wkhtmltopdf), {count} labels: {odoo_time:.3f} s ({pages} pages)")

    print(f"ratio, 1 lot: {odoo_time / ours:.1f} x faster")
    print(f"ratio, distinct lots: {odoo_time / ours_distinct:.1f} x faster")
    return ours, ours_distinct, odoo_time


def summary_rows(count, timings):
    """Rows of the benchmark table from ``bench()``'s timings: benchmark, measure, value,
    target, ratio (how many times faster), passed."""
    ours, ours_distinct, odoo_time = timings
    rows = []
    for measure, seconds in (("one lot", ours), ("distinct lots", ours_distinct)):
        ratio = odoo_time / seconds if seconds else float("nan")
        rows.append(
            {
                "benchmark": f"Jar labels, {count:,}",
                "measure": f"{measure}: ours / Odoo's 4x12 report",
                "value": f"{seconds:.2f} / {odoo_time:.2f} s",
                "target": "faster (ratio > 1)",
                "ratio": ratio,
                "passed": ratio > 1,
            }
        )
    return rows


def main():
    args = parse_args()
    database = args.database or "bench_labels"
    odoo = setup_odoo(database)
    ensure_database(odoo, database, created=args.database is None)
    from odoo import SUPERUSER_ID, api

    report_url = start_http_server(odoo)
    registry = odoo.modules.registry.Registry(database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        try:
            timings = bench(env, args.count, report_url)
        finally:
            cr.rollback()
    if args.rows_json:
        Path(args.rows_json).write_text(json.dumps(summary_rows(args.count, timings)))


if __name__ == "__main__":
    main()
