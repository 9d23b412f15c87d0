#!/usr/bin/env python3
"""Create an Odoo database as Odoo's database manager does, for a facility in France.

The country is chosen when the database is created, before any addon is
installed, then Invoicing (``account``) is installed: Odoo brings the French
chart of accounts (``l10n_fr_account``) in euros with it, as it does for anyone
who creates a database from the manager's form, picks France and installs
Invoicing. Then install the addons with ``odoo -d NAME -i ...``: their demo
data and Odoo's (the point of sale's) find the company's journals ready.

    python3 docker/create_database.py NAME [--lang fr_FR] [--country fr] [--without-demo]
        [--addons-path ...] [--db_host ...] [--db_port ...] [--db_user ...] [--db_password ...]

The test command and the Docker start script use it. It finds Odoo with
``import odoo``.
"""

import argparse
import sys
from pathlib import Path


def default_addons_path(odoo):
    """Odoo's own addons folders, wherever the imported Odoo lives."""
    odoo_dir = Path(odoo.__file__).parent
    # a packaged Odoo keeps its addons in odoo/addons, a source checkout beside it
    folders = [
        folder
        for folder in (odoo_dir / "addons", odoo_dir.parent / "addons")
        if any(folder.glob("*/__manifest__.py"))
    ]
    return ",".join(str(folder) for folder in folders)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("name", help="the database to create; it must not exist")
    parser.add_argument("--lang", default="fr_FR", help="the administrator's language")
    parser.add_argument("--country", default="fr", help="the main company's country code")
    parser.add_argument("--without-demo", action="store_true", help="no demo data")
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--addons-path")
    for option in ("--db_host", "--db_port", "--db_user", "--db_password"):
        parser.add_argument(option)
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    import odoo
    import odoo.service.db

    addons_path = args.addons_path or default_addons_path(odoo)
    config_argv = ["--addons-path", addons_path, "--log-level", "warn"]
    for option in ("db_host", "db_port", "db_user", "db_password"):
        if getattr(args, option):
            config_argv += [f"--{option}", getattr(args, option)]
    odoo.tools.config.parse_config(config_argv)
    if odoo.service.db.exp_db_exist(args.name):
        print(f"The database {args.name!r} already exists.", file=sys.stderr)
        return 1
    odoo.service.db.exp_create_database(
        args.name,
        not args.without_demo,
        args.lang,
        user_password=args.password,
        login=args.login,
        country_code=args.country,
    )
    registry = odoo.modules.registry.Registry(args.name)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        env["ir.module.module"].search([("name", "=", "account")]).button_immediate_install()
    with odoo.modules.registry.Registry(args.name).cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        company = env.ref("base.main_company")
        demo = "without" if args.without_demo else "with"
        print(
            f"Created {args.name}: {company.country_id.name}, {company.currency_id.name}, "
            f"chart {company.chart_template}, {demo} demo data"
        )
    odoo.sql_db.close_all()
    return 0


if __name__ == "__main__":
    sys.exit(main())
