from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount


class ConserverieFacilitySetup(models.TransientModel):
    _inherit = "conserverie.facility.setup"

    time_hour_value = fields.Float(
        string="Value of an hour",
        digits="Product Price",
        compute="_compute_time_settings",
        store=True,
        readonly=False,
        help="Euros paid by one hour of the time currency at the till.",
    )
    time_welcome_hours = fields.Float(
        string="Welcome credit (h)",
        digits=(16, 4),
        compute="_compute_time_settings",
        store=True,
        readonly=False,
        help="Hours credited to a person the first time they become a member; 0 for none.",
    )

    @api.depends("company_id")
    def _compute_time_settings(self):
        for wizard in self:
            wizard.time_hour_value = wizard.company_id.time_hour_value
            wizard.time_welcome_hours = wizard.company_id.time_welcome_hours

    @api.model
    def _get_setup_steps(self):
        return self._insert_setup_steps(
            super()._get_setup_steps(), "stall", [("hours", self.env._("Hours"))]
        )

    def _get_stall_payment_methods(self, methods):
        time_methods = methods.filtered("is_time_currency")
        return super()._get_stall_payment_methods(methods - time_methods) | time_methods

    def _run_setup_hours(self):
        company = self.company_id
        if self.time_hour_value <= 0 or self.time_welcome_hours < 0:
            raise UserError(
                self.env._(
                    "An hour is worth more than nothing and the welcome credit is not negative."
                )
            )
        created = []
        had_method = self.env["pos.payment.method"].search_count(
            [("company_id", "=", company.id), ("is_time_currency", "=", True)], limit=1
        )
        method = company._get_time_payment_method()
        if not had_method:
            created.append(
                self.env._(
                    "payment method %(method)s on journal %(journal)s",
                    method=method.name,
                    journal=method.journal_id.name,
                )
            )
        for stall in self._get_stalls().filtered(lambda s: method not in s.payment_method_ids):
            stall._add_time_payment_method()
            created.append(self.env._("%(stall)s takes hours", stall=stall.name))
        if company.time_hour_value != self.time_hour_value:
            company.time_hour_value = self.time_hour_value
            created.append(
                self.env._(
                    "an hour is worth %(value)s",
                    value=format_amount(self.env, self.time_hour_value, company.currency_id),
                )
            )
        if company.time_welcome_hours != self.time_welcome_hours:
            company.time_welcome_hours = self.time_welcome_hours
            created.append(
                self.env._("welcome credit of %(hours)s h", hours=self.time_welcome_hours)
            )
        return created
