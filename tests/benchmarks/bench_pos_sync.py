#!/usr/bin/env python3
"""Benchmark of the stall's point of sale: order sync and session close.

Clones a database with every addon and its demo data into a scratch database and syncs
through ``pos.order.sync_from_ui`` (the server side of the till) two sets of orders into
the open sessions of identical stalls (cash and hours, selling the mobile unit's
released, lot-tracked jars):

- market orders: a member customer with hours, jars of preserves with their deposit
  lines, empty jars brought back on every other order, partly paid in hours, the rest
  in cash;
- plain orders: a member customer too (one who does not pay in hours) and the same
  lines (products, quantities, prices), where each deposit line and each line of jars
  brought back is an ordinary line of a service at the deposit's price, as a till
  without our addons would ring deposits up; paid in cash. What differs is only what
  the deposits and the hours add, not what Odoo spends on more lines.

The empty jars brought back are received once the session is closed, one receipt per
session, by a scheduled action the closing triggers: the benchmark runs it after the
closes and prints its time apart.

Both sets are synced one order per call (an online till) into two stalls, the two sets
interleaved, and twenty orders per call (an offline till catching up) into two others,
after a few orders to warm up. Each measured call runs as the administrator, starts with
an empty cache and includes the flush and the precommit hooks. Prints per order the
median and mean server time and SQL queries and the market/plain ratios; then closes the
two online sessions as the till does (cash count, then close), three times each, the
first two rolled back, and prints the time and queries of the closes. --breakdown adds
the queries and time of each step of a sync (deposit ledger, empties receipt, hours
debit...), market against plain.

Targets: market/plain time <= 1.2 with at most 6 more queries per order, and a market
session closed in at most 1.2 times the time of a plain one.

    python3 tests/benchmarks/bench_pos_sync.py --template scen_tpl

The scratch database is dropped at the end unless --keep is given.
"""

import argparse
import contextlib
import functools
import json
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from uuid import uuid4

from bench_common import setup_odoo
from bench_timebank import run_on_scratch

ORDERS = 200
BATCH = 20
WARM_UP = 5
MEMBER_HOURS = 20.0
HOURS_PAID = 5.0  # euros of each market order paid in hours
EMPTIES_RETURNED = 3  # 370 ml jars brought back on every other market order
JAR_STOCK = 20_000
TIME_RATIO_TARGET = 1.2
EXTRA_QUERIES_TARGET = 6
CLOSE_RATIO_TARGET = 1.2
CLOSE_ROUNDS = 3  # closes measured per session, all but the last rolled back
KINDS = ("market", "plain")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--template", required=True, help="database with every addon and demo")
    parser.add_argument("--scratch", default="bench_pos_sync_scratch")
    parser.add_argument("--orders", type=int, default=ORDERS, help="orders of each set")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    parser.add_argument("--rows-json", help="also write the summary rows to this JSON file")
    parser.add_argument(
        "--breakdown",
        action="store_true",
        help="also print the queries and time of each step of the sync, per order",
    )
    return parser.parse_args(argv)


@dataclass
class Stall:
    """An open session of a stall taking cash (and hours, in the market stalls)."""

    config: object
    session: object
    cash_method: object
    orders: int = 0  # payloads made for this session so far


@dataclass
class Sample:
    """Server time (seconds) and SQL queries of each order of one set."""

    durations: list = field(default_factory=list)
    queries: list = field(default_factory=list)

    def add(self, seconds, queries, orders=1):
        self.durations.extend([seconds / orders] * orders)
        self.queries.extend([queries / orders] * orders)

    def summary(self):
        return {
            "median_ms": statistics.median(self.durations) * 1000,
            "mean_ms": statistics.mean(self.durations) * 1000,
            "median_queries": statistics.median(self.queries),
            "mean_queries": statistics.mean(self.queries),
        }


class PosBench:
    """Stalls, jars, members and the payloads the till sends."""

    def __init__(self, env, orders):
        from odoo import Command, fields

        self.Command = Command
        self.fields = fields
        self.env = env
        self.cashier = env.ref("base.user_admin")
        self.company = env.company
        self.warehouse = self.company._get_conserverie_warehouse()
        self.time_method = self.company._get_time_payment_method()
        self.preserves = self._preserves()
        self.lots = {product: self._released_lot(product) for product, _qty in self.preserves}
        self.empty_jar_deposit = self.preserves[0][0].deposit_product_id
        self.plain_twins = {
            deposit: self._plain_twin(deposit)
            for deposit in {product.deposit_product_id for product, _qty in self.preserves}
        }
        # each session sells to distinct members; only the market ones pay in hours
        self.members = {
            kind: self._members(kind, WARM_UP + orders, hours=kind == "market") for kind in KINDS
        }
        self.stalls = {
            (kind, mode): self._stall(f"Bench {kind} stall ({mode})")
            for kind in KINDS
            for mode in ("online", "offline")
        }
        self.sequence = 0

    def _preserves(self):
        """Demo preserves in a 370 ml and a 720 ml jar, with the quantity of each line."""
        try:
            compote = self.env.ref("conserverie_base.product_preserve_apple_pear_compote")
            sauce = self.env.ref("conserverie_base.product_preserve_tomato_sauce")
        except ValueError:
            sys.exit("No demo preserves: the template needs every addon with its demo data.")
        if not (compote.deposit_product_id and sauce.deposit_product_id):
            sys.exit("The demo preserves carry no deposit: install conserverie_deposit's demo.")
        return [(compote, 2), (sauce, 1)]

    def _released_lot(self, product):
        """A released lot of jars in the mobile unit's released stock, as a production
        leaves it."""
        lot = self.env["stock.lot"].create(
            {
                "name": f"BENCH-{product.id}-{uuid4().hex[:6]}",
                "product_id": product.id,
                "company_id": self.company.id,
            }
        )
        lot.write({"release_state": "released", "release_date": self.fields.Datetime.now()})
        self.env["stock.quant"]._update_available_quantity(
            product, self.warehouse.released_location_id, JAR_STOCK, lot_id=lot
        )
        return lot

    def _plain_twin(self, deposit):
        """An ordinary service sold at the price of ``deposit``: its line in a plain
        order."""
        return self.env["product.product"].create(
            {
                "name": f"Bench plain twin of {deposit.name}",
                "type": "service",
                "list_price": deposit.lst_price,
                "taxes_id": [self.Command.clear()],
                "available_in_pos": True,
            }
        )

    def _members(self, kind, count, hours):
        """Members, with hours on their time account if ``hours``."""
        partners = self.env["res.partner"].create(
            [{"name": f"Bench {kind} member {index}", "is_member": True} for index in range(count)]
        )
        Account = self.env["conserverie.time.account"]
        facility = Account._get_facility(self.company)
        for partner in partners if hours else ():
            self.env["conserverie.time.move"]._post_transfer(
                facility,
                Account._get_for_partner(partner, self.company),
                MEMBER_HOURS,
                "volunteering",
                reason="Benchmark",
            )
        return partners

    def _stall(self, name):
        return open_stall(
            self.env, name, self.cashier, self.time_method, prepare=self._use_mobile_unit
        )

    @staticmethod
    def _use_mobile_unit(config):
        config._use_mobile_unit()

    # ------------------------------------------------------------------
    # Payloads
    # ------------------------------------------------------------------

    def _line(self, product, qty, **values):
        return line_command(product, qty, self.lots.get(product), **values)

    def _lines(self, market, returns_empties):
        """The preserves with their deposits and, if ``returns_empties``, the empty jars
        brought back; in a plain order, the deposits are ordinary lines."""
        lines = []
        for product, qty in self.preserves:
            line = self._line(product, qty)
            lines.append(line)
            deposit = product.deposit_product_id
            if market:
                lines.append(self._line(deposit, qty, deposit_parent_uuid=line[2]["uuid"]))
            else:
                lines.append(self._line(self.plain_twins[deposit], qty))
        if returns_empties:
            deposit = self.empty_jar_deposit
            lines.append(
                self._line(deposit if market else self.plain_twins[deposit], -EMPTIES_RETURNED)
            )
        return lines

    def order_data(self, kind, stall):
        """What the till sends for the next order of a ``kind`` set in ``stall``'s
        session, as the server decodes it from JSON."""
        market = kind == "market"
        index = stall.orders
        stall.orders += 1
        lines = self._lines(market, returns_empties=index % 2 == 0)
        total = round(sum(line[2]["price_subtotal_incl"] for line in lines), 2)
        partner = self.members[kind][index % len(self.members[kind])]
        payments = [(stall.cash_method, total)]
        if market:
            payments = [
                (self.time_method, HOURS_PAID),
                (stall.cash_method, round(total - HOURS_PAID, 2)),
            ]
        self.sequence += 1
        return order_payload(stall, lines, payments, self.cashier, self.sequence, partner)


# ----------------------------------------------------------------------
# Stalls and payloads, with Odoo's point of sale alone
# ----------------------------------------------------------------------


def open_stall(env, name, cashier, other_methods=None, prepare=None):
    """A new point of sale ``name`` taking cash (and ``other_methods``), its session
    opened by ``cashier``; ``prepare(config)`` runs before the opening."""
    from odoo import Command

    Journal = env["account.journal"]
    index = 1
    while Journal.search_count([("code", "=", f"BPS{index}")], limit=1):
        index += 1
    journal = Journal.create({"name": f"{name} cash", "type": "cash", "code": f"BPS{index}"})
    cash_method = env["pos.payment.method"].create(
        {"name": f"{name} cash", "journal_id": journal.id}
    )
    methods = cash_method | other_methods if other_methods else cash_method
    config = env["pos.config"].create(
        {"name": name, "payment_method_ids": [Command.set(methods.ids)]}
    )
    if prepare:
        prepare(config)
    config.with_user(cashier).open_ui()
    return Stall(config, config.current_session_id, cash_method)


def line_command(product, qty, lot=None, **values):
    """An untaxed line as the till sends it, of jars of ``lot`` if given (the tests'
    pos_line_values(), which cannot be imported outside Odoo's test mode)."""
    from odoo import Command

    price = product.lst_price
    return Command.create(
        {
            "uuid": str(uuid4()),
            "product_id": product.id,
            "qty": qty,
            "price_unit": price,
            "discount": 0.0,
            "price_subtotal": qty * price,
            "price_subtotal_incl": qty * price,
            "tax_ids": [],
            "pack_lot_ids": [Command.create({"lot_name": lot.name})] if lot else [],
            **values,
        }
    )


def order_payload(stall, lines, payments, cashier, sequence, partner=None):
    """What the till sends for a paid order of ``lines`` in ``stall``'s session, paid with
    ``payments`` [(method, amount)], as the server decodes it from JSON."""
    from odoo import Command, fields

    total = round(sum(line[2]["price_subtotal_incl"] for line in lines), 2)
    uuid = str(uuid4())
    now = fields.Datetime.to_string(fields.Datetime.now())
    data = {
        "uuid": uuid,
        "name": f"Order {uuid}",
        "session_id": stall.session.id,
        "pricelist_id": stall.config.pricelist_id.id,
        "partner_id": partner.id if partner else False,
        "user_id": cashier.id,
        "sequence_number": sequence,
        "date_order": now,
        "fiscal_position_id": False,
        "amount_paid": total,
        "amount_return": 0,
        "amount_tax": 0,
        "amount_total": total,
        "lines": lines,
        "payment_ids": [
            Command.create({"amount": amount, "name": now, "payment_method_id": method.id})
            for method, amount in payments
        ],
        "state": "paid",
        "to_invoice": False,
        "last_order_preparation_change": "{}",
    }
    return json.loads(json.dumps(data))


# ----------------------------------------------------------------------
# Breakdown
# ----------------------------------------------------------------------

# Steps of a sync and of what our addons add to it, measured inclusively (a step
# includes the steps it calls); those a model does not have are left out.
STEPS = {
    "pos.order": (
        "sync_from_ui",
        "_check_sync_payloads",
        "_process_order",
        "create",
        "_process_payment_lines",
        "_process_saved_order",
        "action_pos_order_paid",
        "_create_order_picking",
        "_flag_unreleased_lots",
        "_process_deposits",
        "_link_deposit_lines",
        "_flag_deposit_anomalies",
        "_get_deposit_moves",
        "_get_orders_with_deposit_moves",
        "_create_deposit_moves",
        "_post_time_payments",
        "_get_time_rule_issues",
        "read_pos_data",
    ),
    "conserverie.time.move": ("_post_transfer",),
    "conserverie.time.account": (
        "_get_for_partner",
        "_get_facility",
        "_get_for_partner_and_facility",
    ),
    "stock.picking": ("_create_empties_receipt",),
}


class Breakdown:
    """Queries and time spent in each step, per kind of order being synced."""

    def __init__(self, env):
        self.cr = env.cr
        self.kind = None
        self.orders = defaultdict(int)
        # (kind, step) -> [calls, queries, seconds]
        self.totals = defaultdict(lambda: [0, 0, 0.0])
        for model, methods in STEPS.items():
            model_class = type(env[model])
            for name in methods:
                if hasattr(model_class, name):
                    method = getattr(model_class, name)
                    setattr(model_class, name, self._wrap(f"{model} {name}", method))

    def _wrap(self, step, method):
        breakdown = self

        @functools.wraps(method)
        def measured(*args, **kwargs):
            if breakdown.kind is None:
                return method(*args, **kwargs)
            before = breakdown.cr.sql_log_count
            start = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                totals = breakdown.totals[(breakdown.kind, step)]
                totals[0] += 1
                totals[1] += breakdown.cr.sql_log_count - before
                totals[2] += time.perf_counter() - start

        return measured

    def add_flush(self, queries, seconds):
        if self.kind is not None:
            totals = self.totals[(self.kind, "flush at the end of the request")]
            totals[0] += 1
            totals[1] += queries
            totals[2] += seconds

    def report(self):
        print("\nbreakdown per order (inclusive: a step includes the steps it calls)")
        print(f"{'step':<46} {'calls m/p':>10} {'queries m/p':>14} {'ms m/p':>14}")
        steps = dict.fromkeys(step for _kind, step in self.totals)
        for step in steps:
            figures = []
            for kind in KINDS:
                calls, queries, seconds = self.totals.get((kind, step), (0, 0, 0.0))
                count = self.orders[kind] or 1
                figures.append((calls / count, queries / count, seconds * 1000 / count))
            (mc, mq, mt), (pc, pq, pt) = figures
            print(f"{step:<46} {mc:>4.1f}/{pc:<5.1f} {mq:>6.1f}/{pq:<7.1f} {mt:>6.1f}/{pt:<7.1f}")


# ----------------------------------------------------------------------
# Measures
# ----------------------------------------------------------------------


def timed(env, action, breakdown=None, commit=True):
    """Seconds and SQL queries of ``action()`` as one request: the cache starts empty, the
    flush and the precommit hooks are measured; the commit that ends the request (if
    ``commit``) is not."""
    cr = env.cr
    env.invalidate_all()
    before = cr.sql_log_count
    start = time.perf_counter()
    result = action()
    flush_before, flush_start = cr.sql_log_count, time.perf_counter()
    cr.flush()
    seconds = time.perf_counter() - start
    if breakdown:
        breakdown.add_flush(cr.sql_log_count - flush_before, time.perf_counter() - flush_start)
    queries = cr.sql_log_count - before
    if commit:
        cr.commit()
    return seconds, queries, result


def sync(env, payloads):
    """Sync ``payloads`` in one call, as the till does; the synced orders."""
    result = env["pos.order"].sync_from_ui(payloads)
    orders = env["pos.order"].browse([values["id"] for values in result["pos.order"]])
    if len(orders) != len(payloads):
        raise RuntimeError(f"{len(payloads)} orders sent, {len(orders)} synced")
    return orders


def close_session(session):
    """Count the cash and close the session, as the till's closing pop-up does."""
    session.post_closing_cash_details(session.cash_register_balance_end)
    result = session.close_session_from_ui()
    if not result.get("successful"):
        raise RuntimeError(f"{session.name} not closed: {result}")
    return result


class RolledBack(Exception):
    """Undoes a measured session close."""


def measure_closes(env, sessions):
    """{kind: median seconds and SQL queries of closing its session} over CLOSE_ROUNDS
    rounds alternating the sessions, every round but the last rolled back."""
    samples = {kind: Sample() for kind in sessions}
    for index, kinds in interleaved(CLOSE_ROUNDS):
        for kind in kinds:
            session = sessions[kind]
            if index == CLOSE_ROUNDS - 1:
                seconds, queries, _result = timed(
                    env, lambda session=session: close_session(session)
                )
            else:
                with contextlib.suppress(RolledBack), env.cr.savepoint():
                    seconds, queries, _result = timed(
                        env, lambda session=session: close_session(session), commit=False
                    )
                    raise RolledBack
            samples[kind].add(seconds, queries)
    return {kind: sample.summary() for kind, sample in samples.items()}


def interleaved(count, kinds=KINDS):
    """(index, kinds in the order to sync them), the first kind alternating."""
    for index in range(count):
        yield index, kinds if index % 2 == 0 else kinds[::-1]


def check_orders(env, market, plain):
    """The measured calls did the work: for the market orders, deposits in the ledger
    and hours debited, once per order or payment, the empties left for the closing;
    nothing of it for the plain ones."""
    Deposit = env["conserverie.deposit.move"].sudo()
    TimeMove = env["conserverie.time.move"].sudo()
    with_returns = market.filtered("deposit_jars_returned")
    problems = [
        problem
        for problem, wrong in (
            (
                "deposit ledger entries",
                Deposit.search_count([("pos_order_id", "in", market.ids)])
                != 2 * len(market) + len(with_returns),
            ),
            ("empties received before the closing", bool(market.deposit_return_picking_id)),
            (
                "hours debits",
                TimeMove.search_count([("pos_order_id", "in", market.ids)]) != 2 * len(market),
            ),
            (
                "flags on orders the till made right",
                bool((market | plain).filtered("has_review_issue")),
            ),
            (
                "deposit or hours work on plain orders",
                bool(
                    Deposit.search_count([("pos_order_id", "in", plain.ids)])
                    or TimeMove.search_count([("pos_order_id", "in", plain.ids)])
                    or plain.deposit_return_picking_id
                ),
            ),
        )
        if wrong
    ]
    if problems:
        raise RuntimeError(f"orders not processed as expected: {', '.join(problems)}")


def check_empties_received(market):
    """The jars the market orders brought back were received, in one receipt."""
    with_returns = market.filtered("deposit_jars_returned")
    receipt = with_returns.deposit_return_picking_id
    expected = EMPTIES_RETURNED * len(with_returns)
    if (
        len(receipt) != 1
        or receipt.state != "done"
        or sum(receipt.move_ids.mapped("quantity")) != expected
        or (market - with_returns).deposit_return_picking_id
    ):
        raise RuntimeError(f"the closing did not receive the {expected} jars brought back")


def run(args):
    setup_odoo(args.scratch)
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry

    registry = Registry(args.scratch)
    orders = args.orders
    samples = {(mode, kind): Sample() for mode in ("online", "batch") for kind in KINDS}
    synced = {kind: [] for kind in KINDS}
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        bench = PosBench(env, orders)
        cr.commit()
        # The till runs as a user, record rules included.
        till = api.Environment(cr, bench.cashier.id, {})
        breakdown = Breakdown(env) if args.breakdown else None

        def payloads(kind, mode, count):
            stall = bench.stalls[(kind, mode)]
            return [bench.order_data(kind, stall) for _n in range(count)]

        for _index, kinds in interleaved(WARM_UP):
            for kind in kinds:
                timed(till, lambda kind=kind: sync(till, payloads(kind, "offline", 1)))
        for _index, kinds in interleaved(orders):
            for kind in kinds:
                data = payloads(kind, "online", 1)
                if breakdown:
                    breakdown.kind = kind
                    breakdown.orders[kind] += 1
                seconds, queries, synced_orders = timed(
                    till, lambda data=data: sync(till, data), breakdown
                )
                if breakdown:
                    breakdown.kind = None
                samples[("online", kind)].add(seconds, queries)
                synced[kind].extend(synced_orders.ids)
        for _index, kinds in interleaved(max(1, orders // BATCH)):
            for kind in kinds:
                data = payloads(kind, "offline", BATCH)
                seconds, queries, _orders = timed(till, lambda data=data: sync(till, data))
                samples[("batch", kind)].add(seconds, queries, BATCH)
        Order = till["pos.order"]
        check_orders(till, Order.browse(synced["market"]), Order.browse(synced["plain"]))
        # The offline sessions close first: they warm the closing code up.
        for kind in KINDS:
            session = bench.stalls[(kind, "offline")].session.with_env(till)
            timed(till, lambda session=session: close_session(session))
        closes = measure_closes(
            till, {kind: bench.stalls[(kind, "online")].session.with_env(till) for kind in KINDS}
        )
        seconds, queries, _result = timed(
            env, lambda: env["pos.session"]._cron_receive_returned_jars()
        )
        receipts = {"ms": seconds * 1000, "queries": queries}
        check_empties_received(Order.browse(synced["market"]))
    if breakdown:
        breakdown.report()
    return {
        "orders": orders,
        "sync": {key: sample.summary() for key, sample in samples.items()},
        "close": closes,
        "receipts": receipts,
    }


# ----------------------------------------------------------------------
# Report
# ----------------------------------------------------------------------


def _ratio(numerator, denominator):
    return numerator / denominator if denominator else float("nan")


def summary_rows(results):
    """Rows of the benchmark table: benchmark, measure, value, target, ratio, passed."""
    rows = []
    for mode, label in (("online", "one order per call"), ("batch", f"{BATCH} orders per call")):
        market, plain = (results["sync"][(mode, kind)] for kind in KINDS)
        benchmark = f"POS sync, {label}"
        time_ratio = _ratio(market["median_ms"], plain["median_ms"])
        rows.append(
            {
                "benchmark": benchmark,
                "measure": "median time per order, market / plain",
                "value": f"{market['median_ms']:.1f} / {plain['median_ms']:.1f} ms",
                "target": f"ratio <= {TIME_RATIO_TARGET}",
                "ratio": time_ratio,
                "passed": time_ratio <= TIME_RATIO_TARGET,
            }
        )
        extra = market["mean_queries"] - plain["mean_queries"]
        rows.append(
            {
                "benchmark": benchmark,
                "measure": "mean SQL queries per order, market / plain",
                "value": f"{market['mean_queries']:.1f} / {plain['mean_queries']:.1f} "
                f"({extra:+.1f})",
                "target": f"<= +{EXTRA_QUERIES_TARGET}",
                "ratio": _ratio(market["mean_queries"], plain["mean_queries"]),
                "passed": extra <= EXTRA_QUERIES_TARGET,
            }
        )
    market, plain = (results["close"][kind] for kind in KINDS)
    close_ratio = _ratio(market["median_ms"], plain["median_ms"])
    benchmark = f"POS session close, {results['orders']} orders"
    rows.append(
        {
            "benchmark": benchmark,
            "measure": f"median time of {CLOSE_ROUNDS}, market / plain",
            "value": f"{market['median_ms']:.0f} / {plain['median_ms']:.0f} ms",
            "target": f"ratio <= {CLOSE_RATIO_TARGET}",
            "ratio": close_ratio,
            "passed": close_ratio <= CLOSE_RATIO_TARGET,
        }
    )
    rows.append(
        {
            "benchmark": benchmark,
            "measure": "SQL queries, market / plain",
            "value": f"{market['median_queries']:.0f} / {plain['median_queries']:.0f}",
            "target": "",
            "ratio": _ratio(market["median_queries"], plain["median_queries"]),
            "passed": None,
        }
    )
    return rows


def report(results):
    print(f"{results['orders']} orders of each set, {WARM_UP} of each synced first to warm up")
    header = (
        f"{'sync':<22} {'set':<7} {'median ms':>10} {'mean ms':>9} {'median q':>9} {'mean q':>8}"
    )
    print(header)
    for mode, label in (("online", "one order per call"), ("batch", f"{BATCH} orders per call")):
        for kind in KINDS:
            figures = results["sync"][(mode, kind)]
            print(
                f"{label:<22} {kind:<7} {figures['median_ms']:>10.2f} {figures['mean_ms']:>9.2f} "
                f"{figures['median_queries']:>9.1f} {figures['mean_queries']:>8.1f}"
            )
        market, plain = (results["sync"][(mode, kind)] for kind in KINDS)
        print(
            f"{'':<22} {'ratio':<7} {_ratio(market['median_ms'], plain['median_ms']):>10.2f} "
            f"{_ratio(market['mean_ms'], plain['mean_ms']):>9.2f} "
            f"{market['median_queries'] - plain['median_queries']:>+9.1f} "
            f"{market['mean_queries'] - plain['mean_queries']:>+8.1f}"
        )
    print()
    print(
        f"{'session close':<22} {'set':<7} {'median ms':>10} {'mean ms':>9} {'queries':>9}"
        f"   ({CLOSE_ROUNDS} closes each, all but the last rolled back)"
    )
    for kind in KINDS:
        figures = results["close"][kind]
        print(
            f"{'':<22} {kind:<7} {figures['median_ms']:>10.0f} {figures['mean_ms']:>9.0f} "
            f"{figures['median_queries']:>9.0f}"
        )
    market, plain = (results["close"][kind] for kind in KINDS)
    print(
        f"{'':<22} {'ratio':<7} {_ratio(market['median_ms'], plain['median_ms']):>10.2f} "
        f"{_ratio(market['mean_ms'], plain['mean_ms']):>9.2f} "
        f"{_ratio(market['median_queries'], plain['median_queries']):>9.2f}"
    )
    receipts = results["receipts"]
    print(
        f"empties receipts of the closed sessions (scheduled action, after the closes): "
        f"{receipts['ms']:.0f} ms, {receipts['queries']} queries"
    )
    print()
    for row in summary_rows(results):
        verdict = {True: "pass", False: "FAIL", None: "-"}[row["passed"]]
        print(f"{row['benchmark']}: {row['measure']} {row['value']} ({row['target']}) {verdict}")


def main():
    args = parse_args()
    rows = summary_rows(run_on_scratch(args, run, report))
    if args.rows_json:
        Path(args.rows_json).write_text(json.dumps(rows))
    return 0 if all(row["passed"] is not False for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
