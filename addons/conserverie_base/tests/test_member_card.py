from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from ..tools.member_card import is_member_card_number, member_card_number
from .common import ConserverieCase


@tagged("post_install", "-at_install")
class TestMemberCard(ConserverieCase):
    """A member's card number is the barcode the till reads to pick the member."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member.member_centre_id = cls.centre
        cls.bracket = cls.env["conserverie.solidarity.bracket"].create(
            {
                "name": "Tranche carte",
                "pricelist_id": cls.env["product.pricelist"].create({"name": "Carte"}).id,
            }
        )
        cls.member.solidarity_bracket_id = cls.bracket
        cls.other_member = cls.env["res.partner"].create(
            {"name": "Autre Adhérent", "is_member": True}
        )
        cls.report = cls.env.ref("conserverie_base.res_partner_member_card_report_action")

    def test_staff_issue_a_card_in_the_client_format(self):
        for user in (self.staff_user, self.coordinator_user):
            with self.subTest(user=user.login):
                member = self.env["res.partner"].create({"name": user.login, "is_member": True})
                member.with_user(user).action_issue_member_card()
                self.assertTrue(is_member_card_number(member.barcode), member.barcode)
        self.member.with_user(self.staff_user).action_issue_member_card()
        self.other_member.with_user(self.staff_user).action_issue_member_card()
        self.assertNotEqual(self.member.barcode, self.other_member.barcode)

    def test_an_issued_number_never_changes(self):
        self.member.with_user(self.staff_user).action_issue_member_card()
        number = self.member.barcode
        self.member.with_user(self.coordinator_user).action_issue_member_card()
        self.assertEqual(self.member.barcode, number)
        self.other_member.barcode = "0429999999995"
        (self.member | self.other_member).with_user(self.staff_user).action_issue_member_card()
        self.assertEqual(self.member.barcode, number)
        self.assertEqual(self.other_member.barcode, "0429999999995", "a barcode of its own stays")

    def test_volunteers_do_not_issue_cards(self):
        with self.assertRaises(AccessError):
            self.member.with_user(self.volunteer_user).action_issue_member_card()
        self.assertFalse(self.member.barcode)
        with self.assertRaises(AccessError):
            self.report.with_user(self.volunteer_user)._render_qweb_html(
                self.report, self.member.ids
            )
        self.assertFalse(self.member.barcode, "printing as a volunteer issues nothing")

    def test_only_members_get_a_card(self):
        with self.assertRaises(UserError) as refusal:
            (self.member | self.grower).with_user(self.staff_user).action_issue_member_card()
        self.assertIn("Ferme des Tests", str(refusal.exception))
        self.assertFalse(self.member.barcode, "nothing is issued when one partner is refused")
        self.assertFalse(self.grower.barcode)

    def test_a_number_already_held_is_skipped_or_refused(self):
        self.member.with_user(self.staff_user).action_issue_member_card()
        sequence = self.env.ref("conserverie_base.sequence_member_card")
        taken = member_card_number(f"042{sequence.number_next_actual:09d}")
        self.grower.barcode = taken
        self.other_member.with_user(self.staff_user).action_issue_member_card()
        self.assertNotEqual(self.other_member.barcode, taken, "the card skips a number held")
        self.assertTrue(is_member_card_number(self.other_member.barcode))
        # typed by hand: Odoo refuses a barcode another partner holds
        with self.assertRaises(ValidationError) as refusal:
            self.grower.with_user(self.staff_user).write({"barcode": self.member.barcode})
        self.assertIn("Another partner already has this barcode", str(refusal.exception))
        self.assertEqual(self.grower.barcode, taken)

    def test_print_cards_of_several_members(self):
        cards = self.member | self.other_member
        html = self.report.with_user(self.staff_user)._render_qweb_html(self.report, cards.ids)[0]
        html = html.decode()
        for member in cards:
            self.assertTrue(is_member_card_number(member.barcode), "printing issues the card")
            self.assertIn(member.barcode, html)
            self.assertIn(member.name, html)
        self.assertEqual(html.count("o_conserverie_member_card_qr"), 2)
        self.assertIn(f"barcode_type=QR&amp;value={self.member.barcode}", html)
        self.assertIn(f"barcode_type=EAN13&amp;value={self.member.barcode}", html)
        self.assertIn(self.centre.name, html)
        self.assertNotIn(self.bracket.name, html, "the card never tells the household's income")
        self.assertIn(self.env.company.name, html)
