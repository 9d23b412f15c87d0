from datetime import timedelta

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import ConserverieCase


@tagged("post_install", "-at_install")
class TestIntake(ConserverieCase):
    def _quants(self, product, location):
        return self.env["stock.quant"].search(
            [("product_id", "=", product.id), ("location_id", "=", location.id)]
        )

    def test_validate_receives_one_lot_per_line_at_zero_value(self):
        pears = self.env["product.product"].create(
            {
                "name": "Poires (test)",
                "is_recovered_produce": True,
                "is_storable": True,
                "tracking": "lot",
                "categ_id": self.apples.categ_id.id,
                "uom_id": self.apples.uom_id.id,
                "uom_po_id": self.apples.uom_id.id,
            }
        )
        intake = self._create_intake([(self.apples, 42.5), (pears, 18.0)])
        intake.action_validate()

        self.assertEqual(intake.state, "done")
        self.assertEqual(intake.picking_id.state, "done")
        self.assertEqual(intake.picking_id.location_dest_id, self.warehouse.raw_produce_location_id)
        apple_line = intake.line_ids[0]
        self.assertTrue(
            apple_line.lot_id.name.startswith("FERME-DES-TESTS-%s-" % self.today.strftime("%Y%m%d"))
        )
        self.assertEqual(apple_line.lot_id.conserverie_intake_line_id, apple_line)
        self.assertEqual(apple_line.lot_id.intake_grower_id, self.grower)
        quant = self._quants(self.apples, self.warehouse.raw_produce_location_id)
        self.assertEqual(quant.quantity, 42.5)
        self.assertEqual(quant.lot_id, apple_line.lot_id)
        self.assertEqual(self._quants(pears, self.warehouse.raw_produce_location_id).quantity, 18.0)
        layers = intake.picking_id.move_ids.stock_valuation_layer_ids
        self.assertEqual(len(layers), 2)
        self.assertEqual(
            sum(layers.mapped("value")), 0.0, "a donation enters the stock at zero value"
        )
        self.assertEqual(intake.total_weight, 60.5)

    def test_lot_names_stay_unique_for_the_same_grower_and_day(self):
        first = self._create_intake([(self.apples, 5.0)])
        second = self._create_intake([(self.apples, 7.0)])
        (first | second).action_validate()
        self.assertNotEqual(first.line_ids.lot_id.name, second.line_ids.lot_id.name)
        self.assertTrue(second.line_ids.lot_id.name.endswith("-2"))

    def test_organic_flag_follows_the_certificate_at_intake_date(self):
        intake = self._create_intake([(self.apples, 3.0)])
        self.assertTrue(intake.line_ids.is_organic)
        conventional = self._create_intake([(self.apples, 3.0)], partner=self.grower_conventional)
        self.assertFalse(conventional.line_ids.is_organic)

    def test_toll_produce_stays_owned_by_the_grower_and_is_not_reserved(self):
        toll = self._create_intake([(self.apples, 100.0)], source="toll_processing")
        toll.action_validate()
        own = self._create_intake([(self.apples, 10.0)])
        own.action_validate()

        quant = self._quants(self.apples, self.warehouse.grower_produce_location_id)
        self.assertEqual(quant.quantity, 100.0)
        self.assertEqual(quant.owner_id, self.grower)

        delivery = self.env["stock.picking"].create(
            {
                "picking_type_id": self.warehouse.out_type_id.id,
                "location_id": self.warehouse.lot_stock_id.id,
                "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                "move_ids": [
                    Command.create(
                        {
                            "name": "apples",
                            "product_id": self.apples.id,
                            "product_uom_qty": 50.0,
                            "product_uom": self.apples.uom_id.id,
                            "location_id": self.warehouse.lot_stock_id.id,
                            "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                        }
                    )
                ],
            }
        )
        delivery.action_confirm()
        delivery.action_assign()
        self.assertEqual(delivery.move_ids.quantity, 10.0, "only the facility's own 10 kg")
        self.assertFalse(delivery.move_ids.move_line_ids.filtered(lambda ml: ml.owner_id))
        self.assertEqual(quant.reserved_quantity, 0.0)

    def test_gleaning_activity_produces_its_intake(self):
        activity = self.env["conserverie.activity"].create(
            {"name": "Glanage test", "activity_type": "gleaning", "centre_id": self.centre.id}
        )
        action = activity.action_create_intake()
        with Form(self.env["conserverie.intake"].with_context(**action["context"])) as form:
            self.assertEqual(form.source, "gleaning")
            form.partner_id = self.grower
            with form.line_ids.new() as line:
                line.product_id = self.apples
                line.quantity = 23.5
        intake = form.save()
        self.assertEqual(intake.centre_id, self.centre)
        intake.action_validate()
        self.assertEqual(activity.harvested_kg, 23.5)
        self.assertEqual(activity.intake_count, 1)

    def test_awareness_stand_brings_back_no_produce(self):
        stand = self.env["conserverie.activity"].create(
            {"name": "Stand", "activity_type": "awareness"}
        )
        with self.assertRaises(UserError):
            stand.action_create_intake()


@tagged("post_install", "-at_install")
class TestIntakeBadInput(ConserverieCase):
    def _assert_nothing_received(self):
        self.assertFalse(
            self.env["stock.move"].search([("product_id", "=", self.apples.id)]),
            "a refused intake writes no stock move",
        )

    def test_zero_or_negative_weight_is_refused(self):
        for weight in (0.0, -4.0):
            with self.assertRaisesRegex(ValidationError, "must be above zero"):
                self._create_intake([(self.apples, weight)])
        self._assert_nothing_received()

    def test_intake_without_grower_is_refused(self):
        with self.assertRaises(ValidationError):
            self.env["conserverie.intake"].create(
                {"line_ids": [Command.create({"product_id": self.apples.id, "quantity": 3.0})]}
            )
        intake = self._create_intake([(self.apples, 3.0)])
        with self.assertRaises(ValidationError):
            intake.partner_id = False
            intake.flush_recordset()

    def test_expired_certificate_cannot_be_received_as_organic(self):
        self.grower.organic_valid_until = self.today - timedelta(days=1)
        with self.assertRaisesRegex(ValidationError, "organic certificate is not valid"):
            self._create_intake(
                [{"product_id": self.apples.id, "quantity": 3.0, "is_organic": True}]
            )
        intake = self._create_intake([(self.apples, 3.0)], date=self.today - timedelta(days=10))
        self.assertTrue(intake.line_ids.is_organic, "the certificate covered the intake date")
        self._assert_nothing_received()

    def test_validated_intake_cannot_be_edited(self):
        intake = self._create_intake([(self.apples, 12.0)])
        intake.action_validate()
        with self.assertRaisesRegex(UserError, "is validated"):
            intake.line_ids.quantity = 20.0
        with self.assertRaisesRegex(UserError, "is validated"):
            intake.partner_id = self.grower_conventional
        with self.assertRaisesRegex(UserError, "is validated"):
            intake.line_ids = [Command.create({"product_id": self.apples.id, "quantity": 1.0})]
        with self.assertRaises(UserError):
            intake.unlink()
        with self.assertRaises(UserError):
            intake.action_validate()
        self.assertEqual(intake.line_ids.quantity, 12.0)
        self.assertEqual(
            self.env["stock.move"].search_count([("product_id", "=", self.apples.id)]), 1
        )

    def test_intake_without_lines_is_refused(self):
        intake = self._create_intake([])
        with self.assertRaisesRegex(UserError, "no produce lines"):
            intake.action_validate()
        self.assertEqual(intake.state, "draft")
