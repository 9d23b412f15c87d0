from odoo import fields, models


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
