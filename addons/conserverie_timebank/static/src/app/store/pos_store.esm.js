/** @odoo-module */
import { PosStore } from "@point_of_sale/app/store/pos_store";
import { patch } from "@web/core/utils/patch";
import { ConnectionLostError } from "@web/core/network/rpc";

patch(PosStore.prototype, {
    async setup() {
        // the last time account status the server gave for each customer, by partner id
        this.timeAccountByPartnerId = {};
        await super.setup(...arguments);
    },

    /**
     * Ask the server for a customer's time account before taking ``amount`` euros in hours.
     * Offline, the last status known is kept and marked offline; returns null.
     */
    async fetchTimeAccount(partner, amount = 0) {
        try {
            const status = await this.data.call("pos.session", "get_time_account_status", [
                [this.session.id],
                partner.id,
                amount,
            ]);
            this.timeAccountByPartnerId[partner.id] = { ...status, offline: false };
            return status;
        } catch (error) {
            if (error instanceof ConnectionLostError) {
                const known = this.timeAccountByPartnerId[partner.id];
                this.timeAccountByPartnerId[partner.id] = { ...known, offline: true };
                return null;
            }
            throw error;
        }
    },

    /**
     * Ask the server whether ``order`` may give ``amount`` euros back in hours to its
     * customer: only hours they paid on the orders it refunds. Returns null offline.
     */
    async fetchRefundableHours(order, amount) {
        const refundedLineIds = order.lines
            .map((line) => line.refunded_orderline_id?.id)
            .filter((id) => typeof id === "number");
        try {
            return await this.data.call("pos.session", "get_refundable_hours", [
                [this.session.id],
                order.get_partner()?.id || false,
                refundedLineIds,
                amount,
            ]);
        } catch (error) {
            if (error instanceof ConnectionLostError) {
                return null;
            }
            throw error;
        }
    },

    /** The last time account status known for the customer, undefined if none yet. */
    getTimeAccount(partner) {
        return partner ? this.timeAccountByPartnerId[partner.id] : undefined;
    },
});
