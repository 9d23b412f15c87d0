from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.conserverie_base.tests.common import FacilitySetupCase


@tagged("post_install", "-at_install")
class TestFacilitySetupHours(FacilitySetupCase):
    def _hours_methods(self):
        return self.env["pos.payment.method"].search(
            [("company_id", "=", self.new_company.id), ("is_time_currency", "=", True)]
        )

    def test_coordinator_sets_up_hours_twice(self):
        wizard = self._start_facility(time_hour_value=12.0, time_welcome_hours=10.0)
        company = self.new_company
        method = self._hours_methods()
        self.assertEqual(len(method), 1)
        self.assertEqual(method.journal_id.company_id, company)
        stall = self.env["pos.config"].search([("company_id", "=", company.id)])
        self.assertIn(method, stall.payment_method_ids)
        self.assertEqual(company.time_hour_value, 12.0)
        self.assertEqual(company.time_welcome_hours, 10.0)
        self.assertIn(method.name, wizard.summary)

        journals = self.env["account.journal"].search_count([("company_id", "=", company.id)])
        again = self._start_facility()
        self.assertEqual(self._hours_methods(), method)
        self.assertEqual(
            self.env["account.journal"].search_count([("company_id", "=", company.id)]),
            journals,
        )
        self.assertEqual(stall.payment_method_ids.filtered("is_time_currency"), method)
        self.assertEqual(company.time_hour_value, 12.0)
        self.assertNotIn(method.journal_id.name, again.summary)

    def test_an_hour_worth_nothing_is_refused(self):
        with self.assertRaises(UserError):
            self._start_facility(time_hour_value=0.0)
        self.assertFalse(self._hours_methods())
        self.assertFalse(self.new_company.conserverie_warehouse_id)

    def test_volunteer_cannot_set_the_value_of_an_hour(self):
        with self.assertRaises(AccessError):
            self._start_facility(user=self.new_volunteer, time_hour_value=100.0)
        self.assertNotEqual(self.new_company.time_hour_value, 100.0)
        self.assertFalse(self._hours_methods())
