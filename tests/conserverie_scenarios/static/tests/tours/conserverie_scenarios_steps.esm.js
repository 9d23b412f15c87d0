/** @odoo-module */
import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as NumberPopup from "@point_of_sale/../tests/tours/utils/number_popup_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import { back } from "@point_of_sale/../tests/tours/utils/common";

/**
 * The steps the stall tours share. Each works on a phone (390 x 844), where the cart and
 * its buttons hide behind "Cart", and on a laptop (1366 x 768), where they stand beside
 * the products: a step only the phone needs is active on "mobile" only.
 */

/** The volunteer opens the register; ``label`` is its button, in the till's language. */
export function openRegister(label = "Open Register") {
    return [...Chrome.startPoS(), Dialog.confirm(label)];
}

/** On a phone, close the cart and go back to the products. */
export function backToProducts() {
    return { ...back(), isActive: ["mobile"] };
}

/** Pick the member ``name`` as the order's customer; on a phone the cart stays open. */
export function selectMember(name) {
    return [
        ProductScreen.clickPartnerButton(),
        ProductScreen.clickCustomer(name),
        ProductScreen.customerIsSelected(name),
    ].flat();
}

/** Pick the member ``name``, then show the products again. */
export function pickMember(name) {
    return [...selectMember(name), backToProducts()];
}

/** The order's total: in the cart on a laptop, on the "Pay" button on a phone. */
export function totalIs(amount) {
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

/**
 * ``count`` empty jars of the format ``deposit`` come back: "Return jars" is in the
 * buttons beside the cart on a laptop, in the cart's "Actions" on a phone. Then the
 * products show again.
 */
export function returnEmptyJars(deposit, count) {
    return [
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
        {
            content: "choose the jar format brought back",
            trigger: `.modal .selection-item:contains('${deposit}')`,
            run: "click",
        },
        NumberPopup.enterValue(count),
        NumberPopup.isShown(count),
        Dialog.confirm(),
        backToProducts(),
    ].flat();
}

/**
 * The member pays ``keys`` (typed on the keypad) in ``hours`` out of their ``balance``,
 * the ``rest`` in ``cash``. Amounts are written as the till shows them, in its language.
 */
export function payPartInHours({ hours, cash, balance, keys, paid, rest, zero = "0.00" }) {
    return [
        PaymentScreen.clickPaymentMethod(hours),
        {
            content: "the member's balance comes from the server",
            trigger: `.conserverie-time-balance:contains('${balance}')`,
        },
        PaymentScreen.enterPaymentLineAmount(hours, keys),
        PaymentScreen.selectedPaymentlineHas(hours, paid),
        PaymentScreen.remainingIs(rest),
        PaymentScreen.clickPaymentMethod(cash),
        PaymentScreen.selectedPaymentlineHas(cash, rest),
        PaymentScreen.remainingIs(zero),
    ].flat();
}

/** Validate the payment, whatever the language of the button's label. */
export function validatePayment() {
    return [
        {
            isActive: ["desktop"],
            content: "validate the payment",
            trigger: ".payment-screen .button.next.highlight",
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: "validate the payment",
            trigger: ".payment-screen .btn-switchpane.validation-button:not(.back-button)",
            run: "click",
        },
    ];
}

/** The till loses its network: the browser says so and fires "offline". */
export function goOffline() {
    return {
        content: "the connection is lost",
        trigger: "body",
        run() {
            Object.defineProperty(navigator, "onLine", { configurable: true, get: () => false });
            window.dispatchEvent(new Event("offline"));
        },
    };
}

/** The network comes back: "online", and nothing else done by the volunteer. */
export function goOnline() {
    return {
        content: "the connection comes back",
        trigger: "body",
        run() {
            delete navigator.onLine;
            window.dispatchEvent(new Event("online"));
        },
    };
}

/** The navbar counts ``count`` sales waiting to be sent (none: the counter is gone). */
export function waitingSalesAre(count, options = {}) {
    if (!count) {
        return {
            content: "no sale waits to be sent",
            trigger: ".pos-topheader:not(:has(.o_conserverie_waiting_orders))",
            ...options,
        };
    }
    return {
        content: `the navbar counts ${count} sale(s) waiting to be sent`,
        trigger: `.pos-topheader .o_conserverie_waiting_orders:contains('${count}')`,
        ...options,
    };
}
