from datetime import date, datetime

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.conserverie_impact.tests.common import deliver_released

from .common import CoordinationCase


@tagged("post_install", "-at_install")
class TestHousehold(CoordinationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        pricelist = cls.env["product.pricelist"].create({"name": "Solidaire (test)"})
        cls.bracket_low = cls.env["conserverie.solidarity.bracket"].create(
            {"name": "QF bas (test)", "quotient_max": 600, "pricelist_id": pricelist.id}
        )
        cls.bracket_high = cls.env["conserverie.solidarity.bracket"].create(
            {
                "name": "QF haut (test)",
                "quotient_min": 901,
                "pricelist_id": pricelist.id,
                "is_solidarity": False,
            }
        )
        cls.household_low = cls.env["conserverie.household"].create(
            {"name": "Foyer Bas", "size": 3, "solidarity_bracket_id": cls.bracket_low.id}
        )
        cls.household_high = cls.env["conserverie.household"].create(
            {"name": "Foyer Haut", "size": 2, "solidarity_bracket_id": cls.bracket_high.id}
        )
        cls.parent = cls.env["res.partner"].create(
            {"name": "Parent", "is_member": True, "household_id": cls.household_low.id}
        )
        cls.child = cls.env["res.partner"].create(
            {"name": "Enfant", "is_member": True, "household_id": cls.household_low.id}
        )
        cls.neighbour = cls.env["res.partner"].create(
            {"name": "Voisine", "is_member": True, "household_id": cls.household_high.id}
        )
        cls.alone = cls.env["res.partner"].create({"name": "Seul", "is_member": True})
        cls.workshop = cls.env["conserverie.activity"].create(
            {
                "name": "Atelier",
                "date_start": datetime(2001, 3, 14, 9, 0),
                "attendance_ids": [
                    Command.create({"partner_id": partner.id, "hours": 2})
                    for partner in (cls.parent, cls.child, cls.neighbour, cls.alone)
                ],
            }
        )
        cls.workshop.action_plan()
        cls.workshop.action_count_visitor()
        cls.workshop.with_user(cls.volunteer_user).action_count_visitor()
        cls.workshop.action_done()
        cls._put_released_jars(cls.compote, 20)
        pickings = cls.workshop._give_volunteer_share(
            [
                (cls.parent, cls.compote, 6),
                (cls.neighbour, cls.compote, 3),
                (cls.alone, cls.compote, 1),
            ]
        )
        # a day of its own, so that nothing else in the database counts in the figures
        pickings.move_ids.date = datetime(2001, 3, 14, 12, 0)
        cls.day = date(2001, 3, 14)

    def _reach_of_the_day(self):
        report = self.env["conserverie.impact.report"].create(
            {"date_from": self.day, "date_to": self.day}
        )
        return report._get_household_reach(report._get_jars_distributed())

    def test_reach(self):
        reach = self._reach_of_the_day()
        self.assertEqual(reach["households"], 3, "parent and child are one household")
        self.assertEqual(
            reach["households_by_bracket"], {"QF bas (test)": 1, "QF haut (test)": 1, None: 1}
        )
        self.assertEqual(
            reach["jars_by_bracket"], {"QF bas (test)": 6.0, "QF haut (test)": 3.0, None: 1.0}
        )
        self.assertAlmostEqual(reach["solidarity_jar_share"], 0.6)
        self.assertEqual(reach["anonymous_visitors"], 2)
        self.assertEqual(reach["people_reached"], 4 + 2)

    def test_impact_reports_reach_by_household(self):
        report = self.env["conserverie.impact.report"].create(
            {"date_from": self.day, "date_to": self.day}
        )
        values = report.compute_indicators()
        # counted here from the fixture: parent and child live together; alone is a household
        self.assertEqual(values["participants"], 4, "impact still counts the individuals")
        self.assertEqual(values["households"], 3)
        self.assertEqual(
            values["households_by_bracket"],
            {"QF bas (test)": 1, "QF haut (test)": 1, "No bracket": 1},
        )
        self.assertAlmostEqual(values["solidarity_jar_share"], 6.0 / (6.0 + 3.0 + 1.0))
        self.assertEqual(values["anonymous_visitors"], 2)
        self.assertEqual(values["people_reached"], 4 + 2)
        self.assertEqual(
            report.action_open_indicator("anonymous_visitors")["domain"][-1],
            ("visitor_count", ">", 0),
        )

    def test_impact_reach_of_a_centre(self):
        centre = self.env["res.partner"].create(
            {"name": "Centre du Foyer", "is_social_centre": True, "is_company": True}
        )
        report = self.env["conserverie.impact.report"].create(
            {"date_from": self.day, "date_to": self.day, "centre_id": centre.id}
        )
        values = report.compute_indicators()
        self.assertEqual(values["households"], 0, "the workshop was not the centre's")
        self.assertEqual(values["anonymous_visitors"], 0)
        self.workshop.centre_id = centre
        values = report.compute_indicators()
        self.assertEqual(values["households"], 3)
        self.assertEqual(values["anonymous_visitors"], 2)

    def test_an_organisation_receiving_jars_is_no_household(self):
        group = self.env["res.partner"].create(
            {"name": "Groupement du Foyer", "is_purchasing_group": True}
        )
        picking = deliver_released(
            self.company._get_conserverie_warehouse(),
            self.compote,
            2,
            group,
            channel_id=self.env["conserverie.channel"]._get_by_code("purchasing_group").id,
        )
        picking.move_ids.date = datetime(2001, 3, 14, 12, 0)
        reach = self._reach_of_the_day()
        self.assertEqual(reach["households"], 3)
        self.assertEqual(reach["jars_by_bracket"][None], 1.0 + 2.0)
        self.assertAlmostEqual(reach["solidarity_jar_share"], 6.0 / 12.0)

    def test_visitor_counter(self):
        self.assertEqual(self.workshop.visitor_count, 2)
        draft = self.env["conserverie.activity"].create({"name": "Brouillon"})
        with self.assertRaisesRegex(UserError, "planned or done"):
            draft.with_user(self.volunteer_user).action_count_visitor()
        self.assertEqual(draft.visitor_count, 0)
        with self.assertRaises(AccessError):
            self.workshop.with_user(self.grower_user).action_count_visitor()
        self.assertEqual(self.workshop.visitor_count, 2)

    def test_household_size_and_rights(self):
        with self.assertRaisesRegex(ValidationError, "lists 3 members"):
            self.household_high.member_ids = [
                Command.link(self.alone.id),
                Command.link(self.member.id),
            ]
        for user in (self.volunteer_user, self.staff_user, self.accountant_user):
            with self.assertRaises(AccessError):
                self.household_low.with_user(user).read(["solidarity_bracket_id"])
            with self.assertRaises(AccessError):
                self.parent.with_user(user).read(["household_id"])
        self.assertEqual(
            self.household_low.with_user(self.coordinator_user).member_ids, self.parent | self.child
        )
