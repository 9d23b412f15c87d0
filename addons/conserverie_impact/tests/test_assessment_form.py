from datetime import timedelta

from odoo import fields, http
from odoo.tests import HttpCase, tagged

from ..controllers.main import LIMIT_PARAMETER


@tagged("post_install", "-at_install")
class TestPublicAssessmentRules(HttpCase):
    """The public form takes anonymous answers only while its campaign collects them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.context_today(cls.env["conserverie.impact.campaign"])
        cls.statements = cls.env["conserverie.impact.statement"].search([], limit=2)
        cls.campaign = cls._make_campaign("Assessment of the year", today, today)
        cls.past_campaign = cls._make_campaign(
            "Assessment of last year", today - timedelta(days=400), today - timedelta(days=35)
        )
        cls.env["ir.config_parameter"].sudo().set_param(LIMIT_PARAMETER, "2")

    @classmethod
    def _make_campaign(cls, name, date_from, date_to):
        campaign = cls.env["conserverie.impact.campaign"].create(
            {
                "name": name,
                "date_from": date_from,
                "date_to": date_to,
                "statement_ids": [fields.Command.set(cls.statements.ids)],
            }
        )
        campaign.action_open()
        return campaign

    def setUp(self):
        super().setUp()
        self.authenticate(None, None)

    def _url(self, campaign):
        return f"/conserverie/assessment/{campaign.access_token}"

    def _answer_count(self, campaign):
        return self.env["conserverie.impact.answer"].search_count(
            [("campaign_id", "=", campaign.id)]
        )

    def _post(self, campaign, scores=None, category="resident", url=None):
        first, second = self.statements
        scores = scores or {first: "4", second: "5"}
        data = {
            "csrf_token": http.Request.csrf_token(self),
            "category": category,
            **{f"statement_{statement.id}": value for statement, value in scores.items()},
        }
        return self.url_open(url or self._url(campaign), data=data)

    def test_open_campaign_takes_answers(self):
        self.assertEqual(self.url_open(self._url(self.campaign)).status_code, 200)
        response = self._post(self.campaign)
        self.assertEqual(response.status_code, 200)
        self.assertIn("were recorded", response.text)
        self.assertEqual(self._answer_count(self.campaign), 2)

    def test_closed_campaign_refused(self):
        old_url = self._url(self.campaign)
        self.campaign.action_close()
        self.assertNotIn(self.campaign.access_token, old_url, "closing changes the token")
        self.assertEqual(self.url_open(old_url).status_code, 404)
        self.assertEqual(self._post(self.campaign, url=old_url).status_code, 404)
        # closed, even with its new link
        self.assertEqual(self._post(self.campaign).status_code, 404)
        # reopened: the new link works, the old one stays dead
        self.campaign.action_reopen()
        self.assertEqual(self._post(self.campaign, url=old_url).status_code, 404)
        self.assertEqual(self._post(self.campaign).status_code, 200)
        self.assertEqual(self._answer_count(self.campaign), 2)

    def test_out_of_dates_refused(self):
        response = self.url_open(self._url(self.past_campaign))
        self.assertEqual(response.status_code, 403)
        self.assertIn("not collecting answers", response.text)
        response = self._post(self.past_campaign)
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self._answer_count(self.past_campaign), 0)

    def test_malformed_values_refused(self):
        first, second = self.statements
        for value in ("²", "5²", "6", "0", "-1", "4.5", " 4", "٣"):
            with self.subTest(value=value):
                response = self._post(self.campaign, {first: "4", second: value})
                self.assertEqual(response.status_code, 400)
                self.assertIn("whole number from 1 to 5", response.text)
        response = self._post(self.campaign, category="mayor")
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self._answer_count(self.campaign), 0)

    def test_rate_limit_per_session(self):
        self.assertEqual(self._post(self.campaign).status_code, 200)
        self.assertEqual(self._post(self.campaign).status_code, 200)
        response = self._post(self.campaign)
        self.assertEqual(response.status_code, 429)
        self.assertIn("several times in the last hour", response.text)
        self.assertEqual(self._answer_count(self.campaign), 4)
        # refused attempts do not count; another browser session may answer
        self.authenticate(None, None)
        self.assertEqual(self._post(self.campaign).status_code, 200)
        self.assertEqual(self._answer_count(self.campaign), 6)
