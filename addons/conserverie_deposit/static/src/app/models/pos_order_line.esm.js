/** @odoo-module */
import { PosOrderline } from "@point_of_sale/app/models/pos_order_line";
import { patch } from "@web/core/utils/patch";

patch(PosOrderline.prototype, {
    /** A jar deposit paid with a product or refunded for a returned jar. */
    isDepositLine() {
        return Boolean(this.product_id?.is_deposit);
    },
    /** A deposit refunded for an empty jar brought back (not linked to a product line). */
    isJarReturnLine() {
        return this.isDepositLine() && !this.deposit_parent_uuid && this.qty < 0;
    },
    getDepositParentLine() {
        if (!this.deposit_parent_uuid) {
            return undefined;
        }
        return this.order_id?.lines.find((line) => line.uuid === this.deposit_parent_uuid);
    },
    getDepositLines() {
        return (this.order_id?.lines || []).filter(
            (line) => line.deposit_parent_uuid && line.deposit_parent_uuid === this.uuid
        );
    },
    can_be_merged_with(orderline) {
        if (this.isDepositLine() || orderline.isDepositLine()) {
            return false;
        }
        return super.can_be_merged_with(...arguments);
    },
    set_discount(discount) {
        if (this.isDepositLine()) {
            return super.set_discount(0);
        }
        return super.set_discount(...arguments);
    },
    set_unit_price(price) {
        if (this.isDepositLine()) {
            return super.set_unit_price(this.product_id.lst_price);
        }
        return super.set_unit_price(...arguments);
    },
    set_quantity(quantity, keep_price) {
        if (this.deposit_parent_uuid && !this._depositSyncing) {
            const parent = this.getDepositParentLine();
            if (parent) {
                // The deposit follows its product: the product line's quantity changes.
                return parent.set_quantity(quantity, keep_price);
            }
        }
        const result = super.set_quantity(...arguments);
        if (result === true && !this.isDepositLine() && this.order_id) {
            this.order_id.syncDepositLines?.();
        }
        return result;
    },
    setDepositQuantity(quantity) {
        this._depositSyncing = true;
        try {
            this.set_quantity(quantity, true);
        } finally {
            this._depositSyncing = false;
        }
    },
});
