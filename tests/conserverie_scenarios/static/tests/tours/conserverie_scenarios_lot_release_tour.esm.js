/** @odoo-module */
import { registry } from "@web/core/registry";

const LOT = "LOT-LIBERATION-TOURNEE";
const CURRENT_STATE = ".o_form_view .o_statusbar_status .o_arrow_button_current";

/**
 * Centre staff open a quarantined jar lot from the jar lots (Conserverie > Production >
 * Jar lots, started from its action), enter the pH measured the same day and release it.
 */
registry.category("web_tour.tours").add("conserverie_scenarios_lot_release", {
    steps: () => [
        {
            content: "the jar lots open on those in quarantine",
            trigger: ".o_searchview .o_facet_value:contains('In quarantine')",
        },
        {
            content: "open the quarantined lot from the list of jar lots",
            trigger: `.o_list_view .o_data_row td[name='name']:contains('${LOT}')`,
            run: "click",
        },
        {
            content: "the lot is in quarantine",
            trigger: `${CURRENT_STATE}:contains('Quarantine')`,
        },
        {
            content: "open the release page",
            trigger: ".o_notebook .nav-link:contains('Release')",
            run: "click",
        },
        {
            content: "the lot waits for its pH",
            trigger: ".o_form_view .alert-warning:contains('Measure the pH')",
        },
        {
            content: "enter the pH measured today, below the recipe's maximum",
            trigger: ".o_form_view div[name='ph_measured'] input",
            run: "edit 3.80",
        },
        {
            content: "release the lot",
            trigger: ".o_form_view .o_form_statusbar button[name='action_release']",
            run: "click",
        },
        {
            content: "the status bar shows the lot released",
            trigger: `${CURRENT_STATE}:contains('Released')`,
        },
        {
            content: "the release button is gone",
            trigger: ".o_form_view .o_form_statusbar:not(:has(button[name='action_release']))",
        },
        {
            content: "the release records who released the lot",
            trigger: ".o_form_view div[name='release_user_id']:contains('conserverie_staff')",
        },
        {
            content: "the pH is now a record",
            trigger: ".o_form_view div[name='ph_measured'] span:contains('3.80')",
        },
    ],
});
