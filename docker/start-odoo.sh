#!/usr/bin/env bash
# Start Odoo with the Conserverie addons; the first start creates the database
# with the whole suite (and its demo data unless CONSERVERIE_DEMO=false).
set -euo pipefail
pip3 install --quiet --break-system-packages -r /mnt/conserverie-requirements.txt 2>/dev/null \
    || pip3 install --quiet -r /mnt/conserverie-requirements.txt
chown -R odoo: /var/lib/odoo

db_args=(--db_host "$PGHOST" --db_port "$PGPORT" --db_user "$PGUSER" --db_password "$PGPASSWORD")
# Odoo's own addons, wherever this image's Odoo lives
odoo_addons=$(python3 -c "import odoo, pathlib; print(pathlib.Path(odoo.__file__).parent / 'addons')")
addons_path=$odoo_addons,/mnt/extra-addons
modules=$(cd /mnt/extra-addons && ls -d conserverie_*/ | tr -d / | paste -sd, -)

if ! PGPASSWORD=$PGPASSWORD psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$CONSERVERIE_DB" -c 'SELECT 1 FROM ir_module_module LIMIT 1' >/dev/null 2>&1; then
    demo=()
    [ "$CONSERVERIE_DEMO" = "true" ] || demo=(--without-demo=all)
    echo "First start: creating $CONSERVERIE_DB in French, for France, with $modules"
    # as Odoo's database manager does with France and French chosen: the French chart in euros
    create_demo=()
    [ "$CONSERVERIE_DEMO" = "true" ] || create_demo=(--without-demo)
    su odoo -s /bin/bash -c "python3 /mnt/conserverie-docker/create_database.py $CONSERVERIE_DB \
        --lang fr_FR --country fr ${create_demo[*]} --addons-path=$odoo_addons ${db_args[*]}"
    su odoo -s /bin/bash -c "odoo ${db_args[*]} --addons-path=$addons_path -d $CONSERVERIE_DB -i $modules ${demo[*]} --stop-after-init"
fi

exec su odoo -s /bin/bash -c "odoo ${db_args[*]} --addons-path=$addons_path -d $CONSERVERIE_DB \
    --db-filter=^$CONSERVERIE_DB\$ --workers=$ODOO_WORKERS --proxy-mode --gevent-port=8072"
