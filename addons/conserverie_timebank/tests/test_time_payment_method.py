from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestTimePaymentMethodName(TransactionCase):
    """The till's hours method is named in the cashier's language, whoever created it."""

    def test_named_in_every_installed_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(["conserverie_timebank"], ["fr_FR"])
        company = self.env["res.company"].create({"name": "Conserverie de Die (test)"})
        self.env["account.chart.template"].try_loading("generic_coa", company, install_demo=False)
        method = company.with_context(lang="en_US")._get_time_payment_method()
        self.assertEqual(method.with_context(lang="en_US").name, "Hours")
        self.assertEqual(method.with_context(lang="fr_FR").name, "Heures")
        self.assertEqual(
            method.journal_id.with_context(lang="fr_FR").name, "Monnaie temps (heures)"
        )
