import { patch } from "@web/core/utils/patch";
import { PaymentScreenPaymentLines } from "@point_of_sale/app/screens/payment_screen/payment_lines/payment_lines";
import { eurosToHours, formatHours } from "./time_hours";

patch(PaymentScreenPaymentLines.prototype, {
    formatLineHours(line) {
        return formatHours(eurosToHours(line.get_amount(), this.pos.company.time_hour_value));
    },
});
