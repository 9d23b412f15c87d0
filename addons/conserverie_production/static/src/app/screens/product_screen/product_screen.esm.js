/** @odoo-module */
import { ProductScreen } from "@point_of_sale/app/screens/product_screen/product_screen";
import { patch } from "@web/core/utils/patch";
import { _t } from "@web/core/l10n/translation";
import { AlertDialog } from "@web/core/confirmation_dialog/confirmation_dialog";

/** The EAN-13 inside a GTIN-14 that starts with a zero, as jar labels print it. */
function gtinToEan13(gtin) {
    return /^0\d{13}$/.test(gtin || "") ? gtin.slice(1) : null;
}

patch(ProductScreen.prototype, {
    async _getProductByBarcode(code) {
        const ean13 = gtinToEan13(code?.base_code);
        const product = ean13 && this.pos.models["product.product"].getBy("barcode", ean13);
        return product || super._getProductByBarcode(...arguments);
    },

    /**
     * A jar label's GS1-128 gives the product and its lot: a lot not released, or not in
     * the stall's stock, is refused; offline, a lot unknown at the last sync lets the
     * volunteer choose among the lots known.
     */
    async _barcodeGS1Action(parsedResults) {
        const productCode = parsedResults.find((element) => element.type === "product");
        const lotCode = parsedResults.find((element) => element.type === "lot");
        const product = productCode && (await this._getProductByBarcode(productCode));
        if (!product || !lotCode || product.tracking !== "lot") {
            return super._barcodeGS1Action(...arguments);
        }
        const { refusal, offline } = await this.pos.checkScannedLot(product, lotCode.code);
        if (refusal && offline) {
            await this.pos.addLineToCurrentOrder({ product_id: product }, {}, true);
            return;
        }
        if (refusal) {
            this.dialog.add(AlertDialog, {
                title: _t("Lot %(lot)s cannot be sold", { lot: lotCode.code }),
                body: this.getLotRefusalMessage(product, lotCode.code, refusal),
            });
            return;
        }
        return super._barcodeGS1Action(...arguments);
    },

    getLotRefusalMessage(product, lotName, refusal) {
        const values = { product: product.display_name, lot: lotName };
        if (refusal === "quarantine") {
            return _t(
                "The jars of %(product)s, lot %(lot)s, are in quarantine: they are sold once the lot is released. Put them aside.",
                values
            );
        }
        if (refusal === "rejected") {
            return _t(
                "The jars of %(product)s, lot %(lot)s, were rejected: they must not be sold. Put them aside.",
                values
            );
        }
        return _t(
            "Lot %(lot)s of %(product)s is not in the stall's stock: check the label.",
            values
        );
    },
});
