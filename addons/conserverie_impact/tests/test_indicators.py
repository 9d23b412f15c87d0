from datetime import timedelta

from odoo import Command, sql_db
from odoo.tests import tagged

from .common import ImpactCase


@tagged("post_install", "-at_install")
class TestIndicators(ImpactCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.values = (
            cls.env["conserverie.impact.report"]
            .create({"date_from": cls.date_from, "date_to": cls.date_to})
            .compute_indicators()
        )

    def test_public_keys(self):
        for key in (
            "kg_recovered",
            "kg_recovered_by_source",
            "growers",
            "jars_produced",
            "jars_sold",
            "jars_given",
            "jars_purchasing_groups",
            "volunteer_hours",
            "participants",
            "activities",
            "rural_activities",
            "jar_return_rate",
            "hours_issued",
            "hours_redeemed",
        ):
            self.assertIn(key, self.values)
        codes = self.env["conserverie.impact.indicator"].search([]).mapped("code")
        for code in codes:
            self.assertIn(code, self.values, code)

    def test_intake(self):
        values = self.values
        self.assertAlmostEqual(values["kg_recovered"], 110.0)
        self.assertEqual(
            values["kg_recovered_by_source"],
            {"donation": 80.0, "gleaning": 20.0, "picking_hike": 0.0, "toll_processing": 10.0},
        )
        self.assertEqual(
            values["kg_recovered_by_grade"],
            {"surplus": 50.0, "downgraded": 30.0, "unsold": 20.0, "damaged": 10.0},
        )
        self.assertAlmostEqual(values["kg_organic"], 80.0)
        self.assertAlmostEqual(values["organic_share"], 80.0 / 110.0)
        self.assertEqual(values["growers"], 2)
        self.assertEqual(
            values["kg_recovered_by_grower"],
            [("Ferme des Tests", 80.0, 2), ("Jardin Conventionnel", 30.0, 2)],
        )
        self.assertAlmostEqual(values["produce_value"], 80.0)
        self.assertAlmostEqual(values["waste_avoided_kg"], 100.0)
        self.assertAlmostEqual(values["co2_avoided_kg"], 100.0 * 2.5 + 5 * 0.2)

    def test_production(self):
        self.assertAlmostEqual(self.values["kg_processed"], 8.0)
        self.assertAlmostEqual(self.values["jars_produced"], 20.0)
        self.assertEqual(self.values["jars_produced_by_recipe"], [("Compote (test)", 20.0, 1)])

    def test_distribution(self):
        values = self.values
        # the stall's order leaves with its own delivery on the day: 5 + 2 jams
        self.assertAlmostEqual(values["jars_distributed"], 14.0)
        self.assertAlmostEqual(values["jars_sold"], 7.0)
        self.assertAlmostEqual(values["jars_given"], 3.0)
        self.assertAlmostEqual(values["jars_purchasing_groups"], 4.0)
        # 2 jams, three quarters of the order paid in hours
        self.assertAlmostEqual(values["jars_sold_hours"], 1.5)
        self.assertAlmostEqual(values["sales_euros"], 2.5)
        self.assertAlmostEqual(values["sales_hours_value"], 7.5)
        self.assertAlmostEqual(values["jars_sold_euros"], 5.5)

    def test_people(self):
        values = self.values
        self.assertAlmostEqual(values["volunteer_hours"], 8.5)
        self.assertEqual(values["participants"], 3)
        self.assertEqual(values["participants_returning"], 1)
        self.assertEqual(values["participants_new"], 2)
        self.assertEqual(
            values["hours_by_role"],
            {"Volunteer": (1, 5.0), "Resident": (1, 2.0), "Grower": (1, 1.5)},
        )

    def test_households_by_bracket(self):
        pricelist = self.env["product.pricelist"].create({"name": "Solidaire (test)"})
        bracket = self.env["conserverie.solidarity.bracket"].create(
            {"name": "Tranche A", "quotient_max": 600, "pricelist_id": pricelist.id}
        )
        self.member.solidarity_bracket_id = bracket
        values = self._report().compute_indicators()
        # member (bracket A), neighbour and grower through activities; member at the stall too
        self.assertEqual(values["households"], 3)
        self.assertEqual(values["households_by_bracket"], {"Tranche A": 1, "No bracket": 2})

    def test_activities(self):
        values = self.values
        self.assertEqual(values["activities"], 2)
        self.assertEqual(values["rural_activities"], 1)
        self.assertEqual(values["urban_activities"], 1)
        self.assertAlmostEqual(values["rural_share"], 0.5)
        self.assertEqual(values["activities_by_type"]["Preserving workshop"], 1)
        self.assertEqual(values["activities_by_type"]["Gleaning"], 1)
        self.assertEqual(values["activities_by_type"]["Awareness stand"], 0)

    def test_jars(self):
        values = self.values
        self.assertAlmostEqual(values["jars_deposited"], 10.0)
        self.assertAlmostEqual(values["jars_returned"], 6.0)
        self.assertAlmostEqual(values["jar_return_rate"], 0.6)
        self.assertAlmostEqual(values["jars_washed"], 5.0)
        self.assertAlmostEqual(values["jars_consumed"], 20.0)
        self.assertAlmostEqual(values["jar_reuse_rate"], 0.25)

    def test_time_bank(self):
        Move = self.env["conserverie.time.move"]
        period = [
            ("account_id.is_facility", "=", False),
            ("date", ">=", self.date_from),
            ("date", "<=", self.date_to),
        ]
        welcome = Move.search([*period, ("move_type", "=", "welcome")])
        welcome_hours = sum(welcome.mapped("amount"))
        self.assertGreater(welcome_hours, 0)
        volunteering = Move.search([*period, ("move_type", "=", "volunteering")])
        # every attendee is credited, staff included; the old workshop's hour was
        # credited in the period: hours count when they are credited
        self.assertAlmostEqual(sum(volunteering.mapped("amount")), 3 + 2 + 4 + 2 + 1.5 + 1)
        self.assertAlmostEqual(self.values["hours_issued"], welcome_hours + 13.5)
        self.assertAlmostEqual(self.values["hours_redeemed"], 0.75)
        self.assertAlmostEqual(self.values["hours_net"], welcome_hours + 13.5 - 0.75)

    def test_period_filter(self):
        before = self._report(
            date_from=self.long_ago - timedelta(days=1), date_to=self.long_ago + timedelta(days=1)
        ).compute_indicators()
        self.assertAlmostEqual(before["kg_recovered"], 40.0)
        self.assertEqual(before["growers"], 1)
        self.assertEqual(before["activities"], 1)
        self.assertAlmostEqual(before["volunteer_hours"], 1.0)
        self.assertEqual(before["participants_returning"], 0)
        self.assertAlmostEqual(before["jars_deposited"], 4.0)
        self.assertAlmostEqual(before["jars_produced"], 0.0)
        self.assertAlmostEqual(before["jars_distributed"], 0.0)
        self.assertAlmostEqual(before["hours_issued"], 0.0, msg="credited in the period")
        later = self._report(
            date_from=self.date_to + timedelta(days=1), date_to=self.date_to + timedelta(days=30)
        ).compute_indicators()
        self.assertFalse(
            any(later[code] for code in ("kg_recovered", "activities", "jars_produced"))
        )

    def test_centre_filter(self):
        values = self._report(centre_id=self.centre.id).compute_indicators()
        self.assertAlmostEqual(values["kg_recovered"], 30.0)
        self.assertEqual(values["growers"], 1)
        self.assertAlmostEqual(values["jars_produced"], 20.0)
        self.assertAlmostEqual(values["kg_processed"], 8.0)
        # given in its workshop and sent to its purchasing group; the day sale has no centre
        self.assertAlmostEqual(values["jars_distributed"], 7.0)
        self.assertAlmostEqual(values["jars_sold"], 0.0)
        self.assertEqual(values["activities"], 1)
        self.assertEqual(values["rural_activities"], 0)
        self.assertEqual(values["participants"], 2)
        self.assertAlmostEqual(values["volunteer_hours"], 5.0)
        self.assertAlmostEqual(values["hours_issued"], 9.0, msg="the workshop's credits")
        values = self._report(centre_id=self.centre_2.id).compute_indicators()
        self.assertAlmostEqual(values["kg_recovered"], 20.0)
        self.assertEqual(values["activities"], 1)
        self.assertEqual(values["rural_activities"], 1)
        self.assertAlmostEqual(values["volunteer_hours"], 3.5)
        self.assertAlmostEqual(values["jars_distributed"], 0.0)

    def test_stall_centre(self):
        """A stall run by a centre counts its sales for that centre."""
        self.config.conserverie_centre_id = self.centre_2
        values = self._report(centre_id=self.centre_2.id).compute_indicators()
        self.assertAlmostEqual(values["jars_sold_hours"], 1.5)
        self.assertAlmostEqual(values["hours_redeemed"], 0.75)
        self.assertAlmostEqual(
            self._report(centre_id=self.centre.id).compute_indicators()["jars_sold_hours"], 0.0
        )

    def test_other_shops_of_the_company_are_left_out(self):
        """Only the facility's stalls count, not another shop of the company."""
        journal = self.env["account.journal"].create(
            {"name": "Caisse boutique (test)", "code": "CBT", "type": "cash"}
        )
        shop_cash = self.env["pos.payment.method"].create(
            {"name": "Espèces boutique (test)", "journal_id": journal.id}
        )
        shop = self.env["pos.config"].create(
            {"name": "Boutique (test)", "payment_method_ids": [Command.set(shop_cash.ids)]}
        )
        report = self._report(date_from=self.today, date_to=self.today)
        before = report.compute_indicators()
        shop_session = self._open_session(shop)
        self.assertFalse(shop_session.is_conserverie_stall)
        self._sync(self._order_data(shop_session, [(self.jam, 2)], [(shop_cash, 10.0)]))
        shop_session.action_pos_session_closing_control()
        after = report.compute_indicators()
        for code in ("sales_euros", "jars_distributed", "jars_sold"):
            self.assertAlmostEqual(after[code], before[code], msg=code)
        self.assertTrue(self.stall_session.is_conserverie_stall)
        self._sync(self._order_data(self.stall_session, [(self.jam, 1)], [(self.cash_method, 5.0)]))
        self.assertAlmostEqual(
            report.compute_indicators()["sales_euros"], before["sales_euros"] + 5.0
        )

    def test_a_report_and_its_records_read_as_names(self):
        report = self._report(centre_id=self.centre.id)
        self.assertIn(self.date_from.strftime("%d/%m/%Y"), report.display_name)
        self.assertIn(self.centre.name, report.display_name)
        action = report.action_open_indicator("kg_recovered")
        lines = self.env[action["res_model"]].search(action["domain"])
        self.assertTrue(lines)
        for line in lines:
            self.assertEqual(
                line.display_name, f"{line.intake_id.name} · {line.product_id.display_name}"
            )
        views = self.env[action["res_model"]].get_views([(False, "list"), (False, "search")])
        self.assertIn("product_id", views["views"]["list"]["arch"])

    def test_figures_show_the_decimals_of_their_kind(self):
        report = self._report()
        report.action_compute()
        figures = {line.code: line.value_display for line in report.line_ids}
        self.assertEqual(figures["activities"], "2", "a count is a whole number")
        self.assertEqual(figures["kg_recovered"], "110.0")
        self.assertEqual(figures["jar_return_rate"], "60.0")

    def test_open_records_behind_each_figure(self):
        report = self._report()
        report.action_compute()
        self.assertTrue(report.line_ids)
        line = report.line_ids.filtered(lambda line: line.code == "kg_recovered")
        self.assertAlmostEqual(line.value, 110.0)
        action = line.action_open_records()
        lines = self.env[action["res_model"]].search(action["domain"])
        self.assertAlmostEqual(sum(lines.mapped("quantity")), 110.0)
        share = report.line_ids.filtered(lambda line: line.code == "jar_return_rate")
        self.assertAlmostEqual(share.value, 60.0)
        expectations = {
            "jars_given": 3.0,
            "jars_produced": 20.0,
            "activities": 2,
            "rural_activities": 1,
            "hours_redeemed": -0.75,
        }
        for code, expected in expectations.items():
            action = report.action_open_indicator(code)
            records = self.env[action["res_model"]].search(action["domain"])
            if action["res_model"] == "stock.move":
                self.assertAlmostEqual(sum(records.mapped("quantity")), expected, msg=code)
            elif action["res_model"] == "conserverie.time.move":
                self.assertAlmostEqual(sum(records.mapped("amount")), expected, msg=code)
            else:
                self.assertEqual(len(records), expected, code)
        participants = report.action_open_indicator("participants")
        attendance = self.env[participants["res_model"]].search(participants["domain"])
        self.assertEqual(len(attendance.partner_id), 3)
        # every figure of the period that is not nil opens the records it comes from
        values = report.compute_indicators()
        for code in report._get_indicator_sources():
            self.assertIn(code, values, "a source for an indicator that does not exist")
            action = report.action_open_indicator(code)
            count = self.env[action["res_model"]].search_count(action["domain"])
            self.assertEqual(bool(count), bool(values[code]), code)

    def test_query_count_does_not_depend_on_data(self):
        report = self._report()
        report.compute_indicators()
        queries = self._count_queries(report)
        for index in range(5):
            self._create_intake(
                [(self.apples, 1.0 + index)], partner=self.grower, centre_id=self.centre.id
            ).action_validate()
            self.env["conserverie.activity"].create(
                {
                    "name": f"Extra {index}",
                    "date_start": self._at(self.today),
                    "attendance_ids": [
                        Command.create(
                            {"partner_id": self.neighbour.id, "hours": 1.0, "role": "resident"}
                        )
                    ],
                }
            ).action_done()
        self.assertEqual(self._count_queries(report), queries)

    def _count_queries(self, report):
        self.env.flush_all()
        self.env.invalidate_all()
        count = sql_db.sql_counter
        report.compute_indicators()
        return sql_db.sql_counter - count

    def test_reach_figures_come_from_their_hook(self):
        report = self._report()
        reach = report._get_reach_figures(
            report._get_attendance_domain(), report._get_jars_distributed()
        )
        values = report.compute_indicators()
        self.assertEqual(values["households"], 3)
        self.assertEqual(values["households"], reach["households"])
        self.assertEqual(values["households_by_bracket"], reach["households_by_bracket"])
        self.assertEqual(reach["households"], sum(reach["households_by_bracket"].values()))
