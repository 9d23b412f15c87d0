/** @odoo-module */
import { registry } from "@web/core/registry";
import { ConnectionLostError } from "@web/core/network/rpc";

/**
 * A lost connection never stops the volunteer with a dialog: a notice says once that the
 * sales are kept, the navbar counts those waiting.
 */
export function stallOfflineErrorHandler(env, error, originalError) {
    if (!(originalError instanceof ConnectionLostError) || !env.services.pos) {
        return false;
    }
    env.services.pos.notifySalesKeptOffline();
    return true;
}

registry
    .category("error_handlers")
    .add("conserverieStallOfflineErrorHandler", stallOfflineErrorHandler, { sequence: 1 });
