/** @odoo-module */
import { _t } from "@web/core/l10n/translation";
import { patch } from "@web/core/utils/patch";
import { PosOrder } from "@point_of_sale/app/models/pos_order";
import { eurosToHours, formatHours } from "@conserverie_timebank/app/utils/time_hours.esm";

patch(PosOrder.prototype, {
    getTimePaymentLines() {
        return this.payment_ids.filter((line) => line.payment_method_id?.is_time_currency);
    },
    getTimePaidAmount() {
        return this.getTimePaymentLines().reduce((sum, line) => sum + line.get_amount(), 0);
    },
    getTimePaidHours() {
        return eurosToHours(this.getTimePaidAmount(), this.company.time_hour_value);
    },
    /** What may be paid in hours: the order's lines but those hours never pay. */
    getAmountPayableInHours() {
        const total = this.lines.reduce((sum, line) => sum + line.get_price_with_tax(), 0);
        return total - this.getAmountNotPayableInHours();
    },
    /** The part of the lines hours never pay; other addons add theirs (deposits). */
    getAmountNotPayableInHours() {
        return 0;
    },
    /** Euros paid, other than hours, on the orders this order refunds. */
    getRefundedOrdersEuroPaid() {
        const originals = new Set(
            this.lines.map((line) => line.refunded_orderline_id?.order_id).filter(Boolean)
        );
        let paidInHours = false;
        let euros = 0;
        for (const order of originals) {
            for (const payment of order.payment_ids || []) {
                if (payment.payment_method_id?.is_time_currency) {
                    paidInHours = true;
                } else {
                    euros += payment.get_amount();
                }
            }
        }
        return { paidInHours, euros };
    },
    export_for_printing() {
        const result = super.export_for_printing(...arguments);
        const hours = this.getTimePaidHours();
        result.conserverieTime = {
            show: Boolean(hours),
            label: hours < 0 ? _t("Hours given back") : _t("Paid in hours"),
            hoursDisplay: formatHours(Math.abs(hours)),
        };
        return result;
    },
});
