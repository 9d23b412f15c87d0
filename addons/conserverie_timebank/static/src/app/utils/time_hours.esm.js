/** @odoo-module */
/** Hours as "2 h 30", the way the back office shows them. */
export function formatHours(hours) {
    const totalMinutes = Math.round(Math.abs(hours || 0) * 60);
    const sign = hours < 0 && totalMinutes ? "-" : "";
    const minutes = String(totalMinutes % 60).padStart(2, "0");
    return `${sign}${Math.floor(totalMinutes / 60)} h ${minutes}`;
}

export function eurosToHours(amount, hourValue) {
    return hourValue > 0 ? amount / hourValue : 0;
}
