"""The member card: printed by the back office with the member's number, scanned at the
till to pick the member and show their hours and jars out
(conserverie_scenarios_member_card)."""

from odoo.tests import HttpCase, tagged

from .common import StallCase

CARD_SERIAL = 4242
MEMBER_CARD = "0420000042426"  # 042, the serial on nine digits, the EAN-13 check digit
PRESERVE_PRICE = 6.0
MEMBER_HOURS = 3.5
JARS_OUT = 2


@tagged("post_install", "-at_install")
class TestMemberCardTour(HttpCase, StallCase):
    """Centre staff print a member's card; a volunteer on a phone (390 x 844) scans it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("conserverie_base.sequence_member_card").number_next = CARD_SERIAL
        # an earlier sale: the member took two jars with their deposit, paid in cash
        cls.customer, _preserve = cls._member_with_jars_out(
            "Adhérent Carte",
            hours=MEMBER_HOURS,
            jars_out=JARS_OUT,
            preserve_name="Piperade carte",
            category_name="Bocaux carte",
            price=PRESERVE_PRICE,
            member_centre_id=cls.centre.id,
        )
        cls.report = cls.env.ref("conserverie_base.res_partner_member_card_report_action")

    def _print_card(self, user):
        html = self.report.with_user(user)._render_qweb_html(self.report, self.customer.ids)[0]
        return html.decode()

    def test_scan_the_printed_card_on_a_phone(self):
        self.assertFalse(self.customer.barcode)
        card = self._print_card(self.staff_user)
        self.assertEqual(self.customer.barcode, MEMBER_CARD, "printing issues the card")
        self.assertIn(f">{MEMBER_CARD}<", card)
        self.assertIn(f"barcode_type=EAN13&amp;value={MEMBER_CARD}", card)
        self.assertIn(f"barcode_type=QR&amp;value={MEMBER_CARD}", card)
        self.assertIn(self.centre.name, card)
        # printed again by a coordinator, the card keeps its number
        self.assertIn(f">{MEMBER_CARD}<", self._print_card(self.coordinator_user))
        self.assertEqual(self.customer.barcode, MEMBER_CARD)

        self.browser_size = "390x844"
        self.start_tour(
            f"/pos/ui?config_id={self.stall.id}",
            "conserverie_scenarios_member_card",
            login=self.volunteer_user.login,
        )
        # the tour only picks the member: their figures are unchanged
        self.assertEqual(self.customer.deposit_jar_count, JARS_OUT)
        self.assertAlmostEqual(self._balance(self.customer), MEMBER_HOURS)
