/** @odoo-module */
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import { scan_barcode } from "@point_of_sale/../tests/tours/utils/common";
import { registry } from "@web/core/registry";
import { openRegister } from "./conserverie_scenarios_steps.esm";

const CUSTOMER = "Adhérent Carte";
// The number printed on the member's card: the customer prefix 042, serial 4242, check digit.
const MEMBER_CARD = "0420000042426";

/**
 * A volunteer scans the card of a member who holds 3 h 30 and has 2 jars out: the member is
 * picked, and the cart shows both figures, asked from the server.
 */
registry.category("web_tour.tours").add("conserverie_scenarios_member_card", {
    steps: () =>
        [
            openRegister(),

            scan_barcode(MEMBER_CARD),
            ProductScreen.customerIsSelected(CUSTOMER),
            {
                content: "the member's hours balance, from the server",
                trigger:
                    ".product-screen .leftpane .o_conserverie_member_hours_balance:contains('3 h 30')",
            },
            {
                content: "the jars the member has out on deposit, from the server",
                trigger: ".product-screen .leftpane .o_conserverie_member_jars_count:contains('2')",
            },
        ].flat(),
});
