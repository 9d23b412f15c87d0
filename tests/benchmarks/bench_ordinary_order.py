#!/usr/bin/env python3
"""Benchmark of what an ordinary order costs once the suite is installed.

Two databases side by side, plain Odoo and the suite, prepared by
``bench_common.prepare_compared_databases`` (its docstring says what each holds).

Each gets the same stall (a point of sale taking cash, its session open) and the same
products: a storable, lot-tracked jar with stock in one lot, and a loaf (a product with
no stock tracking). The same order, two jars of the lot and a loaf paid in cash, with
no customer, is synced through ``pos.order.sync_from_ui`` one order per call, calls
alternating between the two databases, after a few orders to warm up. Each measured
call is a request of its own (its cursor and environment, as the server opens them),
runs as the cashier, starts with an empty cache, includes the flush and the
precommit hooks and is committed (the measure of bench_pos_sync.py). The order uses none
of the suite's features: no deposit, no hours, a lot that no production made; the
benchmark checks it.

Prints per order the median and mean server time and SQL queries in each database, the
extra queries and the time ratio of the suite. Targets: at most 6 more queries per order
and at most 1.1 times the time. --queries adds the statements the suite adds to (or
spares) one more order, grouped by table and kind of statement.

    python3 tests/benchmarks/bench_ordinary_order.py [--template DB] [--orders 200] [--queries]
        [--profile 20]

--profile N profiles N more orders in each database and prints the suite's functions by
cumulative time and the functions whose time grows most from plain Odoo to the suite.

The databases made are dropped at the end unless --keep is given; --reuse takes the
databases of an earlier --keep as they are.
"""

import argparse
import contextlib
import cProfile
import json
import pstats
import re
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from uuid import uuid4

from bench_common import (
    COMPARED_DATABASES,
    COMPARED_LABELS,
    add_compared_database_arguments,
    drop_compared_databases,
    prepare_compared_databases,
    print_table,
    setup_odoo,
)
from bench_pos_sync import Sample, interleaved, line_command, open_stall, order_payload, sync, timed

ORDERS = 200
WARM_UP = 10
JARS = 2  # jars of the lot on each order, with one loaf
JAR_STOCK = 100_000
EXTRA_QUERIES_TARGET = 6
TIME_RATIO_TARGET = 1.1


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_compared_database_arguments(parser, "bench_ordinary")
    parser.add_argument("--orders", type=int, default=ORDERS, help="orders in each database")
    parser.add_argument(
        "--queries",
        action="store_true",
        help="also print the SQL statements the suite adds to one order",
    )
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="N",
        help="also profile N more orders in each database (cProfile) and print where the "
        "suite spends more time than plain Odoo",
    )
    return parser.parse_args(argv)


class OrdinaryStall:
    """A stall taking cash, a lot-tracked jar in stock and a loaf, in one database."""

    def __init__(self, env):
        from odoo import Command

        self.cashier = env.ref("base.user_admin")
        self.stall = open_stall(env, f"Bench ordinary stall {uuid4().hex[:6]}", self.cashier)
        Product = env["product.product"]
        self.jar = Product.create(
            {
                "name": "Bench jar of honey",
                "is_storable": True,
                "tracking": "lot",
                "list_price": 4.5,
                "taxes_id": [Command.clear()],
                "available_in_pos": True,
            }
        )
        self.loaf = Product.create(
            {
                "name": "Bench loaf",
                "type": "consu",
                "list_price": 2.2,
                "taxes_id": [Command.clear()],
                "available_in_pos": True,
            }
        )
        self.lot = env["stock.lot"].create(
            {
                "name": f"BENCH-{uuid4().hex[:8]}",
                "product_id": self.jar.id,
                "company_id": env.company.id,
            }
        )
        env["stock.quant"]._update_available_quantity(
            self.jar,
            self.stall.config.picking_type_id.default_location_src_id,
            JAR_STOCK,
            lot_id=self.lot,
        )
        self.sequence = 0

    def payload(self):
        """The till's payload of the next order: two jars of the lot, a loaf, in cash."""
        lines = [line_command(self.jar, JARS, self.lot), line_command(self.loaf, 1)]
        total = round(sum(line[2]["price_subtotal_incl"] for line in lines), 2)
        self.sequence += 1
        return order_payload(
            self.stall, lines, [(self.stall.cash_method, total)], self.cashier, self.sequence
        )


def check_orders(env, stall, order_ids):
    """Each order is paid and its jars left the lot, the loaf with them; in the suite,
    nothing of the suite's own happened to them."""
    orders = env["pos.order"].browse(order_ids)
    lines = orders.picking_ids.move_line_ids
    jar_lines = lines.filtered(lambda line: line.product_id == stall.jar)
    problems = [
        problem
        for problem, wrong in (
            ("orders not paid", set(orders.mapped("state")) != {"paid"}),
            ("deliveries not done", set(orders.picking_ids.mapped("state")) != {"done"}),
            ("jars not taken from the lot", jar_lines.lot_id != stall.lot),
            ("jars delivered", sum(jar_lines.mapped("quantity")) != JARS * len(orders)),
            (
                "loaves delivered",
                sum(lines.filtered(lambda line: line.product_id == stall.loaf).mapped("quantity"))
                != len(orders),
            ),
            # the suite's features must stay out of an ordinary order
            (
                "orders flagged for review",
                "has_review_issue" in orders._fields and bool(orders.filtered("has_review_issue")),
            ),
            *(
                (
                    f"{model} records",
                    model in env
                    and bool(env[model].sudo().search_count([("pos_order_id", "in", orders.ids)])),
                )
                for model in ("conserverie.deposit.move", "conserverie.time.move")
            ),
        )
        if wrong
    ]
    if problems:
        raise RuntimeError(
            f"{env.cr.dbname}: orders not processed as expected: {', '.join(problems)}"
        )


@contextlib.contextmanager
def recorded_queries():
    """The SQL statements run meanwhile in this thread (Odoo's query hooks)."""
    queries = []
    thread = threading.current_thread()
    hooks = getattr(thread, "query_hooks", ())
    thread.query_hooks = (*hooks, lambda _cr, query, *_args: queries.append(str(query)))
    try:
        yield queries
    finally:
        thread.query_hooks = hooks


def statement_kind(query):
    """A query without its values, column lists and savepoint names: what it does to
    which table."""
    query = re.sub(r"\s+", " ", query).strip()
    query = re.sub(r'SAVEPOINT "[^"]+"', "SAVEPOINT", query)
    query = re.sub(r"^SELECT .*? FROM ", "SELECT … FROM ", query)
    query = re.sub(r'^UPDATE ("\w+") SET .*', r"UPDATE \1 SET …", query)
    query = re.sub(r'^INSERT INTO ("\w+") .*', r"INSERT INTO \1 …", query)
    return query[:110]


def print_added_queries(queries):
    """The statements of the suite's order that plain Odoo's does not run, and back."""
    odoo, suite = (Counter(map(statement_kind, queries[kind])) for kind in COMPARED_DATABASES)
    print(
        f"\nSQL of one more order: {sum(suite.values())} in the suite, "
        f"{sum(odoo.values())} in plain Odoo; statements that differ:"
    )
    for statement in sorted(odoo.keys() | suite.keys()):
        if suite[statement] != odoo[statement]:
            print(f"  {suite[statement] - odoo[statement]:+d}  {statement}")


def profiled(tills, stalls, orders):
    """{kind: pstats.Stats} of ``orders`` more orders synced in each database."""
    stats = {}
    for kind in COMPARED_DATABASES:
        till, stall, profile = tills[kind], stalls[kind], cProfile.Profile()
        for _index in range(orders):
            data = [stall.payload()]
            profile.enable()
            timed(till, lambda till=till, data=data: sync(till, data))
            profile.disable()
        stats[kind] = pstats.Stats(profile)
    return stats


def _functions(stats):
    """{(file, line, function): (calls, cumulative seconds)}, files from the addons."""
    functions = {}
    for (filename, line, name), (
        _primitive,
        calls,
        _own,
        cumulative,
        _callers,
    ) in stats.stats.items():
        short = re.sub(r"^.*?/((?:odoo/)?addons/|odoo/)", r"\1", filename)
        functions[(short, line, name)] = (calls, cumulative)
    return functions


def print_profile(stats, orders, top=30):
    """The suite's own functions by cumulative time, then the functions whose cumulative
    time grows most from plain Odoo to the suite, per order."""
    odoo, suite = (_functions(stats[kind]) for kind in COMPARED_DATABASES)
    print(f"\nProfile of {orders} more orders in each database, per order:")
    print("the suite's functions, cumulative ms (calls):")
    ours = sorted(
        ((cumulative, key, calls) for key, (calls, cumulative) in suite.items()),
        key=lambda row: row[0],
        reverse=True,
    )
    for cumulative, (filename, line, name), calls in [
        row for row in ours if "conserverie" in row[1][0]
    ][:top]:
        print(f"  {cumulative / orders * 1000:8.2f} ({calls / orders:g})  {filename}:{line} {name}")
    print("cumulative ms the suite adds to plain Odoo (calls added):")
    growth = sorted(
        (
            (
                suite.get(key, (0, 0.0))[1] - odoo.get(key, (0, 0.0))[1],
                key,
                suite.get(key, (0, 0.0))[0] - odoo.get(key, (0, 0.0))[0],
            )
            for key in suite.keys() | odoo.keys()
        ),
        key=lambda row: row[0],
        reverse=True,
    )
    for seconds, (filename, line, name), calls in growth[:top]:
        print(f"  {seconds / orders * 1000:+8.2f} ({calls / orders:+g})  {filename}:{line} {name}")


def run(args, names):
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry

    orders = args.orders
    samples = {kind: Sample() for kind in COMPARED_DATABASES}
    synced = {kind: [] for kind in COMPARED_DATABASES}
    with contextlib.ExitStack() as stack:
        stalls, tills = {}, {}
        for kind in COMPARED_DATABASES:
            cr = stack.enter_context(Registry(names[kind]).cursor())
            stalls[kind] = OrdinaryStall(api.Environment(cr, SUPERUSER_ID, {}))
            cr.commit()
            # The till runs as a user, record rules included.
            tills[kind] = api.Environment(cr, stalls[kind].cashier.id, {})
        for index, kinds in interleaved(WARM_UP + orders, COMPARED_DATABASES):
            for kind in kinds:
                data = [stalls[kind].payload()]
                # One request per call, as the server runs it: its own cursor and
                # environment. (With one cursor for the whole run, every environment a
                # call creates would be compared with the thousands left alive by the
                # calls before it, a cost no request pays.)
                with Registry(names[kind]).cursor() as request_cr:
                    till = api.Environment(request_cr, stalls[kind].cashier.id, {})
                    seconds, queries, synced_orders = timed(
                        till, lambda till=till, data=data: sync(till, data)
                    )
                    synced[kind].extend(synced_orders.ids)
                if index >= WARM_UP:
                    samples[kind].add(seconds, queries)
        for kind in COMPARED_DATABASES:
            tills[kind].cr.rollback()  # see the orders the requests committed
            tills[kind].invalidate_all()
            check_orders(tills[kind], stalls[kind], synced[kind])
        if args.queries:
            queries = {}
            for kind in COMPARED_DATABASES:
                till, data = tills[kind], [stalls[kind].payload()]
                with recorded_queries() as queries[kind]:
                    timed(till, lambda till=till, data=data: sync(till, data))
            print_added_queries(queries)
        if args.profile:
            print_profile(profiled(tills, stalls, args.profile), args.profile)
    return {"orders": orders, "sync": {kind: sample.summary() for kind, sample in samples.items()}}


def _ratio(numerator, denominator):
    return numerator / denominator if denominator else float("nan")


def summary_rows(results):
    """Rows of the benchmark table: benchmark, measure, value, target, ratio, passed."""
    odoo, suite = (results["sync"][kind] for kind in COMPARED_DATABASES)
    benchmark = "Ordinary order (2 jars of a lot, a loaf, cash), one per call"
    extra = suite["mean_queries"] - odoo["mean_queries"]
    time_ratio = _ratio(suite["median_ms"], odoo["median_ms"])
    return [
        {
            "benchmark": benchmark,
            "measure": "mean SQL queries per order, suite / plain Odoo",
            "value": f"{suite['mean_queries']:.1f} / {odoo['mean_queries']:.1f} ({extra:+.1f})",
            "target": f"<= +{EXTRA_QUERIES_TARGET}",
            "ratio": _ratio(suite["mean_queries"], odoo["mean_queries"]),
            "passed": extra <= EXTRA_QUERIES_TARGET,
        },
        {
            "benchmark": benchmark,
            "measure": "median time per order, suite / plain Odoo",
            "value": f"{suite['median_ms']:.1f} / {odoo['median_ms']:.1f} ms",
            "target": f"ratio <= {TIME_RATIO_TARGET}",
            "ratio": time_ratio,
            "passed": time_ratio <= TIME_RATIO_TARGET,
        },
    ]


def report(results):
    print(
        f"\n{results['orders']} orders in each database, one per call, alternating, "
        f"{WARM_UP} of each synced first to warm up"
    )
    print(f"{'database':<12} {'median ms':>10} {'mean ms':>9} {'median q':>9} {'mean q':>8}")
    for kind in COMPARED_DATABASES:
        figures = results["sync"][kind]
        print(
            f"{COMPARED_LABELS[kind]:<12} {figures['median_ms']:>10.2f} {figures['mean_ms']:>9.2f} "
            f"{figures['median_queries']:>9.1f} {figures['mean_queries']:>8.1f}"
        )
    odoo, suite = (results["sync"][kind] for kind in COMPARED_DATABASES)
    print(
        f"{'suite / Odoo':<12} {_ratio(suite['median_ms'], odoo['median_ms']):>10.2f} "
        f"{_ratio(suite['mean_ms'], odoo['mean_ms']):>9.2f} "
        f"{suite['median_queries'] - odoo['median_queries']:>+9.1f} "
        f"{suite['mean_queries'] - odoo['mean_queries']:>+8.1f}"
    )
    print()
    print_table(summary_rows(results))


def main():
    args = parse_args()
    setup_odoo()
    started = time.perf_counter()
    names = prepare_compared_databases(args)
    try:
        results = run(args, names)
    finally:
        drop_compared_databases(args, names)
    report(results)
    print(f"\ntotal {time.perf_counter() - started:.0f} s")
    rows = summary_rows(results)
    if args.rows_json:
        Path(args.rows_json).write_text(json.dumps(rows))
    return 0 if all(row["passed"] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
