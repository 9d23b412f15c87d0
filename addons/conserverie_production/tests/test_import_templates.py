from odoo.tests import tagged

from odoo.addons.conserverie_base.tests.common import ConserverieCase
from odoo.addons.conserverie_base.tests.import_common import ImportTemplateMixin

from .import_common import PRESERVE_FIELDS, PRESERVES_TEMPLATE, RECIPE_FIELDS, RECIPES_TEMPLATE


@tagged("post_install", "-at_install")
class TestImportTemplates(ImportTemplateMixin, ConserverieCase):
    """A group brings its preserves, ingredients and recipes in with the list's Import."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_french(
            [
                "base",
                "uom",
                "product",
                "stock",
                "point_of_sale",
                "mrp",
                "conserverie_base",
                "conserverie_production",
            ]
        )
        cls.Template = cls.env["product.template"].with_context(active_test=False)

    def test_preserves_then_recipes(self):
        content = self._get_template("product.template", PRESERVES_TEMPLATE)
        result = self._import("product.template", content, self.coordinator_user, PRESERVE_FIELDS)
        self.assertImportDone(result, 5)
        ref = self.env.ref
        apples = ref("__import__.produit_pommes").product_variant_id
        jars = ref("__import__.bocal_370") | ref("__import__.bocal_720")
        self.assertRecordValues(
            apples | jars.product_variant_id,
            [
                {"is_recovered_produce": True, "is_jar": False, "tracking": "lot"},
                {"is_recovered_produce": False, "is_jar": True, "tracking": "none"},
                {"is_recovered_produce": False, "is_jar": True, "tracking": "none"},
            ],
        )
        self.assertEqual(jars.mapped("jar_volume_ml"), [370, 720])
        self.assertEqual(apples.uom_id, ref("uom.product_uom_kgm"))
        self.assertEqual(apples.uom_po_id, ref("uom.product_uom_kgm"))
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
                    "release_policy": "ph_same_day",
                }
            ],
        )
        # found by name: the imported ones, or the demo's of the same name
        self.assertEqual(recipe.jar_product_id.name, "Bocal 370 ml")
        self.assertEqual(
            recipe.bom_line_ids.mapped("product_id.name"), ["Pommes", "Sucre", "Bocal 370 ml"]
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
            ["r_ok", name, "1", "", "", "", "", "", "r_ok_1", self.apples.name, "0.4"],
            [
                "r_bad",
                name,
                "1",
                "sterilisation",
                "0",
                "730",
                "",
                "",
                "r_bad_1",
                self.jar_370.name,
                "1",
            ],
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
