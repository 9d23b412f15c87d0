from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    _inherit = "product.template"

    is_jar = fields.Boolean(string="Jar format", help="An empty jar used to preserve food.")
    jar_volume_ml = fields.Integer(string="Jar volume (ml)")
    is_recovered_produce = fields.Boolean(
        string="Recovered produce", help="Fruit or vegetables received through intakes."
    )

    @api.constrains("is_jar", "jar_volume_ml")
    def _check_jar_volume(self):
        for template in self:
            if template.is_jar and template.jar_volume_ml <= 0:
                raise ValidationError(
                    self.env._("Jar format %(name)s needs a volume in ml.", name=template.name)
                )
