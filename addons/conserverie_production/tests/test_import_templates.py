from odoo.tests import tagged

from odoo.addons.conserverie_base.tests.common import ConserverieCase
from odoo.addons.conserverie_base.tests.import_common import ImportTemplateMixin

PRESERVES_TEMPLATE = "/conserverie_production/static/xls/conserverie_preserves.xlsx"
RECIPES_TEMPLATE = "/conserverie_production/static/xls/conserverie_recipes.xlsx"
PRESERVE_FIELDS = [
    "id",
    "name",
    "is_storable",
    "tracking",
    "list_price",
    "available_in_pos",
    "label_ingredient_name",
    "is_allergen",
]
RECIPE_FIELDS = [
    "id",
    "product_tmpl_id",
    "product_qty",
    "preserving_process",
    "lethality_target",
    "shelf_life_days",
    "net_weight",
    "bom_line_ids/id",
    "bom_line_ids/product_id",
    "bom_line_ids/product_qty",
]


@tagged("post_install", "-at_install")
class TestImportTemplates(ImportTemplateMixin, ConserverieCase):
    """A group brings its preserves, ingredients and recipes in with the list's Import."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_french(
            ["base", "product", "stock", "point_of_sale", "mrp", "conserverie_production"]
        )
        # the produce and the jar format the recipes' template names (the demo data may
        # have them already)
        Product = cls.env["product.product"]
        cls.apples = Product.search([("name", "=", "Pommes")], limit=1) or cls.apples.copy(
            {"name": "Pommes"}
        )
        cls.jar = Product.search([("name", "=", "Bocal 370 ml")], limit=1) or cls.jar_370.copy(
            {"name": "Bocal 370 ml"}
        )
        cls.Template = cls.env["product.template"].with_context(active_test=False)

    def test_preserves_then_recipes(self):
        content = self._get_template("product.template", PRESERVES_TEMPLATE)
        result = self._import("product.template", content, self.coordinator_user, PRESERVE_FIELDS)
        self.assertImportDone(result, 2)
        compote = self.env.ref("__import__.conserve_compote_pommes")
        sugar = self.env.ref("__import__.ingredient_sucre")
        self.assertRecordValues(
            compote | sugar,
            [
                {
                    "is_storable": True,
                    "tracking": "lot",
                    "list_price": 4.5,
                    "available_in_pos": True,
                },
                {
                    "is_storable": True,
                    "tracking": "lot",
                    "list_price": 0.0,
                    "available_in_pos": False,
                },
            ],
        )
        self.assertEqual(sugar.label_ingredient_name, "sucre de canne")

        content = self._get_template("mrp.bom", RECIPES_TEMPLATE)
        result = self._import("mrp.bom", content, self.coordinator_user, RECIPE_FIELDS)
        self.assertImportDone(result, 1)
        recipe = self.env.ref("__import__.recette_compote_pommes_370")
        self.assertRecordValues(
            recipe,
            [
                {
                    "product_tmpl_id": compote.id,
                    "preserving_process": "pasteurisation",
                    "lethality_target": 10.0,
                    "shelf_life_days": 730,
                    "jar_product_id": self.jar.id,
                }
            ],
        )
        self.assertEqual(
            recipe.bom_line_ids.mapped("product_id"),
            self.apples | sugar.product_variant_id | self.jar,
        )

        # both files again: the same records, updated
        result = self._import("mrp.bom", content, self.coordinator_user, RECIPE_FIELDS)
        self.assertImportDone(result, 1)
        self.assertEqual(len(recipe.bom_line_ids), 3)
        self.assertEqual(self.Template.search_count([("name", "=", "Compote de pommes")]), 1)

    def test_bad_recipe_row_imports_nothing(self):
        name = self.compote.name
        rows = [
            RECIPE_FIELDS,
            ["r_ok", name, "1", "", "", "", "", "r_ok_1", self.apples.name, "0.4"],
            ["r_bad", name, "1", "sterilisation", "0", "730", "", "r_bad_1", self.jar.name, "1"],
        ]
        result = self._import_csv("mrp.bom", rows, self.coordinator_user, RECIPE_FIELDS)
        self.assertImportFailed(result, "positive z and target lethality")
        self.assertFalse(
            self.env["mrp.bom"].search([("product_tmpl_id", "=", self.compote.product_tmpl_id.id)])
        )

    def test_volunteer_cannot_import(self):
        content = self._get_template("product.template", PRESERVES_TEMPLATE)
        result = self._import("product.template", content, self.volunteer_user, PRESERVE_FIELDS)
        self.assertFalse(result.get("ids"))
        self.assertFalse(self.Template.search([("name", "=", "Compote de pommes")]))
