from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import FacilitySetupCase


@tagged("post_install", "-at_install")
class TestFacilitySetup(FacilitySetupCase):
    def _count_setup_records(self):
        company = self.new_company
        domain = [("company_id", "=", company.id)]
        return {
            "warehouses": self.env["stock.warehouse"].search_count(domain),
            "locations": self.env["stock.location"].search_count(domain),
            "brackets": self.env["conserverie.solidarity.bracket"].search_count(domain),
            "pricelists": self.env["product.pricelist"].search_count(domain),
            "stalls": self.env["pos.config"].search_count(domain),
            "payment methods": self.env["pos.payment.method"].search_count(domain),
        }

    def test_a_new_company_stays_as_odoo_makes_it(self):
        self.assertFalse(self.new_company.conserverie_warehouse_id)
        self.assertEqual(
            self.env["stock.warehouse"].search_count([("company_id", "=", self.new_company.id)]),
            1,
        )

    def test_coordinator_starts_a_facility_twice(self):
        wizard = self._start_facility(
            company_name="Conserverie mobile de Crest",
            street="Place du Champ de Mars",
            zip="26400",
            city="Crest",
            siret="732 829 320 00074",
        )
        company = self.new_company
        self.assertEqual(wizard.state, "done")
        self.assertEqual(company.name, "Conserverie mobile de Crest")
        self.assertEqual(company.city, "Crest")
        self.assertEqual(company.company_registry, "73282932000074")
        self.assertEqual(company.currency_id, self.env.ref("base.EUR"))
        self.assertEqual(company.partner_id.lang, "fr_FR")
        warehouse = company.conserverie_warehouse_id
        self.assertTrue(warehouse.is_mobile_unit)
        self.assertEqual(warehouse.quarantine_location_id.company_id, company)
        brackets = self.env["conserverie.solidarity.bracket"].search(
            [("company_id", "=", company.id)]
        )
        self.assertEqual(len(brackets), 3)
        self.assertEqual(brackets.pricelist_id.company_id, company)
        stall = self.env["pos.config"].search([("company_id", "=", company.id)])
        self.assertEqual(len(stall), 1)
        self.assertEqual(stall.picking_type_id, warehouse.pos_type_id)
        self.assertLessEqual(brackets.pricelist_id, stall.available_pricelist_ids)
        methods = stall.payment_method_ids
        self.assertTrue(methods.filtered("is_cash_count"), "the stall takes cash")
        self.assertTrue(
            methods.filtered(lambda m: m.journal_id.type == "bank"), "the stall takes cards"
        )
        self.assertIn(f"({warehouse.code})", wizard.summary)
        self.assertIn(stall.name, wizard.summary)

        counts = self._count_setup_records()
        again = self._start_facility()
        self.assertEqual(self._count_setup_records(), counts, "a second run duplicates nothing")
        self.assertEqual(company.name, "Conserverie mobile de Crest")
        steps = self.env["conserverie.facility.setup"]._get_setup_steps()
        self.assertEqual(again.summary.count("nothing changed"), len(steps), again.summary)

    def test_a_till_becomes_a_stall(self):
        self._start_facility()
        till = (
            self.env["pos.config"]
            .with_company(self.new_company)
            .create({"name": "Caisse du marché", "company_id": self.new_company.id})
        )
        self._start_facility(pos_config_ids=till)
        warehouse = self.new_company.conserverie_warehouse_id
        self.assertEqual(till.picking_type_id, warehouse.pos_type_id)

    def test_other_roles_cannot_start_a_facility(self):
        for user in (self.new_volunteer, self.new_staff):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._start_facility(user=user)
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["conserverie.facility.setup"].with_user(user).run_steps(
                    self.new_company.id
                )
        self.assertFalse(self.new_company.conserverie_warehouse_id)

    def test_coordinator_cannot_start_another_company(self):
        with self.assertRaises(AccessError):
            self.env["conserverie.facility.setup"].with_user(self.new_coordinator).run_steps(
                self.company.id, {"company_name": "Autre nom"}
            )
        self.assertNotEqual(self.company.name, "Autre nom")

    def test_bad_siret_writes_nothing(self):
        with self.assertRaises(UserError):
            self._start_facility(company_name="Conserverie de Crest bis", siret="12345")
        self.assertEqual(self.new_company.name, "Conserverie de Crest")
        self.assertFalse(self.new_company.conserverie_warehouse_id)

    def test_the_app_opens_the_assistant_until_the_facility_is_started(self):
        Wizard = self.env["conserverie.facility.setup"].with_company(self.new_company)
        action = Wizard.with_user(self.new_coordinator)._get_home_action()
        self.assertEqual(action["res_model"], "conserverie.facility.setup")
        action = Wizard.with_user(self.new_volunteer)._get_home_action()
        self.assertEqual(action["res_model"], "conserverie.activity")
        self._start_facility()
        action = Wizard.with_user(self.new_coordinator)._get_home_action()
        self.assertEqual(action["res_model"], "conserverie.activity")
