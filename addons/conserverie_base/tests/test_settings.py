from odoo.tests import Form, tagged

from .common import ConserverieCase


@tagged("post_install", "-at_install")
class TestSettings(ConserverieCase):
    def test_saving_the_settings_keeps_the_pricelists(self):
        """Solidarity pricing needs pricelists: the settings show them on, and saving
        neither archives them nor adds a default one."""
        Pricelist = self.env["product.pricelist"].with_context(active_test=False)
        pricelist = Pricelist.create({"name": "Tranche (test)"})
        everything = Pricelist.search([])
        active = everything.filtered("active")
        settings = Form(self.env["res.config.settings"])
        self.assertTrue(settings.group_product_pricelist)
        settings.save().execute()
        self.assertEqual(Pricelist.search([]), everything, "no pricelist added")
        self.assertEqual(everything.filtered("active"), active, "none archived")
        self.assertIn(pricelist, active)
