from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CoordinationCase, create_awareness_stall, create_portal_user


@tagged("post_install", "-at_install")
class TestPosVisitor(CoordinationCase):
    """The till's one-tap counter adds anonymous visitors to the stall's activity."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stall, cls.stand = create_awareness_stall(
            cls.warehouse, "visiteurs (test)", "CVT", "Stand de sensibilisation (test)"
        )
        cls.stand.with_user(cls.staff_user).action_open_stall()
        cls.session = cls.stall.current_session_id
        cls.member_user = create_portal_user(cls.env, cls.member, "conserverie_visitor_member")
        cls.other_company = cls.env["res.company"].create({"name": "Conserverie de Die (test)"})
        cls.other_volunteer = cls._create_user(
            "visitor_other_volunteer", "conserverie_base.group_volunteer", company=cls.other_company
        )
        cls.employee_user = cls._create_user("visitor_employee", "base.group_user")

    def test_volunteer_counts_visitors_one_tap_at_a_time(self):
        self.assertEqual(self.session.activity_id, self.stand)
        session = self.session.with_user(self.volunteer_user)
        self.assertEqual(session.add_anonymous_visitor(), 1)
        self.assertEqual(session.add_anonymous_visitor(), 2)
        # taps made offline arrive together
        self.assertEqual(session.add_anonymous_visitor(count=3), 5)
        self.assertEqual(self.stand.visitor_count, 5)
        self.assertEqual(session.activity_visitor_count, 5)

    def test_the_till_loads_the_activity_and_its_count(self):
        self.stand._add_visitors(2)
        names = self.env["pos.session"]._load_pos_data_fields(self.stall.id)
        self.assertIn("activity_name", names)
        self.assertIn("activity_visitor_count", names)
        [data] = self.session.with_user(self.volunteer_user).read(names)
        self.assertEqual(data["activity_name"], self.stand.name)
        self.assertEqual(data["activity_visitor_count"], 2)

    def test_member_portal_and_employee_are_refused(self):
        for user in (self.member_user, self.employee_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.session.with_user(user).add_anonymous_visitor()
        self.assertEqual(self.stand.visitor_count, 0)

    def test_session_of_another_company_is_refused(self):
        with self.assertRaises(AccessError):
            self.session.with_user(self.other_volunteer).add_anonymous_visitor()
        self.assertEqual(self.stand.visitor_count, 0)

    def test_bad_count_writes_nothing(self):
        session = self.session.with_user(self.volunteer_user)
        for count in (0, -2, 1001, 1.5, "2", True):
            with self.subTest(count=count), self.assertRaises(UserError):
                session.add_anonymous_visitor(count=count)
        self.assertEqual(self.stand.visitor_count, 0)

    def test_session_without_activity_gets_a_clear_error(self):
        shop = self.env["pos.config"].create(
            {
                "name": "Boutique sans activité (test)",
                "picking_type_id": self.warehouse.pos_type_id.id,
            }
        )
        session = self.env["pos.session"].create(
            {"config_id": shop.id, "user_id": self.volunteer_user.id}
        )
        with self.assertRaisesRegex(UserError, "not tied to an activity"):
            session.with_user(self.volunteer_user).add_anonymous_visitor()
