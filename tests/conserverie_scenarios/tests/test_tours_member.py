"""The member at a glance: picking a member at the till shows their hours balance and
the jars they have out on deposit, asked from the server on selection
(conserverie_scenarios_member_glance)."""

from odoo.tests import HttpCase, tagged

from .common import StallCase

PRESERVE_PRICE = 6.0
MEMBER_HOURS = 5.0
JARS_OUT = 4


@tagged("post_install", "-at_install")
class TestMemberGlanceTour(HttpCase, StallCase):
    """A volunteer on a phone (390 x 844) or a laptop (1366 x 768) picks a member who holds
    hours and has jars out."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.time_method.name = "Heures aperçu"
        # an earlier sale: the member took four jars with their deposit, paid in cash
        cls.customer, cls.preserve = cls._member_with_jars_out(
            "Adhérente Aperçu",
            hours=MEMBER_HOURS,
            jars_out=JARS_OUT,
            preserve_name="Ratatouille aperçu",
            category_name="Bocaux aperçu",
            price=PRESERVE_PRICE,
        )

    def test_jars_out_asked_by_the_till(self):
        session = self.stall_session.with_user(self.volunteer_user)
        self.assertEqual(session.get_partner_jars_out(self.customer.id), JARS_OUT)
        newcomer = self._member("Adhérente sans bocaux")
        self.assertEqual(session.get_partner_jars_out(newcomer.id), 0)
        self.assertEqual(session.get_partner_jars_out(0), 0)

    def _run_member_glance_tour(self, browser_size):
        self.browser_size = browser_size
        self.start_tour(
            f"/pos/ui?config_id={self.stall.id}",
            "conserverie_scenarios_member_glance",
            login=self.volunteer_user.login,
        )
        # the tour leaves the order unpaid: the member's figures are unchanged
        self.assertEqual(self.customer.deposit_jar_count, JARS_OUT)
        self.assertAlmostEqual(self._balance(self.customer), MEMBER_HOURS)

    def test_member_at_a_glance_on_a_phone(self):
        self._run_member_glance_tour("390x844")

    def test_member_at_a_glance_on_a_laptop(self):
        self._run_member_glance_tour("1366x768")
