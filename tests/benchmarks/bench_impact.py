#!/usr/bin/env python3
"""Benchmark of the impact indicators (conserverie_impact).

Generates a year of activity at two sizes, about 10,000 and 100,000 stock
moves with POS orders, attendance, intakes, productions, hours and deposits in
proportion, with fast SQL inserts in scratch databases; then computes the
indicators of the year for each and prints the time and the number of SQL
queries. The query count must be the same at both sizes and the time ratio
under 3.

    python3 tests/benchmarks/bench_impact.py [--sizes 10000,100000] [--keep]
        [--rows-json rows.json]

Every addon is installed once (without demo data) in a template database,
then each size gets a copy of it. Needs Odoo 18 importable by python3 and a
local PostgreSQL.
"""

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

from bench_common import (
    copy_database,
    database_exists,
    drop_database,
    install_database,
    our_addons,
    setup_odoo,
)

YEAR = 2025
GROWERS = 30
CENTRES = 3
SITES = 10
MOVES_PER_PICKING = 10
TIME_RATIO_TARGET = 3


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="stock moves per database")
    parser.add_argument("--template", default="bench_impact_template")
    parser.add_argument("--prefix", default="bench_impact")
    parser.add_argument("--reuse-template", action="store_true", help="keep an existing template")
    parser.add_argument("--keep", action="store_true", help="keep the databases")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per size (best kept)")
    parser.add_argument("--rows-json", help="also write the summary rows to this JSON file")
    return parser.parse_args()


def install_template(args):
    if args.reuse_template and database_exists(args.template):
        print(f"Reusing the template database {args.template}")
        return
    # every addon, as a facility runs them: coordination extends the report's reach
    install_database(args.template, our_addons(), demo=False)


class Generator:
    """Fills one database with a year of activity, mostly with INSERT … SELECT."""

    def __init__(self, env, size):
        self.env = env
        self.cr = env.cr
        self.size = size
        self.company = env.company
        self.year_start = date(YEAR, 1, 1)

    def run(self):
        self._setup_orm()
        self.cr.execute("SELECT setseed(0.42)")
        self._activities()
        self._intakes()
        self._productions()
        self._distribution()
        self._pos_orders()
        self._time_moves()
        self._deposits()
        self.env.invalidate_all()
        self.cr.execute("ANALYZE")

    def _execute(self, query, **params):
        base = {
            "company": self.company.id,
            "year_start": self.year_start,
            "uid": self.env.uid,
        }
        self.cr.execute(query, {**base, **params})

    def _setup_orm(self):
        env = self.env
        Partner = env["res.partner"]
        kg = env.ref("uom.product_uom_kgm")
        self.growers = Partner.create(
            [{"name": f"Ferme {index}", "is_grower": True} for index in range(GROWERS)]
        )
        self.centres = Partner.create(
            [
                {"name": f"Centre {index}", "is_social_centre": True, "is_company": True}
                for index in range(CENTRES)
            ]
        )
        self.sites = env["conserverie.site"].create(
            [
                {"name": f"Site {index}", "site_type": "market", "is_rural": index % 2 == 0}
                for index in range(SITES)
            ]
        )
        self.members = max(self.size // 100, 20)
        self.cr.execute(
            """
            INSERT INTO res_partner (name, active, is_member, type, autopost_bills,
                                     create_uid, write_uid, create_date, write_date)
            SELECT 'Membre ' || g, TRUE, TRUE, 'contact', 'ask', 1, 1, now(), now()
              FROM generate_series(1, %s) g
            RETURNING id
            """,
            [self.members],
        )
        self.member_ids = [row[0] for row in self.cr.fetchall()]
        self.cr.execute(
            "UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)",
            [self.member_ids],
        )
        self.apples = env["product.product"].create(
            {
                "name": "Pommes",
                "is_recovered_produce": True,
                "is_storable": True,
                "uom_id": kg.id,
                "uom_po_id": kg.id,
            }
        )
        self.jar = env["product.product"].create(
            {"name": "Bocal 370", "is_jar": True, "jar_volume_ml": 370, "is_storable": True}
        )
        self.compote = env["product.product"].create(
            {"name": "Compote", "is_storable": True, "list_price": 4.0, "available_in_pos": True}
        )
        self.deposit = env["product.product"].create(
            {"name": "Consigne 370", "is_deposit": True, "list_price": 0.5}
        )
        self.bom = env["mrp.bom"].create(
            {
                "product_tmpl_id": self.compote.product_tmpl_id.id,
                "product_qty": 1,
                "preserving_process": "pasteurisation",
                "lethality_target": 10.0,
                "release_policy": "ph_same_day",
                "bom_line_ids": [
                    (0, 0, {"product_id": self.apples.id, "product_qty": 0.4}),
                    (0, 0, {"product_id": self.jar.id, "product_qty": 1}),
                ],
            }
        )
        self.warehouse = self.company._get_conserverie_warehouse()
        self.channels = [
            env["conserverie.channel"]._get_by_code(code).id
            for code in ("day_sale", "volunteer_share", "purchasing_group")
        ]
        journal = env["account.journal"].create(
            {"name": "Caisse bench", "code": "CBN", "type": "cash"}
        )
        self.cash = env["pos.payment.method"].create({"name": "Espèces", "journal_id": journal.id})
        self.hours = self.company._get_time_payment_method()
        config = env["pos.config"].create(
            {
                "name": "Stand bench",
                "payment_method_ids": [(6, 0, (self.cash | self.hours).ids)],
                "conserverie_centre_id": self.centres[0].id,
            }
        )
        self.session = env["pos.session"].create({"config_id": config.id, "user_id": 2})
        self.facility = env["conserverie.time.account"]._get_facility(self.company)
        env.flush_all()

    def _random_date(self, days=364):
        return f"%(year_start)s::timestamp + (floor(random() * {days}) || ' days')::interval"

    def _activities(self):
        count = max(self.size // 100, 10)
        self._execute(
            f"""
            INSERT INTO conserverie_activity (name, activity_type, date_start, date_end, state,
                   company_id, centre_id, site_id, is_rural, user_id,
                   create_uid, write_uid, create_date, write_date)
            SELECT 'Activité ' || g,
                   (ARRAY['preserving', 'gleaning', 'picking_hike', 'awareness'])[1 + g %% 4],
                   d, d + interval '3 hours', 'done', %(company)s,
                   (%(centres)s::int[])[1 + g %% {CENTRES}],
                   (%(sites)s::int[])[1 + g %% {SITES}],
                   g %% {SITES} %% 2 = 0, %(uid)s, %(uid)s, %(uid)s, now(), now()
              FROM (SELECT g, {self._random_date()} AS d FROM generate_series(1, %(count)s) g) s
            """,
            centres=self.centres.ids,
            sites=self.sites.ids,
            count=count,
        )
        # ten people per activity; a tenth of them came the year before too
        self._execute(
            f"""
            INSERT INTO conserverie_activity_attendance (activity_id, partner_id, role, hours,
                   attended, date, activity_type, company_id,
                   create_uid, write_uid, create_date, write_date)
            SELECT activity.id,
                   (%(members)s::int[])[1 + (activity.id * 7 + k) %% %(member_count)s],
                   CASE WHEN k %% 3 = 0 THEN 'resident' ELSE 'volunteer' END,
                   1 + k %% 4, TRUE, activity.date_start, activity.activity_type,
                   activity.company_id,
                   %(uid)s, %(uid)s, now(), now()
              FROM conserverie_activity activity
        CROSS JOIN generate_series(0, {min(10, self.members) - 1}) k
             WHERE activity.name LIKE 'Activité %%'
            """,
            members=self.member_ids,
            member_count=self.members,
        )

    def _intakes(self):
        count = self.size // 20
        self._execute(
            f"""
            INSERT INTO conserverie_intake (name, source, state, date, company_id, partner_id,
                   centre_id, total_weight, create_uid, write_uid, create_date, write_date)
            SELECT 'BENCH/IN/' || g,
                   (ARRAY['donation', 'gleaning', 'picking_hike', 'toll_processing'])[1 + g %% 4],
                   'done', ({self._random_date()})::date, %(company)s,
                   (%(growers)s::int[])[1 + g %% {GROWERS}],
                   (%(centres)s::int[])[1 + g %% {CENTRES}], 0,
                   %(uid)s, %(uid)s, now(), now()
              FROM generate_series(1, %(count)s) g
            """,
            growers=self.growers.ids,
            centres=self.centres.ids,
            count=count,
        )
        self._execute(
            """
            INSERT INTO conserverie_intake_line (intake_id, sequence, product_id, quantity, grade,
                   is_organic, unit_value, partner_id, source, date, state, company_id,
                   create_uid, write_uid, create_date, write_date)
            SELECT intake.id, 10, %(apples)s, 5 + floor(random() * 40),
                   (ARRAY['surplus', 'downgraded', 'unsold', 'damaged'])[1 + intake.id %% 4],
                   intake.id %% 3 = 0, 1.5, intake.partner_id, intake.source, intake.date,
                   'done', intake.company_id, %(uid)s, %(uid)s, now(), now()
              FROM conserverie_intake intake WHERE intake.name LIKE 'BENCH/IN/%%'
            """,
            apples=self.apples.id,
        )
        self._execute(
            """
            INSERT INTO stock_move (name, company_id, procure_method, product_uom_qty, product_qty,
                   quantity, date, product_id, product_uom, location_id, location_dest_id, state,
                   conserverie_intake_line_id, picked, create_uid, write_uid, create_date,
                   write_date)
            SELECT 'bench intake', line.company_id, 'make_to_stock', line.quantity, line.quantity,
                   line.quantity, line.date, line.product_id, %(uom)s, %(supplier)s, %(raw)s,
                   'done', line.id, TRUE, %(uid)s, %(uid)s, now(), now()
              FROM conserverie_intake_line line
              JOIN conserverie_intake intake ON intake.id = line.intake_id
             WHERE intake.name LIKE 'BENCH/IN/%%'
            """,
            uom=self.apples.uom_id.id,
            supplier=self.env.ref("stock.stock_location_suppliers").id,
            raw=self.warehouse.raw_produce_location_id.id,
        )

    def _productions(self):
        count = max(self.size // 100, 10)
        warehouse = self.warehouse
        self._execute(
            f"""
            INSERT INTO mrp_production (name, company_id, product_id, product_uom_id, bom_id,
                   picking_type_id, location_src_id, location_dest_id, consumption, product_qty,
                   date_start, date_finished, state, activity_id,
                   create_uid, write_uid, create_date, write_date)
            SELECT 'BENCH/MO/' || g, %(company)s, %(compote)s, %(unit)s, %(bom)s, %(type)s,
                   %(stock)s, %(quarantine)s, 'flexible', 20, d, d, 'done',
                   (SELECT id FROM conserverie_activity WHERE name = 'Activité ' || (1 + g %% 10)),
                   %(uid)s, %(uid)s, now(), now()
              FROM (SELECT g, {self._random_date()} AS d FROM generate_series(1, %(count)s) g) s
            """,
            compote=self.compote.id,
            unit=self.compote.uom_id.id,
            bom=self.bom.id,
            type=warehouse.manu_type_id.id,
            stock=warehouse.lot_stock_id.id,
            quarantine=warehouse.quarantine_location_id.id,
            count=count,
        )
        production_location = self.env["stock.location"].search(
            [("usage", "=", "production"), ("company_id", "=", self.company.id)], limit=1
        )
        for product, quantity, field, source, destination in (
            (
                self.apples,
                8.0,
                "raw_material_production_id",
                warehouse.raw_produce_location_id,
                None,
            ),
            (self.jar, 20.0, "raw_material_production_id", warehouse.clean_jars_location_id, None),
            (self.compote, 20.0, "production_id", None, warehouse.quarantine_location_id),
        ):
            self._execute(
                f"""
                INSERT INTO stock_move (name, company_id, procure_method, product_uom_qty,
                       product_qty, quantity, date, product_id, product_uom, location_id,
                       location_dest_id, state, {field}, picked,
                       create_uid, write_uid, create_date, write_date)
                SELECT 'bench production', %(company)s, 'make_to_stock', %(qty)s, %(qty)s,
                       %(qty)s, production.date_start, %(product)s, %(uom)s, %(source)s,
                       %(destination)s, 'done', production.id, TRUE, %(uid)s, %(uid)s, now(), now()
                  FROM mrp_production production WHERE production.name LIKE 'BENCH/MO/%%'
                """,
                qty=quantity,
                product=product.id,
                uom=product.uom_id.id,
                source=(source or production_location).id,
                destination=(destination or production_location).id,
            )

    def _distribution(self):
        self.cr.execute("SELECT count(*) FROM stock_move")
        remaining = max(self.size - self.cr.fetchone()[0], MOVES_PER_PICKING)
        pickings = remaining // MOVES_PER_PICKING
        warehouse = self.warehouse
        customers = self.env.ref("stock.stock_location_customers").id
        self._execute(
            f"""
            INSERT INTO stock_picking (name, location_id, location_dest_id, picking_type_id,
                   move_type, state, company_id, channel_id, partner_id, date_done, scheduled_date,
                   create_uid, write_uid, create_date, write_date)
            SELECT 'BENCH/OUT/' || g, %(released)s, %(customers)s, %(type)s, 'direct', 'done',
                   %(company)s, (%(channels)s::int[])[1 + g %% 3],
                   (%(members)s::int[])[1 + g %% %(member_count)s], d, d,
                   %(uid)s, %(uid)s, now(), now()
              FROM (SELECT g, {self._random_date()} AS d FROM generate_series(1, %(count)s) g) s
            """,
            released=warehouse.released_location_id.id,
            customers=customers,
            type=warehouse.out_type_id.id,
            channels=self.channels,
            members=self.member_ids,
            member_count=self.members,
            count=pickings,
        )
        self._execute(
            f"""
            INSERT INTO stock_move (name, company_id, procure_method, product_uom_qty, product_qty,
                   quantity, date, product_id, product_uom, location_id, location_dest_id, state,
                   picking_id, impact_channel_id, picked, create_uid, write_uid, create_date,
                   write_date)
            SELECT 'bench out', picking.company_id, 'make_to_stock', q, q, q, picking.date_done,
                   %(compote)s, %(unit)s, picking.location_id, picking.location_dest_id, 'done',
                   picking.id, picking.channel_id, TRUE, %(uid)s, %(uid)s, now(), now()
              FROM stock_picking picking
        CROSS JOIN LATERAL (SELECT 1 + floor(random() * 3) AS q, k
                              FROM generate_series(1, {MOVES_PER_PICKING}) k) moves
             WHERE picking.name LIKE 'BENCH/OUT/%%'
            """,
            compote=self.compote.id,
            unit=self.compote.uom_id.id,
        )

    def _pos_orders(self):
        count = self.size // 20
        self._execute(
            f"""
            INSERT INTO pos_order (name, session_id, company_id, partner_id, amount_tax,
                   amount_total, amount_paid, amount_return, date_order, state,
                   create_uid, write_uid, create_date, write_date)
            SELECT 'BENCH/POS/' || g, %(session)s, %(company)s,
                   (%(members)s::int[])[1 + g %% %(member_count)s], 0, 8, 8, 0,
                   {self._random_date()}, 'paid', %(uid)s, %(uid)s, now(), now()
              FROM generate_series(1, %(count)s) g
            """,
            session=self.session.id,
            members=self.member_ids,
            member_count=self.members,
            count=count,
        )
        self._execute(
            """
            INSERT INTO pos_order_line (name, order_id, product_id, qty, price_unit,
                   price_subtotal, price_subtotal_incl, create_uid, write_uid, create_date,
                   write_date)
            SELECT 'bench', pos_order.id, %(compote)s, 1, 4, 4, 4, %(uid)s, %(uid)s, now(), now()
              FROM pos_order CROSS JOIN generate_series(1, 2) k
             WHERE pos_order.name LIKE 'BENCH/POS/%%'
            """,
            compote=self.compote.id,
        )
        self._execute(
            """
            INSERT INTO pos_payment (pos_order_id, payment_method_id, amount, payment_date,
                   session_id, company_id, create_uid, write_uid, create_date, write_date)
            SELECT pos_order.id,
                   CASE WHEN pos_order.id %% 3 = 0 THEN %(hours)s ELSE %(cash)s END,
                   8, pos_order.date_order, pos_order.session_id, pos_order.company_id,
                   %(uid)s, %(uid)s, now(), now()
              FROM pos_order WHERE pos_order.name LIKE 'BENCH/POS/%%'
            """,
            hours=self.hours.id,
            cash=self.cash.id,
        )

    def _time_moves(self):
        self._execute(
            """
            INSERT INTO conserverie_time_account (partner_id, company_id, is_facility, balance,
                   create_uid, write_uid, create_date, write_date)
            SELECT partner, %(company)s, FALSE, 0, %(uid)s, %(uid)s, now(), now()
              FROM unnest(%(members)s::int[]) partner
            """,
            members=self.member_ids,
        )
        transfers = self.size // 20
        self._execute(
            f"""
            INSERT INTO conserverie_time_move (account_id, partner_id, company_id, amount, date,
                   move_type, reference, transfer_ref, user_id,
                   create_uid, write_uid, create_date, write_date)
            SELECT CASE WHEN side = 1 THEN account.id ELSE %(facility)s END,
                   CASE WHEN side = 1 THEN account.partner_id ELSE %(facility_partner)s END,
                   %(company)s,
                   CASE WHEN side = 1 THEN hours ELSE -hours END
                       * CASE WHEN g %% 2 = 0 THEN 1 ELSE -1 END,
                   d, CASE WHEN g %% 2 = 0 THEN 'volunteering' ELSE 'purchase' END,
                   'BENCH/' || g || '/' || side, 'BENCH/' || g, %(uid)s,
                   %(uid)s, %(uid)s, now(), now()
              FROM (SELECT g, 1 + g %% 3 AS hours, {self._random_date()} AS d,
                           (%(members)s::int[])[1 + g %% %(member_count)s] AS partner
                      FROM generate_series(1, %(count)s) g) s
              JOIN conserverie_time_account account
                ON account.partner_id = s.partner AND NOT account.is_facility
        CROSS JOIN generate_series(1, 2) side
            """,
            facility=self.facility.id,
            facility_partner=self.facility.partner_id.id,
            members=self.member_ids,
            member_count=self.members,
            count=transfers,
        )

    def _deposits(self):
        count = self.size // 20
        self._execute(
            f"""
            INSERT INTO conserverie_deposit_move (company_id, move_type, date, deposit_product_id,
                   jar_product_id, quantity, amount, partner_id,
                   create_uid, write_uid, create_date, write_date)
            SELECT %(company)s, CASE WHEN g %% 3 = 0 THEN 'return' ELSE 'sale' END,
                   ({self._random_date()})::date, %(deposit)s, %(jar)s,
                   CASE WHEN g %% 3 = 0 THEN -2 ELSE 2 END,
                   CASE WHEN g %% 3 = 0 THEN -1 ELSE 1 END,
                   (%(members)s::int[])[1 + g %% %(member_count)s],
                   %(uid)s, %(uid)s, now(), now()
              FROM generate_series(1, %(count)s) g
            """,
            deposit=self.deposit.id,
            jar=self.jar.id,
            members=self.member_ids,
            member_count=self.members,
            count=count,
        )


def measure(database, size, repeat):
    from odoo import SUPERUSER_ID, api, sql_db
    from odoo.modules.registry import Registry

    registry = Registry(database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        started = time.time()
        Generator(env, size).run()
        cr.commit()
        generated = time.time() - started
    with registry.cursor() as cr:
        counts = {}
        cr.execute("SELECT count(*) FROM stock_move")
        counts["stock moves"] = cr.fetchone()[0]
        for table in (
            "pos_order",
            "conserverie_activity_attendance",
            "conserverie_intake_line",
            "conserverie_time_move",
        ):
            cr.execute(f"SELECT count(*) FROM {table}")
            counts[table] = cr.fetchone()[0]
        # the administrator is a coordinator: record rules apply as in real use
        env = api.Environment(cr, 2, {"lang": "en_US"})
        report = env["conserverie.impact.report"].create(
            {"date_from": date(YEAR, 1, 1), "date_to": date(YEAR, 12, 31)}
        )
        report.compute_indicators()  # warm the caches (rules, translations)
        timings = []
        queries = None
        values = None
        for _index in range(repeat):
            env.flush_all()
            env.invalidate_all()
            before = sql_db.sql_counter
            started = time.perf_counter()
            values = report.compute_indicators()
            timings.append(time.perf_counter() - started)
            queries = sql_db.sql_counter - before
        cr.rollback()
    return {
        "size": size,
        "counts": counts,
        "generated": generated,
        "time": min(timings),
        "queries": queries,
        "values": values,
    }


def main():
    args = parse_args()
    odoo = setup_odoo()
    install_template(args)
    results = []
    for size in (int(size) for size in args.sizes.split(",")):
        database = f"{args.prefix}_{size}"
        copy_database(args.template, database)
        try:
            result = measure(database, size, args.repeat)
        finally:
            if not args.keep:
                odoo.sql_db.close_db(database)
                drop_database(database)
        results.append(result)
        counts = ", ".join(f"{name} {count}" for name, count in result["counts"].items())
        values = result["values"]
        print(
            f"size {size}: {counts} (generated in {result['generated']:.1f} s)\n"
            f"  indicators in {result['time'] * 1000:.0f} ms, {result['queries']} SQL queries "
            f"(kg {values['kg_recovered']:.0f}, jars out {values['jars_distributed']:.0f}, "
            f"hours {values['volunteer_hours']:.0f}, participants {values['participants']})",
            flush=True,
        )
    if not args.reuse_template and not args.keep:
        drop_database(args.template)
    rows = summary_rows(results)
    queries_row, time_row = rows
    print(
        f"query count {queries_row['value']} "
        f"({'same' if queries_row['passed'] else 'DIFFERENT'}); time ratio {time_row['ratio']:.2f} "
        f"({'under' if time_row['passed'] else 'NOT under'} {TIME_RATIO_TARGET})"
    )
    if args.rows_json:
        Path(args.rows_json).write_text(json.dumps(rows))
    return 0 if all(row["passed"] for row in rows) else 1


def summary_rows(results):
    """Rows of the benchmark table: benchmark, measure, value, target, ratio, passed."""
    small, large = results[0], results[-1]
    benchmark = f"Impact indicators, {small['size']:,} -> {large['size']:,} stock moves"
    ratio = large["time"] / small["time"] if small["time"] else float("inf")
    return [
        {
            "benchmark": benchmark,
            "measure": "SQL queries",
            "value": f"{small['queries']} -> {large['queries']}",
            "target": "same",
            "ratio": large["queries"] / small["queries"] if small["queries"] else float("nan"),
            "passed": small["queries"] == large["queries"],
        },
        {
            "benchmark": benchmark,
            "measure": "time of the year's indicators",
            "value": f"{small['time'] * 1000:.0f} -> {large['time'] * 1000:.0f} ms",
            "target": f"ratio < {TIME_RATIO_TARGET}",
            "ratio": ratio,
            "passed": ratio < TIME_RATIO_TARGET,
        },
    ]


if __name__ == "__main__":
    sys.exit(main())
