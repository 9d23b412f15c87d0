/** @odoo-module */
import { OrderSummary } from "@point_of_sale/app/screens/product_screen/order_summary/order_summary";
import { patch } from "@web/core/utils/patch";
import { useEffect } from "@odoo/owl";

patch(OrderSummary.prototype, {
    setup() {
        super.setup(...arguments);
        // the count is asked when a customer is picked, never loaded with the partners
        useEffect(
            (partner) => {
                if (partner) {
                    this.pos.fetchJarsOut(partner);
                }
            },
            () => [this.pos.get_order()?.get_partner()]
        );
    },

    get memberJarsOut() {
        return this.pos.getJarsOut(this.pos.get_order()?.get_partner());
    },
});
