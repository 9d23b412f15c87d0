/** @odoo-module */
import { patch } from "@web/core/utils/patch";
import { ClosePosPopup } from "@point_of_sale/app/navbar/closing_popup/closing_popup";
import { eurosToHours, formatHours } from "@conserverie_timebank/app/utils/time_hours.esm";

/** Hours are not counted at closing: the ledger already holds them. */
patch(ClosePosPopup.prototype, {
    isTimeMethod(paymentMethodId) {
        return Boolean(
            this.pos.models["pos.payment.method"].get(paymentMethodId)?.is_time_currency
        );
    },

    getInitialState() {
        const state = super.getInitialState(...arguments);
        for (const pm of this.props.non_cash_payment_methods) {
            if (this.isTimeMethod(pm.id)) {
                delete state.payments[pm.id];
            }
        }
        return state;
    },

    getDifference(paymentId) {
        if (this.isTimeMethod(paymentId)) {
            return 0;
        }
        return super.getDifference(...arguments);
    },

    /** "2 h 30 ($25.00)": the hours and their value in the company's currency. */
    timeMethodDisplay(pm) {
        const hours = eurosToHours(pm.amount, this.pos.company.time_hour_value);
        return `${formatHours(hours)} (${this.env.utils.formatCurrency(pm.amount)})`;
    },
});
