from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ConserverieCase


class CompanyCheckMixin:
    """A company's links to records of another company are refused, whoever sets them."""

    def _create_other_company_account(self, code):
        other = self.env["res.company"].create({"name": "Other facility (test)"})
        return self.env["account.account"].create(
            {
                "code": code,
                "name": "Account of another company (test)",
                "account_type": "liability_current",
                "company_ids": [Command.set(other.ids)],
            }
        )

    def _assert_other_company_refused(self, field_names, record):
        """Linking ``record`` (of another company) in each field is refused, to the
        superuser and to the administrator, and changes nothing."""
        before = {name: self.company[name] for name in field_names}
        admin = self.env.ref("base.user_admin")
        for company in (self.company, self.company.with_user(admin)):
            for name in field_names:
                with self.assertRaises(UserError) as caught:
                    company.write({name: record.id})
                self.assertIn("Incompatible companies", str(caught.exception))
        self.assertEqual({name: self.company[name] for name in field_names}, before)


@tagged("post_install", "-at_install")
class TestCompanyCheck(CompanyCheckMixin, ConserverieCase):
    def test_other_company_warehouse_refused(self):
        """A company's mobile unit is one of its own warehouses."""
        other = self.env["res.company"].create({"name": "Other facility (test)"})
        other_warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", other.id)], limit=1
        )
        self.assertTrue(other_warehouse)
        self.company._get_conserverie_warehouse()
        self._assert_other_company_refused(["conserverie_warehouse_id"], other_warehouse)
