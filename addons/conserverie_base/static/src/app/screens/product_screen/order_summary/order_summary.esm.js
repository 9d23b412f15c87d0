/** @odoo-module */
import { OrderSummary } from "@point_of_sale/app/screens/product_screen/order_summary/order_summary";
import { patch } from "@web/core/utils/patch";
import { useEffect } from "@odoo/owl";
import { MemberFigure } from "@conserverie_base/app/components/member_figure/member_figure.esm";

patch(OrderSummary, {
    components: { ...OrderSummary.components, MemberFigure },
});

patch(OrderSummary.prototype, {
    setup() {
        super.setup(...arguments);
        // the figures are asked when a customer is picked, never loaded with the partners
        useEffect(
            (partner) => {
                if (partner) {
                    this.fetchMemberFigures(partner);
                }
            },
            () => [this.member]
        );
    },

    /** The customer of the order, whose figures are shown. */
    get member() {
        return this.pos.get_order()?.get_partner();
    },

    /**
     * Ask the server the figures shown for ``partner`` (a ``MemberFigure`` each); every
     * addon that shows one extends this.
     */
    fetchMemberFigures(partner) {},
});
