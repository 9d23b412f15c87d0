from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ConserverieCase

# model -> groups allowed to (read, write, create, unlink)
ACCESS = {
    "conserverie.site": {
        "volunteer": "r",
        "staff": "rwc",
        "coordinator": "rwcu",
        "accountant": "r",
    },
    "conserverie.activity": {
        "volunteer": "r",
        "staff": "rwc",
        "coordinator": "rwcu",
        "accountant": "r",
    },
    "conserverie.activity.attendance": {
        "volunteer": "rwc",
        "staff": "rwcu",
        "coordinator": "rwcu",
        "accountant": "rwc",
    },
    "conserverie.intake": {
        "volunteer": "r",
        "staff": "rwc",
        "coordinator": "rwcu",
        "accountant": "r",
    },
    "conserverie.intake.line": {
        "volunteer": "r",
        "staff": "rwcu",
        "coordinator": "rwcu",
        "accountant": "r",
    },
    "conserverie.channel": {
        "volunteer": "r",
        "staff": "r",
        "coordinator": "rwcu",
        "accountant": "r",
    },
    "conserverie.solidarity.bracket": {
        "volunteer": "",
        "staff": "",
        "coordinator": "rwcu",
        "accountant": "",
    },
}
OPERATIONS = {"r": "read", "w": "write", "c": "create", "u": "unlink"}


@tagged("post_install", "-at_install")
class TestAccessRights(ConserverieCase):
    def test_access_matrix(self):
        users = {
            "volunteer": self.volunteer_user,
            "staff": self.staff_user,
            "coordinator": self.coordinator_user,
            "accountant": self.accountant_user,
        }
        for model, rights in ACCESS.items():
            for group, allowed in rights.items():
                records = self.env[model].with_user(users[group])
                for letter, operation in OPERATIONS.items():
                    with self.subTest(model=model, group=group, operation=operation):
                        self.assertEqual(
                            records.has_access(operation),
                            letter in allowed,
                            f"{group}, {operation} on {model}",
                        )

    def test_groups_imply_what_they_need(self):
        self.assertTrue(self.volunteer_user.has_group("point_of_sale.group_pos_user"))
        self.assertFalse(self.volunteer_user.has_group("stock.group_stock_user"))
        self.assertTrue(self.staff_user.has_group("stock.group_stock_user"))
        self.assertTrue(self.staff_user.has_group("stock.group_production_lot"))
        self.assertTrue(self.coordinator_user.has_group("conserverie_base.group_staff"))
        self.assertTrue(self.coordinator_user.has_group("stock.group_stock_manager"))
        self.assertTrue(self.accountant_user.has_group("account.group_account_manager"))

    def test_staff_runs_an_intake_end_to_end(self):
        intake = (
            self.env["conserverie.intake"]
            .with_user(self.staff_user)
            .create(
                {
                    "partner_id": self.grower.id,
                    "line_ids": [Command.create({"product_id": self.apples.id, "quantity": 8.0})],
                }
            )
        )
        intake.action_validate()
        self.assertEqual(intake.state, "done")

    def test_volunteer_cannot_create_an_intake(self):
        with self.assertRaises(AccessError):
            self.env["conserverie.intake"].with_user(self.volunteer_user).create(
                {"partner_id": self.grower.id}
            )


@tagged("post_install", "-at_install")
class TestCompanyIsolation(ConserverieCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "Conserverie de Die"})
        cls.other_coordinator = cls._create_user(
            "coordinator", "conserverie_base.group_coordinator", company=cls.other_company
        )
        cls.site = cls.env["conserverie.site"].create({"name": "Place de Romans"})
        cls.activity = cls.env["conserverie.activity"].create(
            {
                "name": "Atelier de Romans",
                "site_id": cls.site.id,
                "attendance_ids": [Command.create({"partner_id": cls.member.id, "hours": 2})],
            }
        )
        cls.intake = cls._create_intake([(cls.apples, 5.0)])

    def test_new_company_gets_its_own_mobile_unit(self):
        self.assertFalse(self.other_company.conserverie_warehouse_id)
        warehouse = self.other_company._get_conserverie_warehouse()
        self.assertEqual(self.other_company.conserverie_warehouse_id, warehouse)
        self.assertTrue(warehouse.is_mobile_unit)
        self.assertEqual(warehouse.company_id, self.other_company)
        self.assertEqual(warehouse.quarantine_location_id.company_id, self.other_company)
        self.assertNotEqual(warehouse, self.warehouse)

    def test_second_company_sees_nothing_of_the_first(self):
        env = self.env(user=self.other_coordinator)
        for model in (
            "conserverie.site",
            "conserverie.activity",
            "conserverie.activity.attendance",
            "conserverie.intake",
            "conserverie.intake.line",
            "conserverie.solidarity.bracket",
        ):
            with self.subTest(model=model):
                self.assertFalse(
                    env[model].search([("company_id", "=", self.company.id)]),
                    f"{model} of another company is visible",
                )
        with self.assertRaises(AccessError):
            self.intake.with_user(self.other_coordinator).read(["name"])

    def test_second_company_works_on_its_own(self):
        env = self.env(user=self.other_coordinator)
        site = env["conserverie.site"].create({"name": "Place de Die"})
        self.assertEqual(site.company_id, self.other_company)
        self.assertNotIn(self.site, env["conserverie.site"].search([]))
