from odoo import api, models

from .pos_config import POS_ORDER_CENTRE_PATH


class ConserverieDepositMove(models.Model):
    _inherit = "conserverie.deposit.move"

    @api.model
    def _get_centre_paths(self):
        """Jars taken or brought back at a stall count for the centre running it."""
        return [*super()._get_centre_paths(), POS_ORDER_CENTRE_PATH]
