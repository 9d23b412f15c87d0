/** @odoo-module */
import { PosStore } from "@point_of_sale/app/store/pos_store";
import { patch } from "@web/core/utils/patch";
import { _t } from "@web/core/l10n/translation";
import { makeAwaitable } from "@point_of_sale/app/store/make_awaitable_dialog";
import { SelectionPopup } from "@point_of_sale/app/utils/input_popups/selection_popup";
import { NumberPopup } from "@point_of_sale/app/utils/input_popups/number_popup";
import { AlertDialog } from "@web/core/confirmation_dialog/confirmation_dialog";
import { ConnectionLostError } from "@web/core/network/rpc";

patch(PosStore.prototype, {
    async setup() {
        // the last count of jars out the server gave for each customer, by partner id
        this.jarsOutByPartnerId = {};
        await super.setup(...arguments);
    },
    /** Ask the server how many jars the customer has out; offline, keep the last count known. */
    async fetchJarsOut(partner) {
        try {
            const count = await this.data.call("pos.session", "get_partner_jars_out", [
                [this.session.id],
                partner.id,
            ]);
            this.jarsOutByPartnerId[partner.id] = { count, offline: false };
            return count;
        } catch (error) {
            if (error instanceof ConnectionLostError) {
                const known = this.jarsOutByPartnerId[partner.id];
                this.jarsOutByPartnerId[partner.id] = { ...known, offline: true };
                return null;
            }
            throw error;
        }
    },
    /** The last count of jars out known for the customer, undefined if none yet. */
    getJarsOut(partner) {
        return partner ? this.jarsOutByPartnerId[partner.id] : undefined;
    },
    async afterProcessServerData() {
        const result = await super.afterProcessServerData(...arguments);
        // Deposits are added with their products or by "Return jars", never from the grid.
        for (const product of this.getDepositProducts()) {
            this.hiddenProductIds.add(product.id);
        }
        return result;
    },
    async addLineToOrder(vals, order, opts = {}, configure = true) {
        const line = await super.addLineToOrder(...arguments);
        if (order && !order.finalized) {
            const selected = order.get_selected_orderline();
            order.syncDepositLines();
            if (selected && order.lines.includes(selected)) {
                this.selectOrderLine(order, selected);
            }
        }
        return line;
    },
    getDepositProducts() {
        return this.models["product.product"].filter((product) => product.is_deposit);
    },
    /** Add negative deposit lines for empty jars brought back; refunded in cash. */
    async returnJars() {
        const deposits = this.getDepositProducts();
        if (!deposits.length) {
            this.dialog.add(AlertDialog, {
                title: _t("No jar format with a deposit"),
                body: _t("No deposit product is available in this point of sale."),
            });
            return;
        }
        let deposit = deposits[0];
        if (deposits.length > 1) {
            deposit = await makeAwaitable(this.dialog, SelectionPopup, {
                title: _t("Which jars are returned?"),
                list: deposits.map((product) => ({
                    id: product.id,
                    label: product.display_name,
                    isSelected: false,
                    item: product,
                })),
            });
            if (!deposit) {
                return;
            }
        }
        const count = await makeAwaitable(this.dialog, NumberPopup, {
            title: _t("How many empty jars?"),
            subtitle: deposit.display_name,
            startingValue: "",
        });
        if (count === undefined || count === null || count === "") {
            return;
        }
        const quantity = parseInt(count, 10);
        if (!(quantity > 0)) {
            this.dialog.add(AlertDialog, {
                title: _t("Invalid number of jars"),
                body: _t("Enter a whole number of jars greater than zero."),
            });
            return;
        }
        const order = this.get_order() || this.add_new_order();
        this.models["pos.order.line"].create({
            order_id: order,
            product_id: deposit,
            qty: -quantity,
            price_unit: deposit.lst_price,
            price_type: "manual",
            price_extra: 0,
            discount: 0,
            tax_ids: [],
        });
        this.addPendingOrder([order.id]);
        order.recomputeOrderData();
        this.selectOrderLine(order, order.get_last_orderline());
    },
});
