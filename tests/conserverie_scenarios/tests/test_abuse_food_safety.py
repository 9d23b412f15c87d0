"""Paths nobody walks, walked as the user of each role would, through the calls the web
client makes: nobody ships a jar of a lot that is not released."""

from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Datetime
from odoo.tests import tagged

from odoo.addons.conserverie_production.tests.common import ProductionCase, produce


@tagged("post_install", "-at_install")
class TestFoodSafetyAbuse(ProductionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.production, cls.lot = cls._produce_with_passed_cycle(cls.compote_bom, 10)
        cls.released_lot = cls._put_released_jars(cls.compote, 5, lot_name="COMPOTE-LIBRE")
        cls.released_lot.release_state = "released"
        # Quarantined jars misplaced in the released stock: a hand can still pick them.
        cls.misplaced = cls.env["stock.lot"].create(
            {"name": "COMPOTE-EGAREE", "product_id": cls.compote.id, "company_id": cls.company.id}
        )
        cls.misplaced.release_state = "quarantine"
        cls.env["stock.quant"]._update_available_quantity(
            cls.compote, cls.warehouse.released_location_id, 20, lot_id=cls.misplaced
        )
        best_before = Datetime.now() + timedelta(days=365)
        (cls.released_lot | cls.misplaced).write(
            {"expiration_date": best_before, "use_date": best_before, "removal_date": best_before}
        )
        cls.customers = cls.env.ref("stock.stock_location_customers")
        cls.users = (
            cls.volunteer_user,
            cls.staff_user,
            cls.coordinator_user,
            cls.accountant_user,
        )

    # Helpers ------------------------------------------------------------------------

    def _snapshot(self):
        """Release states, quantities per place and done moves of the compote."""
        lots = self.lot | self.misplaced | self.released_lot
        quants = self.env["stock.quant"].search([("product_id", "=", self.compote.id)])
        done = self.env["stock.move.line"].search_count(
            [("product_id", "=", self.compote.id), ("state", "=", "done")]
        )
        return (
            lots.mapped("release_state"),
            sorted((q.lot_id.name, q.location_id.id, q.quantity) for q in quants),
            done,
        )

    def _assert_refused(self, user, attempt, lot):
        """``attempt(env)`` performed as ``user`` fails and changes nothing."""
        before = self._snapshot()
        with self.assertRaises(UserError) as caught:
            attempt(self.env(user=user))
        if user.has_group("stock.group_stock_user"):
            self.assertNotIsInstance(caught.exception, AccessError)
            self.assertIn(lot.name, str(caught.exception))
        self.assertEqual(self._snapshot(), before)

    def _deliver_by_hand(self, env, lot, source, **picking_values):
        """A delivery whose detailed operation names ``lot`` by hand, then Validate."""
        picking = env["stock.picking"].create(
            {
                "picking_type_id": self.warehouse.out_type_id.id,
                "partner_id": self.member.id,
                "location_id": source.id,
                "location_dest_id": self.customers.id,
                **picking_values,
                "move_ids": [
                    Command.create(
                        {
                            "name": self.compote.display_name,
                            "product_id": self.compote.id,
                            "product_uom_qty": 2,
                            "product_uom": self.compote.uom_id.id,
                            "location_id": source.id,
                            "location_dest_id": self.customers.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        self._pick_lot_by_hand(picking, lot, source)
        return picking.button_validate()

    def _pick_lot_by_hand(self, picking, lot, source):
        picking.move_ids.move_line_ids.unlink()
        picking.move_ids.write(
            {
                "move_line_ids": [
                    Command.create(
                        {
                            "product_id": self.compote.id,
                            "product_uom_id": self.compote.uom_id.id,
                            "lot_id": lot.id,
                            "quantity": 2,
                            "location_id": source.id,
                            "location_dest_id": self.customers.id,
                            "picking_id": picking.id,
                        }
                    )
                ],
                "picked": True,
            }
        )

    # Rule 1: quarantine is a gate -----------------------------------------------------

    def test_delivery_with_a_quarantined_lot_picked_by_hand_is_refused(self):
        for user in self.users:
            for lot, source in (
                (self.misplaced, self.warehouse.released_location_id),
                (self.lot, self.warehouse.quarantine_location_id),
            ):
                with self.subTest(user=user.login, lot=lot.name):
                    self._assert_refused(
                        user,
                        lambda env, lot=lot, source=source: self._deliver_by_hand(env, lot, source),
                        lot,
                    )

    def test_rejected_lot_picked_by_hand_is_refused(self):
        self.misplaced.sudo().write({"release_state": "rejected", "rejection_reason": "Bombé"})
        for user in self.users:
            with self.subTest(user=user.login):
                self._assert_refused(
                    user,
                    lambda env: self._deliver_by_hand(
                        env, self.misplaced, self.warehouse.released_location_id
                    ),
                    self.misplaced,
                )

    def test_sale_order_delivery_with_a_quarantined_lot_is_refused(self):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.member.id,
                "warehouse_id": self.warehouse.id,
                "order_line": [
                    Command.create({"product_id": self.compote.id, "product_uom_qty": 2})
                ],
            }
        )
        order.action_confirm()
        picking = order.picking_ids
        self.assertEqual(picking.move_ids.move_line_ids.lot_id, self.released_lot)

        def attempt(env):
            own = picking.with_env(env)
            self._pick_lot_by_hand(own, self.misplaced, self.warehouse.released_location_id)
            own.button_validate()

        for user in self.users:
            with self.subTest(user=user.login):
                self._assert_refused(user, attempt, self.misplaced)
        self.assertNotEqual(picking.state, "done")

    def test_volunteer_share_with_a_quarantined_lot_is_refused(self):
        channel = self.env["conserverie.channel"]._get_by_code("volunteer_share")
        for user in self.users:
            with self.subTest(user=user.login):
                self._assert_refused(
                    user,
                    lambda env: self._deliver_by_hand(
                        env,
                        self.misplaced,
                        self.warehouse.released_location_id,
                        channel_id=channel.id,
                        origin=self.workshop.name,
                    ),
                    self.misplaced,
                )

    def test_quarantined_jars_never_slip_into_the_sold_stock(self):
        def attempt(env):
            picking = env["stock.picking"].create(
                {
                    "picking_type_id": self.warehouse.int_type_id.id,
                    "location_id": self.warehouse.quarantine_location_id.id,
                    "location_dest_id": self.warehouse.released_location_id.id,
                    "move_ids": [
                        Command.create(
                            {
                                "name": self.compote.display_name,
                                "product_id": self.compote.id,
                                "product_uom_qty": 2,
                                "product_uom": self.compote.uom_id.id,
                                "location_id": self.warehouse.quarantine_location_id.id,
                                "location_dest_id": self.warehouse.released_location_id.id,
                            }
                        )
                    ],
                }
            )
            picking.action_confirm()
            picking.move_ids.move_line_ids.unlink()
            picking.move_ids.write(
                {
                    "move_line_ids": [
                        Command.create(
                            {
                                "product_id": self.compote.id,
                                "product_uom_id": self.compote.uom_id.id,
                                "lot_id": self.lot.id,
                                "quantity": 2,
                                "location_id": self.warehouse.quarantine_location_id.id,
                                "location_dest_id": self.warehouse.released_location_id.id,
                                "picking_id": picking.id,
                            }
                        )
                    ],
                    "picked": True,
                }
            )
            picking.button_validate()

        for user in self.users:
            with self.subTest(user=user.login):
                self._assert_refused(user, attempt, self.lot)

    def test_inventory_may_count_a_loss_but_not_send_jars_away(self):
        transit = self.env["stock.location"].create(
            {"name": "Transit (abus)", "usage": "transit", "company_id": self.company.id}
        )
        for user in (self.staff_user, self.coordinator_user, self.accountant_user):
            with self.subTest(user=user.login):
                self._assert_refused(
                    user,
                    lambda env: (
                        env["stock.quant"]
                        .with_context(inventory_mode=True)
                        .create(
                            {
                                "product_id": self.compote.id,
                                "location_id": transit.id,
                                "lot_id": self.lot.id,
                                "inventory_quantity": 3,
                            }
                        )
                        .action_apply_inventory()
                    ),
                    self.lot,
                )
        quant = self.env["stock.quant"].search(
            [
                ("lot_id", "=", self.lot.id),
                ("location_id", "=", self.production.location_dest_id.id),
            ]
        )
        quant.with_user(self.coordinator_user).with_context(
            inventory_mode=True
        ).inventory_quantity = 8
        quant.with_user(self.coordinator_user).action_apply_inventory()
        self.assertEqual(quant.quantity, 8, "two broken jars are a loss")
        self.assertEqual(self.lot.release_state, "quarantine")

    def test_scrap_and_released_jars_still_move(self):
        scrap = (
            self.env["stock.scrap"]
            .with_user(self.staff_user)
            .create(
                {
                    "product_id": self.compote.id,
                    "lot_id": self.lot.id,
                    "scrap_qty": 1,
                    "location_id": self.warehouse.quarantine_location_id.id,
                }
            )
        )
        scrap.action_validate()
        self.assertEqual(scrap.state, "done")
        self._deliver_by_hand(
            self.env(user=self.staff_user), self.released_lot, self.warehouse.released_location_id
        )
        released = self.env["stock.quant"]._get_available_quantity(
            self.compote, self.warehouse.released_location_id, lot_id=self.released_lot
        )
        self.assertEqual(released, 3)

    # Rule 2: a cycle belongs to its load ---------------------------------------------

    def _cycle_fingerprint(self, cycle):
        return (
            cycle.state,
            cycle.production_ids.ids,
            cycle.reading_ids.mapped(lambda r: (r.minutes, r.temperature, r.source)),
            cycle.readings_review_user_id.id,
        )

    def test_a_passed_cycle_is_never_borrowed(self):
        cycle = self.production.sterilisation_cycle_ids
        self.assertEqual(cycle.state, "passed")
        other = self._create_production(self.compote_bom, 4)
        for user in self.users:
            with self.subTest(user=user.login):
                with self.assertRaises(UserError):
                    other.with_user(user).write(
                        {"sterilisation_cycle_ids": [Command.link(cycle.id)]}
                    )
                with self.assertRaises(UserError):
                    cycle.with_user(user).write({"production_ids": [Command.link(other.id)]})
                with self.assertRaises(UserError):
                    self.env["mrp.production"].with_user(user).create(
                        {
                            "product_id": self.compote.id,
                            "bom_id": self.compote_bom.id,
                            "product_qty": 1,
                            "sterilisation_cycle_ids": [Command.set(cycle.ids)],
                        }
                    )
        self.assertEqual(cycle.production_ids, self.production)
        self.assertFalse(other.sterilisation_cycle_ids)
        with self.assertRaises(UserError) as caught:
            other.with_user(self.coordinator_user).button_mark_done()
        self.assertIn("without a passed autoclave cycle", str(caught.exception))
        self.assertEqual(other.state, "confirmed")

    def test_readings_typed_by_hand_wait_for_a_coordinator(self):
        production = self._create_production(self.compote_bom, 4)
        cycle = self._create_cycle(production)
        Reading = self.env["conserverie.sterilisation.reading"]
        for user in self.users:
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Reading.with_user(user).create(
                    {"cycle_id": cycle.id, "minutes": 0, "temperature": 95, "source": "probe"}
                )
        self.assertFalse(cycle.reading_ids)
        # Typed by hand, with an 8-minute hole the probe import would have refused.
        Reading.with_user(self.staff_user).create(
            [
                {"cycle_id": cycle.id, "minutes": minutes, "temperature": 95.0}
                for minutes in (0, 1, 2, 10, 11)
            ]
        )
        self.assertTrue(cycle.is_review_needed)
        before = self._cycle_fingerprint(cycle)
        for user in self.users:
            with self.subTest(user=user.login):
                with self.assertRaises(UserError):
                    cycle.with_user(user).action_evaluate()
                with self.assertRaises(AccessError):
                    cycle.with_user(user).write({"readings_review_user_id": user.id})
        for user in (self.volunteer_user, self.staff_user, self.accountant_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                cycle.with_user(user).action_review_readings()
        self.assertEqual(self._cycle_fingerprint(cycle), before)
        cycle.with_user(self.coordinator_user).action_review_readings()
        self.assertEqual(cycle.readings_review_user_id, self.coordinator_user)
        # A reading typed after the review withdraws it.
        Reading.with_user(self.staff_user).create(
            {"cycle_id": cycle.id, "minutes": 12, "temperature": 95.0}
        )
        self.assertTrue(cycle.is_review_needed)
        cycle.with_user(self.coordinator_user).action_review_readings()
        cycle.with_user(self.staff_user).action_evaluate()
        self.assertEqual(cycle.state, "failed", "the gap is checked again at evaluation")
        self.assertIn("8.0 min without a reading", cycle.result_message)

    def test_the_longest_gap_stays_within_the_recipe_and_company(self):
        production = self._create_production(self.compote_bom, 4)
        cycle = self._create_cycle(production)
        for user in (self.staff_user, self.coordinator_user):
            with self.subTest(user=user.login), self.assertRaises(ValidationError):
                cycle.with_user(user).write({"max_gap_minutes": 60})
        with self.assertRaises(AccessError):
            cycle.with_user(self.volunteer_user).write({"max_gap_minutes": 60})
        self.assertEqual(cycle.max_gap_minutes, 5.0)
        with self.assertRaises(ValidationError):
            self.company.conserverie_max_reading_gap_minutes = 120

    # Rule 3: release re-checks everything ----------------------------------------------

    def _release_attempts(self, lot, pattern):
        for user in self.users:
            with self.subTest(user=user.login):
                with self.assertRaises(UserError) as caught:
                    lot.with_user(user).action_release()
                if user.has_group("conserverie_base.group_staff"):
                    self.assertNotIsInstance(caught.exception, AccessError)
                    self.assertRegex(str(caught.exception), pattern)
                else:
                    self.assertIsInstance(caught.exception, AccessError)
                self.assertEqual(lot.release_state, "quarantine")

    def test_a_lot_of_an_unfinished_production_is_not_released(self):
        production = self._create_production(self.compote_bom, 4)
        production.action_assign()
        production.action_generate_serial()
        lot = production.lot_producing_id
        self.assertEqual(lot.release_state, "quarantine")
        lot.ph_measured = 3.5
        self._release_attempts(lot, "is not done")

    def test_release_follows_the_recipe_policy(self):
        self.lot.ph_measured = 4.4
        self._release_attempts(self.lot, "above the recipe")
        self.compote_bom.max_ph = 4.5
        self.lot.with_user(self.coordinator_user).action_release()
        self.assertEqual(self.lot.release_state, "released")

    def test_incubation_at_the_recipe_temperatures_after_the_jars_exist(self):
        self.sauce_bom.write({"incubation_temp_low": 30.0, "incubation_temp_high": 0.0})
        _production, lot = self._produce_with_passed_cycle(self.sauce_bom, 4)
        Test = self.env["conserverie.incubation.test"]
        for temperature in (37, 55):
            Test.create(
                {
                    "lot_id": lot.id,
                    "temperature": temperature,
                    "date_start": self.today - timedelta(days=8),
                    "result": "conforming",
                }
            )
        self._release_attempts(lot, "incubation at 30")
        early = Test.create(
            {"lot_id": lot.id, "temperature": 30, "date_start": self.today - timedelta(days=8)}
        )
        early.result = "conforming"
        self._release_attempts(lot, "incubation at 30")

    # Rule 5: trained hands -----------------------------------------------------------

    def test_untrained_hands_need_a_coordinators_exception(self):
        newcomer = self.env["res.partner"].create({"name": "Nouvelle Main", "is_member": True})
        self.env["conserverie.training"].create(
            {
                "partner_id": newcomer.id,
                "training_type": "bottling",
                "date": self.today - timedelta(days=3),
                "date_expiry": self.today + timedelta(days=300),
            }
        )
        production = self._create_production(
            self.compote_bom, 4, operator_ids=[Command.set((self.operator | newcomer).ids)]
        )
        self._create_cycle(production).import_readings(self._passing_csv(self.compote_bom))
        for user in self.users:
            with self.subTest(user=user.login):
                with self.assertRaises(UserError):
                    produce(production.with_user(user))
                self.assertNotEqual(production.state, "done")
        for user in (self.volunteer_user, self.staff_user, self.accountant_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                production.with_user(user).write({"training_exception_reason": "Urgence"})
        with self.assertRaises(AccessError):
            production.with_user(self.coordinator_user).write(
                {"training_exception_user_id": self.coordinator_user.id}
            )
        with self.assertRaises(UserError):
            production.with_user(self.coordinator_user).write({"training_exception_reason": " "})
        self.assertFalse(production.training_exception_reason)
        production.with_user(self.coordinator_user).write(
            {"training_exception_reason": "Formation le 3, encadrée par David"}
        )
        self.assertEqual(production.training_exception_user_id, self.coordinator_user)
        # the exception covers the team it was granted for, not a new one
        production.with_user(self.staff_user).write({"operator_ids": [Command.unlink(newcomer.id)]})
        self.assertFalse(production.training_exception_reason)
        self.assertFalse(production.training_exception_user_id)
        production.with_user(self.staff_user).write({"operator_ids": [Command.link(newcomer.id)]})
        with self.assertRaises(UserError):
            produce(production.with_user(self.staff_user))
        production.with_user(self.coordinator_user).write(
            {"training_exception_reason": "Formation le 3, encadrée par David"}
        )
        produce(production.with_user(self.staff_user))
        self.assertEqual(production.state, "done")
        lot = production.finished_lot_ids
        self.assertEqual(lot.conserverie_training_exception, "Formation le 3, encadrée par David")
        with self.assertRaises(UserError):
            production.with_user(self.coordinator_user).write({"training_exception_reason": "x"})

    def test_a_preserve_names_its_hands(self):
        production = self._create_production(self.compote_bom, 4, operator_ids=[])
        self._create_cycle(production).import_readings(self._passing_csv(self.compote_bom))
        with self.assertRaises(UserError) as caught:
            produce(production.with_user(self.coordinator_user))
        self.assertIn("record the operators", str(caught.exception))
        self.assertNotEqual(production.state, "done")

    def test_a_done_delivery_never_swaps_in_a_quarantined_lot(self):
        self._deliver_by_hand(
            self.env(user=self.coordinator_user),
            self.released_lot,
            self.warehouse.released_location_id,
        )
        line = self.env["stock.move.line"].search(
            [("lot_id", "=", self.released_lot.id), ("location_dest_id", "=", self.customers.id)]
        )
        self.assertEqual(line.state, "done")
        for user in self.users:
            with self.subTest(user=user.login):
                self._assert_refused(
                    user,
                    lambda env: line.with_env(env).write({"lot_id": self.misplaced.id}),
                    self.misplaced,
                )
        self.assertEqual(line.lot_id, self.released_lot)

    def test_a_delivery_dressed_as_a_till_sale_is_refused(self):
        config = self.env.ref("conserverie_base.pos_config_stall")
        config.open_ui()
        session = config.current_session_id
        for user in (self.staff_user, self.coordinator_user, self.accountant_user):
            with self.subTest(user=user.login):
                self._assert_refused(
                    user,
                    lambda env: self._deliver_by_hand(
                        env,
                        self.misplaced,
                        self.warehouse.released_location_id,
                        pos_session_id=session.id,
                    ),
                    self.misplaced,
                )

    def test_a_lot_keeps_the_production_that_made_it(self):
        failed = self._create_production(self.compote_bom, 4)
        failed.action_assign()
        failed.action_generate_serial()
        lot = failed.lot_producing_id
        lot.ph_measured = 3.5
        self.assertEqual(lot.ph_measured_date, self.today, "a pH is dated when it is entered")
        for user in self.users:
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                lot.with_user(user).write({"conserverie_production_id": self.production.id})
        self.assertEqual(lot.conserverie_production_id, failed)
        self._release_attempts(lot, "is not done")
