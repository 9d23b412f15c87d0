from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ProductionCase


@tagged("post_install", "-at_install")
class TestRelease(ProductionCase):
    def _quant_locations(self, lot):
        quants = self.env["stock.quant"].search([("lot_id", "=", lot.id), ("quantity", ">", 0)])
        return quants.location_id

    def test_same_day_release_with_ph(self):
        _production, lot = self._produce_with_passed_cycle(self.compote_bom)
        with self.assertRaisesRegex(UserError, "Measure the pH"):
            lot.action_release()
        lot.ph_measured = 4.5
        with self.assertRaisesRegex(UserError, "above the recipe"):
            lot.action_release()
        self.assertEqual(lot.release_state, "quarantine")
        lot.ph_measured = 3.8
        lot.action_release()
        self.assertEqual(lot.release_state, "released")
        self.assertEqual(self._quant_locations(lot), self.warehouse.released_location_id)
        self.assertEqual(lot.release_user_id, self.env.user)

    def test_incubation_release(self):
        _production, lot = self._produce_with_passed_cycle(
            self.sauce_bom, date_start=fields.Datetime.now() - timedelta(days=9)
        )
        lot.ph_measured = 3.5  # irrelevant for an incubation recipe
        with self.assertRaisesRegex(UserError, "incubation at 37"):
            lot.action_release()
        start = self.today - timedelta(days=8)
        Test = self.env["conserverie.incubation.test"]
        test_37 = Test.create(
            {"lot_id": lot.id, "temperature": 37, "date_start": start, "sample_count": 2}
        )
        test_55 = Test.create(
            {"lot_id": lot.id, "temperature": 55, "date_start": start, "sample_count": 2}
        )
        self.assertEqual(test_37.date_end, start + timedelta(days=7))
        with self.assertRaisesRegex(UserError, "incubation at 37"):
            lot.action_release()
        test_37.result = "conforming"
        with self.assertRaisesRegex(UserError, "incubation at 55"):
            lot.action_release()
        test_55.result = "conforming"
        lot.action_release()
        self.assertEqual(lot.release_state, "released")
        self.assertEqual(self._quant_locations(lot), self.warehouse.released_location_id)

    def test_incubation_too_short(self):
        _production, lot = self._produce_with_passed_cycle(self.sauce_bom)
        Test = self.env["conserverie.incubation.test"]
        for temperature in (37, 55):
            Test.create(
                {
                    "lot_id": lot.id,
                    "temperature": temperature,
                    "date_start": self.today - timedelta(days=3),
                    "date_end": self.today,
                    "result": "conforming",
                }
            )
        with self.assertRaises(UserError):
            lot.action_release()

    def test_non_conforming_test_rejects_and_scraps(self):
        _production, lot = self._produce_with_passed_cycle(self.sauce_bom)
        test = self.env["conserverie.incubation.test"].create({"lot_id": lot.id, "temperature": 55})
        test.write({"result": "non_conforming", "note": "bocal bombé"})
        self.assertEqual(lot.release_state, "rejected")
        self.assertIn("bombé", lot.rejection_reason)
        self.assertFalse(self._quant_locations(lot).filtered(lambda loc: loc.usage == "internal"))
        scrap = self.env["stock.scrap"].search([("lot_id", "=", lot.id)])
        self.assertEqual(scrap.state, "done")
        self.assertEqual(scrap.scrap_qty, 10)
        with self.assertRaises(UserError):
            lot.action_release()
        with self.assertRaises(UserError):
            test.result = "conforming"

    def test_reject_from_wizard(self):
        _production, lot = self._produce_with_passed_cycle(self.compote_bom)
        action = lot.action_reject()
        wizard = (
            self.env[action["res_model"]]
            .with_context(**action["context"])
            .create({"reason": "Couvercles"})
        )
        wizard.action_confirm()
        self.assertEqual(lot.release_state, "rejected")

    def test_haccp_non_conformity_blocks_release(self):
        _production, lot = self._produce_with_passed_cycle(self.compote_bom)
        lot.ph_measured = 3.8
        check = self.env["conserverie.haccp.check"].create(
            {
                "activity_id": self.workshop.id,
                "check_type": "seal_check",
                "value": "3 capsules non scellées",
                "is_conforming": False,
            }
        )
        self.assertEqual(check.state, "non_conforming")
        with self.assertRaisesRegex(UserError, "non-conformity"):
            lot.action_release()
        with self.assertRaises(AccessError):
            check.with_user(self.staff_user).action_record_corrective_action("Rebouché")
        with self.assertRaises(AccessError):
            check.with_user(self.staff_user).write({"corrective_action": "Rebouché"})
        check.with_user(self.coordinator_user).action_record_corrective_action(
            "Bocaux rebouchés et repassés"
        )
        self.assertEqual(check.state, "corrected")
        self.assertEqual(check.corrective_user_id, self.coordinator_user)
        lot.action_release()
        self.assertEqual(lot.release_state, "released")

    def test_reversal_by_coordinator_only(self):
        _production, lot = self._produce_with_passed_cycle(self.compote_bom)
        lot.ph_measured = 3.8
        lot.with_user(self.staff_user).action_release()
        with self.assertRaises(AccessError):
            lot.with_user(self.staff_user)._reverse_release("erreur")
        with self.assertRaises(UserError):
            lot.with_user(self.coordinator_user)._reverse_release(" ")
        with self.assertRaises(UserError):
            lot.ph_measured = 3.0
        lot.with_user(self.coordinator_user)._reverse_release("pH mal mesuré")
        self.assertEqual(lot.release_state, "quarantine")
        self.assertEqual(self._quant_locations(lot), self.warehouse.quarantine_location_id)
        self.assertTrue(any("pH mal mesuré" in (m.body or "") for m in lot.message_ids))

    def test_reversal_of_rejection(self):
        _production, lot = self._produce_with_passed_cycle(self.compote_bom)
        lot._reject("erreur de saisie")
        lot.with_user(self.coordinator_user)._reverse_release("erreur de saisie corrigée")
        self.assertEqual(lot.release_state, "quarantine")
        quants = self.env["stock.quant"].search(
            [
                ("lot_id", "=", lot.id),
                ("location_id", "=", self.warehouse.quarantine_location_id.id),
            ]
        )
        self.assertEqual(sum(quants.mapped("quantity")), 10)
