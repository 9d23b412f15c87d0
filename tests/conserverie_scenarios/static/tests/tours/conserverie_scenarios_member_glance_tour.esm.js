/** @odoo-module */
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import { registry } from "@web/core/registry";
import { backToProducts, openRegister, selectMember } from "./conserverie_scenarios_steps.esm";

const CUSTOMER = "Adhérente Aperçu";
const PRESERVE = "Ratatouille aperçu";
const HOURS = "Heures aperçu";

/**
 * A volunteer picks a member who holds 5 h 00 and has 4 jars out: the cart shows both,
 * asked from the server. The member pays the ratatouille (6.00 + 0.50 deposit) in hours:
 * the line in hours shows 0 h 36 next to its 6.00.
 */
registry.category("web_tour.tours").add("conserverie_scenarios_member_glance", {
    steps: () =>
        [
            openRegister(),
            selectMember(CUSTOMER),
            {
                content: "the member's hours balance, from the server",
                trigger:
                    ".product-screen .leftpane .o_conserverie_member_hours_balance:contains('5 h 00')",
            },
            {
                content: "the jars the member has out on deposit, from the server",
                trigger: ".product-screen .leftpane .o_conserverie_member_jars_count:contains('4')",
            },
            backToProducts(),

            ProductScreen.clickDisplayedProduct(PRESERVE),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod(HOURS),
            PaymentScreen.selectedPaymentlineHas(HOURS, "6.00"),
            {
                content: "the line in hours shows its hours and its euros",
                trigger:
                    ".paymentline.selected:contains('6.00') .conserverie-line-hours:contains('0 h 36')",
            },
        ].flat(),
});
