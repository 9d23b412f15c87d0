/** @odoo-module */
import * as Order from "@point_of_sale/../tests/tours/utils/generic_components/order_widget_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import { inLeftSide } from "@point_of_sale/../tests/tours/utils/common";
import { registry } from "@web/core/registry";
import {
    openRegister,
    payPartInHours,
    pickMember,
    returnEmptyJars,
    totalIs,
    validatePayment,
} from "./conserverie_scenarios_steps.esm";

const CUSTOMER = "Adhérente Reçu";
const PRESERVE = "Caviar d'aubergine reçu";
const DEPOSIT = "Consigne reçu";
const HOURS = "Heures reçu";
const CASH = "Espèces reçu";

/**
 * A volunteer whose till speaks French sells a member a jar (6,00 + 0,50 deposit), takes
 * back one empty jar (-0,50): 6,00, paid 3,00 in hours (0 h 18 at 10,00 an hour) and 3,00
 * in cash. The receipt prints its words in French: the deposit per jar, the jars returned
 * as a count and their deposits without a minus sign, the hours paid and the member's
 * balance after the sale (5 h 00 - 0 h 18).
 */
registry.category("web_tour.tours").add("conserverie_scenarios_receipt_fr", {
    steps: () =>
        [
            openRegister("Ouvrir la caisse"),
            pickMember(CUSTOMER),

            ProductScreen.clickDisplayedProduct(PRESERVE),
            inLeftSide([
                ...Order.hasLine({ productName: PRESERVE, quantity: "1" }),
                ...Order.hasLine({ productName: DEPOSIT, quantity: "1" }),
            ]),
            totalIs("6,50"),

            returnEmptyJars(DEPOSIT, "1"),
            totalIs("6,00"),

            ProductScreen.clickPayButton(),
            payPartInHours({
                hours: HOURS,
                cash: CASH,
                balance: "5 h 00",
                keys: "3",
                paid: "3,00",
                rest: "3,00",
                zero: "0,00",
            }),
            validatePayment(),

            ReceiptScreen.receiptIsThere(),
            {
                content: "the receipt prints the deposit per jar in French",
                trigger: `.pos-receipt .o_deposit_per_jar:contains('Consigne par bocal'):contains('${DEPOSIT}'):contains('1 × '):contains('0,50')`,
            },
            {
                content: "the receipt prints the jars returned, a positive count, in French",
                trigger:
                    ".pos-receipt .o_deposit_jars_returned:contains('Bocaux vides rendus : 1'):not(:contains('-'))",
            },
            {
                content:
                    "the receipt prints the deposits refunded, without a minus sign, in French",
                trigger:
                    ".pos-receipt .o_deposit_refunded:contains('Consignes de bocaux remboursées'):contains('0,50'):not(:contains('-'))",
            },
            {
                content: "the receipt prints the hours paid in French",
                trigger:
                    ".pos-receipt .o_conserverie_time_paid:contains('Payé en heures'):contains('0 h 18')",
            },
            {
                content: "the receipt prints the member's balance after the sale in French",
                trigger: `.pos-receipt .o_conserverie_time_balance_after:contains("Solde d'heures après cette vente"):contains('4 h 42')`,
            },
            {
                content: "no English word of ours is left on the receipt",
                trigger:
                    ".pos-receipt:not(:contains('Deposit per jar')):not(:contains('Empty jars returned')):not(:contains('Paid in hours')):not(:contains('Hours balance'))",
            },
        ].flat(),
});
