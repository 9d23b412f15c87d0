#!/usr/bin/env python3
"""Benchmark of the stall's load time against a plain Odoo stall, 5,000 members in each.

Two databases side by side, plain Odoo and the suite, prepared by
``bench_common.prepare_compared_databases`` (its docstring says what each holds).

Each gets 5,000 more contacts: members of the suite (``is_member``, a membership date)
in the suite, plain contacts in plain Odoo; a stall (a point of sale taking cash, its
session open); and the same number of products the stall sells, the database with
fewer getting plain products until both have as many.

Each database is served by an Odoo server of its own (``python3 -m odoo`` on a free
port, the Odoo python3 imports). Chromium headless (``shutil.which("chromium")``),
driven by Playwright (already installed, no new dependency), opens
``/pos/ui?config_id=…&from_backend=True`` (as the back office's button opens it, the
administrator as cashier), logged in beforehand, each time in a new
browser context: cold HTTP cache, no IndexedDB, no service worker. A load is the time
from navigation start to the first product card of the product list drawn (polled on
each animation frame); beside it are printed its first contentful paint, the end of the
till's data (``load_data``), the requests and bytes fetched until then. After one load
of each to warm the servers up (assets bundles, registry), loads alternate between the
two databases, the order swapped every round.

Prints the median and mean load time of each, the ratio of the medians, suite over
plain Odoo, and pass or fail against the target: at most 1.2 times.

    python3 tests/benchmarks/bench_stall_load.py [--template DB] [--runs 5] [--members 5000]
        [--profile]

--profile also times ``pos.session.load_data`` in each database (in this process, as
the administrator), model by model, with the records each model loads.

The databases made are dropped at the end unless --keep is given; --reuse takes the
databases of an earlier --keep as they are (members, products and stall are only
added where missing).
"""

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from bench_common import (
    COMPARED_DATABASES,
    COMPARED_LABELS,
    add_compared_database_arguments,
    addons_path,
    drop_compared_databases,
    prepare_compared_databases,
    print_table,
    run_tests,
    setup_odoo,
)
from bench_pos_sync import open_stall

RUNS = 5
MEMBERS = 5000
RATIO_TARGET = 1.2
STALL_NAME = "Bench stall load"
MEMBER_REF = "BENCH-MEMBER-"
FILLER_NAME = "Bench stall product"
LOGIN = PASSWORD = "admin"
VIEWPORT = {"width": 390, "height": 844}  # a phone, as the volunteers use
PRODUCT_CARD = ".product-list .product"
LOAD_TIMEOUT_MS = 180_000
SERVER_TIMEOUT = 180  # seconds for a server to answer


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_compared_database_arguments(parser, "bench_stall")
    parser.add_argument("--runs", type=int, default=RUNS, help="loads measured in each database")
    parser.add_argument("--members", type=int, default=MEMBERS, help="members added to each")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="also time pos.session.load_data model by model in each database",
    )
    return parser.parse_args(argv)


# ----------------------------------------------------------------------
# Data: members, stall, products
# ----------------------------------------------------------------------


def add_members(env, count):
    """``count`` contacts made by the benchmark, members of the suite where it is
    installed; only those missing are added."""
    Partner = env["res.partner"]
    existing = Partner.search_count([("ref", "=like", f"{MEMBER_REF}%")])
    is_suite = "is_member" in Partner._fields
    values = [
        {
            "name": f"Bench member {index:05d}",
            "ref": f"{MEMBER_REF}{index:05d}",
            "email": f"bench.member.{index:05d}@example.com",
            "city": "Liège",
            **({"is_member": True, "member_since": "2025-01-01"} if is_suite else {}),
        }
        for index in range(existing, count)
    ]
    for start in range(0, len(values), 500):
        Partner.create(values[start : start + 500])
    return Partner.search_count([("ref", "=like", f"{MEMBER_REF}%")])


def stall_config(env):
    """The benchmark's stall, its session opened and past the cash count."""
    config = env["pos.config"].search([("name", "=", STALL_NAME)], limit=1)
    cashier = env.ref("base.user_admin")
    if not config:
        config = open_stall(env, STALL_NAME, cashier).config
    elif not config.current_session_id:
        config.with_user(cashier).open_ui()
    session = config.current_session_id
    if session.state == "opening_control":
        session.set_opening_control(0, "")
    return config


def sold_products(config):
    return config.env["product.product"].search_count(config._get_available_product_domain())


def equal_products(configs):
    """Plain products added to the stall with fewer until both sell as many."""
    counts = {kind: sold_products(config) for kind, config in configs.items()}
    most = max(counts.values())
    for kind, config in configs.items():
        missing = most - counts[kind]
        if missing:
            config.env["product.product"].create(
                [
                    {
                        "name": f"{FILLER_NAME} {index:04d}",
                        "type": "consu",
                        "list_price": 1.0 + index % 10,
                        "available_in_pos": True,
                    }
                    for index in range(missing)
                ]
            )
        counts[kind] = sold_products(config)
    return counts


def prepare_data(names, members):
    """{kind: (config id, products sold, members)} once each database is ready."""
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry

    with contextlib.ExitStack() as stack:
        envs = {
            kind: api.Environment(stack.enter_context(Registry(name).cursor()), SUPERUSER_ID, {})
            for kind, name in names.items()
        }
        member_counts = {kind: add_members(env, members) for kind, env in envs.items()}
        configs = {kind: stall_config(env) for kind, env in envs.items()}
        product_counts = equal_products(configs)
        for env in envs.values():
            env.cr.commit()
        return {
            kind: {
                "config_id": configs[kind].id,
                "products": product_counts[kind],
                "members": member_counts[kind],
                "partners": envs[kind]["res.partner"].search_count([]),
            }
            for kind in COMPARED_DATABASES
        }


# ----------------------------------------------------------------------
# Servers and browser
# ----------------------------------------------------------------------


@contextlib.contextmanager
def odoo_server(database):
    """An Odoo server of its own serving ``database``; its base URL."""
    port = run_tests.free_port()
    command = [
        sys.executable,
        "-m",
        "odoo",
        "-d",
        database,
        "--db-filter",
        f"^{database}$",
        "--addons-path",
        addons_path(),
        "--http-port",
        str(port),
        "--max-cron-threads=0",
        "--workers=0",
        "--log-level=warn",
    ]
    process = subprocess.Popen(command, env={**os.environ, "TZ": "UTC"})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_TIMEOUT
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the server of {database} stopped ({process.returncode})")
            try:
                with urllib.request.urlopen(f"{base}/web/login", timeout=10):
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline:
                    raise RuntimeError(f"the server of {database} does not answer") from None
                time.sleep(1)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass
class Load:
    """One cold load of the stall: ms from navigation start to the first product card
    drawn and to the first contentful paint; requests and bytes fetched until the card;
    ms to the end of the till's data (``load_data``), None if not fetched."""

    drawn: float
    paint: float
    requests: int
    size: int
    data_end: float | None


def load_stall(browser, base, database, config_id):
    """The Load of the stall, in a new browser context: cold cache, empty storage."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        response = context.request.post(
            f"{base}/web/session/authenticate",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {"db": database, "login": LOGIN, "password": PASSWORD},
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        if not response.ok or "error" in response.json():
            raise RuntimeError(f"cannot log in to {database}: {response.text()[:300]}")
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{base}/pos/ui?config_id={config_id}&from_backend=True", wait_until="commit")
        try:
            drawn = page.wait_for_function(
                f"() => document.querySelector({PRODUCT_CARD!r}) && performance.now()",
                polling="raf",
                timeout=LOAD_TIMEOUT_MS,
            ).json_value()
        except Exception as error:
            raise RuntimeError(
                f"{database}: no product card at {page.url} ({'; '.join(errors) or error})"
            ) from error
        paint = page.wait_for_function(
            "() => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime",
            timeout=LOAD_TIMEOUT_MS,
        ).json_value()
        # what the browser fetched until then: requests, bytes, the end of the till's data
        fetched = page.evaluate(
            """(drawn) => {
                const entries = performance.getEntriesByType("resource")
                    .filter((entry) => entry.startTime <= drawn);
                const data = entries.find((entry) => entry.name.includes("load_data"));
                return [
                    entries.length + 1,
                    entries.reduce((bytes, entry) => bytes + entry.transferSize, 0)
                        + performance.getEntriesByType("navigation")[0].transferSize,
                    data ? data.responseEnd : null,
                ];
            }""",
            drawn,
        )
        return Load(drawn, paint, *fetched)
    finally:
        context.close()


def measure(names, data, runs):
    """{kind: [(load ms, paint ms)]}, one load of each first to warm the servers up."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("Chromium is needed: no chromium on PATH")
    loads = {kind: [] for kind in COMPARED_DATABASES}
    with contextlib.ExitStack() as stack:
        bases = {kind: stack.enter_context(odoo_server(names[kind])) for kind in COMPARED_DATABASES}
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(
            executable_path=chromium, headless=True, args=["--no-sandbox"]
        )
        stack.callback(browser.close)
        for round_index in range(runs + 1):
            kinds = COMPARED_DATABASES if round_index % 2 else tuple(reversed(COMPARED_DATABASES))
            for kind in kinds:
                figures = load_stall(browser, bases[kind], names[kind], data[kind]["config_id"])
                label = "warm-up" if round_index == 0 else f"load {round_index}"
                data_end = "-" if figures.data_end is None else f"{figures.data_end:.0f}"
                print(
                    f"  {COMPARED_LABELS[kind]:<10} {label:<8} "
                    f"product list {figures.drawn:6.0f} ms, "
                    f"first paint {figures.paint:6.0f} ms, till's data at {data_end} ms, "
                    f"{figures.requests} requests, {figures.size / 1024:.0f} KiB",
                    flush=True,
                )
                if round_index:
                    loads[kind].append(figures)
    return loads


# ----------------------------------------------------------------------
# Profile of the server's loading
# ----------------------------------------------------------------------


def profile_load_data(names, data):
    """Per database, pos.session.load_data timed model by model, as the administrator."""
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry

    timings = {}
    for kind in COMPARED_DATABASES:
        with Registry(names[kind]).cursor() as cr:
            admin = api.Environment(cr, SUPERUSER_ID, {}).ref("base.user_admin")
            env = api.Environment(cr, admin.id, {})
            session = env["pos.config"].browse(data[kind]["config_id"]).current_session_id
            env.invalidate_all()
            started = time.perf_counter()
            response = session.load_data([])
            total = (time.perf_counter() - started) * 1000
            # the loop of load_data again, each model timed: later models read earlier ones
            env.invalidate_all()
            parts = {"pos.session": session._load_pos_data({})}
            session._load_pos_data_relations("pos.session", parts)
            per_model = {}
            for model in session._load_pos_data_models(session.config_id.id):
                started = time.perf_counter()
                parts[model] = env[model]._load_pos_data(parts)
                session._load_pos_data_relations(model, parts)
                per_model[model] = (
                    (time.perf_counter() - started) * 1000,
                    len(parts[model]["data"]),
                )
            timings[kind] = {
                "total": total,
                "models": per_model,
                "size": len(json.dumps(response, default=str)),
            }
            cr.rollback()
    print("\npos.session.load_data, as the administrator (ms, records):")
    print(
        f"  whole: plain Odoo {timings['odoo']['total']:.0f} ms "
        f"({timings['odoo']['size'] / 1024:.0f} KiB), suite {timings['suite']['total']:.0f} ms "
        f"({timings['suite']['size'] / 1024:.0f} KiB)"
    )
    print(f"  {'model':<36} {'plain ms':>9} {'records':>8} {'suite ms':>9} {'records':>8}")
    for model in sorted(
        timings["odoo"]["models"].keys() | timings["suite"]["models"].keys(),
        key=lambda model: -timings["suite"]["models"].get(model, (0, 0))[0],
    ):
        odoo_ms, odoo_records = timings["odoo"]["models"].get(model, (0.0, 0))
        suite_ms, suite_records = timings["suite"]["models"].get(model, (0.0, 0))
        print(
            f"  {model:<36} {odoo_ms:>9.1f} {odoo_records:>8} {suite_ms:>9.1f} {suite_records:>8}"
        )


# ----------------------------------------------------------------------
# Results
# ----------------------------------------------------------------------


def _ratio(numerator, denominator):
    return numerator / denominator if denominator else float("nan")


def summarize(loads):
    return {
        kind: {
            "median_ms": statistics.median(load.drawn for load in loads[kind]),
            "mean_ms": statistics.fmean(load.drawn for load in loads[kind]),
            "paint_ms": statistics.median(load.paint for load in loads[kind]),
            "kib": statistics.median(load.size for load in loads[kind]) / 1024,
            "requests": statistics.median(load.requests for load in loads[kind]),
        }
        for kind in COMPARED_DATABASES
    }


def summary_rows(results, data):
    odoo, suite = (results[kind] for kind in COMPARED_DATABASES)
    ratio = _ratio(suite["median_ms"], odoo["median_ms"])
    return [
        {
            "benchmark": (
                f"Stall load, cold cache, {data['suite']['products']} products, "
                f"{data['suite']['members']} members"
            ),
            "measure": "median ms to the product list, suite / plain Odoo",
            "value": f"{suite['median_ms']:.0f} / {odoo['median_ms']:.0f} ms",
            "target": f"ratio <= {RATIO_TARGET}",
            "ratio": ratio,
            "passed": ratio <= RATIO_TARGET,
        }
    ]


def report(results, data, runs):
    print(
        f"\n{runs} cold loads of each stall, alternating, after one of each to warm the servers up"
    )
    print(
        f"{'database':<12} {'products':>8} {'members':>8} {'partners':>9} "
        f"{'median ms':>10} {'mean ms':>8} {'paint ms':>9} {'requests':>9} {'KiB':>7}"
    )
    for kind in COMPARED_DATABASES:
        figures = results[kind]
        print(
            f"{COMPARED_LABELS[kind]:<12} {data[kind]['products']:>8} {data[kind]['members']:>8} "
            f"{data[kind]['partners']:>9} {figures['median_ms']:>10.0f} "
            f"{figures['mean_ms']:>8.0f} {figures['paint_ms']:>9.0f} "
            f"{figures['requests']:>9.0f} {figures['kib']:>7.0f}"
        )
    odoo, suite = (results[kind] for kind in COMPARED_DATABASES)
    ratio = _ratio(suite["median_ms"], odoo["median_ms"])
    print(
        f"suite / Odoo: {ratio:.3f} "
        f"({'PASS' if ratio <= RATIO_TARGET else 'FAIL'}, target <= {RATIO_TARGET})\n"
    )
    print_table(summary_rows(results, data))


def main():
    args = parse_args()
    setup_odoo()
    started = time.perf_counter()
    names = prepare_compared_databases(args)
    try:
        data = prepare_data(names, args.members)
        if args.profile:
            profile_load_data(names, data)
        loads = measure(names, data, args.runs)
    finally:
        drop_compared_databases(args, names)
    results = summarize(loads)
    report(results, data, args.runs)
    print(f"\ntotal {time.perf_counter() - started:.0f} s")
    rows = summary_rows(results, data)
    if args.rows_json:
        Path(args.rows_json).write_text(json.dumps(rows))
    return 0 if all(row["passed"] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
