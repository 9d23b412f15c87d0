/** @odoo-module */
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as Order from "@point_of_sale/../tests/tours/utils/generic_components/order_widget_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import { inLeftSide, scan_barcode } from "@point_of_sale/../tests/tours/utils/common";
import { registry } from "@web/core/registry";
import {
    openRegister,
    payPartInHours,
    pickMember,
    returnEmptyJars,
    totalIs,
} from "./conserverie_scenarios_steps.esm";

const COMPANY = "Conserverie mobile (scan)";
const CUSTOMER = "Adhérent Scan";
const PRESERVE = "Confiture scannée";
const DEPOSIT = "Consigne scan";
const HOURS = "Heures scan";
const CASH = "Espèces scan";
const RELEASED_LOT = "L26-SCAN-1";
const QUARANTINED_LOT = "L26-SCAN-Q";
// The GS1-128 of the jar labels: (01) the GTIN of 3760123456784, (10) the lot.
const RELEASED_LABEL = `010376012345678410${RELEASED_LOT}`;
const QUARANTINED_LABEL = `010376012345678410${QUARANTINED_LOT}`;

/**
 * A volunteer scans the label of a quarantined jar: refused, nothing added. Then the label
 * of a released jar: the jam with its lot and its deposit (6.00 + 0.50). The member
 * brings back two empty jars (-1.00): 5.50, paid 3.00 in hours (0 h 18 at 10.00 an
 * hour) and 2.50 in cash. The receipt shows the facility, the deposit per jar, the jars
 * returned without a minus sign, the hours paid and the balance left (5 h 00 - 0 h 18).
 */
registry.category("web_tour.tours").add("conserverie_scenarios_scan_checkout", {
    steps: () =>
        [
            openRegister(),
            pickMember(CUSTOMER),

            scan_barcode(QUARANTINED_LABEL),
            {
                content: "the quarantined lot is refused with a clear message",
                trigger: `.modal:contains('${QUARANTINED_LOT}'):contains('in quarantine')`,
            },
            Dialog.confirm(),

            scan_barcode(RELEASED_LABEL),
            {
                content: "the released lot is added without asking for a lot",
                trigger: "body:not(:has(.modal))",
            },
            inLeftSide([
                ...Order.hasLine({ productName: PRESERVE, quantity: "1.0" }),
                {
                    content: "the jar's line carries the scanned lot",
                    trigger: `.order-container .orderline:contains('${PRESERVE}') li:contains('${RELEASED_LOT}')`,
                },
                ...Order.hasLine({ productName: DEPOSIT, quantity: "1.0" }),
            ]),
            totalIs("6.50"),

            returnEmptyJars(DEPOSIT, "2"),
            inLeftSide([...Order.hasLine({ productName: DEPOSIT, quantity: "-2.0" })]),
            totalIs("5.50"),

            ProductScreen.clickPayButton(),
            PaymentScreen.totalIs("5.50"),
            payPartInHours({
                hours: HOURS,
                cash: CASH,
                balance: "5 h 00",
                keys: "3",
                paid: "3.00",
                rest: "2.50",
            }),
            PaymentScreen.clickValidate(),

            ReceiptScreen.receiptIsThere(),
            {
                content: "the receipt shows the facility's logo",
                trigger: ".pos-receipt img.pos-receipt-logo[src*='res.company']",
            },
            {
                content: "the receipt shows the facility's name",
                trigger: `.pos-receipt .pos-receipt-contact:contains('${COMPANY}')`,
            },
            {
                content: "the receipt shows the deposit per jar",
                trigger: `.pos-receipt .o_deposit_per_jar:contains('${DEPOSIT}'):contains('1 × '):contains('0.50')`,
            },
            {
                content: "the receipt shows the jars returned as a count",
                trigger: ".pos-receipt .o_deposit_jars_returned:contains('2')",
            },
            {
                content: "the receipt shows the deposits refunded without a minus sign",
                trigger: ".pos-receipt .o_deposit_refunded:contains('1.00'):not(:contains('-'))",
            },
            {
                content: "the receipt shows the hours paid, in hours and minutes",
                trigger: ".pos-receipt .o_conserverie_time_paid:contains('0 h 18')",
            },
            {
                content: "the receipt shows the member's balance after the sale",
                trigger: ".pos-receipt .o_conserverie_time_balance_after:contains('4 h 42')",
            },
            {
                content: "the receipt shows the rest paid in cash",
                trigger: `.pos-receipt .paymentlines:contains('${CASH}'):contains('2.50')`,
            },
        ].flat(),
});
