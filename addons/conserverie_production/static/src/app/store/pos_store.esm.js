/** @odoo-module */
import { PosStore } from "@point_of_sale/app/store/pos_store";
import { patch } from "@web/core/utils/patch";
import { ConnectionLostError } from "@web/core/network/rpc";

patch(PosStore.prototype, {
    async afterProcessServerData() {
        const result = await super.afterProcessServerData(...arguments);
        // Not awaited: the stall opens without waiting for its lots.
        this.fetchReleasedLots();
        return result;
    },

    /** The products sold by lot at this stall. */
    getProductsSoldByLot() {
        return this.models["product.product"].filter((product) => product.tracking === "lot");
    },

    /** Ask the server for the released lots of the stall's products, kept for offline. */
    async fetchReleasedLots() {
        const productIds = this.getProductsSoldByLot().map((product) => product.id);
        if (!productIds.length) {
            return;
        }
        try {
            const lotsByProductId = await this.data.call(
                "pos.order.line",
                "get_released_lots_by_product",
                [this.company.id, productIds],
                { context: { config_id: this.config.id } }
            );
            this.data.rememberReleasedLots(lotsByProductId);
        } catch (error) {
            if (!(error instanceof ConnectionLostError)) {
                throw error;
            }
        }
    },

    /**
     * Whether a lot scanned at the till may be sold: ``{ refusal }``, false when it may,
     * else "quarantine", "rejected" or "unavailable"; ``offline`` when the answer comes
     * from the lots known at the last sync.
     */
    async checkScannedLot(product, lotName) {
        try {
            const { lots, refusal } = await this.data.call(
                "pos.order.line",
                "check_scanned_lot",
                [this.company.id, product.id, lotName],
                { context: { config_id: this.config.id } }
            );
            this.data.rememberReleasedLots({ [product.id]: lots });
            return { refusal, offline: false };
        } catch (error) {
            if (!(error instanceof ConnectionLostError)) {
                throw error;
            }
            const known = this.data.getKnownReleasedLots()[product.id] || [];
            const isKnown = known.some((lot) => lot.name === lotName);
            return { refusal: isKnown ? false : "unavailable", offline: true };
        }
    },
});
