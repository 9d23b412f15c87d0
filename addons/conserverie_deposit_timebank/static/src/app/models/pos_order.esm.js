/** @odoo-module */
import { PosOrder } from "@point_of_sale/app/models/pos_order";
import { patch } from "@web/core/utils/patch";

patch(PosOrder.prototype, {
    /** Hours never pay a jar deposit, paid with a product or refunded for an empty. */
    getAmountNotPayableInHours() {
        const deposits = this.lines
            .filter((line) => line.isDepositLine())
            .reduce((sum, line) => sum + line.get_price_with_tax(), 0);
        return super.getAmountNotPayableInHours(...arguments) + deposits;
    },
});
