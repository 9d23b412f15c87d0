"""Upgrade and uninstall every Conserverie addon on a database with data.

1. Records the figures of the database by SQL (hours balances, deposit
   ledger, general ledger, stock by lot, lots by release state, the views,
   rules, crons and actions of our addons), upgrades (``-u``) every installed
   addon of ours in one run, and checks that nothing was logged at WARNING or
   above and that every figure is unchanged.
2. Uninstalls each addon of ours, dependents first, and checks that nothing
   was logged at WARNING or above, that no ``ir.model.data`` of the addon is
   left, that the records its xml ids named are gone, and that its tables and
   the columns it added to other tables were dropped.

Each addon's upgrade and each addon's uninstall is one test. Run it alone on
a database that has the suite installed::

    python3 tests/lifecycle/lifecycle.py --database NAME

``tests/run_tests.py --lifecycle`` runs it after the Odoo tests.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
OUR_PREFIX = "conserverie"
PROBLEM_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (WARNING|ERROR|CRITICAL) ")
KEPT_RECORD = re.compile(
    r" odoo\.sql_db: bad query: \S*DELETE FROM \"\w+\" WHERE id IN \([\d, ]+\)\S*\n"
    r"ERROR: +update or delete on table \"\w+\" violates foreign key constraint "
)
LOADING_LINE = re.compile(r" odoo\.modules\.loading: Loading module (\w+) ")

# the records an addon's xml ids name that must leave with the addon
TRACKED_MODELS = {
    "ir.ui.view": "ir_ui_view",
    "ir.rule": "ir_rule",
    "ir.cron": "ir_cron",
    "ir.ui.menu": "ir_ui_menu",
    "ir.model.access": "ir_model_access",
    "ir.actions.act_window": "ir_act_window",
    "ir.actions.server": "ir_act_server",
    "ir.actions.report": "ir_act_report_xml",
    "ir.actions.client": "ir_act_client",
    "res.groups": "res_groups",
}

# figure name -> (tables or table.columns it reads, query whose rows must not
# change across an upgrade); a query reading what does not exist (addon not
# installed) is left out
FIGURES = {
    "hours balances by company": (
        ["conserverie_time_account"],
        "SELECT company_id, round(sum(balance)::numeric, 4), count(*) "
        "FROM conserverie_time_account GROUP BY company_id ORDER BY company_id",
    ),
    "hours ledger by company and type": (
        ["conserverie_time_move"],
        "SELECT company_id, move_type, round(sum(amount)::numeric, 4), count(*) "
        "FROM conserverie_time_move GROUP BY 1, 2 ORDER BY 1, 2",
    ),
    "deposit ledger by company and type": (
        ["conserverie_deposit_move"],
        "SELECT company_id, move_type, round(sum(quantity)::numeric, 4), "
        "round(sum(amount)::numeric, 2), count(*) "
        "FROM conserverie_deposit_move GROUP BY 1, 2 ORDER BY 1, 2",
    ),
    "general ledger by account": (
        ["account_move_line"],
        "SELECT company_id, account_id, round(sum(balance)::numeric, 2), count(*) "
        "FROM account_move_line GROUP BY 1, 2 ORDER BY 1, 2",
    ),
    "stock by product, lot and location": (
        ["stock_quant"],
        "SELECT product_id, lot_id, location_id, round(sum(quantity)::numeric, 4) "
        "FROM stock_quant GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
    ),
    "lots by release state": (
        ["stock_lot.release_state"],
        "SELECT release_state, count(*) FROM stock_lot GROUP BY 1 ORDER BY 1",
    ),
    "records of our addons": (
        ["ir_model_data"],
        "SELECT module, model, count(*) FROM ir_model_data "
        "WHERE module LIKE 'conserverie%%' GROUP BY 1, 2 ORDER BY 1, 2",
    ),
    "views, rules, crons and actions of our addons": (
        ["ir_model_data"],
        "SELECT 'views', count(*) FROM ir_ui_view WHERE id IN (SELECT res_id FROM ir_model_data "
        "WHERE model = 'ir.ui.view' AND module LIKE 'conserverie%%') "
        "UNION ALL SELECT 'rules', count(*) FROM ir_rule WHERE id IN (SELECT res_id "
        "FROM ir_model_data WHERE model = 'ir.rule' AND module LIKE 'conserverie%%') "
        "UNION ALL SELECT 'crons', count(*) FROM ir_cron WHERE id IN (SELECT res_id "
        "FROM ir_model_data WHERE model = 'ir.cron' AND module LIKE 'conserverie%%') "
        "UNION ALL SELECT 'active crons', count(*) FROM ir_cron WHERE active AND id IN "
        "(SELECT res_id FROM ir_model_data WHERE model = 'ir.cron' "
        "AND module LIKE 'conserverie%%') "
        "UNION ALL SELECT 'actions', count(*) FROM ir_actions WHERE id IN (SELECT res_id "
        "FROM ir_model_data WHERE model LIKE 'ir.actions.%%' AND module LIKE 'conserverie%%')",
    ),
}

UNINSTALL_SCRIPT = """
module = env["ir.module.module"].search([("name", "=", {name!r})])
module.button_immediate_uninstall()
env.cr.commit()
"""


def uninstall_order(dependencies):
    """Our addons ordered so that every addon comes before those it depends on.

    ``dependencies`` maps each addon to the addons it depends on (any
    addon: those outside the mapping are ignored). Ties are broken by name so
    that the order is stable.
    """
    remaining = {name: set(deps) & set(dependencies) for name, deps in dependencies.items()}
    order = []
    while remaining:
        # an addon nobody left depends on can go
        needed = set().union(*remaining.values())
        free = sorted(name for name in remaining if name not in needed)
        if not free:
            raise ValueError(f"dependency cycle among {sorted(remaining)}")
        for name in free:
            order.append(name)
            del remaining[name]
    return order


def log_problems(text):
    """The records of an Odoo log at WARNING or above, with their tracebacks.

    Each comes as ``(module, record)`` where ``module`` is the module Odoo was
    loading when it was logged (None outside module loading).
    """
    problems = []
    module = None
    for line in text.splitlines():
        loading = LOADING_LINE.search(line)
        if loading:
            module = loading.group(1)
        elif " odoo.modules.loading: " in line and " modules loaded in " in line:
            module = None
        if PROBLEM_LINE.match(line):
            problems.append((module, line))
        elif problems and not re.match(r"^\d{4}-\d\d-\d\d ", line):
            problems[-1] = (problems[-1][0], problems[-1][1] + "\n" + line)
    return problems


def is_kept_record(record):
    """Whether a logged record is Odoo keeping, at uninstall, a record others use.

    The uninstall deletes each record of the addon in a savepoint; when other
    data still references it (a product with stock moves, a lot with quants),
    PostgreSQL refuses, Odoo logs the refused query, keeps the record and its
    xml id and goes on. That is Odoo's behaviour, not a fault of the addon.
    """
    return bool(KEPT_RECORD.search(record))


def compare_figures(before, after):
    """A message for each figure that differs between two snapshots."""
    messages = []
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name), after.get(name)
        if old != new:
            lost = [row for row in old or [] if row not in (new or [])]
            gained = [row for row in new or [] if row not in (old or [])]
            messages.append(f"{name} changed: before {lost[:5]}, after {gained[:5]}")
    return messages


class Lifecycle:
    def __init__(self, database, addons_path, connection_args, logdir, odoo_options=()):
        self.database = database
        self.addons_path = addons_path
        self.connection_args = dict(connection_args, dbname=database)
        self.logdir = Path(logdir)
        self.odoo_options = list(odoo_options)
        self.passed = 0
        self.failures = []

    # database ------------------------------------------------------------

    def query(self, sql, params=None):
        import psycopg2

        connection = psycopg2.connect(**self.connection_args)
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall()
        finally:
            connection.close()

    def tables(self):
        return {
            row[0]
            for row in self.query(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            )
        }

    def columns(self):
        return set(
            self.query(
                "SELECT table_name, column_name FROM information_schema.columns "
                "WHERE table_schema = 'public'"
            )
        )

    def installed_addons(self):
        """Our installed addons, each with the addons it depends on."""
        rows = self.query(
            "SELECT m.name, d.name FROM ir_module_module m "
            "LEFT JOIN ir_module_module_dependency d ON d.module_id = m.id "
            "WHERE m.state = 'installed' AND m.name LIKE 'conserverie%%'"
        )
        addons = {}
        for name, dependency in rows:
            addons.setdefault(name, set())
            if dependency:
                addons[name].add(dependency)
        return addons

    def figures(self):
        present = self.tables() | {f"{table}.{column}" for table, column in self.columns()}
        return {
            name: [tuple(str(value) for value in row) for row in self.query(sql)]
            for name, (needed, sql) in FIGURES.items()
            if set(needed) <= present
        }

    def footprint(self, module):
        """What uninstalling ``module`` must remove: records, tables, columns."""
        records = {
            (model, res_id)
            for model, res_id in self.query(
                "SELECT model, res_id FROM ir_model_data WHERE module = %s AND model IN %s",
                (module, tuple(TRACKED_MODELS)),
            )
        }
        # models and fields no other installed module also declares
        models = self.query(
            "SELECT m.model FROM ir_model m JOIN ir_model_data d ON d.model = 'ir.model' "
            "AND d.res_id = m.id AND d.module = %s WHERE NOT EXISTS (SELECT 1 FROM "
            "ir_model_data o WHERE o.model = 'ir.model' AND o.res_id = m.id AND o.module <> %s)",
            (module, module),
        )
        fields = self.query(
            "SELECT f.model, f.name FROM ir_model_fields f JOIN ir_model_data d "
            "ON d.model = 'ir.model.fields' AND d.res_id = f.id AND d.module = %s "
            "WHERE f.store AND f.ttype NOT IN ('one2many', 'many2many') AND NOT EXISTS "
            "(SELECT 1 FROM ir_model_data o WHERE o.model = 'ir.model.fields' "
            "AND o.res_id = f.id AND o.module <> %s)",
            (module, module),
        )
        tables = self.tables()
        own_tables = {model.replace(".", "_") for (model,) in models} & tables
        columns = {(model.replace(".", "_"), name) for model, name in fields} & self.columns()
        return records, own_tables, columns - {(t, c) for t, c in columns if t in own_tables}

    # odoo ------------------------------------------------------------------

    def odoo(self, step, arguments, stdin=None):
        """Run Odoo in a process of its own; return its log's problems."""
        logfile = self.logdir / f"{step}.log"
        logfile.unlink(missing_ok=True)
        command = [
            sys.executable,
            "-m",
            "odoo",
            *arguments,
            "--database",
            self.database,
            "--addons-path",
            self.addons_path,
            "--logfile",
            str(logfile),
            "--log-level",
            "info",
            "--max-cron-threads",
            "0",
            "--no-http",
            *self.odoo_options,
        ]
        process = subprocess.run(
            command,
            input=stdin,
            text=True,
            capture_output=True,
            check=False,
        )
        log = logfile.read_text(encoding="utf-8", errors="replace") if logfile.exists() else ""
        problems = log_problems(log)
        if process.returncode:
            problems.append(
                (None, f"odoo exited with code {process.returncode}: {process.stderr[-2000:]}")
            )
        return problems

    # checks ----------------------------------------------------------------

    def record(self, test, messages):
        if messages:
            self.failures.append(test)
            print(f"FAIL: {test}")
            for message in messages:
                print(f"    {message}")
        else:
            self.passed += 1
            print(f"ok: {test}")

    def check_upgrade(self, addons):
        before = self.figures()
        started = time.monotonic()
        problems = self.odoo("upgrade", ["--update", ",".join(sorted(addons)), "--stop-after-init"])
        changes = compare_figures(before, self.figures())
        print(f"upgrade of {len(addons)} addons: {time.monotonic() - started:.0f}s")
        for addon in sorted(addons):
            # a problem logged outside our addons' loading, or a changed
            # figure, fails every upgrade
            self.record(
                f"upgrade {addon}",
                [
                    record
                    for module, record in problems
                    if module == addon or not (module or "").startswith(OUR_PREFIX)
                ]
                + changes,
            )

    def check_uninstall(self, module):
        records, tables, columns = self.footprint(module)
        started = time.monotonic()
        problems = self.odoo(
            f"uninstall-{module}",
            ["shell"],
            stdin=UNINSTALL_SCRIPT.format(name=module),
        )
        kept = [record for _module, record in problems if is_kept_record(record)]
        messages = [record for _module, record in problems if not is_kept_record(record)]
        state = self.query("SELECT state FROM ir_module_module WHERE name = %s", (module,))
        if state != [("uninstalled",)]:
            messages.append(f"module state is {state}, not uninstalled")
        left = self.query(
            "SELECT model, name, res_id FROM ir_model_data WHERE module = %s", (module,)
        )
        present = self.tables()
        for model, name, res_id in left:
            table = model.replace(".", "_")
            if model in TRACKED_MODELS or model.startswith("ir.model") or table not in present:
                messages.append(f"ir.model.data {module}.{name} ({model}) left")
            elif not self.query(f'SELECT 1 FROM "{table}" WHERE id = %s', (res_id,)):
                messages.append(f"ir.model.data {module}.{name} left, its {model} is gone")
        if left or kept:
            # records other data still uses, kept by Odoo with their xml id
            print(
                f"    {len(kept)} deletions refused, kept as still in use: "
                f"{', '.join(name for _model, name, _id in left)}"
            )
        for model, table in TRACKED_MODELS.items():
            ids = [res_id for name, res_id in records if name == model]
            if ids:
                remaining = self.query(f"SELECT id FROM {table} WHERE id IN %s", (tuple(ids),))
                if remaining:
                    messages.append(f"{len(remaining)} {model} records left: ids {remaining[:5]}")
        if kept_tables := tables & present:
            messages.append(f"tables left: {sorted(kept_tables)}")
        if kept_columns := columns & self.columns():
            messages.append(f"columns left: {sorted(kept_columns)}")
        print(f"uninstall of {module}: {time.monotonic() - started:.0f}s")
        self.record(f"uninstall {module}", messages)

    def run(self):
        addons = self.installed_addons()
        if not addons:
            self.record("lifecycle", ["no addon of ours is installed"])
            return self.passed, len(self.failures)
        self.check_upgrade(addons)
        for module in uninstall_order(addons):
            self.check_uninstall(module)
        left = self.query(
            "SELECT module, model, name FROM ir_model_data WHERE module LIKE 'conserverie%%' "
            "AND (model IN %s OR model LIKE 'ir.model%%')",
            (tuple(TRACKED_MODELS),),
        )
        views = self.query("SELECT id, name FROM ir_ui_view WHERE key LIKE 'conserverie%%'")
        self.record(
            "nothing of the suite left",
            [f"ir.model.data left: {left[:10]}"] * bool(left)
            + [f"views left: {views[:10]}"] * bool(views),
        )
        return self.passed, len(self.failures)


def run(database, addons_path, connection_args, logdir=None, odoo_options=()):
    """Check the lifecycle of our addons in ``database``; return (passed, failed).

    The database is left with none of our addons installed.
    """
    logdir = logdir or tempfile.mkdtemp(prefix="conserverie-lifecycle-")
    Path(logdir).mkdir(parents=True, exist_ok=True)
    print(f"Lifecycle of our addons in {database!r}, Odoo's logs in {logdir}")
    started = time.monotonic()
    lifecycle = Lifecycle(database, addons_path, connection_args, logdir, odoo_options)
    result = lifecycle.run()
    print(f"lifecycle: {time.monotonic() - started:.0f}s")
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--logdir")
    args = parser.parse_args()
    connection_args = {
        key: value
        for key, value in (
            ("host", os.environ.get("PGHOST")),
            ("port", os.environ.get("PGPORT")),
            ("user", os.environ.get("PGUSER")),
            ("password", os.environ.get("PGPASSWORD")),
        )
        if value
    }
    passed, failed = run(args.database, args.addons_path, connection_args, args.logdir)
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
