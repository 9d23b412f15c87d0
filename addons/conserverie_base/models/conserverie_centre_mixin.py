from odoo import api, models
from odoo.osv import expression


class ConserverieCentreMixin(models.AbstractModel):
    """A record that counts for a social centre through one of several paths: the one
    definition of "the centre of a record" for a ledger, its reports and the impact."""

    _name = "conserverie.centre.mixin"
    _description = "Record counting for a social centre"

    @api.model
    def _get_centre_paths(self):
        """Paths from a record to the social centre it counts for; at most one is set.

        Each model gives its own; addons that tie other records to a centre (a stall's
        orders) extend them.
        """
        return []

    @api.model
    def _get_centre_domain(self, centre):
        """The records that count for the social centre ``centre``."""
        return expression.OR([[(path, "=", centre.id)] for path in self._get_centre_paths()])
