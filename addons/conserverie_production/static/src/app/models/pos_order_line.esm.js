/** @odoo-module */
import { PosOrderline } from "@point_of_sale/app/models/pos_order_line";
import { _t } from "@web/core/l10n/translation";
import { patch } from "@web/core/utils/patch";

patch(PosOrderline.prototype, {
    /** The lot or serial number of each line, labelled in the cashier's language. */
    getDisplayData() {
        const label = this.product_id.tracking === "lot" ? _t("Lot Number") : _t("SN");
        return {
            ...super.getDisplayData(),
            packLotLines: this.pack_lot_ids.map((lot) => `${label} ${lot.lot_name}`),
        };
    },
});
