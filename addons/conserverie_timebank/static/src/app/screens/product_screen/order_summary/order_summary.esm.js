/** @odoo-module */
import { OrderSummary } from "@point_of_sale/app/screens/product_screen/order_summary/order_summary";
import { patch } from "@web/core/utils/patch";
import { useEffect } from "@odoo/owl";

patch(OrderSummary.prototype, {
    setup() {
        super.setup(...arguments);
        // the balance is asked when a customer is picked, never loaded with the partners
        useEffect(
            (partner) => {
                if (partner) {
                    this.pos.fetchTimeAccount(partner);
                }
            },
            () => [this.pos.get_order()?.get_partner()]
        );
    },

    get memberTimeAccount() {
        return this.pos.getTimeAccount(this.pos.get_order()?.get_partner());
    },
});
