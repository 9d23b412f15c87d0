from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    _name = "product.template"
    _inherit = ["product.template", "conserverie.facility.company.mixin"]

    is_jar = fields.Boolean(string="Jar format", help="An empty jar used to preserve food.")
    jar_volume_ml = fields.Integer(string="Jar volume (ml)")
    is_recovered_produce = fields.Boolean(
        string="Recovered produce", help="Fruit or vegetables received through intakes."
    )
    company_id = fields.Many2one(
        help="The facility this product belongs to; produce, jar formats and preserves "
        "belong to the facility that records them. Empty: shared with every facility."
    )

    @api.constrains("is_jar", "jar_volume_ml")
    def _check_jar_volume(self):
        for template in self:
            if template.is_jar and template.jar_volume_ml <= 0:
                raise ValidationError(
                    self.env._("Jar format %(name)s needs a volume in ml.", name=template.name)
                )

    @api.onchange("is_jar", "is_recovered_produce", "categ_id")
    def _onchange_facility_company(self):
        """A new product made produce, a jar format or a preserve on the form belongs to
        the facility, unless the user then clears its company to share it."""
        return super()._onchange_facility_company()

    @api.model_create_multi
    def create(self, vals_list):
        self._set_facility_company(vals_list)
        return super().create(vals_list)

    @api.model
    def _get_facility_flags(self):
        return self._get_facility_product_flags()

    @api.model
    def _get_facility_product_flags(self):
        """The fields that, set, make a product one the facility makes or handles;
        the addons adding kinds of products extend them."""
        return ["is_jar", "is_recovered_produce"]

    @api.model
    def _is_facility_record(self, values):
        """Produce, jar formats and anything filed under the facility's category."""
        if super()._is_facility_record(values):
            return True
        category = self.env["product.category"].browse(values.get("categ_id"))
        conserverie = self.env.ref(
            "conserverie_base.product_category_conserverie", raise_if_not_found=False
        )
        return bool(
            category and conserverie and category.parent_path.startswith(conserverie.parent_path)
        )

    def _get_facility_form_values(self):
        return {**super()._get_facility_form_values(), "categ_id": self.categ_id.id}
