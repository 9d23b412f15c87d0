from odoo import api, models

from .pos_config import POS_ORDER_CENTRE_PATH


class ConserverieTimeMove(models.Model):
    _inherit = "conserverie.time.move"

    @api.model
    def _get_centre_paths(self):
        """Hours paid or refunded at a stall count for the centre running it."""
        return [*super()._get_centre_paths(), POS_ORDER_CENTRE_PATH]
