/** @odoo-module */
import * as Order from "@point_of_sale/../tests/tours/utils/generic_components/order_widget_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import { inLeftSide } from "@point_of_sale/../tests/tours/utils/common";
import { registry } from "@web/core/registry";
import { openRegister, pickMember, returnEmptyJars } from "./conserverie_scenarios_steps.esm";

const CUSTOMER = "Adhérente Étal Tournée";
const PRESERVE = "Velouté étal tournée";
const DEPOSIT = "Consigne étal tournée";
const HOURS = "Heures étal tournée";
const CASH = "Espèces étal tournée";

/**
 * A member buys a jar (7.20 + 0.50 deposit), brings back three empty jars (-1.50),
 * pays 3.00 in hours (0 h 15 at 12.00 an hour) and 3.20 in cash.
 */
registry.category("web_tour.tours").add("conserverie_scenarios_stall_checkout", {
    steps: () =>
        [
            openRegister(),
            pickMember(CUSTOMER),

            ProductScreen.clickDisplayedProduct(PRESERVE),
            inLeftSide(Order.hasLine({ productName: PRESERVE, quantity: "1.0" })),
            inLeftSide(Order.hasLine({ productName: DEPOSIT, quantity: "1.0" })),
            ProductScreen.totalAmountIs("7.70"),

            returnEmptyJars(DEPOSIT, "3"),
            inLeftSide(Order.hasLine({ productName: DEPOSIT, quantity: "-3.0" })),
            ProductScreen.totalAmountIs("6.20"),

            ProductScreen.clickPayButton(),
            PaymentScreen.totalIs("6.20"),
            PaymentScreen.clickPaymentMethod(HOURS),
            {
                content: "the member's balance comes from the server",
                trigger: ".conserverie-time-balance:contains('3 h 00')",
            },
            PaymentScreen.enterPaymentLineAmount(HOURS, "3"),
            PaymentScreen.selectedPaymentlineHas(HOURS, "3.00"),
            {
                content: "the hours are shown in hours and minutes",
                trigger: ".conserverie-time-hours:contains('0 h 15')",
            },
            PaymentScreen.remainingIs("3.20"),
            PaymentScreen.clickPaymentMethod(CASH),
            PaymentScreen.selectedPaymentlineHas(CASH, "3.20"),
            PaymentScreen.remainingIs("0.00"),
            PaymentScreen.clickValidate(),

            ReceiptScreen.receiptIsThere(),
            ReceiptScreen.totalAmountContains("6.20"),
            {
                content: "the receipt shows the deposit paid",
                trigger: ".pos-receipt .o_deposit_paid:contains('0.50')",
            },
            {
                content: "the receipt shows the deposits refunded",
                trigger: ".pos-receipt .o_deposit_refunded:contains('1.50')",
            },
            {
                content: "the receipt shows the part paid in hours",
                trigger: `.pos-receipt .paymentlines:contains('${HOURS}'):contains('3.00')`,
            },
            {
                content: "the receipt shows the hours paid, in hours and minutes",
                trigger: ".pos-receipt .o_conserverie_time_paid:contains('0 h 15')",
            },
            {
                content: "the receipt shows the rest paid in cash",
                trigger: `.pos-receipt .paymentlines:contains('${CASH}'):contains('3.20')`,
            },
            ReceiptScreen.clickNextOrder(),
            ProductScreen.orderIsEmpty(),
        ].flat(),
});
