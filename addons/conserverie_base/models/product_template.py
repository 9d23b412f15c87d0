from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    _inherit = "product.template"

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

    @api.model
    def default_get(self, fields_list):
        defaults = super().default_get(fields_list)
        if (
            "company_id" in fields_list
            and "company_id" not in defaults
            and self._is_facility_product({**self._get_context_defaults(), **defaults})
        ):
            defaults["company_id"] = self.env.company.id
        return defaults

    @api.onchange("is_jar", "is_recovered_produce", "categ_id")
    def _onchange_facility_company(self):
        """A new product made produce, a jar format or a preserve on the form belongs to
        the facility, unless the user then clears its company to share it."""
        if not self._origin and not self.company_id:
            values = {flag: self[flag] for flag in self._get_facility_product_flags()}
            if self._is_facility_product({**values, "categ_id": self.categ_id.id}):
                self.company_id = self.env.company

    @api.model_create_multi
    def create(self, vals_list):
        self._set_facility_company(vals_list)
        return super().create(vals_list)

    @api.model
    def _get_facility_product_flags(self):
        """The fields that, set, make a product one the facility makes or handles."""
        return ["is_jar", "is_recovered_produce"]

    @api.model
    def _is_facility_product(self, values):
        if any(values.get(flag) for flag in self._get_facility_product_flags()):
            return True
        category = self.env["product.category"].browse(values.get("categ_id"))
        conserverie = self.env.ref(
            "conserverie_base.product_category_conserverie", raise_if_not_found=False
        )
        return bool(
            category and conserverie and category.parent_path.startswith(conserverie.parent_path)
        )

    @api.model
    def _get_context_defaults(self):
        """The values the context gives a new product, as a menu of produce or jars does."""
        return {
            key.removeprefix("default_"): value
            for key, value in self.env.context.items()
            if key.startswith("default_")
        }

    @api.model
    def _set_facility_company(self, vals_list):
        """A facility product belongs to the facility recording it, unless the values or
        the context name a company, or none to share it with every facility."""
        if "default_company_id" in self.env.context:
            return
        context_values = self._get_context_defaults()
        for vals in vals_list:
            if "company_id" not in vals and self._is_facility_product({**context_values, **vals}):
                vals["company_id"] = self.env.company.id
