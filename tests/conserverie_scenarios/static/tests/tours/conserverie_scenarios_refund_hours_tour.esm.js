/** @odoo-module */
import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import * as TicketScreen from "@point_of_sale/../tests/tours/utils/ticket_screen_util";
import { registry } from "@web/core/registry";

const CUSTOMER = "Adhérente Remboursement";
const JAM = "Confiture remboursement";
const PESTO = "Pesto remboursement";
const CASH = "Espèces (scénario)";
const HOURS = "Heures remboursement";

function sell(product, method) {
    return [
        ProductScreen.clickPartnerButton(),
        ProductScreen.clickCustomer(CUSTOMER),
        ProductScreen.clickDisplayedProduct(product),
        ProductScreen.clickPayButton(),
        PaymentScreen.clickPaymentMethod(method),
        PaymentScreen.clickValidate(),
        ReceiptScreen.isShown(),
        ReceiptScreen.clickNextOrder(),
    ].flat();
}

function refund(orderName) {
    return [
        Chrome.clickMenuOption("Orders"),
        TicketScreen.selectFilter("All active orders"),
        TicketScreen.selectFilter("Paid"),
        TicketScreen.selectOrder(orderName),
        TicketScreen.confirmRefund(),
        ProductScreen.clickPayButton(),
    ].flat();
}

/**
 * A volunteer sells the member a jam (4.00) in cash, then a pesto (6.00) in hours.
 * Refunding the jam in hours is refused: no hours were paid on it; it is refunded in
 * euros. Refunding the pesto in hours gives the 0 h 36 back.
 */
registry.category("web_tour.tours").add("conserverie_scenarios_refund_hours", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            sell(JAM, CASH),
            sell(PESTO, HOURS),

            refund("-0001"),
            PaymentScreen.clickPaymentMethod(HOURS),
            PaymentScreen.clickValidate(),
            {
                content: "the server refuses hours for a sale paid in cash",
                trigger: ".modal .modal-body:contains('Refund in euros or ask a coordinator')",
            },
            Dialog.confirm(),
            PaymentScreen.isShown(),
            PaymentScreen.clickPaymentlineDelButton(HOURS, "4.00"),
            PaymentScreen.clickPaymentMethod(CASH),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            ReceiptScreen.clickNextOrder(),

            refund("-0002"),
            PaymentScreen.clickPaymentMethod(HOURS),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
        ].flat(),
});
