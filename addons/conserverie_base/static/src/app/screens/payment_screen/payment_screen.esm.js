/** @odoo-module */
import { PaymentScreen } from "@point_of_sale/app/screens/payment_screen/payment_screen";
import { patch } from "@web/core/utils/patch";

patch(PaymentScreen.prototype, {
    /** While the volunteer validates, a lost connection keeps the sale for later. */
    async _finalizeValidation() {
        this.pos.isValidatingOrder = true;
        try {
            return await super._finalizeValidation(...arguments);
        } finally {
            this.pos.isValidatingOrder = false;
        }
    },
});
