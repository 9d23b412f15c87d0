/** @odoo-module */
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as Order from "@point_of_sale/../tests/tours/utils/generic_components/order_widget_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import { inLeftSide } from "@point_of_sale/../tests/tours/utils/common";
import { registry } from "@web/core/registry";
import {
    goOffline,
    goOnline,
    openRegister,
    waitingSalesAre,
} from "./conserverie_scenarios_steps.esm";

const PRESERVE = "Confiture scannée";
const COMPOTE = "Compote scannée";
const CASH = "Espèces scan";
const DEPOSIT = "Consigne scan";
const RELEASED_LOT = "L26-SCAN-1";
const COMPOTE_LOTS = ["L26-COMP-1", "L26-COMP-2"];

/**
 * Online, the jam's single released lot is chosen without a pop-up. The connection is
 * lost: the compote's two released lots known at the last sync are offered, the sale is
 * validated and kept without a "Connection Lost" dialog, the navbar counts it waiting.
 * The connection comes back: the sale is sent at once, the counter goes.
 */
registry.category("web_tour.tours").add("conserverie_scenarios_offline_sale", {
    steps: () =>
        [
            openRegister(),

            ProductScreen.clickDisplayedProduct(PRESERVE),
            {
                content: "the single released lot is chosen without a pop-up",
                trigger: "body:not(:has(.modal))",
            },
            inLeftSide([
                ...Order.hasLine({ productName: PRESERVE, quantity: "1.0" }),
                {
                    content: "the jar's line carries the released lot",
                    trigger: `.order-container .orderline:contains('${PRESERVE}') li:contains('${RELEASED_LOT}')`,
                },
            ]),

            goOffline(),
            ProductScreen.clickDisplayedProduct(COMPOTE),
            {
                content: "offline, the lots known at the last sync are offered",
                trigger: ".modal:contains('Lot/Serial Number(s) Required')",
            },
            {
                content: "open the lots offered",
                trigger: ".modal .list-line-input",
                run: "click",
            },
            ...COMPOTE_LOTS.map((lot) => ({
                content: `the released lot ${lot}, known at the last sync, is offered`,
                trigger: `.modal .options-dropdown .option:contains('${lot}')`,
            })),
            {
                content: "choose the second lot",
                trigger: `.modal .options-dropdown .option:contains('${COMPOTE_LOTS[1]}')`,
                run: "click",
            },
            Dialog.confirm(),
            {
                content: "no server communication problem is shown",
                trigger: "body:not(:has(.modal))",
            },
            inLeftSide([
                {
                    content: "the compote's line carries the lot chosen offline",
                    trigger: `.order-container .orderline:contains('${COMPOTE}') li:contains('${COMPOTE_LOTS[1]}')`,
                },
            ]),

            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod(CASH),
            PaymentScreen.remainingIs("0.00"),
            PaymentScreen.clickValidate(),

            ReceiptScreen.receiptIsThere(),
            {
                content: "a notice, not a dialog, says the sale is kept",
                trigger: ".o_notification:contains('sent as soon as the connection is back')",
            },
            {
                content: "no dialog interrupts the validated sale",
                trigger: "body:not(:has(.modal))",
            },
            waitingSalesAre(1),

            goOnline(),
            waitingSalesAre(0, { timeout: 20000 }),
        ].flat(),
});

/** Add a jar of jam: its single released lot, its deposit. */
function addJam() {
    return [
        ProductScreen.clickDisplayedProduct(PRESERVE),
        inLeftSide([
            ...Order.hasLine({ productName: PRESERVE, quantity: "1.0" }),
            ...Order.hasLine({ productName: DEPOSIT, quantity: "1.0" }),
        ]),
    ].flat();
}

/** The order is paid in cash and validated. */
function payInCash() {
    return [
        ProductScreen.clickPayButton(),
        PaymentScreen.clickPaymentMethod(CASH),
        PaymentScreen.remainingIs("0.00"),
        PaymentScreen.clickValidate(),
        ReceiptScreen.receiptIsThere(),
    ].flat();
}

/**
 * A jam is sold offline. When the connection is back the server refuses the sale: it
 * stays counted waiting, in red, and a notice says why. The volunteer sells another jam
 * meanwhile: it goes through, the refused sale does not hold it back. The till tries the
 * refused sale again a few seconds later, the server takes it: the counter goes.
 */
registry.category("web_tour.tours").add("conserverie_scenarios_offline_sale_refused", {
    steps: () =>
        [
            openRegister(),
            addJam(),
            goOffline(),
            payInCash(),
            waitingSalesAre(1),

            goOnline(),
            {
                content: "the server's refusal is shown to the volunteer",
                trigger:
                    ".o_notification:contains('The server refused the sales waiting to be sent'):contains('refused until')",
            },
            {
                content: "the refused sale is still counted waiting, in red",
                trigger:
                    ".pos-topheader .o_conserverie_waiting_orders.o_conserverie_waiting_refused.text-danger:contains('1')",
            },

            ReceiptScreen.clickNextOrder(),
            addJam(),
            payInCash(),
            {
                content: "the next sale is validated without a dialog",
                trigger: "body:not(:has(.modal))",
            },
            waitingSalesAre(0, { timeout: 25000 }),
            ReceiptScreen.clickNextOrder(),
            ProductScreen.orderIsEmpty(),
        ].flat(),
});
