from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ProductionCase


@tagged("post_install", "-at_install")
class TestProductionCompany(ProductionCase):
    """A production's workshop is one of its own company's activities."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "Conserverie de Die (test)"})
        cls.other_workshop = cls.env["conserverie.activity"].create(
            {
                "name": "Atelier de Die (test)",
                "activity_type": "preserving",
                "date_start": f"{cls.today} 08:00:00",
                "date_end": f"{cls.today} 12:00:00",
                "company_id": cls.other_company.id,
            }
        )
        cls.bom = cls._create_bom(cls.compote, [(cls.apples, 0.4)])
        # staff of both companies: they may read both workshops
        cls.staff_user.company_ids |= cls.other_company
        cls.coordinator_user.company_ids |= cls.other_company

    def test_other_company_workshop_refused_on_write(self):
        production = self._create_production(self.bom)
        for user in (self.env.user, self.staff_user, self.coordinator_user):
            with self.subTest(user=user.login), self.assertRaises(UserError) as caught:
                production.with_user(user).write({"activity_id": self.other_workshop.id})
            # refused for the company, not for the user's rights
            self.assertNotIsInstance(caught.exception, AccessError)
            self.assertEqual(production.activity_id, self.workshop)

    def test_other_company_workshop_refused_on_create(self):
        with self.assertRaises(UserError):
            self._create_production(self.bom, activity_id=self.other_workshop.id)

    def test_own_company_workshop_accepted(self):
        production = self._create_production(self.bom, activity_id=False)
        production.with_user(self.staff_user).write({"activity_id": self.workshop.id})
        self.assertEqual(production.activity_id, self.workshop)
