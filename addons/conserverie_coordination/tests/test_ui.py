from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .common import create_awareness_stall


@tagged("post_install", "-at_install")
class TestVisitorCounterTour(HttpCase):
    """A volunteer taps the till's visitor counter; the activity counts each tap."""

    browser_size = "390x844"

    def setUp(self):
        super().setUp()
        self.config, self.activity = create_awareness_stall(
            self.env.company._get_conserverie_warehouse(),
            "tour visiteurs",
            "CTV",
            "Stand du marché (tour)",
        )
        self.activity.action_open_stall()
        self.activity._add_visitors(3)
        self.volunteer = new_test_user(
            self.env,
            login="conserverie_tour_visitor_volunteer",
            groups="conserverie_base.group_volunteer",
            company_id=self.env.company.id,
            company_ids=[Command.set(self.env.company.ids)],
        )
        self.config.current_session_id.user_id = self.volunteer

    def _tap_twice(self):
        self.start_tour(
            f"/pos/ui?config_id={self.config.id}",
            "conserverie_coordination_visitor_counter",
            login=self.volunteer.login,
        )
        self.activity.invalidate_recordset(["visitor_count"])
        self.assertEqual(self.activity.visitor_count, 5)

    def test_tap_twice_on_a_phone(self):
        self._tap_twice()

    def test_tap_twice_on_a_laptop(self):
        self.browser_size = "1366x768"
        self._tap_twice()
