/** @odoo-module */
import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as NumberPopup from "@point_of_sale/../tests/tours/utils/number_popup_util";
import * as Order from "@point_of_sale/../tests/tours/utils/generic_components/order_widget_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import { back, inLeftSide } from "@point_of_sale/../tests/tours/utils/common";
import { registry } from "@web/core/registry";

const CUSTOMER = "Adhérente Téléphone";
const PRESERVE = "Soupe téléphone";
const DEPOSIT = "Consigne téléphone";
const HOURS = "Heures téléphone";
const CASH = "Espèces téléphone";

function backToProducts() {
    return { ...back(), isActive: ["mobile"] };
}

/** The order's total: in the cart on a wide screen, on the "Pay" button on a phone. */
function totalIs(amount) {
    return [
        {
            isActive: ["desktop"],
            content: `the order's total is ${amount}`,
            trigger: `.product-screen .order-summary .total:contains("${amount}")`,
        },
        {
            isActive: ["mobile"],
            content: `the order's total is ${amount}`,
            trigger: `.product-screen .switchpane .pay-button:contains("${amount}")`,
        },
    ];
}

/** "Return jars": in the bar of the cart on a wide screen, in "Actions" on a phone. */
function clickReturnJars() {
    return [
        {
            isActive: ["desktop"],
            content: "the customer's name is shown whole next to the jar return",
            trigger: ".product-screen .control-buttons .set-partner .text-truncate",
            run() {
                if (this.anchor.scrollWidth > this.anchor.clientWidth + 1) {
                    throw new Error("The customer button is squeezed by the jar return.");
                }
            },
        },
        {
            isActive: ["desktop"],
            content: "open the return of empty jars from the cart",
            trigger: ".product-screen .control-buttons .o_return_jars_button",
            run: "click",
        },
        ProductScreen.clickReview(),
        {
            isActive: ["mobile"],
            content: "open the actions of the order",
            trigger: ".mobile-more-button",
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: "open the return of empty jars from the actions",
            trigger: ".modal .o_return_jars_action",
            run: "click",
        },
    ];
}

/**
 * A member buys three jars of soup (3 x 6.00 + 3 x 0.50 deposit), brings back two empty
 * jars (-1.00): 18.50. Hours propose 18.00, the soup without its deposits (1 h 48 at
 * 10.00 an hour), and take no more; the 0.50 left, the deposits, are paid in cash.
 */
registry.category("web_tour.tours").add("conserverie_scenarios_phone_checkout", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),

            ProductScreen.clickPartnerButton(),
            ProductScreen.clickCustomer(CUSTOMER),
            ProductScreen.customerIsSelected(CUSTOMER),
            backToProducts(),

            ProductScreen.clickDisplayedProduct(PRESERVE),
            ProductScreen.clickDisplayedProduct(PRESERVE),
            ProductScreen.clickDisplayedProduct(PRESERVE),
            inLeftSide([
                ...Order.hasLine({ productName: PRESERVE, quantity: "3.0" }),
                ...Order.hasLine({ productName: DEPOSIT, quantity: "3.0" }),
            ]),
            totalIs("19.50"),

            clickReturnJars(),
            {
                content: "choose the jar format brought back",
                trigger: `.modal .selection-item:contains('${DEPOSIT}')`,
                run: "click",
            },
            NumberPopup.enterValue("2"),
            NumberPopup.isShown("2"),
            Dialog.confirm(),
            backToProducts(),
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
