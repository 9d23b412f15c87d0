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

    /** The last time account status known for the customer, undefined if none yet. */
    getTimeAccount(partner) {
        return partner ? this.timeAccountByPartnerId[partner.id] : undefined;
    },
});
