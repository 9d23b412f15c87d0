"""The stall on a phone and on a laptop: a jar label's GS1-128 scanned at the till gives
the jam and its lot, a quarantined lot is refused, a receipt for the facility
(conserverie_scenarios_scan_checkout); a sale validated offline is sent once the
connection is back (conserverie_scenarios_offline_sale), and kept waiting while the
server refuses it (conserverie_scenarios_offline_sale_refused)."""

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import StallCase

COMPANY = "Conserverie mobile (scan)"
EAN13 = "3760123456784"
RELEASED_LOT = "L26-SCAN-1"
QUARANTINED_LOT = "L26-SCAN-Q"
RELEASED_LABEL = f"010{EAN13}10{RELEASED_LOT}"
PRESERVE_PRICE = 6.0
COMPOTE_PRICE = 4.0
COMPOTE_LOTS = ("L26-COMP-1", "L26-COMP-2")
DEPOSIT_PRICE = 0.5  # StallCase's 370 ml deposit
MEMBER_HOURS = 5.0
HOURS_PAID_EUROS = 3.0  # typed at the till: 0 h 18 at 10.00 an hour
JARS_RETURNED = 2
CASH_PAID = PRESERVE_PRICE + DEPOSIT_PRICE - JARS_RETURNED * DEPOSIT_PRICE - HOURS_PAID_EUROS
PHONE = "390x844"
LAPTOP = "1366x768"


@tagged("post_install", "-at_install")
class TestStallScanTours(HttpCase, StallCase):
    """The demo volunteer runs the stall from a phone (390 x 844) or a laptop (1366 x 768)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.volunteer = cls.env.ref("conserverie_base.user_volunteer_demo")
        # opening the register posts on the session's chatter, which needs an email
        cls.volunteer.email = cls.volunteer.email or "benevole@example.com"
        cls.company.name = COMPANY
        cls.customer = cls._member("Adhérent Scan", hours=MEMBER_HOURS)
        cls.deposit_370.name = "Consigne scan"
        cls.preserve = cls.env["product.product"].create(
            {
                "name": "Confiture scannée",
                "is_storable": True,
                "tracking": "lot",
                "barcode": EAN13,
                "list_price": PRESERVE_PRICE,
                "available_in_pos": True,
                "taxes_id": [Command.clear()],
                "jar_product_id": cls.jar_370.id,
            }
        )
        cls.released_lot = cls._put_released_jars(cls.preserve, 10, lot_name=RELEASED_LOT)
        cls.released_lot.release_state = "released"
        cls.quarantined_lot = cls.env["stock.lot"].create(
            {
                "name": QUARANTINED_LOT,
                "product_id": cls.preserve.id,
                "company_id": cls.company.id,
                "release_state": "quarantine",
            }
        )
        cls.env["stock.quant"]._update_available_quantity(
            cls.preserve, cls.warehouse.quarantine_location_id, 10, lot_id=cls.quarantined_lot
        )
        # a preserve sold without deposit, from two released lots
        cls.compote_scan = cls.env["product.product"].create(
            {
                "name": "Compote scannée",
                "is_storable": True,
                "tracking": "lot",
                "list_price": COMPOTE_PRICE,
                "available_in_pos": True,
                "taxes_id": [Command.clear()],
            }
        )
        for lot_name in COMPOTE_LOTS:
            lot = cls._put_released_jars(cls.compote_scan, 5, lot_name=lot_name)
            lot.release_state = "released"
        category = cls.env["pos.category"].create({"name": "Bocaux scan"})
        (cls.preserve | cls.compote_scan).pos_categ_ids = category
        cls.cash_method.name = "Espèces scan"
        cls.time_method.name = "Heures scan"
        cls.stall.write(
            {"limit_categories": True, "iface_available_categ_ids": [Command.set(category.ids)]}
        )
        cls._open_stall(cls.volunteer)

    def _start_tour(self, tour, browser_size=PHONE):
        self.browser_size = browser_size
        self.start_tour(f"/pos/ui?config_id={self.stall.id}", tour, login=self.volunteer.login)
        self.env.invalidate_all()
        return self.env["pos.order"].search([("config_id", "=", self.stall.id)])

    def test_demo_stall_reads_jar_labels(self):
        """The demo company reads GS1-128, the label carries what the tour scans."""
        gs1 = self.env.ref("barcodes_gs1_nomenclature.default_gs1_nomenclature")
        self.assertEqual(self.env.ref("base.main_company").nomenclature_id, gs1)
        self.assertEqual(self.company.nomenclature_id, gs1)
        report = self.env["report.conserverie_production.report_jar_label"]
        ean13 = report._get_ean13(self.released_lot)
        self.assertEqual(ean13, EAN13)
        self.assertEqual(report._get_gs1_lot(self.released_lot, ean13), RELEASED_LABEL)
        self.assertEqual(report._get_gs1_lot(self.released_lot, ""), "", "no GTIN, no GS1")

    def test_no_role_is_offered_a_quarantined_lot(self):
        """Whoever asks, the till's lot searches never offer the quarantined lot."""
        users = [self.volunteer, self.volunteer_user, self.staff_user, self.coordinator_user]
        for user in users:
            with self.subTest(user=user.login):
                Line = (
                    self.env["pos.order.line"].with_user(user).with_context(config_id=self.stall.id)
                )
                company, product = self.company.id, self.preserve.id
                scanned = Line.check_scanned_lot(company, product, QUARANTINED_LOT)
                self.assertEqual(scanned["refusal"], "quarantine")
                self.assertEqual([lot["name"] for lot in scanned["lots"]], [RELEASED_LOT])
                self.assertFalse(Line.check_scanned_lot(company, product, RELEASED_LOT)["refusal"])
                self.assertEqual(
                    Line.check_scanned_lot(company, product, "L26-NOWHERE")["refusal"],
                    "unavailable",
                )
                by_product = Line.get_released_lots_by_product(company, [product])
                self.assertEqual([lot["name"] for lot in by_product[product]], [RELEASED_LOT])
        self.quarantined_lot.release_state = "rejected"
        Line = self.env["pos.order.line"].with_user(self.volunteer)
        scanned = Line.with_context(config_id=self.stall.id).check_scanned_lot(
            self.company.id, self.preserve.id, QUARANTINED_LOT
        )
        self.assertEqual(scanned["refusal"], "rejected")

    def _check_scan_checkout(self, browser_size):
        order = self._start_tour("conserverie_scenarios_scan_checkout", browser_size)
        self.assertEqual(len(order), 1)
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(order.user_id, self.volunteer)
        self.assertAlmostEqual(order.amount_total, HOURS_PAID_EUROS + CASH_PAID)

        # The jam of the scanned lot, never the quarantined one, its deposit, the empties.
        preserve_line = order.lines.filtered(lambda line: line.product_id == self.preserve)
        self.assertEqual(preserve_line.qty, 1)
        self.assertEqual(preserve_line.pack_lot_ids.mapped("lot_name"), [RELEASED_LOT])
        self.assertEqual(preserve_line.deposit_line_ids.product_id, self.deposit_370)
        self.assertEqual(order.deposit_jars_returned, JARS_RETURNED)
        self.assertFalse(
            order.lines.pack_lot_ids.filtered(lambda lot: lot.lot_name == QUARANTINED_LOT)
        )

        payments = {payment.payment_method_id: payment.amount for payment in order.payment_ids}
        self.assertEqual(set(payments), {self.cash_method, self.time_method})
        self.assertAlmostEqual(payments[self.time_method], HOURS_PAID_EUROS)
        self.assertAlmostEqual(payments[self.cash_method], CASH_PAID)
        self.assertAlmostEqual(self._balance(self.customer), MEMBER_HOURS - 0.3)

    def test_scan_a_label_and_sell_on_a_phone(self):
        self._check_scan_checkout(PHONE)

    def test_scan_a_label_and_sell_on_a_laptop(self):
        self._check_scan_checkout(LAPTOP)

    def _check_offline_sale(self, browser_size):
        order = self._start_tour("conserverie_scenarios_offline_sale", browser_size)
        self.assertEqual(len(order), 1, "the sale validated offline reaches the server once")
        self.assertEqual(self.env["pos.order"].search_count([("uuid", "=", order.uuid)]), 1)
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.user_id, self.volunteer)
        preserve_line = order.lines.filtered(lambda line: line.product_id == self.preserve)
        self.assertEqual(preserve_line.qty, 1)
        self.assertEqual(preserve_line.pack_lot_ids.mapped("lot_name"), [RELEASED_LOT])
        compote_line = order.lines.filtered(lambda line: line.product_id == self.compote_scan)
        self.assertEqual(compote_line.qty, 1)
        self.assertEqual(compote_line.pack_lot_ids.mapped("lot_name"), [COMPOTE_LOTS[1]])
        self.assertAlmostEqual(order.amount_total, PRESERVE_PRICE + DEPOSIT_PRICE + COMPOTE_PRICE)
        self.assertEqual(order.payment_ids.payment_method_id, self.cash_method)

    def test_offline_sale_sent_when_the_connection_is_back_on_a_phone(self):
        self._check_offline_sale(PHONE)

    def test_offline_sale_sent_when_the_connection_is_back_on_a_laptop(self):
        self._check_offline_sale(LAPTOP)

    def test_offline_sale_refused_by_the_server_stays_waiting(self):
        """The server refuses the sale validated offline until the volunteer's next sale
        is recorded: the till keeps it waiting, sends the next sale without it, then sends
        it again; the server records each sale once."""
        PosOrder = type(self.env["pos.order"])
        check_sync_payloads = PosOrder._check_sync_payloads
        tries = []  # the uuids of the paid sales sent, one entry a sending

        def refuse_the_first_sale_until_the_next_one(model, orders):
            paid = [order["uuid"] for order in orders if order.get("state") == "paid"]
            tries.extend(paid)
            recorded = model.search_count([("config_id", "=", self.stall.id)])
            if tries and tries[0] in paid and not recorded:
                raise UserError(model.env._("This sale is refused until the next one."))
            return check_sync_payloads(model, orders)

        self.patch(PosOrder, "_check_sync_payloads", refuse_the_first_sale_until_the_next_one)
        with mute_logger("odoo.http"):  # the refusals, expected, are logged by the server
            orders = self._start_tour("conserverie_scenarios_offline_sale_refused")
        refused_uuid = tries[0]
        self.assertGreaterEqual(tries.count(refused_uuid), 2, "refused, then sent again")
        self.assertEqual(len(set(tries)), 2)
        self.assertEqual(len(orders), 2, "each sale reaches the server once")
        self.assertEqual(set(orders.mapped("uuid")), set(tries))
        refused = orders.filtered(lambda order: order.uuid == refused_uuid)
        self.assertGreater(refused.id, (orders - refused).id, "recorded after the next sale")
        for order in orders:
            self.assertEqual(order.state, "paid")
            self.assertEqual(order.user_id, self.volunteer)
            preserve_line = order.lines.filtered(lambda line: line.product_id == self.preserve)
            self.assertEqual(preserve_line.pack_lot_ids.mapped("lot_name"), [RELEASED_LOT])
            self.assertAlmostEqual(order.amount_total, PRESERVE_PRICE + DEPOSIT_PRICE)
            self.assertEqual(order.payment_ids.payment_method_id, self.cash_method)
