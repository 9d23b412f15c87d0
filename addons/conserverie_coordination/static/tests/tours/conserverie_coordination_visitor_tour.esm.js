/** @odoo-module */
import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import { registry } from "@web/core/registry";

function tapAndWaitFor(count) {
    return [
        {
            content: "one tap: one more visitor",
            trigger: ".o_conserverie_visitor_counter",
            run: "click",
        },
        {
            content: `the counter shows ${count}, received by the server`,
            trigger: `.o_conserverie_visitor_counter:not(:has(.o_conserverie_visitor_waiting)) .o_conserverie_visitor_count:contains('${count}')`,
        },
    ];
}

registry.category("web_tour.tours").add("conserverie_coordination_visitor_counter", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            {
                content: "the counter shows the activity's visitors",
                trigger:
                    ".o_conserverie_visitor_counter .o_conserverie_visitor_count:contains('3')",
            },
            tapAndWaitFor(4),
            tapAndWaitFor(5),
        ].flat(),
});
