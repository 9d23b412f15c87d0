/** @odoo-module */
import { PosOrder } from "@point_of_sale/app/models/pos_order";
import { patch } from "@web/core/utils/patch";
import { _t } from "@web/core/l10n/translation";

patch(PosOrder.prototype, {
    /** The deposits charged, one entry per jar deposit and price: jars and price per jar. */
    getJarDepositsCharged() {
        const byKey = new Map();
        for (const line of this.lines) {
            if (!line.isDepositLine() || line.qty <= 0) {
                continue;
            }
            const unitPrice = line.get_unit_display_price();
            const key = `${line.product_id.id}-${unitPrice}`;
            const entry = byKey.get(key) || {
                name: line.product_id.display_name,
                unitPrice,
                qty: 0,
            };
            entry.qty += line.qty;
            byKey.set(key, entry);
        }
        return [...byKey.values()];
    },
    /** Empty jars brought back on this order, a count. */
    getJarsReturned() {
        return this.lines
            .filter((line) => line.isJarReturnLine())
            .reduce((sum, line) => sum - line.qty, 0);
    },
    export_for_printing() {
        const result = super.export_for_printing(...arguments);
        const jarsReturned = this.getJarsReturned();
        Object.assign(result.conserverieDeposit, {
            perJar: this.getJarDepositsCharged(),
            labelPerJar: _t("Deposit per jar"),
            jarsReturned,
            labelJarsReturned: _t("Empty jars returned: %(count)s", { count: jarsReturned }),
        });
        return result;
    },
});
