from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.conserverie_base.tests.common import FacilitySetupCase


@tagged("post_install", "-at_install")
class TestFacilitySetupProduction(FacilitySetupCase):
    def _count(self, model):
        return self.env[model].search_count([("company_id", "=", self.new_company.id)])

    def test_coordinator_starts_autoclave_and_operators_twice(self):
        # a member of the new facility and a contact shared with every facility
        Partner = self.env["res.partner"].with_company(self.new_company)
        operators = Partner.create({"name": "Adhérent de Crest", "is_member": True})
        operators |= Partner.create({"name": "Opératrice Test"})
        values = {
            "autoclave_name": "Autoclave de Crest",
            "autoclave_capacity_jars": 40,
            "operator_ids": operators,
            "operator_training_type": "autoclave",
            "operator_trainer": "GRETA Drôme",
        }
        wizard = self._start_facility(**values)
        autoclave = self.env["conserverie.autoclave"].search(
            [("company_id", "=", self.new_company.id)]
        )
        self.assertEqual(autoclave.name, "Autoclave de Crest")
        self.assertEqual(autoclave.capacity_jars, 40)
        trainings = self.env["conserverie.training"].search(
            [("company_id", "=", self.new_company.id)]
        )
        self.assertEqual(trainings.partner_id, operators)
        self.assertEqual(set(trainings.mapped("training_type")), {"autoclave"})
        self.assertTrue(all(trainings.mapped("is_valid")))
        self.assertIn("Autoclave de Crest", wizard.summary)

        again = self._start_facility(**values)
        self.assertEqual(self._count("conserverie.autoclave"), 1)
        self.assertEqual(self._count("conserverie.training"), 2)
        self.assertNotIn("Autoclave de Crest", again.summary)

    def test_staff_cannot_train_operators_through_the_assistant(self):
        with self.assertRaises(AccessError):
            self._start_facility(user=self.new_staff, operator_ids=self.member)
        self.assertEqual(self._count("conserverie.training"), 0)
        self.assertEqual(self._count("conserverie.autoclave"), 0)
