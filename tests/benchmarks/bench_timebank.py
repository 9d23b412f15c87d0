#!/usr/bin/env python3
"""Benchmark of the hours ledger (conserverie_timebank).

Clones a database where conserverie_timebank is installed into a scratch database,
fills it with SQL (generate_series) to 10,000 moves and then to 1,000,000 moves over
10,000 accounts, and at both sizes prints the time and the number of SQL queries to
read a balance and to post a POS debit (the ledger posting done when an order paid in
hours syncs: ``pos.order._post_time_payments()``, idempotency check included). Both
must stay flat as the ledger grows: the ratios are printed last (targets: the same
number of queries, at most twice the time).

    python3 tests/benchmarks/bench_timebank.py --template tb_dev [--rows-json rows.json]

The scratch database is dropped at the end unless --keep is given.
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from bench_common import copy_database, drop_database, setup_odoo

ACCOUNTS = 10_000
SIZES = (10_000, 1_000_000)
REPEAT = 30
MEASURES = ("read balance", "partner balance", "post POS debit")
TIME_RATIO_TARGET = 2.0


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--template", required=True, help="database with conserverie_timebank")
    parser.add_argument("--scratch", default="bench_timebank_scratch")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    parser.add_argument("--rows-json", help="also write the summary rows to this JSON file")
    return parser.parse_args()


def create_accounts(cr, company_id, count):
    """``count`` partners and their time accounts, in two INSERTs."""
    cr.execute(
        """
        INSERT INTO res_partner (name, complete_name, active, type, autopost_bills,
                                 is_member, create_date, write_date)
        SELECT 'Bench member ' || n, 'Bench member ' || n, true, 'contact', 'ask',
               true, now(), now()
          FROM generate_series(1, %s) n
        RETURNING id
        """,
        [count],
    )
    partner_ids = [row[0] for row in cr.fetchall()]
    cr.execute(
        """
        INSERT INTO conserverie_time_account (partner_id, company_id, balance, min_balance,
                                              max_balance, flagged, is_facility,
                                              create_date, write_date)
        SELECT id, %s, 0, -1000000, 0, false, false, now(), now()
          FROM unnest(%s) id
        RETURNING id
        """,
        [company_id, partner_ids],
    )
    return sorted(row[0] for row in cr.fetchall())


def add_moves(cr, facility, first_account, company_id, start, stop):
    """Transfers ``start``..``stop`` (two moves each) from the facility to the accounts."""
    cr.execute(
        """
        INSERT INTO conserverie_time_move (account_id, partner_id, company_id, amount,
            balance_after, date, move_type, reference, transfer_ref, counterpart_account_id,
            user_id, create_uid, write_uid, create_date, write_date)
        SELECT leg.account_id, account.partner_id, %(company)s, leg.amount, NULL,
               now() - (n || ' seconds')::interval, 'volunteering',
               'BENCH/' || n || leg.suffix, 'BENCH/' || n, leg.counterpart,
               1, 1, 1, now(), now()
          FROM generate_series(%(start)s, %(stop)s) n
         CROSS JOIN LATERAL (VALUES
               (%(facility)s, -1.0, '/D', %(first)s + n %% %(accounts)s),
               (%(first)s + n %% %(accounts)s, 1.0, '/C', %(facility)s)
         ) AS leg(account_id, amount, suffix, counterpart)
          JOIN conserverie_time_account account ON account.id = leg.account_id
        """,
        {
            "company": company_id,
            "start": start,
            "stop": stop,
            "facility": facility,
            "first": first_account,
            "accounts": ACCOUNTS,
        },
    )
    cr.execute(
        """
        UPDATE conserverie_time_account account
           SET balance = totals.total
          FROM (SELECT account_id, SUM(amount) AS total
                  FROM conserverie_time_move GROUP BY account_id) totals
         WHERE totals.account_id = account.id
        """
    )
    cr.execute("ANALYZE conserverie_time_move")
    cr.execute("ANALYZE conserverie_time_account")


def measure(cr, action):
    """Median seconds and SQL queries of ``action()`` over REPEAT runs."""
    durations, queries = [], []
    for index in range(REPEAT):
        before = cr.sql_log_count
        start = time.perf_counter()
        action(index)
        durations.append(time.perf_counter() - start)
        queries.append(cr.sql_log_count - before)
    return statistics.median(durations), statistics.median(queries)


def prepare_pos(env):
    """A session of a point of sale taking hours, and a jar to sell."""
    Config = env["pos.config"]
    config = Config.search([("payment_method_ids.is_time_currency", "=", True)], limit=1)
    if not config:
        config = Config.create({"name": "Bench stall"})
        config._add_time_payment_method()
    if not config.current_session_id:
        config.with_user(env.ref("base.user_admin")).open_ui()
    product = env["product.product"].create(
        {"name": "Bench jar", "list_price": 5.0, "available_in_pos": True, "taxes_id": False}
    )
    return {
        "session": config.current_session_id,
        "method": config.payment_method_ids.filtered("is_time_currency")[:1],
        "product": product,
    }


def make_orders(env, pos, partners, count):
    """Paid orders with a payment in hours, not yet posted to the ledger."""
    from odoo import Command

    orders = env["pos.order"]
    for index in range(count):
        partner = partners[(index * 101) % len(partners)]
        orders |= env["pos.order"].create(
            {
                "session_id": pos["session"].id,
                "partner_id": partner.id,
                "amount_tax": 0.0,
                "amount_total": 5.0,
                "amount_paid": 5.0,
                "amount_return": 0.0,
                "lines": [
                    Command.create(
                        {
                            "product_id": pos["product"].id,
                            "qty": 1,
                            "price_unit": 5.0,
                            "price_subtotal": 5.0,
                            "price_subtotal_incl": 5.0,
                        }
                    )
                ],
                "payment_ids": [
                    Command.create({"amount": 5.0, "payment_method_id": pos["method"].id})
                ],
            }
        )
    env.flush_all()
    return orders


def run(args):
    setup_odoo(args.scratch)
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry

    registry = Registry(args.scratch)
    results = {}
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        company = env.company
        Account = env["conserverie.time.account"]
        facility = Account._get_facility(company)
        pos = prepare_pos(env)
        env.flush_all()
        account_ids = create_accounts(cr, company.id, ACCOUNTS)
        first = account_ids[0]
        done = 0
        for size in SIZES:
            transfers = size // 2
            add_moves(cr, facility.id, first, company.id, done + 1, transfers)
            done = transfers
            cr.execute("SELECT COUNT(*) FROM conserverie_time_move")
            total_moves = cr.fetchone()[0]
            env.invalidate_all()
            accounts = Account.browse(account_ids)
            partners = accounts.partner_id

            def read_balance(index, accounts=accounts):
                account = accounts[(index * 97) % ACCOUNTS]
                account.invalidate_recordset(["balance"])
                return account.balance

            def read_partner_balance(index, partners=partners):
                partner = partners[(index * 89) % ACCOUNTS]
                partner.invalidate_recordset(["time_balance"])
                return partner.time_balance

            orders = make_orders(env, pos, accounts.partner_id, REPEAT)

            def post_debit(index, orders=orders):
                orders[index]._post_time_payments()
                env.flush_all()

            results[size] = {
                "moves": total_moves,
                "read balance": measure(cr, read_balance),
                "partner balance": measure(cr, read_partner_balance),
                "post POS debit": measure(cr, post_debit),
            }
        cr.rollback()
    return results


def report(results):
    small, large = (results[size] for size in SIZES)
    print(f"{'measure':<18} {'moves':>10} {'median ms':>10} {'queries':>8}")
    for size in SIZES:
        figures = results[size]
        for name in MEASURES:
            seconds, queries = figures[name]
            print(f"{name:<18} {figures['moves']:>10,} {seconds * 1000:>10.3f} {queries:>8}")
    print()
    print(f"ratios ({large['moves']:,} moves / {small['moves']:,} moves):")
    for name in MEASURES:
        time_ratio = large[name][0] / small[name][0] if small[name][0] else float("nan")
        query_ratio = large[name][1] / small[name][1] if small[name][1] else float("nan")
        print(f"  {name:<18} time x{time_ratio:.2f}  queries x{query_ratio:.2f}")


def summary_rows(results):
    """Rows of the benchmark table: benchmark, measure, value, target, ratio, passed."""
    small, large = (results[size] for size in SIZES)
    benchmark = f"Hours ledger, {small['moves']:,} -> {large['moves']:,} moves"
    rows = []
    for name in MEASURES:
        (small_time, small_queries), (large_time, large_queries) = small[name], large[name]
        time_ratio = large_time / small_time if small_time else float("nan")
        rows.append(
            {
                "benchmark": benchmark,
                "measure": f"{name}: median time",
                "value": f"{small_time * 1000:.3f} -> {large_time * 1000:.3f} ms",
                "target": f"ratio <= {TIME_RATIO_TARGET}",
                "ratio": time_ratio,
                "passed": time_ratio <= TIME_RATIO_TARGET,
            }
        )
        rows.append(
            {
                "benchmark": benchmark,
                "measure": f"{name}: SQL queries",
                "value": f"{small_queries} -> {large_queries}",
                "target": "same",
                "ratio": large_queries / small_queries if small_queries else float("nan"),
                "passed": large_queries == small_queries,
            }
        )
    return rows


def run_on_scratch(args, run, report):
    """Clone ``args.template``, run and report there, drop the clone unless kept."""
    copy_database(args.template, args.scratch)
    try:
        started = time.perf_counter()
        results = run(args)
        report(results)
        print(f"\ntotal {time.perf_counter() - started:.1f} s")
    finally:
        if not args.keep:
            drop_database(args.scratch)
    return results


def main():
    args = parse_args()
    rows = summary_rows(run_on_scratch(args, run, report))
    if args.rows_json:
        Path(args.rows_json).write_text(json.dumps(rows))
    return 0 if all(row["passed"] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
