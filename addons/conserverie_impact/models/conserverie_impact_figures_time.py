from odoo import models
from odoo.osv import expression

from odoo.addons.conserverie_timebank.models.conserverie_time_move import SALE_MOVE_TYPES


class ConserverieImpactFiguresTime(models.AbstractModel):
    """Time figures of the impact report: hours issued and redeemed in the time bank.

    Inherited by ``conserverie.impact.report``, which holds the period
    (``date_from``, ``date_to``), the company and the optional centre.
    """

    _name = "conserverie.impact.figures.time"
    _description = "Impact figures: time"

    def _get_time_move_domain(self, redeemed=None):
        """The members' moves behind ``get_hours_totals`` (conserverie_timebank): all of
        them, or only those of hours redeemed (``redeemed=True``) or issued (``False``)."""
        domain = [
            ("company_id", "=", self.company_id.id),
            ("account_id.is_facility", "=", False),
            *self._datetime_domain("date"),
        ]
        if redeemed is not None:
            domain.append(("move_type", "in" if redeemed else "not in", SALE_MOVE_TYPES))
        if self.centre_id:
            TimeMove = self.env["conserverie.time.move"]
            domain = expression.AND([domain, TimeMove._get_centre_domain(self.centre_id)])
        return domain

    def _get_time_indicators(self, result):
        # hours issued and redeemed: the hours ledger's own figures
        totals = self.env["conserverie.time.move"].get_hours_totals(
            self.date_from, self.date_to, company=self.company_id, centre=self.centre_id
        )
        issued, redeemed = totals["hours_issued"], totals["hours_redeemed"]
        types = self._selection_labels("conserverie.time.move", "move_type")
        result.update(
            hours_issued=issued,
            hours_redeemed=redeemed,
            hours_net=issued - redeemed,
            hours_by_type={
                types[move_type]: amount for move_type, amount in totals["hours_by_type"].items()
            },
        )
