from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CSV_F0_3, ProductionCase


@tagged("post_install", "-at_install")
class TestSecurity(ProductionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.production, cls.lot = cls._produce_with_passed_cycle(cls.compote_bom)
        cls.lot.ph_measured = 3.8
        cls.draft_cycle = cls._create_cycle(cls._create_production(cls.compote_bom))

    def test_volunteer_reads_but_cannot_edit_a_cycle(self):
        cycle = self.draft_cycle.with_user(self.volunteer_user)
        self.assertTrue(cycle.name)
        self.assertTrue(cycle.production_ids.read(["name"]))
        with self.assertRaises(AccessError):
            cycle.write({"max_gap_minutes": 20})
        with self.assertRaises(AccessError):
            cycle.import_readings(CSV_F0_3)
        with self.assertRaises(AccessError):
            self.env["conserverie.sterilisation.cycle"].with_user(self.volunteer_user).create(
                {"autoclave_id": self.autoclave.id, "operator_id": self.operator.id}
            )
        self.assertFalse(self.draft_cycle.reading_ids)

    def test_volunteer_cannot_release_a_lot(self):
        with self.assertRaises(AccessError):
            self.lot.with_user(self.volunteer_user).action_release()
        with self.assertRaises(AccessError):
            self.lot.with_user(self.volunteer_user).write({"ph_measured": 3.5})
        with self.assertRaises(AccessError):
            self.env["conserverie.incubation.test"].with_user(self.volunteer_user).create(
                {"lot_id": self.lot.id, "temperature": 37}
            )
        self.assertEqual(self.lot.release_state, "quarantine")

    def test_staff_runs_production_and_releases(self):
        cycle = self.draft_cycle.with_user(self.staff_user)
        cycle.import_readings(self._passing_csv(self.compote_bom))
        self.assertEqual(cycle.state, "passed")
        self.lot.with_user(self.staff_user).action_release()
        self.assertEqual(self.lot.release_state, "released")

    def test_staff_cannot_reverse(self):
        self.lot.action_release()
        with self.assertRaises(AccessError):
            self.lot.with_user(self.staff_user).action_open_reversal()

    def test_other_company_sees_nothing(self):
        other = self.env["res.company"].create({"name": "Conserverie de Die"})
        user = self._create_user("staff_die", "conserverie_base.group_staff", company=other)
        for model in (
            "conserverie.sterilisation.cycle",
            "conserverie.sterilisation.reading",
            "conserverie.training",
            "conserverie.autoclave",
            "conserverie.haccp.check",
        ):
            self.assertFalse(self.env[model].with_user(user).search([]), model)
        self.assertFalse(
            self.env["mrp.production"].with_user(user).search([("id", "=", self.production.id)])
        )

    def test_cycle_load_is_company_checked(self):
        other = self.env["res.company"].create({"name": "Conserverie de Crest"})
        autoclave = self.env["conserverie.autoclave"].create(
            {"name": "Autre", "company_id": other.id}
        )
        with self.assertRaises(UserError):
            self.env["conserverie.sterilisation.cycle"].create(
                {
                    "autoclave_id": autoclave.id,
                    "operator_id": self.operator.id,
                    "production_ids": [Command.set(self.production.ids)],
                }
            )
