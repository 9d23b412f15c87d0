/** @odoo-module */
import { PosOrder } from "@point_of_sale/app/models/pos_order";
import { patch } from "@web/core/utils/patch";
import { _t } from "@web/core/l10n/translation";

patch(PosOrder.prototype, {
    /** Give each product line sold in a jar one deposit line, in step with it. */
    syncDepositLines() {
        if (this.finalized) {
            return;
        }
        for (const line of [...this.lines]) {
            if (line.isDepositLine()) {
                if (line.deposit_parent_uuid && !line.getDepositParentLine()) {
                    line.delete();
                }
                continue;
            }
            const deposit = line.product_id?.deposit_product_id;
            const existing = line.getDepositLines();
            if (!deposit) {
                existing.forEach((depositLine) => depositLine.delete());
                continue;
            }
            if (existing.length) {
                for (const depositLine of existing) {
                    if (depositLine.qty !== line.qty) {
                        depositLine.setDepositQuantity(line.qty);
                    }
                }
                continue;
            }
            this.models["pos.order.line"].create({
                order_id: this,
                product_id: deposit,
                qty: line.qty,
                price_unit: deposit.lst_price,
                price_type: "manual",
                price_extra: 0,
                discount: 0,
                tax_ids: [],
                deposit_parent_uuid: line.uuid,
            });
        }
        this.recomputeOrderData();
    },
    removeOrderline(line) {
        const parent = line.getDepositParentLine();
        if (parent) {
            return this.removeOrderline(parent);
        }
        const depositLines = line.getDepositLines();
        const result = super.removeOrderline(...arguments);
        if (result) {
            for (const depositLine of depositLines) {
                if (this.lines.includes(depositLine)) {
                    depositLine.delete();
                }
            }
            this.recomputeOrderData();
        }
        return result;
    },
    getDepositTotals() {
        let paid = 0;
        let refunded = 0;
        for (const line of this.lines) {
            if (!line.isDepositLine()) {
                continue;
            }
            const amount = line.get_price_with_tax();
            if (amount >= 0) {
                paid += amount;
            } else {
                refunded -= amount;
            }
        }
        return { paid, refunded };
    },
    export_for_printing() {
        const result = super.export_for_printing(...arguments);
        const { paid, refunded } = this.getDepositTotals();
        result.conserverieDeposit = {
            paid,
            refunded,
            show: Boolean(paid || refunded),
            labelPaid: _t("Jar deposits paid"),
            labelRefunded: _t("Jar deposits refunded"),
        };
        return result;
    },
});
