/** @odoo-module */
import { PosStore } from "@point_of_sale/app/store/pos_store";
import { patch } from "@web/core/utils/patch";
import { browser } from "@web/core/browser/browser";
import { _t } from "@web/core/l10n/translation";
import { ConnectionLostError, RPCError } from "@web/core/network/rpc";

// How often the till tries again to send the sales validated offline (ms).
export const RESEND_INTERVAL = 10000;

patch(PosStore.prototype, {
    async setup() {
        await super.setup(...arguments);
        this.onConnectionBack = () => this.sendWaitingOrders();
        browser.addEventListener("online", this.onConnectionBack);
        this.data.bus.addEventListener("reconnect", this.onConnectionBack);
        this.resendInterval = browser.setInterval(() => this.sendWaitingOrders(), RESEND_INTERVAL);
        // the waiting sales the server refused, by uuid
        this.refusedOrderUuids = new Set();
    },

    /**
     * A waiting sale the server refused is sent on its own, never with the volunteer's
     * next sale: the server refuses a whole batch, the next sale would be refused with it.
     */
    getPendingOrder() {
        const pending = super.getPendingOrder(...arguments);
        if (this.refusedOrderUuids?.size) {
            pending.orderToCreate = pending.orderToCreate.filter(
                (order) => !this.refusedOrderUuids.has(order.uuid)
            );
        }
        return pending;
    },

    /** The sales validated at this till that the server has not received yet. */
    getWaitingOrders() {
        return this.models["pos.order"].filter(
            (order) => order.isUnsyncedPaid && order.state !== "cancel"
        );
    },

    /** Say once, without stopping the volunteer, that the sales wait for the connection. */
    notifySalesKeptOffline() {
        const network = this.data.network;
        if (!network.warningTriggered) {
            network.warningTriggered = true;
            this.notification.add(
                _t("No connection: the sales are kept and sent as soon as the connection is back."),
                { type: "warning", title: _t("Offline") }
            );
        }
    },

    /**
     * The server refused the waiting sales (one of them failed a check): they stay waiting
     * and are sent again every few seconds. The navbar's counter turns red; a notice that
     * stays until closed says why, once per reason, not at every try.
     */
    noteWaitingOrdersRefused(error) {
        const reason = error.data?.message || error.message;
        if (reason === this.waitingOrdersRefusal) {
            return;
        }
        this.waitingOrdersRefusal = reason;
        this.notification.add(
            _t("The server refused the sales waiting to be sent: %(reason)s", { reason }),
            { type: "danger", sticky: true, title: _t("Sales kept, sent again in a few seconds") }
        );
    },

    /**
     * A sale validated offline is kept and queued: the validation goes on to the receipt
     * without an error; the sale is sent when the connection is back.
     */
    async syncAllOrders(options = {}) {
        try {
            return await super.syncAllOrders(...arguments);
        } catch (error) {
            if (this.isValidatingOrder && error instanceof ConnectionLostError) {
                this.notifySalesKeptOffline();
                return [];
            }
            throw error;
        }
    },

    /**
     * Send the sales validated offline as soon as the connection is back: on the browser's
     * "online" event, when the bus reconnects, and every few seconds while some wait.
     * Each is sent on its own: one the server refuses does not hold back the others.
     */
    async sendWaitingOrders() {
        const waiting = this.getWaitingOrders();
        if (!waiting.length && this.waitingOrdersRefusal) {
            // sent meanwhile: nothing is refused any more
            this.waitingOrdersRefusal = null;
            this.refusedOrderUuids.clear();
        }
        if (!waiting.length || this.isSendingWaitingOrders) {
            return;
        }
        if (this.data.network.offline && browser.navigator.onLine) {
            // the "online" event was missed: the browser has a network again
            this.data.network.offline = false;
            this.data.network.warningTriggered = false;
        }
        if (this.data.network.offline) {
            return;
        }
        this.isSendingWaitingOrders = true;
        try {
            this.addPendingOrder(waiting.map((order) => order.id));
            for (const order of waiting) {
                await this.sendWaitingOrder(order);
            }
        } finally {
            this.isSendingWaitingOrders = false;
        }
        if (!this.refusedOrderUuids.size) {
            this.waitingOrdersRefusal = null;
        }
    },

    /** Send one waiting sale; a failed sync leaves it waiting, sent again at the next try. */
    async sendWaitingOrder(order) {
        try {
            await this.pushOrderMutex.exec(() =>
                this.syncAllOrders({ orders: [order], throw: true })
            );
            this.refusedOrderUuids.delete(order.uuid);
        } catch (error) {
            if (error instanceof RPCError) {
                this.refusedOrderUuids.add(order.uuid);
                this.noteWaitingOrdersRefused(error);
            } else if (!(error instanceof ConnectionLostError)) {
                throw error;
            }
        }
    },
});
