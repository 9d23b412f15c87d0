from odoo import fields, models

FACILITY_STREAMS = [
    ("stall_sales", "Stall sales"),
    ("purchasing_groups", "Purchasing groups"),
    ("toll_fees", "Toll-processing fees"),
    ("bookings", "Bookings of the lorry"),
    ("grants", "Grants"),
    ("running_costs", "Running costs"),
    ("lorry", "Lorry costs"),
    ("jars", "Jars"),
    ("produce", "Produce bought"),
]


class AccountAnalyticAccount(models.Model):
    _inherit = "account.analytic.account"

    conserverie_stream = fields.Selection(
        FACILITY_STREAMS,
        string="Facility stream",
        help="Where the economic dashboard counts this account's amounts.",
    )
