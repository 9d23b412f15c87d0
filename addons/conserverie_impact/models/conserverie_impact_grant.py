from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ConserverieImpactGrant(models.Model):
    """A grant from a funder, and the figures the funder asks for."""

    _name = "conserverie.impact.grant"
    _description = "Grant"
    _inherit = ["mail.thread"]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Grant", required=True, tracking=True)
    funder_id = fields.Many2one("res.partner", required=True, tracking=True)
    reference = fields.Char(help="The funder's file number.")
    amount = fields.Monetary(tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    centre_id = fields.Many2one(
        "res.partner",
        domain=[("is_social_centre", "=", True)],
        help="Leave empty when the grant funds the whole facility.",
    )
    indicator_ids = fields.Many2many("conserverie.impact.indicator", string="Required indicators")
    note = fields.Html()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for grant in self:
            if grant.date_to < grant.date_from:
                raise ValidationError(
                    self.env._("Grant %(name)s ends before it starts.", name=grant.name)
                )

    def _get_report(self):
        self.ensure_one()
        return self.env["conserverie.impact.report"].create(
            {
                "date_from": self.date_from,
                "date_to": self.date_to,
                "centre_id": self.centre_id.id,
                "company_id": self.company_id.id,
                "grant_id": self.id,
            }
        )

    def action_open_report(self):
        return self._get_report().action_compute()

    def action_print_report(self):
        return self._get_report().action_print_flower()

    def action_export_xlsx(self):
        return self._get_report().action_export_xlsx()
