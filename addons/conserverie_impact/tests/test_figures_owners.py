from datetime import datetime, time, timedelta

from odoo import Command

from odoo.addons.conserverie_timebank.models.conserverie_time_move import SALE_MOVE_TYPES

from .common import ImpactCase

# Facts of the dashboards and the report's figure of the same name.
FACT_CODES = {
    "intake_kg": "kg_recovered",
    "jars_produced": "jars_produced",
    "jars_distributed": "jars_distributed",
    "volunteer_hours": "volunteer_hours",
    "activities": "activities",
    "jars_deposited": "jars_deposited",
    "jars_returned": "jars_returned",
    "hours_issued": "hours_issued",
    "hours_redeemed": "hours_redeemed",
}


class TestFiguresOfOwners(ImpactCase):
    """Impact asks the hours and deposit ledgers for their figures, and counts a
    record for one centre in the report and in the dashboards alike.

    On top of the period of ``ImpactCase``, today holds a third centre's workshop
    whose attendance was corrected (3 h credited, reversed, 4.5 h credited), a stall
    run by that centre where 1 h was spent and 0.5 h refunded, and 8 jars out with a
    deposit and 5 returned there; a delivery of its activity to the first centre's
    purchasing group.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.centre_3 = cls.env["res.partner"].create(
            {"name": "Centre social Trois", "is_social_centre": True, "is_company": True}
        )
        cls.activity_3 = cls.env["conserverie.activity"].create(
            {
                "name": "Atelier du centre trois (test)",
                "activity_type": "preserving",
                "date_start": cls._at(cls.today),
                "centre_id": cls.centre_3.id,
                "attendance_ids": [
                    Command.create({"partner_id": cls.member.id, "role": "volunteer", "hours": 3.0})
                ],
            }
        )
        cls.activity_3.action_done()
        cls.attendance_3 = cls.activity_3.attendance_ids
        cls.attendance_3.hours = 4.5  # reverses the 3 h credited, credits 4.5 h
        cls.config.conserverie_centre_id = cls.centre_3
        cls.order_3 = cls._sync_order([(cls.jam, 2)], [(cls.time_method, 10.0)])
        cls.refund_3 = cls._sync_order(
            [(cls.jam, -1)], [(cls.time_method, -5.0)], refunded={0: cls.order_3.lines[0]}
        )
        deposit = cls.env["product.product"].create(
            {"name": "Consigne 370 centre trois (test)", "is_deposit": True, "list_price": 0.5}
        )
        values = {
            "deposit_product_id": deposit.id,
            "jar_product_id": cls.jar_370.id,
            "pos_order_id": cls.order_3.id,
            "date": cls.today,
        }
        cls.env["conserverie.deposit.move"].create(
            [
                {**values, "move_type": "sale", "quantity": 8, "amount": 4.0},
                {**values, "move_type": "return", "quantity": -5, "amount": -2.5},
                # no jar format: not a jar out, as in the deposit report
                {**values, "jar_product_id": False, "move_type": "sale", "quantity": 2},
            ]
        )
        cls.delivery_3 = cls._deliver("purchasing_group", 2, cls.purchasing_group, cls.activity_3)

    @classmethod
    def _sync_order(cls, lines, payments, refunded=None):
        data = cls._order_data(
            cls, cls.stall_session, lines, payments, cls.member, refunded=refunded
        )
        return cls._sync(cls, data)

    def _today_report(self, centre=None):
        return self.env["conserverie.impact.report"].create(
            {
                "date_from": self.today,
                "date_to": self.today,
                "centre_id": centre and centre.id,
            }
        )

    def test_corrected_attendance_counts_once(self):
        moves = self.env["conserverie.time.move"].search(
            [("attendance_id", "=", self.attendance_3.id), ("account_id.is_facility", "=", False)]
        )
        self.assertEqual(
            sorted(moves.mapped("move_type")), ["adjustment", "volunteering", "volunteering"]
        )
        values = self._today_report(self.centre_3).compute_indicators()
        self.assertAlmostEqual(values["hours_issued"], 4.5)
        self.assertAlmostEqual(values["hours_redeemed"], 0.5, msg="1 h spent, 0.5 h refunded")
        self.assertAlmostEqual(values["hours_net"], 4.0)
        self.assertAlmostEqual(values["hours_by_type"]["Volunteering"], 7.5)
        self.assertAlmostEqual(values["hours_by_type"]["Adjustment"], -3.0)

    def test_hours_are_the_ledger_figures(self):
        Move = self.env["conserverie.time.move"]
        for centre in (None, self.centre, self.centre_2, self.centre_3):
            with self.subTest(centre=centre and centre.name):
                values = self._today_report(centre).compute_indicators()
                totals = Move.get_hours_totals(self.today, self.today, centre=centre)
                self.assertAlmostEqual(values["hours_issued"], totals["hours_issued"])
                self.assertAlmostEqual(values["hours_redeemed"], totals["hours_redeemed"])
        reconciliation = self.env["conserverie.time.reconciliation"].create(
            {"date_from": self.today, "date_to": self.today}
        )
        reconciliation.action_compute()
        values = self._today_report().compute_indicators()
        self.assertAlmostEqual(values["hours_issued"], reconciliation.hours_issued)
        self.assertAlmostEqual(values["hours_redeemed"], reconciliation.hours_redeemed)
        # read on the members' side, the same as the facility's side of each transfer
        facility_moves = Move.search(
            [
                ("account_id", "=", self.facility.id),
                ("date", ">=", datetime.combine(self.today, time.min)),
                ("date", "<", datetime.combine(self.today + timedelta(days=1), time.min)),
            ]
        )
        sales = facility_moves.filtered(lambda move: move.move_type in SALE_MOVE_TYPES)
        self.assertAlmostEqual(
            -sum((facility_moves - sales).mapped("amount")), values["hours_issued"]
        )
        self.assertAlmostEqual(sum(sales.mapped("amount")), values["hours_redeemed"])
        # the period of ImpactCase too
        reconciliation.write({"date_from": self.date_from, "date_to": self.date_to})
        reconciliation.action_compute()
        values = self._report().compute_indicators()
        self.assertAlmostEqual(values["hours_issued"], reconciliation.hours_issued)
        self.assertAlmostEqual(values["hours_redeemed"], reconciliation.hours_redeemed)

    def test_jars_are_the_deposit_figures(self):
        DepositMove = self.env["conserverie.deposit.move"]
        Report = self.env["conserverie.deposit.report"]
        for date_from, date_to in ((self.today, self.today), (self.date_from, self.date_to)):
            with self.subTest(date_from=date_from):
                values = self._report(date_from=date_from, date_to=date_to).compute_indicators()
                figures = Report._get_figures(date_from, date_to)
                self.assertAlmostEqual(
                    values["jars_deposited"], sum(jar["out"] for jar in figures.values())
                )
                self.assertAlmostEqual(
                    values["jars_returned"], sum(jar["returned"] for jar in figures.values())
                )
        values = self._today_report(self.centre_3).compute_indicators()
        self.assertAlmostEqual(values["jars_deposited"], 8.0)
        self.assertAlmostEqual(values["jars_returned"], 5.0)
        self.assertAlmostEqual(values["jar_return_rate"], 5.0 / 8.0)
        figures = DepositMove.get_jar_figures(self.today, self.today, centre=self.centre_3)
        self.assertEqual(figures, {self.jar_370: {"out": 8.0, "returned": 5.0}})

    def test_delivery_counts_for_one_centre(self):
        """The activity's centre comes first, before the purchasing group's."""
        self.assertEqual(self.delivery_3.impact_centre_id, self.centre_3)
        stall_pickings = self.order_3.picking_ids
        self.assertTrue(stall_pickings)
        self.assertEqual(stall_pickings.impact_centre_id, self.centre_3, "the stall's centre")
        # 2 jars of the workshop's delivery, 2 jams sold at the stall
        self.assertAlmostEqual(
            self._today_report(self.centre_3).compute_indicators()["jars_distributed"], 4.0
        )
        self.assertAlmostEqual(
            self._today_report(self.centre).compute_indicators()["jars_distributed"], 0.0
        )
        # one centre changes its purchasing group: the delivery stays with the activity's
        self.purchasing_group.purchasing_group_centre_id = self.centre_2
        self.assertEqual(self.delivery_3.impact_centre_id, self.centre_3)
        self.activity_3.centre_id = False
        self.assertEqual(self.delivery_3.impact_centre_id, self.centre_2)
        self.assertAlmostEqual(
            self._today_report(self.centre_2).compute_indicators()["jars_distributed"], 2.0
        )

    def test_dashboard_and_report_agree_by_centre(self):
        Fact = self.env["conserverie.impact.fact"]
        periods = ((self.today, self.today), (self.date_from, self.date_to))
        for (date_from, date_to), centre in [
            (period, centre)
            for period in periods
            for centre in (self.centre, self.centre_2, self.centre_3)
        ]:
            with self.subTest(date_from=date_from, centre=centre.name):
                values = self._report(
                    date_from=date_from, date_to=date_to, centre_id=centre.id
                ).compute_indicators()
                facts = dict(
                    Fact._read_group(
                        [
                            ("company_id", "=", self.company.id),
                            ("centre_id", "=", centre.id),
                            ("date", ">=", date_from),
                            ("date", "<=", date_to),
                        ],
                        ["fact_type"],
                        ["quantity:sum"],
                    )
                )
                for fact_type, code in FACT_CODES.items():
                    self.assertAlmostEqual(
                        facts.get(fact_type, 0.0), values[code], msg=f"{fact_type} / {code}"
                    )
        today_facts = dict(
            Fact._read_group(
                [("centre_id", "=", self.centre_3.id), ("date", "=", self.today)],
                ["fact_type"],
                ["quantity:sum"],
            )
        )
        self.assertAlmostEqual(today_facts["hours_issued"], 4.5)
        self.assertAlmostEqual(today_facts["jars_returned"], 5.0)
        self.assertAlmostEqual(today_facts["jars_distributed"], 4.0)

    def test_period_before_has_none_of_today(self):
        yesterday = self.today - timedelta(days=1)
        values = self._report(
            date_from=yesterday, date_to=yesterday, centre_id=self.centre_3.id
        ).compute_indicators()
        self.assertFalse(
            [code for code in FACT_CODES.values() if values[code]], "all of it is today"
        )
