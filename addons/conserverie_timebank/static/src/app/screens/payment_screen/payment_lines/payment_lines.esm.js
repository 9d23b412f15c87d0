/** @odoo-module */
import { patch } from "@web/core/utils/patch";
import { PaymentScreenPaymentLines } from "@point_of_sale/app/screens/payment_screen/payment_lines/payment_lines";
import { eurosToHours, formatHours } from "@conserverie_timebank/app/utils/time_hours.esm";

patch(PaymentScreenPaymentLines.prototype, {
    formatLineHours(line) {
        return formatHours(eurosToHours(line.get_amount(), this.pos.company.time_hour_value));
    },
});
