from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.conserverie_base.tests.common import FacilitySetupCase


@tagged("post_install", "-at_install")
class TestFacilitySetupDeposits(FacilitySetupCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.jar_crest = cls.env["product.product"].create(
            {
                "name": "Bocal 500 ml (Crest)",
                "is_jar": True,
                "jar_volume_ml": 500,
                "company_id": cls.new_company.id,
            }
        )

    def test_coordinator_gives_each_jar_format_a_deposit_twice(self):
        wizard = self._start_facility(deposit_amount=0.8)
        deposit = self.jar_crest.deposit_product_id
        self.assertTrue(deposit.is_deposit)
        self.assertEqual(deposit.list_price, 0.8)
        self.assertEqual(deposit.company_id, self.new_company)
        self.assertTrue(self.new_company.deposit_liability_account_id)
        self.assertIn(deposit.display_name, wizard.summary)

        deposits = self.env["product.product"].search_count([("is_deposit", "=", True)])
        again = self._start_facility(deposit_amount=0.8)
        self.assertEqual(self.jar_crest.deposit_product_id, deposit)
        self.assertEqual(
            self.env["product.product"].search_count([("is_deposit", "=", True)]), deposits
        )
        self.assertNotIn(deposit.display_name, again.summary)

    def test_staff_cannot_set_deposits_through_the_assistant(self):
        with self.assertRaises(AccessError):
            self._start_facility(user=self.new_staff, deposit_amount=5.0)
        self.assertFalse(self.jar_crest.deposit_product_id)
