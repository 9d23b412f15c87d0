/** @odoo-module */
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Order from "@point_of_sale/../tests/tours/utils/generic_components/order_widget_util";
import { inLeftSide } from "@point_of_sale/../tests/tours/utils/common";
import * as NumberPopup from "@point_of_sale/../tests/tours/utils/number_popup_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("conserverie_deposit_sell_and_return", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickDisplayedProduct("Confiture tournée"),
            ProductScreen.clickDisplayedProduct("Confiture tournée"),
            inLeftSide(Order.hasLine({ productName: "Confiture tournée", quantity: "2.0" })),
            inLeftSide(Order.hasLine({ productName: "Consigne tournée", quantity: "2.0" })),
            {
                content: "open the jar return",
                trigger: ".o_return_jars_button",
                run: "click",
            },
            {
                content: "pick the jar format",
                trigger: ".selection-item:contains('Consigne tournée')",
                run: "click",
            },
            NumberPopup.enterValue("3"),
            NumberPopup.isShown("3"),
            Dialog.confirm(),
            inLeftSide(Order.hasLine({ productName: "Consigne tournée", quantity: "-3.0" })),
            ProductScreen.totalAmountIs("7.50"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Espèces tournée"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.receiptIsThere(),
            {
                content: "the receipt shows the deposits paid",
                trigger: ".pos-receipt .o_deposit_paid:contains('1.00')",
            },
            {
                content: "the receipt shows the deposits refunded",
                trigger: ".pos-receipt .o_deposit_refunded:contains('1.50')",
            },
            ReceiptScreen.totalAmountContains("7.50"),
        ].flat(),
});
