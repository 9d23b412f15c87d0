from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ConserverieIntake(models.Model):
    _inherit = "conserverie.intake"

    offer_id = fields.Many2one(
        "conserverie.surplus.offer",
        string="Surplus offer",
        check_company=True,
        index="btree_not_null",
        tracking=True,
    )

    @api.constrains("offer_id", "partner_id")
    def _check_offer_grower(self):
        for intake in self.filtered("offer_id"):
            if intake.offer_id.partner_id.commercial_partner_id != intake.partner_id:
                raise ValidationError(
                    self.env._(
                        "Intake %(name)s comes from %(grower)s, not from the grower of "
                        "offer %(offer)s.",
                        name=intake.name,
                        grower=intake.partner_id.display_name,
                        offer=intake.offer_id.name,
                    )
                )

    def action_validate(self):
        result = super().action_validate()
        self.offer_id._mark_recovered()
        return result
