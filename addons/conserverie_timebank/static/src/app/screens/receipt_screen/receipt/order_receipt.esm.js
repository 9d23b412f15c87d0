/** @odoo-module */
import { PosStore } from "@point_of_sale/app/store/pos_store";
import { patch } from "@web/core/utils/patch";
import { _t } from "@web/core/l10n/translation";
import { formatHours } from "@conserverie_timebank/app/utils/time_hours.esm";

patch(PosStore.prototype, {
    /**
     * The member's hours after the sale: the balance the server gave before the payment
     * less the hours paid. Undefined when the till never learnt the balance.
     */
    getTimeBalanceAfter(order) {
        const account = this.getTimeAccount(order.get_partner());
        if (!account?.has_account || typeof account.balance !== "number") {
            return undefined;
        }
        return account.balance - order.getTimePaidHours();
    },
    orderExportForPrinting(order) {
        const result = super.orderExportForPrinting(...arguments);
        const balanceAfter = this.getTimeBalanceAfter(order);
        if (result.conserverieTime?.show && balanceAfter !== undefined) {
            Object.assign(result.conserverieTime, {
                labelBalanceAfter: _t("Hours balance after this sale"),
                balanceAfterDisplay: formatHours(balanceAfter),
            });
        }
        return result;
    },
});
