from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.conserverie_training import TRAINING_TYPES


class ConserverieFacilitySetup(models.TransientModel):
    _inherit = "conserverie.facility.setup"

    autoclave_name = fields.Char(
        string="Autoclave", default=lambda self: self.env._("Autoclave of the lorry")
    )
    autoclave_serial_number = fields.Char(string="Serial number")
    autoclave_capacity_jars = fields.Integer(string="Capacity (370 ml jars)")
    operator_ids = fields.Many2many(
        "res.partner",
        "conserverie_facility_setup_operator_rel",
        string="Trained operators",
        help="The first operators, with the training they hold.",
    )
    operator_training_type = fields.Selection(
        TRAINING_TYPES, string="Their training", default="hygiene"
    )
    operator_training_date = fields.Date(string="Taken on", default=fields.Date.context_today)
    operator_training_expiry = fields.Date(
        string="Valid until",
        default=lambda self: fields.Date.context_today(self) + relativedelta(years=2),
    )
    operator_trainer = fields.Char(string="Trainer")

    @api.model
    def _get_setup_steps(self):
        steps = self._insert_setup_steps(
            super()._get_setup_steps(), "warehouse", [("autoclave", self.env._("Autoclave"))]
        )
        return [*steps, ("operators", self.env._("Trained operators"))]

    def _run_setup_autoclave(self):
        company = self.company_id
        Autoclave = self.env["conserverie.autoclave"]
        if Autoclave.search_count([("company_id", "=", company.id)], limit=1):
            return []
        autoclave = Autoclave.create(
            {
                "name": self.autoclave_name or self.env._("Autoclave"),
                "serial_number": self.autoclave_serial_number,
                "capacity_jars": self.autoclave_capacity_jars,
                "company_id": company.id,
            }
        )
        return [self.env._("autoclave %(name)s", name=autoclave.name)]

    def _run_setup_operators(self):
        if not self.operator_ids:
            return []
        if not (
            self.operator_training_type
            and self.operator_training_date
            and self.operator_training_expiry
        ):
            raise UserError(
                self.env._("Give the operators' training, its date and its end of validity.")
            )
        Training = self.env["conserverie.training"]
        trained = Training._get_trained(
            self.operator_ids,
            self.operator_training_type,
            self.operator_training_date,
            self.company_id,
        )
        created = []
        for partner in self.operator_ids - trained:
            training = Training.create(
                {
                    "partner_id": partner.id,
                    "training_type": self.operator_training_type,
                    "date": self.operator_training_date,
                    "date_expiry": self.operator_training_expiry,
                    "trainer": self.operator_trainer,
                    "company_id": self.company_id.id,
                }
            )
            created.append(
                self.env._(
                    "%(training)s until %(date)s",
                    training=training.display_name,
                    date=training.date_expiry,
                )
            )
        return created
