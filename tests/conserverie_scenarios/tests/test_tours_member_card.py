"""The member card: printed by the back office with the member's number, scanned at the
till to pick the member and show their hours and jars out
(conserverie_scenarios_member_card)."""

from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import StallCase

CARD_SERIAL = 4242
MEMBER_CARD = "0420000042426"  # 042, the serial on nine digits, the EAN-13 check digit
PRESERVE_PRICE = 6.0
DEPOSIT_PRICE = 0.5  # StallCase's 370 ml deposit
MEMBER_HOURS = 3.5
JARS_OUT = 2


@tagged("post_install", "-at_install")
class TestMemberCardTour(HttpCase, StallCase):
    """Centre staff print a member's card; a volunteer on a phone (390 x 844) scans it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("conserverie_base.sequence_member_card").number_next = CARD_SERIAL
        cls.customer = cls._member("Adhérent Carte", hours=MEMBER_HOURS)
        cls.customer.member_centre_id = cls.centre
        preserve = cls.env["product.product"].create(
            {
                "name": "Piperade carte",
                "is_storable": True,
                "list_price": PRESERVE_PRICE,
                "available_in_pos": True,
                "taxes_id": [Command.clear()],
                "jar_product_id": cls.jar_370.id,
            }
        )
        category = cls.env["pos.category"].create({"name": "Bocaux carte"})
        preserve.pos_categ_ids = category
        cls.stall.write(
            {"limit_categories": True, "iface_available_categ_ids": [Command.set(category.ids)]}
        )
        cls.stall_session = cls._open_stall(cls.volunteer_user)
        # an earlier sale: the member took two jars with their deposit, paid in cash
        cls.env["pos.order"].with_user(cls.volunteer_user).sync_from_ui(
            [
                cls._order(
                    cls.stall_session,
                    cls._jars(preserve, JARS_OUT),
                    [(cls.cash_method, JARS_OUT * (PRESERVE_PRICE + DEPOSIT_PRICE))],
                    partner=cls.customer,
                )
            ]
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
