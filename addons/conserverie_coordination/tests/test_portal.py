from datetime import timedelta

from lxml import html

from odoo import fields
from odoo.http import Request
from odoo.tests import HttpCase, tagged

from .common import create_portal_user


@tagged("post_install", "-at_install")
class TestPortal(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.today()
        cls.grower = cls.env["res.partner"].create({"name": "Ferme du Portail", "is_grower": True})
        cls.grower_user = create_portal_user(cls.env, cls.grower, "conserverie_portal_grower")
        cls.neighbour = cls.env["res.partner"].create({"name": "Ferme Voisine", "is_grower": True})
        cls.produce = cls.env["product.product"].create(
            {"name": "Poires (portail)", "is_recovered_produce": True, "is_storable": True}
        )
        cls.neighbour_offer = cls.env["conserverie.surplus.offer"].create(
            {
                "partner_id": cls.neighbour.id,
                "product_id": cls.produce.id,
                "estimated_kg": 77.0,
                "date_from": cls.today,
                "date_to": cls.today + timedelta(days=2),
            }
        )
        cls.member = cls.env["res.partner"].create(
            {"name": "Glaneuse du Portail", "is_member": True}
        )
        cls.member_user = create_portal_user(cls.env, cls.member, "conserverie_portal_member")
        cls.gleaning = cls.env["conserverie.activity"].create(
            {
                "name": "Glanage des poires",
                "activity_type": "gleaning",
                "date_start": fields.Datetime.now() + timedelta(days=4),
            }
        )
        cls.gleaning.action_plan()

    def _post(self, url, data):
        return self.url_open(url, data={**data, "csrf_token": Request.csrf_token(self)})

    def test_grower_posts_an_offer(self):
        self.authenticate("conserverie_portal_grower", "conserverie_portal_grower")
        self.assertEqual(self.url_open("/my/surplus/new").status_code, 200)
        response = self._post(
            "/my/surplus/new",
            {
                "product_id": self.produce.id,
                "estimated_kg": "120",
                "grade": "downgraded",
                "need": "gleaning",
                "date_from": str(self.today),
                "date_to": str(self.today + timedelta(days=5)),
                "place": "Verger du haut",
                # a grower cannot post in another's name nor set the state
                "partner_id": self.neighbour.id,
                "state": "recovered",
            },
        )
        self.assertEqual(response.status_code, 200)
        offer = self.env["conserverie.surplus.offer"].search([("partner_id", "=", self.grower.id)])
        self.assertEqual(len(offer), 1)
        self.assertEqual(offer.estimated_kg, 120.0)
        self.assertEqual(offer.grade, "downgraded")
        self.assertEqual(offer.state, "new")
        page = self.url_open("/my/surplus").text
        self.assertIn(offer.name, page)
        self.assertNotIn(self.neighbour_offer.name, page)

    def test_bad_offer_writes_nothing(self):
        self.authenticate("conserverie_portal_grower", "conserverie_portal_grower")
        for values in (
            {"product_id": self.produce.id, "estimated_kg": "0"},
            {"product_id": "", "estimated_kg": "10"},
            {"product_id": self.produce.id, "estimated_kg": "abc"},
        ):
            response = self._post(
                "/my/surplus/new",
                {
                    "date_from": str(self.today),
                    "date_to": str(self.today + timedelta(days=1)),
                    **values,
                },
            )
            self.assertIn("alert-danger", response.text)
        response = self._post(
            "/my/surplus/new",
            {
                "product_id": self.produce.id,
                "estimated_kg": "10",
                "date_from": str(self.today),
                "date_to": str(self.today - timedelta(days=1)),
            },
        )
        self.assertIn("alert-danger", response.text)
        self.assertFalse(
            self.env["conserverie.surplus.offer"].search([("partner_id", "=", self.grower.id)])
        )

    def test_member_signs_up_once(self):
        self.authenticate("conserverie_portal_member", "conserverie_portal_member")
        self.assertIn(self.gleaning.name, self.url_open("/my/gleanings").text)
        self._post(f"/my/gleanings/{self.gleaning.id}/sign_up", {})
        self.assertEqual(self.gleaning.attendance_ids.partner_id, self.member)
        response = self._post(f"/my/gleanings/{self.gleaning.id}/sign_up", {})
        self.assertIn("already signed up", response.text)
        self.assertEqual(len(self.gleaning.attendance_ids), 1)

    def test_only_members_sign_up(self):
        self.authenticate("conserverie_portal_grower", "conserverie_portal_grower")
        self.assertNotIn(self.gleaning.name, self.url_open("/my/gleanings").text)
        self._post(f"/my/gleanings/{self.gleaning.id}/sign_up", {})
        self.assertFalse(self.gleaning.attendance_ids)

    def _surplus_cards(self, login):
        """The home page's cards that link to the surplus offers, for ``login``."""
        self.authenticate(login, login)
        page = html.fromstring(self.url_open("/my/home").text)
        return page.xpath("//div[contains(@class, 'o_portal_index_card')][a[@href='/my/surplus']]")

    def test_grower_without_offer_sees_the_surplus_card(self):
        Offer = self.env["conserverie.surplus.offer"]
        self.assertFalse(Offer.search_count([("partner_id", "=", self.grower.id)]))
        [card] = self._surplus_cards("conserverie_portal_grower")
        self.assertNotIn("d-none", card.get("class").split())
        self.assertFalse(self._surplus_cards("conserverie_portal_member"))
