from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestVisitorCounterTour(HttpCase):
    """A volunteer taps the till's visitor counter; the activity counts each tap."""

    browser_size = "390x844"

    def setUp(self):
        super().setUp()
        warehouse = self.env.company._get_conserverie_warehouse()
        cash_journal = self.env["account.journal"].create(
            {"name": "Caisse tour visiteurs", "code": "CTV", "type": "cash"}
        )
        cash_method = self.env["pos.payment.method"].create(
            {"name": "Espèces tour visiteurs", "journal_id": cash_journal.id}
        )
        self.config = self.env["pos.config"].create(
            {
                "name": "Stand tour visiteurs",
                "picking_type_id": warehouse.pos_type_id.id,
                "payment_method_ids": [Command.set(cash_method.ids)],
            }
        )
        self.activity = self.env["conserverie.activity"].create(
            {
                "name": "Stand du marché (tour)",
                "activity_type": "awareness",
                "date_start": fields.Datetime.now() + timedelta(hours=1),
                "pos_config_id": self.config.id,
            }
        )
        self.activity.action_plan()
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
