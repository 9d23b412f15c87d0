from odoo.tests import tagged

from odoo.addons.conserverie_base.tests.test_company_check import CompanyCheckMixin

from .common import TimebankCase


@tagged("post_install", "-at_install")
class TestCompanyCheck(CompanyCheckMixin, TimebankCase):
    def test_other_company_account_refused(self):
        """The hours accounts of a company are its own."""
        self._assert_other_company_refused(
            ["time_clearing_account_id", "time_settlement_account_id"],
            self._create_other_company_account("467199"),
        )
