/** @odoo-module */
import { _t } from "@web/core/l10n/translation";
import { patch } from "@web/core/utils/patch";
import { useState } from "@odoo/owl";
import { AlertDialog } from "@web/core/confirmation_dialog/confirmation_dialog";
import { PaymentScreen } from "@point_of_sale/app/screens/payment_screen/payment_screen";
import { ask } from "@point_of_sale/app/store/make_awaitable_dialog";
import { formatHours } from "@conserverie_timebank/app/utils/time_hours.esm";

patch(PaymentScreen.prototype, {
    setup() {
        super.setup(...arguments);
        this.timeAccount = useState({ loaded: false, offline: false, balanceDisplay: "" });
    },

    get hasTimePayment() {
        return this.currentOrder.getTimePaymentLines().length > 0;
    },

    get timePaidDisplay() {
        return formatHours(this.currentOrder.getTimePaidHours());
    },

    /** Ask the server for the customer's balance; null when the till is offline. */
    async fetchTimeAccount(amount = 0) {
        const status = await this.pos.fetchTimeAccount(this.currentOrder.get_partner(), amount);
        Object.assign(this.timeAccount, {
            loaded: true,
            offline: !status,
            balanceDisplay: status ? status.balance_display : "",
        });
        return status;
    },

    async addNewPaymentLine(paymentMethod) {
        if (!paymentMethod.is_time_currency) {
            return super.addNewPaymentLine(...arguments);
        }
        if (!this.currentOrder.get_partner()) {
            const confirmed = await ask(this.dialog, {
                title: _t("Customer required"),
                body: _t("Choose the customer whose hours pay this order."),
            });
            if (confirmed) {
                this.pos.selectPartner();
            }
            return false;
        }
        const status = await this.fetchTimeAccount();
        if (status && !status.has_account) {
            this.dialog.add(AlertDialog, {
                title: _t("No time account"),
                body: _t(
                    "%s has no time account: they cannot pay in hours.",
                    this.currentOrder.get_partner().name
                ),
            });
            return false;
        }
        const result = await super.addNewPaymentLine(...arguments);
        if (result) {
            // proposes what is due, at most what hours may pay
            const line = this.paymentLines.at(-1);
            const maxAmount = this.getMaxTimeAmount(line);
            if (line.get_amount() > maxAmount) {
                line.set_amount(maxAmount);
            }
        }
        return result;
    },

    /** The most a payment line in hours may take: what hours may pay, less other hours. */
    getMaxTimeAmount(line) {
        const order = this.currentOrder;
        const otherHours = order.getTimePaidAmount() - line.get_amount();
        return Math.max(0, order.getAmountPayableInHours() - otherHours);
    },

    updateSelectedPaymentline(amount = false) {
        super.updateSelectedPaymentline(...arguments);
        const line = this.selectedPaymentLine;
        if (!line?.payment_method_id?.is_time_currency) {
            return;
        }
        const maxAmount = this.getMaxTimeAmount(line);
        if (line.get_amount() - maxAmount > this.pos.currency.rounding / 2) {
            line.set_amount(maxAmount);
            this.numberBuffer.set(line.get_amount().toString());
            this.notification.add(_t("Hours pay the jars' contents, never their deposit."), {
                type: "warning",
            });
        }
    },

    async _isOrderValid(isForceValidate) {
        if (!(await super._isOrderValid(...arguments))) {
            return false;
        }
        return await this._checkTimeRules();
    },

    /** The rules of the time currency, checked at the till before validating. */
    async _checkTimeRules() {
        const order = this.currentOrder;
        const rounding = this.pos.currency.rounding;
        const timeAmount = order.getTimePaidAmount();
        const refunded = order.getRefundedOrdersEuroPaid();
        if (refunded.paidInHours) {
            const eurosBack = -order.payment_ids
                .filter((line) => !line.payment_method_id?.is_time_currency)
                .reduce((sum, line) => sum + line.get_amount(), 0);
            if (eurosBack - refunded.euros > rounding / 2) {
                this.dialog.add(AlertDialog, {
                    title: _t("Refund in hours"),
                    body: _t("This order was paid in hours: give the hours back, not euros."),
                });
                return false;
            }
        }
        if (!this.hasTimePayment) {
            return true;
        }
        if (!order.get_partner()) {
            this.dialog.add(AlertDialog, {
                title: _t("Customer required"),
                body: _t("Choose the customer whose hours pay this order."),
            });
            return false;
        }
        if (timeAmount > 0 && timeAmount - order.getAmountPayableInHours() > rounding / 2) {
            this.dialog.add(AlertDialog, {
                title: _t("Deposits are paid in euros"),
                body: _t("Hours pay the jars' contents, never their deposit."),
            });
            return false;
        }
        if (timeAmount < 0) {
            return await this._checkHoursRefund(timeAmount);
        }
        if (timeAmount === 0) {
            return true;
        }
        const status = await this.fetchTimeAccount(timeAmount);
        if (!status) {
            // Offline: the sale is kept; the server flags the account if needed.
            this.notification.add(_t("Offline: the hours will be debited when the order syncs."), {
                type: "warning",
            });
            return true;
        }
        if (!status.has_account || !status.allowed) {
            this.dialog.add(AlertDialog, {
                title: _t("Not enough hours"),
                body: _t("%(hours)s would take the balance (%(balance)s) below its minimum.", {
                    hours: formatHours(status.hours),
                    balance: status.balance_display,
                }),
            });
            return false;
        }
        return true;
    },

    /** Hours go back only as the refund of hours the same customer paid, asked online. */
    async _checkHoursRefund(timeAmount) {
        const status = await this.pos.fetchRefundableHours(this.currentOrder, timeAmount);
        if (!status) {
            // Offline: the refund is kept; the server gives no hours back if it breaks the rule.
            this.notification.add(
                _t("Offline: the hours will be given back when the order syncs, if allowed."),
                { type: "warning" }
            );
            return true;
        }
        if (status.allowed) {
            return true;
        }
        this.dialog.add(AlertDialog, {
            title: _t("Hours cannot be given back"),
            body: _t(
                "Hours go back only as the refund of an order this customer paid in hours, for at most the hours not given back yet (%(refundable)s here, %(hours)s asked). Refund in euros or ask a coordinator.",
                { refundable: status.refundable_display, hours: formatHours(status.hours) }
            ),
        });
        return false;
    },
});
