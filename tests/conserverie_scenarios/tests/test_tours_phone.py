"""The stall on a phone and on a laptop: jars back through "Return jars", hours paying
all but the deposits (conserverie_scenarios_phone_checkout); the receipt in French
(conserverie_scenarios_receipt_fr)."""

from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tools.translate import code_translations

from .common import StallCase

PRESERVE_PRICE = 6.0
DEPOSIT_PRICE = 0.5  # StallCase's 370 ml deposit
JARS_SOLD = 3
JARS_RETURNED = 2
MEMBER_HOURS = 5.0
HOURS_PAID_EUROS = JARS_SOLD * PRESERVE_PRICE  # proposed by the till: all but the deposits
CASH_PAID = (JARS_SOLD - JARS_RETURNED) * DEPOSIT_PRICE
# the French receipt: one jar sold, one empty back, 3.00 typed in hours (0 h 18)
FR_HOURS_PAID_EUROS = 3.0
FR_CASH_PAID = PRESERVE_PRICE - FR_HOURS_PAID_EUROS
# the words the French receipt prints, as the addons translate them
RECEIPT_WORDS = {
    "conserverie_deposit": {
        "Deposit per jar": "Consigne par bocal",
        "Empty jars returned: %(count)s": "Bocaux vides rendus : %(count)s",
        "Jar deposits refunded": "Consignes de bocaux remboursées",
    },
    "conserverie_timebank": {
        "Paid in hours": "Payé en heures",
        "Hours balance after this sale": "Solde d'heures après cette vente",
    },
    "point_of_sale": {"Open Register": "Ouvrir la caisse"},
}


def _stock_the_stall(case, preserve_name, word):
    """A preserve in 370 ml deposit jars, alone in the stall's category, the payment
    methods named after ``word``; the volunteer's session is open."""
    case.preserve = case.env["product.product"].create(
        {
            "name": preserve_name,
            "is_storable": True,
            "list_price": PRESERVE_PRICE,
            "available_in_pos": True,
            "taxes_id": [Command.clear()],
            "jar_product_id": case.jar_370.id,
        }
    )
    category = case.env["pos.category"].create({"name": f"Bocaux {word}"})
    case.preserve.pos_categ_ids = category
    case.cash_method.name = f"Espèces {word}"
    case.time_method.name = f"Heures {word}"
    case.stall.write(
        {"limit_categories": True, "iface_available_categ_ids": [Command.set(category.ids)]}
    )
    case._open_stall(case.volunteer_user)


def _run_stall_tour(case, tour, browser_size):
    """The volunteer runs ``tour`` at the stall: one order, paid, for the member."""
    case.browser_size = browser_size
    case.start_tour(f"/pos/ui?config_id={case.stall.id}", tour, login=case.volunteer_user.login)
    case.env.invalidate_all()
    order = case.env["pos.order"].search([("config_id", "=", case.stall.id)])
    case.assertEqual(len(order), 1)
    case.assertEqual(order.state, "paid")
    case.assertEqual(order.partner_id, case.customer)
    return order


@tagged("post_install", "-at_install")
class TestPhoneTours(HttpCase, StallCase):
    """A volunteer runs the stall from a phone (390 x 844) or a laptop (1366 x 768)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls._member("Adhérente Téléphone", hours=MEMBER_HOURS)
        cls.deposit_370.name = "Consigne téléphone"
        # a second jar format, so the volunteer picks the one brought back
        cls.env["product.product"].create(
            {
                "name": "Consigne 720 ml téléphone",
                "is_deposit": True,
                "list_price": 0.8,
                "available_in_pos": True,
            }
        )
        _stock_the_stall(cls, "Soupe téléphone", "téléphone")

    def _run_checkout_tour(self, browser_size):
        order = _run_stall_tour(self, "conserverie_scenarios_phone_checkout", browser_size)
        self.assertEqual(order.user_id, self.volunteer_user)
        self.assertAlmostEqual(order.amount_total, HOURS_PAID_EUROS + CASH_PAID)
        self.assertFalse(order.has_review_issue)

        # The soup, its deposits in step with it, the empties brought back on their own.
        preserve_line = order.lines.filtered(lambda line: line.product_id == self.preserve)
        self.assertEqual(preserve_line.qty, JARS_SOLD)
        deposit_line = preserve_line.deposit_line_ids
        self.assertEqual(deposit_line.product_id, self.deposit_370)
        self.assertEqual(deposit_line.qty, JARS_SOLD)
        self.assertAlmostEqual(deposit_line.price_subtotal_incl, JARS_SOLD * DEPOSIT_PRICE)
        return_line = order.lines - preserve_line - deposit_line
        self.assertEqual(return_line.product_id, self.deposit_370)
        self.assertEqual(return_line.qty, -JARS_RETURNED)
        self.assertFalse(return_line.deposit_parent_line_id)
        self.assertEqual(order.deposit_jars_returned, JARS_RETURNED)
        deposit_lines = order.lines.filtered("is_deposit_line")
        self.assertEqual(deposit_lines, deposit_line | return_line)
        self.assertEqual(order._get_lines_not_payable_in_hours(), deposit_lines)

        # Hours pay the soup, never more than the lines other than deposits.
        payments = {payment.payment_method_id: payment for payment in order.payment_ids}
        self.assertEqual(set(payments), {self.cash_method, self.time_method})
        hours_paid = payments[self.time_method].amount
        not_deposits = sum((order.lines - deposit_lines).mapped("price_subtotal_incl"))
        self.assertLessEqual(hours_paid, not_deposits)
        self.assertAlmostEqual(hours_paid, HOURS_PAID_EUROS)
        self.assertAlmostEqual(payments[self.cash_method].amount, CASH_PAID)
        self.assertAlmostEqual(order.time_hours, HOURS_PAID_EUROS / 10.0)
        self.assertAlmostEqual(self._balance(self.customer), MEMBER_HOURS - order.time_hours)

    def test_checkout_on_a_phone(self):
        self._run_checkout_tour("390x844")

    def test_checkout_on_a_laptop(self):
        self._run_checkout_tour("1366x768")


@tagged("post_install", "-at_install")
class TestFrenchReceiptTour(HttpCase, StallCase):
    """A volunteer who speaks French runs the stall from a phone (390 x 844)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.volunteer_user.lang = "fr_FR"
        cls.customer = cls._member("Adhérente Reçu", hours=MEMBER_HOURS)
        cls.deposit_370.name = "Consigne reçu"
        _stock_the_stall(cls, "Caviar d'aubergine reçu", "reçu")

    def test_the_till_gets_the_receipt_words_in_french(self):
        """The words the tour looks for are the ones the till receives in French."""
        self.assertTrue(self.env["res.lang"]._lang_get("fr_FR").active)
        for module, words in RECEIPT_WORDS.items():
            messages = code_translations.get_web_translations(module, "fr_FR")["messages"]
            received = {message["id"]: message["string"] for message in messages}
            for source, french in words.items():
                with self.subTest(module=module, source=source):
                    self.assertEqual(received.get(source), french)

    def test_french_receipt_on_a_phone(self):
        order = _run_stall_tour(self, "conserverie_scenarios_receipt_fr", "390x844")
        self.assertEqual(order.deposit_jars_returned, 1)
        self.assertAlmostEqual(order.amount_total, FR_HOURS_PAID_EUROS + FR_CASH_PAID)
        payments = {payment.payment_method_id: payment.amount for payment in order.payment_ids}
        self.assertAlmostEqual(payments[self.time_method], FR_HOURS_PAID_EUROS)
        self.assertAlmostEqual(payments[self.cash_method], FR_CASH_PAID)
        self.assertAlmostEqual(self._balance(self.customer), MEMBER_HOURS - 0.3)
