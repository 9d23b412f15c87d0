from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CoordinationCase


@tagged("post_install", "-at_install")
class TestSecurity(CoordinationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own_offer = cls._create_offer(kg=30.0)
        cls.other_offer = cls._create_offer(kg=40.0, partner=cls.other_grower)

    def _offer_values(self, partner, **values):
        return {
            "partner_id": partner.id,
            "product_id": self.apples.id,
            "estimated_kg": 25.0,
            "date_from": self.today,
            "date_to": self.today + timedelta(days=3),
            **values,
        }

    def test_grower_sees_only_own_offers(self):
        Offer = self.env["conserverie.surplus.offer"].with_user(self.grower_user)
        self.assertEqual(Offer.search([]), self.own_offer)
        with self.assertRaises(AccessError):
            self.other_offer.with_user(self.grower_user).read(["estimated_kg"])
        self.assertEqual(self.own_offer.with_user(self.grower_user).recovered_kg, 0.0)

    def test_grower_posts_only_a_new_offer_of_their_own(self):
        Offer = self.env["conserverie.surplus.offer"].with_user(self.grower_user)
        offer = Offer.create(self._offer_values(self.grower))
        self.assertEqual(offer.state, "new")
        self.assertEqual(offer.partner_id, self.grower)
        gleaning = self.env["conserverie.activity"].create({"name": "X"})
        for values in (
            self._offer_values(self.other_grower),
            self._offer_values(self.grower, state="recovered"),
            self._offer_values(self.grower, activity_id=gleaning.id),
        ):
            with self.assertRaises(AccessError), self.cr.savepoint():
                Offer.create(values)
        self.assertEqual(Offer.search_count([]), 2)

    def test_grower_cannot_answer_or_change_an_offer(self):
        offer = self.own_offer.with_user(self.grower_user)
        with self.assertRaises(AccessError):
            offer.write({"estimated_kg": 3000.0})
        with self.assertRaises(AccessError):
            offer.action_plan_gleaning()
        with self.assertRaises(AccessError):
            offer.action_intake_next_workshop()
        with self.assertRaises(AccessError):
            offer.unlink()
        self.assertEqual(self.own_offer.state, "new")
        self.assertEqual(self.own_offer.estimated_kg, 30.0)
        self.assertFalse(self.own_offer.intake_ids)

    def test_volunteer_sees_planned_gleanings_not_offers(self):
        self.own_offer.action_plan_gleaning()
        gleaning = self.own_offer.activity_id
        as_volunteer = gleaning.with_user(self.volunteer_user)
        self.assertEqual(as_volunteer.state, "planned")
        self.assertIn(
            gleaning,
            self.env["conserverie.activity"]
            .with_user(self.volunteer_user)
            .search([("activity_type", "=", "gleaning"), ("state", "=", "planned")]),
        )
        with self.assertRaises(AccessError):
            self.own_offer.with_user(self.volunteer_user).read(["estimated_kg"])
        with self.assertRaises(AccessError):
            self.env["conserverie.surplus.offer"].with_user(self.volunteer_user).create(
                self._offer_values(self.grower)
            )
        with self.assertRaises(AccessError):
            gleaning.with_user(self.grower_user).read(["name"])

    def test_staff_answers_offers_coordinator_deletes(self):
        offer = self._create_offer().with_user(self.staff_user)
        offer.action_intake_next_workshop()
        self.assertEqual(offer.state, "planned")
        with self.assertRaises(AccessError):
            self._create_offer().with_user(self.staff_user).unlink()
        self._create_offer().with_user(self.coordinator_user).unlink()
