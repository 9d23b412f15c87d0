from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.quid import format_percentage, quid_percentages

# Reference temperatures of the lethality, by process (°C).
REFERENCE_TEMPERATURES = {"sterilisation": 121.1, "pasteurisation": 70.0}
# Incubation tests run between these temperatures (°C).
MIN_INCUBATION_TEMP, MAX_INCUBATION_TEMP = 20.0, 60.0
# No recipe nor company allows more than this between two probe readings (min).
MAX_READING_GAP_MINUTES = 15.0


class MrpBom(models.Model):
    _inherit = "mrp.bom"

    preserving_process = fields.Selection(
        [("sterilisation", "Sterilisation"), ("pasteurisation", "Pasteurisation")],
        string="Heat treatment",
        help="Set on preserving recipes: sterilisation (autoclave, F0) for low-acid "
        "products, pasteurisation for acid ones.",
    )
    jar_product_id = fields.Many2one(
        "product.product",
        string="Jar format",
        compute="_compute_jar_product_id",
        store=True,
        help="The jar among the components: the sterilisation schedule holds for this format.",
    )
    lethality_ref_temp = fields.Float(
        string="Reference temperature (°C)",
        compute="_compute_lethality_ref_temp",
        store=True,
        readonly=False,
        digits=(16, 1),
    )
    lethality_z = fields.Float(string="z (°C)", default=10.0, digits=(16, 1))
    lethality_target = fields.Float(
        string="Target lethality (min)",
        digits=(16, 2),
        help="F0 for a sterilisation (3 min for the botulinum cook), pasteurising value otherwise.",
    )
    min_core_temp = fields.Float(string="Minimum core temperature (°C)", digits=(16, 1))
    min_hold_minutes = fields.Float(string="Hold time (min)", digits=(16, 1))
    release_policy = fields.Selection(
        [
            ("ph_same_day", "Same day when the pH conforms"),
            ("incubation", "After incubation tests"),
        ],
        default="incubation",
    )
    max_ph = fields.Float(string="Maximum pH", digits=(16, 2), default=4.2)
    incubation_days = fields.Integer(default=7)
    incubation_sample_count = fields.Integer(string="Jars per incubation test", default=2)
    incubation_temp_low = fields.Float(
        string="Incubation temperature (°C)",
        default=37.0,
        digits=(16, 1),
        help="Every lot is incubated at this temperature before its release.",
    )
    incubation_temp_high = fields.Float(
        string="Second incubation temperature (°C)",
        default=55.0,
        digits=(16, 1),
        help="A second test, for thermophilic spoilage; 0 when the recipe needs one test only.",
    )
    max_reading_gap_minutes = fields.Float(
        string="Longest gap between readings (min)",
        digits=(16, 1),
        help="Upper bound on the time between two probe readings of a cycle holding this "
        "recipe; 0 uses the company's.",
    )
    shelf_life_days = fields.Integer(string="Shelf life (days)", default=730)
    net_weight = fields.Float(string="Net weight (g)", help="Net quantity printed on each jar.")
    storage_text = fields.Char(
        string="Storage",
        translate=True,
        default=lambda self: self.env._(
            "Store in a cool, dry place. Once opened, keep refrigerated and eat within 5 days."
        ),
    )
    ingredients_text = fields.Char(string="Ingredients", compute="_compute_ingredients_text")
    allergens_text = fields.Char(string="Allergens", compute="_compute_ingredients_text")

    @api.depends("bom_line_ids.product_id")
    def _compute_jar_product_id(self):
        for bom in self:
            bom.jar_product_id = bom.bom_line_ids.product_id.filtered("is_jar")[:1]

    @api.depends("preserving_process")
    def _compute_lethality_ref_temp(self):
        for bom in self:
            bom.lethality_ref_temp = REFERENCE_TEMPERATURES.get(bom.preserving_process, 0.0)

    @api.depends(
        "bom_line_ids.product_id",
        "bom_line_ids.product_qty",
        "bom_line_ids.product_uom_id",
        "product_id.name",
        "product_tmpl_id.name",
    )
    def _compute_ingredients_text(self):
        for bom in self:
            ingredients = bom._get_label_ingredients()
            quid = bom._get_label_quid()
            bom.ingredients_text = ", ".join(
                name + bom._get_label_quid_text(name, quid) for name, _allergen in ingredients
            )
            bom.allergens_text = ", ".join(name for name, allergen in ingredients if allergen)

    @api.constrains(
        "preserving_process",
        "lethality_z",
        "lethality_target",
        "release_policy",
        "max_ph",
        "incubation_days",
        "incubation_temp_low",
        "incubation_temp_high",
        "max_reading_gap_minutes",
        "shelf_life_days",
    )
    def _check_preserving_schedule(self):
        for bom in self.filtered("preserving_process"):
            if bom.lethality_z <= 0 or bom.lethality_target <= 0:
                raise ValidationError(
                    self.env._(
                        "The recipe %(name)s needs a positive z and target lethality.",
                        name=bom.display_name,
                    )
                )
            if bom.shelf_life_days <= 0:
                raise ValidationError(
                    self.env._("The recipe %(name)s needs a shelf life.", name=bom.display_name)
                )
            if bom.release_policy == "ph_same_day" and not 0 < bom.max_ph <= 4.5:
                raise ValidationError(
                    self.env._(
                        "Same-day release is for acid recipes: the maximum pH of %(name)s "
                        "must be above 0 and at most 4.5.",
                        name=bom.display_name,
                    )
                )
            if bom.release_policy == "incubation" and (
                bom.incubation_days <= 0 or bom.incubation_sample_count <= 0
            ):
                raise ValidationError(
                    self.env._(
                        "The recipe %(name)s needs incubation days and jars per test.",
                        name=bom.display_name,
                    )
                )
            temperatures = [bom.incubation_temp_low]
            if bom.incubation_temp_high:
                temperatures.append(bom.incubation_temp_high)
            if bom.release_policy == "incubation" and not all(
                MIN_INCUBATION_TEMP <= temp <= MAX_INCUBATION_TEMP for temp in temperatures
            ):
                raise ValidationError(
                    self.env._(
                        "The incubation temperatures of %(name)s must be between %(min).0f and "
                        "%(max).0f °C.",
                        name=bom.display_name,
                        min=MIN_INCUBATION_TEMP,
                        max=MAX_INCUBATION_TEMP,
                    )
                )
            if not 0 <= bom.max_reading_gap_minutes <= MAX_READING_GAP_MINUTES:
                raise ValidationError(
                    self.env._(
                        "The longest gap between readings of %(name)s must be between 0 "
                        "(the company's) and %(max).0f min.",
                        name=bom.display_name,
                        max=MAX_READING_GAP_MINUTES,
                    )
                )

    def _get_incubation_temperatures(self):
        """The temperatures at which each lot of this recipe is incubated."""
        self.ensure_one()
        return [temp for temp in (self.incubation_temp_low, self.incubation_temp_high) if temp]

    def _get_max_reading_gap(self, company):
        """The longest gap allowed between two probe readings of this recipe's cycles."""
        self.ensure_one()
        return self.max_reading_gap_minutes or company.conserverie_max_reading_gap_minutes

    def _get_label_weights(self):
        """``[(kg, name, is_allergen), ...]`` of the weighed components, heaviest first."""
        self.ensure_one()
        kg = self.env.ref("uom.product_uom_kgm")
        weighed = []
        for line in self.bom_line_ids:
            if line.product_uom_id.category_id != kg.category_id:
                continue
            weight = line.product_uom_id._compute_quantity(line.product_qty, kg, round=False)
            template = line.product_id.product_tmpl_id
            name = template.label_ingredient_name or line.product_id.name
            weighed.append((weight, name, template.is_allergen))
        weighed.sort(key=lambda item: -item[0])
        return weighed

    def _get_label_ingredients(self):
        """``[(name, is_allergen), ...]`` of the weighed components, heaviest first."""
        merged = {}
        for weight, name, allergen in self._get_label_weights():
            merged.setdefault((name, allergen), weight)
        return list(merged)

    def _get_label_food_name(self):
        self.ensure_one()
        return (self.product_id or self.product_tmpl_id).name or ""

    def _get_label_quid(self, food_name=None):
        """``{name: percentage}`` of the ingredients the food's name names (QUID)."""
        self.ensure_one()
        return quid_percentages(
            food_name or self._get_label_food_name(),
            [(name, weight) for weight, name, _allergen in self._get_label_weights()],
        )

    def _get_label_quid_text(self, name, quid):
        """`` (80 %)`` after an ingredient the food's name names, else ''."""
        if name not in quid:
            return ""
        return " ({})".format(
            self.env._("%(percentage)s %%", percentage=format_percentage(quid[name]))
        )

    @api.model
    def get_import_templates(self):
        return [
            *super().get_import_templates(),
            {
                "label": self.env._("Import template for preserving recipes"),
                "template": "/conserverie_production/static/xls/conserverie_recipes.xlsx",
            },
        ]
