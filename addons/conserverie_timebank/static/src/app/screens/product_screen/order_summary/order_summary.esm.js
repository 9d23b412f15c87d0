/** @odoo-module */
import { OrderSummary } from "@point_of_sale/app/screens/product_screen/order_summary/order_summary";
import { patch } from "@web/core/utils/patch";

patch(OrderSummary.prototype, {
    fetchMemberFigures(partner) {
        super.fetchMemberFigures(...arguments);
        this.pos.fetchTimeAccount(partner);
    },

    get memberTimeAccount() {
        return this.pos.getTimeAccount(this.member);
    },
});
