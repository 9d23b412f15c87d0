from odoo import fields, models


class ConserverieSolidarityBracket(models.Model):
    _inherit = "conserverie.solidarity.bracket"

    is_solidarity = fields.Boolean(
        string="Counts as solidarity",
        default=True,
        help="Jars reaching households of this bracket count in the share of jars that "
        "went to families in difficulty.",
    )
