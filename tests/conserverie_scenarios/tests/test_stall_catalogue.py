"""The stall sells the facility's preserves and deposits, paid in cash, card or hours,
and a volunteer closes it counting the cash only."""

from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import StallCase

PRICE = 10.0
HOURS_PAID_EUROS = 4.0


def _sell_part_in_hours(case, volunteer):
    """``volunteer`` opens the stall and sells a soup paid partly in hours by a member."""
    customer = case._member("Adhérente Clôture", hours=2.0)
    soup = case.env["product.product"].create(
        {
            "name": "Soupe (clôture)",
            "list_price": PRICE,
            "available_in_pos": True,
            "taxes_id": [Command.clear()],
        }
    )
    session = case._open_stall(volunteer)
    payments = [
        (case.time_method, HOURS_PAID_EUROS),
        (case.cash_method, PRICE - HOURS_PAID_EUROS),
    ]
    order = case._sync(
        [case._order(session, [case._line(soup, 1)], payments, customer)], user=volunteer
    )
    case.assertEqual(order.state, "paid")
    return session, customer


@tagged("post_install", "-at_install")
class TestStallCatalogue(StallCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.demo_stall = cls.env.ref("conserverie_base.pos_config_stall")
        cls.demo_volunteer = cls.env.ref("conserverie_base.user_volunteer_demo")
        # opening the register posts on the session's chatter, which needs an email
        cls.demo_volunteer.email = cls.demo_volunteer.email or "benevole@example.com"
        cls.preserves = cls.env.ref("conserverie_base.pos_category_preserves")
        cls.deposits = cls.env.ref("conserverie_deposit.pos_category_deposits")

    def _run_stall_step(self):
        return self.env["conserverie.facility.setup"].run_steps(
            self.demo_stall.company_id.id, {}, ["stall"]
        )

    def _loaded(self, session):
        """The records of each model the till of ``session`` receives, as the volunteer."""
        data = session.with_user(self.demo_volunteer).load_data([])
        return lambda model: self.env[model].browse(
            [record["id"] for record in data[model]["data"]]
        )

    def test_the_demo_stall_takes_cash_card_and_hours(self):
        self.assertTrue(self.demo_stall.limit_categories)
        # the deposit addon's demo runs the stall step again once deposits exist
        self.assertEqual(self.demo_stall.iface_available_categ_ids, self.preserves | self.deposits)
        methods = self.demo_stall.payment_method_ids
        self.assertEqual(len(methods), 3, methods.mapped("name"))
        self.assertEqual(len(methods.filtered("is_cash_count")), 1, methods.mapped("name"))
        self.assertEqual(len(methods.filtered("is_time_currency")), 1, methods.mapped("name"))
        cards = methods.filtered(lambda m: m.type == "bank" and not m.is_time_currency)
        self.assertEqual(len(cards), 1, methods.mapped("name"))

    def test_running_the_stall_step_again_changes_nothing_set(self):
        stall = self.demo_stall
        methods = stall.payment_method_ids
        deposit = self.env.ref("conserverie_deposit.product_deposit_370")
        self.assertEqual(deposit.pos_categ_ids, self.deposits)
        # a category the stall lost is added back, nothing else changes
        stall.iface_available_categ_ids -= self.deposits
        summary = self._run_stall_step()
        self.assertIn(self.deposits.name, summary)
        self.assertEqual(stall.iface_available_categ_ids, self.preserves | self.deposits)
        self.assertEqual(deposit.pos_categ_ids, self.deposits)
        self.assertEqual(stall.payment_method_ids, methods)
        self.assertIn("nothing changed", self._run_stall_step())
        self.assertEqual(stall.iface_available_categ_ids, self.preserves | self.deposits)
        self.assertEqual(stall.payment_method_ids, methods)

    def test_the_till_gets_the_facility_products_only(self):
        self._run_stall_step()
        stall = self.demo_stall
        stall.with_user(self.demo_volunteer).open_ui()
        session = stall.current_session_id
        loaded = self._loaded(session)
        products = loaded("product.product")
        compote = self.env.ref("conserverie_base.product_preserve_apple_pear_compote")
        self.assertIn(compote, products)
        self.assertIn(self.env.ref("conserverie_deposit.product_deposit_370"), products)
        # the tip product comes to every till, never shown among the products
        foreign = (products - stall._get_special_products()).filtered(
            lambda p: not (p.pos_categ_ids & stall.iface_available_categ_ids)
        )
        self.assertFalse(foreign, foreign.mapped("display_name"))
        self.assertEqual(loaded("pos.category"), stall.iface_available_categ_ids)

    def test_a_volunteer_closes_a_stall_paid_in_hours_counting_the_cash_only(self):
        session, customer = _sell_part_in_hours(self, self.demo_volunteer)
        # what the closing popup calls, in its order
        till = session.with_user(self.demo_volunteer)
        closing = till.get_closing_control_data()
        hours = [
            method
            for method in closing["non_cash_payment_methods"]
            if method["id"] == self.time_method.id
        ]
        self.assertEqual(len(hours), 1)
        self.assertAlmostEqual(hours[0]["amount"], HOURS_PAID_EUROS)
        counted = closing["default_cash_details"]["amount"]
        self.assertTrue(till.post_closing_cash_details(counted_cash=counted)["successful"])
        till.update_closing_control_state_session("")
        # hours are not counted: the popup sends no difference for them
        pairs = [
            [method["id"], 0.0]
            for method in closing["non_cash_payment_methods"]
            if method["type"] == "bank"
        ]
        result = till.close_session_from_ui(pairs)
        self.assertTrue(result["successful"], result)
        self.assertEqual(session.state, "closed")
        self.assertAlmostEqual(self._balance(customer), 2.0 - HOURS_PAID_EUROS / 10.0)


@tagged("post_install", "-at_install")
class TestClosingHoursTour(HttpCase, StallCase):
    def _run_closing_tour(self, browser_size):
        volunteer = self.env.ref("conserverie_base.user_volunteer_demo")
        volunteer.email = volunteer.email or "benevole@example.com"
        self.time_method.name = "Heures clôture"
        session, customer = _sell_part_in_hours(self, volunteer)
        self.browser_size = browser_size
        self.start_tour(
            f"/pos/ui?config_id={self.stall.id}",
            "conserverie_scenarios_closing_hours",
            login=volunteer.login,
        )
        session.invalidate_recordset(["state"])
        self.assertEqual(session.state, "closed")
        self.assertAlmostEqual(self._balance(customer), 2.0 - HOURS_PAID_EUROS / 10.0)

    def test_a_volunteer_closes_the_stall_on_a_phone(self):
        self._run_closing_tour("390x844")

    def test_a_volunteer_closes_the_stall_on_a_laptop(self):
        self._run_closing_tour("1366x768")
