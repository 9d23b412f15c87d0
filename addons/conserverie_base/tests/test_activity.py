from datetime import datetime

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import ConserverieCase


@tagged("post_install", "-at_install")
class TestActivity(ConserverieCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.site = cls.env["conserverie.site"].create(
            {"name": "Place du test", "site_type": "village_square", "is_rural": True}
        )
        cls.volunteer = cls.env["res.partner"].create({"name": "Bénévole Test"})
        cls.workshop = cls.env["conserverie.activity"].create(
            {
                "name": "Atelier test",
                "activity_type": "preserving",
                "site_id": cls.site.id,
                "centre_id": cls.centre.id,
                "date_start": datetime(2026, 6, 12, 9, 0),
                "attendance_ids": [
                    Command.create({"partner_id": cls.member.id, "role": "resident", "hours": 3.0}),
                    Command.create(
                        {"partner_id": cls.volunteer.id, "role": "volunteer", "hours": 4.0}
                    ),
                ],
            }
        )

    def test_lifecycle_and_figures(self):
        self.assertEqual(
            self.workshop.date_end, datetime(2026, 6, 12, 12, 0), "three hours by default"
        )
        self.assertTrue(self.workshop.is_rural)
        self.assertEqual(self.workshop.participant_count, 2)
        self.assertEqual(self.workshop.volunteer_hours, 7.0)
        self.workshop.action_plan()
        self.workshop.action_done()
        self.assertEqual(self.workshop.state, "done")
        self.workshop.action_done()
        self.assertEqual(self.workshop.state, "done", "doing it again changes nothing")
        with self.assertRaises(UserError):
            self.workshop.action_cancel()
        with self.assertRaises(UserError):
            self.workshop.unlink()

    def test_bad_dates_and_hours_are_refused(self):
        with self.assertRaises(ValidationError):
            self.workshop.date_end = datetime(2026, 6, 11, 9, 0)
        with self.assertRaises(ValidationError):
            self.workshop.attendance_ids[0].hours = -1.0

    def test_volunteer_share_gives_released_jars_to_attendees(self):
        lot = self._put_released_jars(self.compote, 10.0)
        self.workshop.action_done()
        action = self.workshop.action_give_volunteer_share()
        with Form(
            self.env["conserverie.volunteer.share"].with_context(**action["context"])
        ) as form:
            form.product_id = self.compote
            form.quantity_per_person = 2.0
        wizard = form.save()
        self.assertEqual(len(wizard.line_ids), 2)
        result = wizard.action_confirm()

        pickings = self.env["stock.picking"].search(result["domain"])
        self.assertEqual(len(pickings), 2)
        self.assertEqual(set(pickings.mapped("state")), {"done"})
        self.assertEqual(pickings.partner_id, self.member | self.volunteer)
        self.assertEqual(
            pickings.channel_id, self.env.ref("conserverie_base.channel_volunteer_share")
        )
        self.assertEqual(pickings.activity_id, self.workshop)
        self.assertEqual(pickings.move_line_ids.lot_id, lot)
        self.assertEqual(sum(pickings.move_ids.mapped("quantity")), 4.0)
        self.assertFalse(pickings.sale_id, "no payment")

    def test_volunteer_share_refuses_shortage_and_strangers(self):
        self._put_released_jars(self.compote, 1.0)
        stranger = self.env["res.partner"].create({"name": "Pas venu"})
        with self.assertRaisesRegex(UserError, "did not attend"):
            self.workshop._give_volunteer_share([(stranger, self.compote, 1.0)])
        with self.assertRaisesRegex(UserError, "Only 1.0 released"):
            self.workshop._give_volunteer_share([(self.member, self.compote, 3.0)])

    def test_quarantined_jars_are_not_given(self):
        lot = self.env["stock.lot"].create({"name": "Q-1", "product_id": self.compote.id})
        self.env["stock.quant"]._update_available_quantity(
            self.compote, self.warehouse.quarantine_location_id, 10.0, lot_id=lot
        )
        with self.assertRaisesRegex(UserError, "Only 0.0 released"):
            self.workshop._give_volunteer_share([(self.member, self.compote, 1.0)])


@tagged("post_install", "-at_install")
class TestPurchasingGroupOrder(ConserverieCase):
    def test_order_is_delivered_to_the_centre_from_the_mobile_unit(self):
        group = self.env["res.partner"].create(
            {
                "name": "Groupement test",
                "is_purchasing_group": True,
                "purchasing_group_centre_id": self.centre.id,
            }
        )
        self._put_released_jars(self.compote, 20.0)
        with Form(self.env["sale.order"]) as form:
            form.partner_id = group
            with form.order_line.new() as line:
                line.product_id = self.compote
                line.product_uom_qty = 12
        order = form.save()
        channel = self.env.ref("conserverie_base.channel_purchasing_group")
        self.assertEqual(order.channel_id, channel)
        self.assertEqual(order.partner_shipping_id, self.centre)
        self.assertEqual(order.warehouse_id, self.warehouse)
        order.action_confirm()
        picking = order.picking_ids
        self.assertEqual(picking.partner_id, self.centre)
        self.assertEqual(picking.channel_id, channel)
        self.assertEqual(picking.move_ids.quantity, 12.0, "reserved from the released jars")
