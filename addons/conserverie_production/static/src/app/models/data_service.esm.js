/** @odoo-module */
import { PosData } from "@point_of_sale/app/models/data_service";
import { patch } from "@web/core/utils/patch";
import { ConnectionLostError } from "@web/core/network/rpc";

const LOT_SEARCH = "get_existing_lots";

patch(PosData.prototype, {
    /** Where the released lots the server last gave are kept, for this till. */
    get releasedLotsStorageKey() {
        return `conserverie_released_lots_${odoo.pos_config_id}`;
    },
    /** The released lots the server last gave, by product id ({} when none). */
    getKnownReleasedLots() {
        try {
            return JSON.parse(localStorage.getItem(this.releasedLotsStorageKey)) || {};
        } catch {
            return {};
        }
    },
    /** Keep the released lots of products (by product id) for when the connection is lost. */
    rememberReleasedLots(lotsByProductId) {
        const known = { ...this.getKnownReleasedLots(), ...lotsByProductId };
        localStorage.setItem(this.releasedLotsStorageKey, JSON.stringify(known));
    },
    /**
     * The till's lot search: offline, it answers with the released lots known at the last
     * sync instead of failing ("Server communication problem").
     */
    async call(model, method, args = []) {
        if (model !== "pos.order.line" || method !== LOT_SEARCH) {
            return super.call(...arguments);
        }
        const productId = args[1];
        try {
            const lots = await super.call(...arguments);
            this.rememberReleasedLots({ [productId]: lots });
            return lots;
        } catch (error) {
            if (error instanceof ConnectionLostError) {
                return this.getKnownReleasedLots()[productId] || [];
            }
            throw error;
        }
    },
});
