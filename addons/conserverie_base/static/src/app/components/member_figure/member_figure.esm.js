/** @odoo-module */
import { Component } from "@odoo/owl";

/**
 * One figure of the customer at a glance at the till (jars out on deposit, hours
 * balance): the value the server gave, the last one known when offline.
 */
export class MemberFigure extends Component {
    static template = "conserverie_base.MemberFigure";
    static props = {
        label: String,
        // undefined while the server has not given it
        value: { type: [String, Number], optional: true },
        offline: { type: Boolean, optional: true },
        // shown when the server says there is nothing to show
        missingText: { type: String, optional: true },
        class: { type: String, optional: true },
        valueClass: { type: String, optional: true },
        missingClass: { type: String, optional: true },
    };
}
