/** @odoo-module */
import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import { registry } from "@web/core/registry";

const HOURS = "Heures clôture";

/**
 * A volunteer closes a stall where a member paid 0 h 24 (4.00): the hours are shown in
 * hours and in money, with nothing to count; only the cash is counted.
 */
registry.category("web_tour.tours").add("conserverie_scenarios_closing_hours", {
    steps: () =>
        [
            Chrome.clickMenuOption("Close Register"),
            {
                content: "the hours paid are shown in hours and in money",
                trigger: `.close-pos-popup .o_conserverie_closing_hours:contains('${HOURS}') .o_conserverie_closing_hours_amount:contains('0 h 24'):contains('4.00')`,
            },
            {
                content: "the hours are not counted",
                trigger: `.close-pos-popup:not(:has(span:contains('${HOURS} Count'))):not(:has(.o_conserverie_closing_hours .text-danger))`,
            },
            {
                content: "the cash is counted: as expected",
                trigger: ".close-pos-popup .fa-clone.btn-secondary",
                run: "click",
            },
            Dialog.confirm("Close Register"),
            {
                content: "the register is closed: the till reloads and offers to open a new one",
                trigger: "body:not(:has(.close-pos-popup)) .screen-login .btn.open-register-btn",
            },
        ].flat(),
});
