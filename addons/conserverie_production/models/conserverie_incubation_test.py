from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class ConserverieIncubationTest(models.Model):
    _name = "conserverie.incubation.test"
    _description = "Incubation test of a lot"
    _order = "lot_id, temperature, id"

    lot_id = fields.Many2one("stock.lot", required=True, ondelete="cascade", index=True)
    temperature = fields.Float(
        string="Temperature (°C)", required=True, default=37.0, digits=(16, 1)
    )
    sample_count = fields.Integer(string="Jars", default=2)
    date_start = fields.Date(string="Start", required=True, default=fields.Date.context_today)
    date_end = fields.Date(string="End", compute="_compute_date_end", store=True, readonly=False)
    result = fields.Selection(
        [
            ("pending", "Pending"),
            ("conforming", "Conforming"),
            ("non_conforming", "Non-conforming"),
        ],
        default="pending",
        required=True,
    )
    note = fields.Char(help="Swelling, leak, odour, pH drop…")
    company_id = fields.Many2one(
        "res.company", compute="_compute_company_id", store=True, index=True
    )

    @api.depends("lot_id.company_id", "lot_id.conserverie_production_id.company_id")
    def _compute_company_id(self):
        # a jar lot of a shared product has no company: the production's decides
        for test in self:
            test.company_id = test.lot_id and test.lot_id._get_conserverie_company()

    @api.depends("date_start", "lot_id")
    def _compute_date_end(self):
        for test in self:
            days = test.lot_id.conserverie_production_id.bom_id.incubation_days or 7
            test.date_end = test.date_start and test.date_start + timedelta(days=days)

    @api.model_create_multi
    def create(self, vals_list):
        tests = super().create(vals_list)
        tests.lot_id._check_release_rights()
        if any(lot.release_state != "quarantine" for lot in tests.lot_id):
            raise UserError(self.env._("Incubation tests are for lots in quarantine."))
        tests._reject_non_conforming_lots()
        return tests

    def write(self, vals):
        self.lot_id._check_release_rights()
        if any(test.result != "pending" for test in self):
            raise UserError(self.env._("A test with a result is a record: it cannot be changed."))
        res = super().write(vals)
        self._reject_non_conforming_lots()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_result(self):
        if any(test.result != "pending" for test in self):
            raise UserError(self.env._("A test with a result is a record: it cannot be deleted."))

    def _reject_non_conforming_lots(self):
        for test in self.filtered(lambda t: t.result == "non_conforming"):
            if test.lot_id.release_state == "quarantine":
                test.lot_id._reject(
                    self.env._(
                        "Incubation test at %(temp).1f °C non-conforming: %(note)s",
                        temp=test.temperature,
                        note=test.note or "-",
                    )
                )
