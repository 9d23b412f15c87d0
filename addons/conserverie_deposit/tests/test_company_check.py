from odoo.tests import tagged

from odoo.addons.conserverie_base.tests.test_company_check import CompanyCheckMixin

from .common import DepositCase


@tagged("post_install", "-at_install")
class TestCompanyCheck(CompanyCheckMixin, DepositCase):
    def test_other_company_account_refused(self):
        """The deposit accounts of a company are its own."""
        self._assert_other_company_refused(
            ["deposit_liability_account_id", "deposit_writeoff_account_id"],
            self._create_other_company_account("419699"),
        )
