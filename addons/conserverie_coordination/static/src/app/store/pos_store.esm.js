/** @odoo-module */
import { PosStore } from "@point_of_sale/app/store/pos_store";
import { patch } from "@web/core/utils/patch";
import { browser } from "@web/core/browser/browser";
import { ConnectionLostError } from "@web/core/network/rpc";

// How often the till tries again to send the visitors counted offline (ms).
export const VISITOR_RESEND_INTERVAL = 10000;

/**
 * The one-tap visitor counter of a stall tied to an activity. Each tap is counted at once
 * on the till and kept in the browser until the server has it: taps made offline are sent
 * together when the connection is back, so no visitor is lost and none is counted twice.
 */
patch(PosStore.prototype, {
    async setup() {
        await super.setup(...arguments);
        this.visitorCount = this.session?.activity_visitor_count || 0;
        this.visitorTaps = this.readKeptVisitorTaps();
        this.onVisitorConnectionBack = () => this.sendVisitorTaps();
        browser.addEventListener("online", this.onVisitorConnectionBack);
        this.data.bus.addEventListener("reconnect", this.onVisitorConnectionBack);
        this.visitorResendInterval = browser.setInterval(
            () => this.sendVisitorTaps(),
            VISITOR_RESEND_INTERVAL
        );
        this.sendVisitorTaps();
    },

    get hasVisitorCounter() {
        return Boolean(this.session?.activity_name);
    },

    /** The activity's visitors as the server counted them, plus the taps not sent yet. */
    get visitorCountShown() {
        return this.visitorCount + this.visitorTaps;
    },

    get visitorTapsKey() {
        return `conserverie_visitor_taps_${this.session?.id}`;
    },

    readKeptVisitorTaps() {
        const kept = parseInt(browser.localStorage.getItem(this.visitorTapsKey), 10);
        return Number.isInteger(kept) && kept > 0 ? kept : 0;
    },

    keepVisitorTaps() {
        if (this.visitorTaps > 0) {
            browser.localStorage.setItem(this.visitorTapsKey, String(this.visitorTaps));
        } else {
            browser.localStorage.removeItem(this.visitorTapsKey);
        }
    },

    /** One more person stopped by the stall. */
    countVisitor() {
        this.visitorTaps += 1;
        this.keepVisitorTaps();
        this.sendVisitorTaps();
    },

    async sendVisitorTaps() {
        if (!this.visitorTaps || this.isSendingVisitorTaps || !this.hasVisitorCounter) {
            return;
        }
        this.isSendingVisitorTaps = true;
        const count = this.visitorTaps;
        try {
            this.visitorCount = await this.data.orm.call(
                "pos.session",
                "add_anonymous_visitor",
                [[this.session.id]],
                { count }
            );
            this.visitorTaps -= count;
            this.keepVisitorTaps();
        } catch (error) {
            if (error instanceof ConnectionLostError) {
                // kept in the browser: sent when the connection is back
                return;
            }
            // refused by the server (the error says why): the taps are not sent again
            this.visitorTaps -= count;
            this.keepVisitorTaps();
            throw error;
        } finally {
            this.isSendingVisitorTaps = false;
        }
        if (this.visitorTaps) {
            // tapped again while the count was on its way
            await this.sendVisitorTaps();
        }
    },
});
