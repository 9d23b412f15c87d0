/** @odoo-module */
import * as Order from "@point_of_sale/../tests/tours/utils/generic_components/order_widget_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import { inLeftSide } from "@point_of_sale/../tests/tours/utils/common";
import { registry } from "@web/core/registry";
import {
    openRegister,
    pickMember,
    returnEmptyJars,
    totalIs,
} from "./conserverie_scenarios_steps.esm";

const CUSTOMER = "Adhérente Téléphone";
const PRESERVE = "Soupe téléphone";
const DEPOSIT = "Consigne téléphone";
const HOURS = "Heures téléphone";
const CASH = "Espèces téléphone";

/** On a laptop, the customer's name is shown whole beside "Return jars". */
function customerNameIsWhole() {
    return {
        isActive: ["desktop"],
        content: "the customer's name is shown whole next to the jar return",
        trigger: ".product-screen .control-buttons .set-partner .text-truncate",
        run() {
            if (this.anchor.scrollWidth > this.anchor.clientWidth + 1) {
                throw new Error("The customer button is squeezed by the jar return.");
            }
        },
    };
}

/**
 * A member buys three jars of soup (3 x 6.00 + 3 x 0.50 deposit), brings back two empty
 * jars (-1.00): 18.50. Hours propose 18.00, the soup without its deposits (1 h 48 at
 * 10.00 an hour), and take no more; the 0.50 left, the deposits, are paid in cash.
 */
registry.category("web_tour.tours").add("conserverie_scenarios_phone_checkout", {
    steps: () =>
        [
            openRegister(),
            pickMember(CUSTOMER),

            ProductScreen.clickDisplayedProduct(PRESERVE),
            ProductScreen.clickDisplayedProduct(PRESERVE),
            ProductScreen.clickDisplayedProduct(PRESERVE),
            inLeftSide([
                ...Order.hasLine({ productName: PRESERVE, quantity: "3.0" }),
                ...Order.hasLine({ productName: DEPOSIT, quantity: "3.0" }),
            ]),
            totalIs("19.50"),

            customerNameIsWhole(),
            returnEmptyJars(DEPOSIT, "2"),
            inLeftSide([...Order.hasLine({ productName: DEPOSIT, quantity: "-2.0" })]),
            totalIs("18.50"),

            ProductScreen.clickPayButton(),
            PaymentScreen.totalIs("18.50"),
            PaymentScreen.clickPaymentMethod(HOURS),
            PaymentScreen.selectedPaymentlineHas(HOURS, "18.00"),
            {
                content: "the member's balance comes from the server",
                trigger: ".conserverie-time-balance:contains('5 h 00')",
            },
            {
                content: "the hours are shown in hours and minutes",
                trigger: ".conserverie-time-hours:contains('1 h 48')",
            },
            PaymentScreen.remainingIs("0.50"),
            PaymentScreen.enterPaymentLineAmount(HOURS, "19"),
            {
                content: "more hours are refused: they never pay the deposits",
                trigger: ".o_notification:contains('never their deposit')",
            },
            PaymentScreen.selectedPaymentlineHas(HOURS, "18.00"),
            PaymentScreen.remainingIs("0.50"),
            PaymentScreen.clickPaymentMethod(CASH),
            PaymentScreen.selectedPaymentlineHas(CASH, "0.50"),
            PaymentScreen.remainingIs("0.00"),
            PaymentScreen.clickValidate(),

            ReceiptScreen.receiptIsThere(),
            ReceiptScreen.totalAmountContains("18.50"),
            {
                content: "the receipt shows the deposits paid",
                trigger: ".pos-receipt .o_deposit_paid:contains('1.50')",
            },
            {
                content: "the receipt shows the deposits refunded",
                trigger: ".pos-receipt .o_deposit_refunded:contains('1.00')",
            },
            {
                content: "the receipt shows the hours paid, in hours and minutes",
                trigger: ".pos-receipt .o_conserverie_time_paid:contains('1 h 48')",
            },
            {
                content: "the receipt shows the rest paid in cash",
                trigger: `.pos-receipt .paymentlines:contains('${CASH}'):contains('0.50')`,
            },
        ].flat(),
});
