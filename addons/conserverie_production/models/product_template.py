from odoo import api, fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    label_ingredient_name = fields.Char(
        string="Name on labels",
        translate=True,
        help="How the product is named in a recipe's ingredient list (e.g. 'pommes').",
    )
    is_allergen = fields.Boolean(
        string="Allergen",
        help="One of the 14 allergens of EU 1169/2011 Annex II: shown in bold on labels.",
    )
    toll_fee_product_id = fields.Many2one(
        "product.product",
        string="Toll-processing fee",
        domain=[("type", "=", "service")],
        help="Service invoiced to a grower for each jar of this format made from their produce.",
    )
    label_ingredients_preview = fields.Char(
        string="Ingredients on the label",
        compute="_compute_label_ingredients_preview",
        help="The ingredient list its recipe prints on the jars, with the percentage of each "
        "ingredient the product's name names (EU 1169/2011 art. 22).",
    )

    def _compute_label_ingredients_preview(self):
        # sudo: the ingredient list is printed on every jar; whoever sees the product reads it
        boms = self.env["mrp.bom"].sudo()._bom_find(self.mapped("product_variant_id"))
        for template in self:
            bom = boms.get(template.product_variant_id)
            template.label_ingredients_preview = (
                bom.ingredients_text if bom and bom.preserving_process else False
            )

    @api.model
    def get_import_templates(self):
        return [
            *super().get_import_templates(),
            {
                "label": self.env._("Import template for preserves and ingredients"),
                "template": "/conserverie_production/static/xls/conserverie_preserves.xlsx",
            },
        ]

    @api.model
    def _get_facility_product_flags(self):
        return [*super()._get_facility_product_flags(), "label_ingredient_name", "is_allergen"]
