"""A facility started from nothing: its coordinator runs the assistant, imports the
sample lists the addons ship, and the facility holds a market day with only what its
people can click, import or send from the till."""

from datetime import timedelta

from odoo import Command
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import file_open

from odoo.addons.conserverie_base.tests.common import pos_line_values, pos_order_payload
from odoo.addons.conserverie_base.tests.import_common import (
    GROWER_FIELDS,
    GROWERS_TEMPLATE,
    IMPORT_OPTIONS,
    MEMBER_FIELDS,
    MEMBERS_TEMPLATE,
    XLSX_MIMETYPE,
)
from odoo.addons.conserverie_production.tests.import_common import (
    PRESERVE_FIELDS,
    PRESERVES_TEMPLATE,
    RECIPE_FIELDS,
    RECIPES_TEMPLATE,
)

from .common import sterilise_and_release

ROLES = ("volunteer", "staff", "coordinator", "accountant")
# each template the addons ship, the model it fills and its columns' fields, as the
# import screen matches them
TEMPLATES = (
    ("res.partner", GROWERS_TEMPLATE, GROWER_FIELDS, 2),
    ("res.partner", MEMBERS_TEMPLATE, MEMBER_FIELDS, 2),
    ("product.template", PRESERVES_TEMPLATE, PRESERVE_FIELDS, 5),
    ("mrp.bom", RECIPES_TEMPLATE, RECIPE_FIELDS, 1),
    (
        "conserverie.time.opening.balance",
        "/conserverie_timebank/static/xls/conserverie_time_opening.xlsx",
        ["member_id/id", "hours", "date"],
        2,
    ),
    (
        "conserverie.deposit.opening",
        "/conserverie_deposit/static/xls/conserverie_deposit_opening.xlsx",
        ["partner_id/id", "jar_product_id", "quantity", "date"],
        3,
    ),
)
JARS = 20
HOUR_VALUE = 10.0


@tagged("post_install", "-at_install", "conserverie_from_zero")
class TestMarketDayFromZero(TransactionCase):
    """A new company, none of the database's demo records: the coordinator starts it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.today = cls.env.cr.now().date()
        cls.company = cls.env["res.company"].create(
            {"name": "Conserverie du Vercors", "country_id": cls.env.ref("base.fr").id}
        )
        cls.users = {
            role: new_test_user(
                cls.env,
                login=f"vercors_{role}",
                groups=f"conserverie_base.group_{role}",
                company_id=cls.company.id,
                company_ids=[Command.set(cls.company.ids)],
            )
            for role in ROLES
        }

    def _as(self, role, model):
        """``model`` as the web client calls it for the user of ``role``."""
        user = self.users[role]
        return (
            self.env[model].with_user(user).with_context(lang=user.lang).with_company(self.company)
        )

    def _start_facility(self, **values):
        """The coordinator fills the assistant and presses its button."""
        wizard = self._as("coordinator", "conserverie.facility.setup").create(
            {"company_id": self.company.id, **values}
        )
        wizard.action_start()
        self.assertEqual(wizard.state, "done")
        return wizard

    def _import(self, model, content, fields, file_type=XLSX_MIMETYPE):
        """The list view's Import, as the coordinator: upload, preview, import."""
        wizard = self._as("coordinator", "base_import.import").create(
            {"res_model": model, "file": content, "file_type": file_type}
        )
        preview = wizard.parse_preview(dict(IMPORT_OPTIONS))
        self.assertNotIn("error", preview, "the file can be read")
        self.assertEqual(len(preview["headers"]), len(fields))
        return wizard.execute_import(fields, preview["headers"], dict(IMPORT_OPTIONS))

    def _import_samples(self):
        """The lists in the readme's order; the assistant again once the products are in,
        for the jar formats' deposits."""
        for model, path, fields, count in TEMPLATES:
            if model == "mrp.bom":
                summary = self._start_facility().summary
                jars = self.env.ref("__import__.bocal_370") | self.env.ref("__import__.bocal_720")
                self.assertTrue(all(jars.mapped("deposit_product_id")), summary)
            offered = [
                template["template"]
                for template in self._as("coordinator", model).get_import_templates()
            ]
            self.assertIn(path, offered, "the template is offered on the import screen")
            with file_open(path.lstrip("/"), "rb") as template:
                result = self._import(model, template.read(), fields)
            errors = [m["message"] for m in result["messages"] if m["type"] == "error"]
            self.assertFalse(errors, path)
            self.assertEqual(len(result["ids"]), count, path)

    def _prepare_facility(self):
        """The assistant, then the samples, imported in French by French speakers."""
        summary = self._start_facility(time_hour_value=HOUR_VALUE, time_welcome_hours=0).summary
        self.assertTrue(self.company.conserverie_warehouse_id, summary)
        self.assertEqual(self.company.partner_id.lang, "fr_FR", summary)
        # the assistant switched French on: its people choose it in their preferences
        for user in self.users.values():
            user.lang = "fr_FR"
        self._import_samples()
        self.apples = self.env.ref("__import__.produit_pommes").product_variant_id
        self.jars = (
            self.env.ref("__import__.bocal_370") | self.env.ref("__import__.bocal_720")
        ).product_variant_id

    def _stock_supplies(self, recipe):
        """The supplies the recipe takes besides produce, counted in by staff: one
        inventory adjustment per product, the lot-tracked ones with a lot."""
        warehouse = self.company.conserverie_warehouse_id
        for line in recipe.bom_line_ids.filtered(lambda ln: ln.product_id != self.apples):
            product = line.product_id
            lot = self.env["stock.lot"]
            if product.tracking != "none":
                lot = self._as("staff", "stock.lot").create(
                    {"name": f"STOCK-{product.id}", "product_id": product.id}
                )
            location = (
                warehouse.clean_jars_location_id if product.is_jar else warehouse.lot_stock_id
            )
            quant = (
                self._as("staff", "stock.quant")
                .with_context(inventory_mode=True)
                .create(
                    {
                        "product_id": product.id,
                        "location_id": location.id,
                        "lot_id": lot.id,
                        "inventory_quantity": 500,
                    }
                )
            )
            quant.action_apply_inventory()

    def test_market_day_from_zero(self):
        self._prepare_facility()
        ref = self.env.ref
        company = self.company
        grower = ref("__import__.producteur_ferme_des_tilleuls")
        lucie = ref("__import__.membre_martin_lucie")
        compote = ref("__import__.conserve_compote_pommes").product_variant_id
        recipe = ref("__import__.recette_compote_pommes_370")
        jar = recipe.jar_product_id
        self.assertEqual(jar, self.jars[0])
        self.assertIn(self.apples, recipe.bom_line_ids.product_id, "the facility's produce")
        stall = self._as("coordinator", "pos.config").search([("company_id", "=", company.id)])
        self.assertEqual(len(stall), 1)
        cash = stall.payment_method_ids.filtered("is_cash_count")
        hours = stall.payment_method_ids.filtered("is_time_currency")
        self.assertTrue(cash and hours, stall.payment_method_ids.mapped("name"))
        Account = self._as("coordinator", "conserverie.time.account")
        self.assertAlmostEqual(Account.search([("partner_id", "=", lucie.id)]).balance, 12.5)

        # the facility's own records, none shared with the other companies
        self.assertEqual((grower | lucie).company_id, company)
        self.assertEqual((compote | self.apples | self.jars).company_id, company)
        self.assertEqual(recipe.release_policy, "ph_same_day")
        # the coordinator completes the recipe: pasteurised, at least 85 °C for 5 minutes
        recipe.with_user(self.users["coordinator"]).write(
            {
                "min_core_temp": 85.0,
                "min_hold_minutes": 5.0,
                "max_ph": 4.2,
            }
        )

        # morning: recovered apples come in, the workshop preserves them
        staff = self.users["staff"]
        intake = self._as("staff", "conserverie.intake").create(
            {
                "partner_id": grower.id,
                "source": "donation",
                "line_ids": [Command.create({"product_id": self.apples.id, "quantity": 20.0})],
            }
        )
        intake.action_validate()
        self.assertEqual(intake.state, "done")
        apple_lot = intake.line_ids.lot_id
        self.assertEqual(apple_lot.company_id, company)
        self._stock_supplies(recipe)
        operator = lucie
        Training = self._as("staff", "conserverie.training")
        for training_type in ("autoclave", "bottling", "hygiene"):
            Training.create(
                {
                    "partner_id": operator.id,
                    "training_type": training_type,
                    "date": self.today - timedelta(days=30),
                    "date_expiry": self.today + timedelta(days=300),
                }
            )
        workshop = self._as("staff", "conserverie.activity").create(
            {
                "name": "Atelier compote",
                "activity_type": "preserving",
                "date_start": f"{self.today} 08:00:00",
                "date_end": f"{self.today} 12:00:00",
                "pos_config_id": stall.id,
            }
        )
        production = self._as("staff", "mrp.production").create(
            {
                "product_id": compote.id,
                "bom_id": recipe.id,
                "product_qty": JARS,
                "activity_id": workshop.id,
                "operator_ids": [Command.set(operator.ids)],
            }
        )
        production.action_confirm()
        autoclave = self._as("staff", "conserverie.autoclave").search(
            [("company_id", "=", company.id)]
        )
        self.assertEqual(len(autoclave), 1, "the assistant made the lorry's autoclave")
        cycle = self._as("staff", "conserverie.sterilisation.cycle").create(
            {
                "autoclave_id": autoclave.id,
                "operator_id": operator.id,
                "production_ids": [Command.set(production.ids)],
            }
        )
        jar_lot = sterilise_and_release(self, cycle, production, staff, 3.6)

        # afternoon: the stall opens from the activity and sells
        workshop.with_user(staff).action_open_stall()
        session = stall.current_session_id
        self.assertEqual(session.activity_id, workshop)
        deposit = jar.deposit_product_id
        jar_line = pos_line_values(
            compote, 2, 4.5, pack_lot_ids=[Command.create({"lot_name": jar_lot.name})]
        )
        lines = [jar_line, pos_line_values(deposit, 2, deposit_parent_uuid=jar_line["uuid"])]
        volunteer = self.users["volunteer"]
        payload = pos_order_payload(
            session.with_user(volunteer), lines, [(hours, 9.0), (cash, 1.0)], lucie
        )
        result = self._as("volunteer", "pos.order").sync_from_ui([payload])
        order = self.env["pos.order"].browse(result["pos.order"][0]["id"])
        self.assertEqual(order.state, "paid")
        self.assertFalse(order.sudo().review_issue_ids.mapped("message"))
        self.assertEqual(order.user_id, volunteer)
        self.assertAlmostEqual(
            Account.search([("partner_id", "=", lucie.id)]).balance, 12.5 - 0.9, places=4
        )
        session.with_user(staff).action_pos_session_closing_control()
        self.assertEqual(session.state, "closed")

        # the accountant reconciles the day
        reconciliation = self._as("accountant", "conserverie.time.reconciliation").create(
            {"date_from": self.today, "date_to": self.today}
        )
        reconciliation.action_compute()
        line = reconciliation.session_line_ids.filtered(lambda ln: ln.session_id == session)
        self.assertAlmostEqual(line.euro_amount, 1.0, places=2)
        self.assertAlmostEqual(line.time_amount, 9.0, places=2)
        self.assertAlmostEqual(line.time_hours, 0.9, places=4)
        self.assertAlmostEqual(line.ledger_hours, 0.9, places=4)
        self.assertFalse(line.has_difference)

    def test_a_bad_row_imports_nothing(self):
        self._start_facility()
        fields = ["id", "name", "is_member", "solidarity_bracket_id"]
        rows = [
            "id,name,is_member,solidarity_bracket_id",
            "membre_vercors_ok,Adhérente Bonne,1,",
            "membre_vercors_bad,Adhérent Mauvais,1,Tranche inconnue",
        ]
        result = self._import("res.partner", "\n".join(rows).encode(), fields, "text/csv")
        self.assertFalse(result["ids"], "nothing is imported")
        errors = [m["message"] for m in result["messages"] if m["type"] == "error"]
        self.assertTrue(any("Tranche inconnue" in error for error in errors), errors)
        self.assertFalse(
            self.env["res.partner"].search(
                [("name", "in", ("Adhérente Bonne", "Adhérent Mauvais"))]
            )
        )
