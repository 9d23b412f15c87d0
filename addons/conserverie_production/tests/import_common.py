"""The sample lists conserverie_production ships and the fields their columns fill."""

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
    "categ_id",
    "is_recovered_produce",
    "is_jar",
    "jar_volume_ml",
    "uom_id",
]
RECIPE_FIELDS = [
    "id",
    "product_tmpl_id",
    "product_qty",
    "preserving_process",
    "lethality_target",
    "shelf_life_days",
    "net_weight",
    "release_policy",
    "bom_line_ids/id",
    "bom_line_ids/product_id",
    "bom_line_ids/product_qty",
]
