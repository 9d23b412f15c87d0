/** @odoo-module */
import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("conserverie_timebank_pay_in_hours", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickPartnerButton(),
            ProductScreen.clickCustomer("Résidente Tour"),
            ProductScreen.addOrderline("Confiture Tour", "2"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Heures Tour"),
            {
                content: "the customer's balance comes from the server",
                trigger: ".conserverie-time-balance:contains('5 h 00')",
            },
            PaymentScreen.clickNumpad("6"),
            PaymentScreen.fillPaymentLineAmountMobile("Heures Tour", "6"),
            PaymentScreen.remainingIs("4.00"),
            {
                content: "the amount in hours and minutes",
                trigger: ".conserverie-time-hours:contains('0 h 36')",
            },
            PaymentScreen.clickPaymentMethod("Espèces Tour"),
            PaymentScreen.remainingIs("0.00"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            {
                content: "the receipt shows the hours paid",
                trigger: ".pos-receipt .o_conserverie_time_paid:contains('0 h 36')",
            },
        ].flat(),
});
