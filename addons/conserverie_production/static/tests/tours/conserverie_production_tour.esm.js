/** @odoo-module */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const PROBE_LOG = "minutes;temperature\n0;95\n1;95\n2;95\n3;95\n4;95\n5;95\n6;95\n7;95\n";
const CURRENT_STATE = ".o_form_view .o_statusbar_status .o_arrow_button_current";

function pick(field, text) {
    return [
        {
            content: `type ${text} in ${field}`,
            trigger: `.o_form_view div[name='${field}'] input`,
            run: `edit ${text}`,
        },
        {
            content: `choose ${text}`,
            trigger: `.o-autocomplete--dropdown-item a:contains('${text}')`,
            run: "click",
        },
    ];
}

function openMenu(section, item) {
    return [
        {
            content: `open the ${section} menu`,
            trigger: `.o_menu_sections .dropdown-toggle:contains('${section}')`,
            run: "click",
        },
        {
            content: `open ${item}`,
            trigger: `.dropdown-menu .dropdown-item:contains('${item}')`,
            run: "click",
        },
    ];
}

/**
 * Centre staff start a production from Production > New, run its autoclave cycle with
 * the probe log, finish it, release the jar lot on its pH and print its labels.
 */
registry.category("web_tour.tours").add("conserverie_production_back_office", {
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "open the Conserverie app",
            trigger: ".o_app[data-menu-xmlid='conserverie_base.conserverie_menu_root']",
            run: "click",
        },
        {
            content: "the app opens on the calendar of activities",
            trigger: ".o_calendar_view .o_calendar_renderer",
        },
        ...openMenu("Production", "Productions"),
        {
            content: "create a production",
            trigger: ".o_list_button_add",
            run: "click",
        },
        ...pick("product_id", "Compote (test)"),
        {
            content: "the recipe of the preserve is chosen",
            trigger: ".o_form_view div[name='bom_id'] input:value(Compote (test))",
        },
        ...pick("activity_id", "Atelier (test)"),
        {
            content: "make 10 jars",
            trigger: ".o_form_view div[name='product_qty'] input",
            run: "edit 10",
        },
        {
            content: "open the preserving page",
            trigger: ".o_notebook .nav-link:contains('Preserving')",
            run: "click",
        },
        ...pick("operator_ids", "Résidente Test"),
        {
            content: "confirm the production",
            trigger: ".o_form_view .o_form_statusbar button[name='action_confirm']",
            run: "click",
        },
        {
            content: "the production is confirmed",
            trigger: `${CURRENT_STATE}:contains('Confirmed')`,
        },
        {
            content: "the production goes through the mobile unit",
            trigger: ".o_form_view .oe_title:contains('CAM/MO/')",
        },
        {
            content: "start its autoclave cycle",
            trigger: ".o_form_view .o_form_statusbar button[name='action_new_cycle']",
            run: "click",
        },
        ...pick("autoclave_id", "Autoclave (test)"),
        ...pick("operator_id", "Résidente Test"),
        {
            content: "import the probe log",
            trigger: ".o_form_view .o_form_statusbar button[name='action_open_import_wizard']",
            run: "click",
        },
        {
            content: "choose the logger's CSV",
            trigger: ".modal div[name='file'] input[type='file']:not(:visible)",
            run() {
                const transfer = new DataTransfer();
                transfer.items.add(new File([PROBE_LOG], "probe.csv", { type: "text/csv" }));
                this.anchor.files = transfer.files;
                this.anchor.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "the file is loaded",
            trigger: ".modal div[name='file'] input:value(probe.csv)",
        },
        {
            content: "import it",
            trigger: ".modal button[name='action_import']",
            run: "click",
        },
        {
            content: "the cycle passed",
            trigger: `${CURRENT_STATE}:contains('Passed')`,
        },
        {
            content: "back to the production",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains('CAM/MO/')",
            run: "click",
        },
        {
            content: "produce all the jars",
            trigger: ".o_form_view .o_form_statusbar button[name='button_mark_done']:enabled",
            run: "click",
        },
        {
            content: "the production is done",
            trigger: `${CURRENT_STATE}:contains('Done')`,
        },
        ...openMenu("Production", "Jar lots"),
        {
            content: "open the quarantined lot of the compote",
            trigger: ".o_list_view .o_data_row:contains('Compote (test)') td[name='name']",
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
            content: "enter the pH measured today",
            trigger: ".o_form_view div[name='ph_measured'] input",
            run: "edit 3.80",
        },
        {
            content: "release the lot",
            trigger: ".o_form_view .o_form_statusbar button[name='action_release']",
            run: "click",
        },
        {
            content: "the lot is released",
            trigger: `${CURRENT_STATE}:contains('Released')`,
        },
        {
            content: "print its labels",
            trigger: ".o_form_view .o_form_statusbar button[name='action_print_jar_labels']",
            run: "click",
        },
        {
            content: "one label per jar",
            trigger: ".modal div[name='copies'] input:value(10)",
        },
        {
            content: "print",
            trigger: ".modal button[name='action_print']",
            run: "click",
        },
        {
            content: "once the labels are downloaded, close the dialog",
            trigger: ".modal .modal-footer button:contains('Cancel'):enabled",
            run: "click",
        },
        {
            content: "back on the released lot",
            trigger: `body:not(:has(.modal)) ${CURRENT_STATE}:contains('Released')`,
        },
    ],
});
