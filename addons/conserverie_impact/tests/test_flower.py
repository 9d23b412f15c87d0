import re
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import Form, HttpCase, tagged

from .common import ImpactCase


@tagged("post_install", "-at_install")
class TestFlower(ImpactCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.petal = cls.env["conserverie.impact.petal"].create(
            {
                "name": "Pétale (test)",
                "sequence": 1,
                "color": "#112233",
                "survey_share": 40.0,
                "indicator_line_ids": [
                    Command.create(
                        {
                            "indicator_id": cls.env.ref(
                                "conserverie_impact.indicator_kg_recovered"
                            ).id,
                            "target": 220.0,
                        }
                    ),
                    Command.create(
                        {
                            "indicator_id": cls.env.ref(
                                "conserverie_impact.indicator_jar_return_rate"
                            ).id,
                            "target": 60.0,
                            "weight": 0.0,
                        }
                    ),
                ],
                "statement_ids": [
                    Command.create({"name": "J'ai appris quelque chose.", "sequence": 1}),
                    Command.create({"name": "Je reviendrai.", "sequence": 2}),
                ],
            }
        )
        cls.s1, cls.s2 = cls.petal.statement_ids
        cls.campaign = cls.env["conserverie.impact.campaign"].create(
            {"name": "Évaluation (test)", "date_from": cls.date_from, "date_to": cls.date_to}
        )
        cls.campaign.action_open()
        cls.campaign._submit_answers("resident", {cls.s1.id: 4, cls.s2.id: 5})
        cls.campaign._submit_answers("volunteer", {cls.s1.id: 3, cls.s2.id: 4})

    def _score_line(self, campaign):
        return campaign.score_ids.filtered(lambda line: line.petal_id == self.petal)

    def test_default_petals(self):
        petals = self.env["conserverie.impact.petal"].search(
            [("company_id", "=", False), ("id", "!=", self.petal.id)]
        )
        self.assertEqual(len(petals), 4)
        self.assertTrue(all(petal.indicator_line_ids and petal.statement_ids for petal in petals))
        self.assertIn(self.s1, self.campaign.statement_ids, "new statements are rated by default")

    def test_scores_from_indicators_and_answers(self):
        self.assertEqual(self.campaign.respondent_count, 2)
        self.assertEqual(self.campaign.answer_count, 4)
        self.campaign.action_close()
        line = self._score_line(self.campaign)
        self.assertAlmostEqual(line.indicator_score, 50.0, msg="110 kg for a target of 220")
        self.assertAlmostEqual(line.survey_score, 75.0, msg="mean answer 4 out of 5")
        self.assertAlmostEqual(line.score, 60.0, msg="60 % indicators, 40 % answers")
        self.assertTrue(self.campaign.flower_image)
        self.assertEqual(self.campaign.score_ids[0].petal_id, self.petal, "in petal order")

    def test_score_without_answers_or_indicators(self):
        self.petal.indicator_line_ids.unlink()
        self.campaign.action_compute_scores()
        self.assertAlmostEqual(self._score_line(self.campaign).score, 75.0, msg="answers alone")
        empty = self.env["conserverie.impact.petal"].create({"name": "Vide (test)"})
        self.campaign.action_compute_scores()
        self.assertAlmostEqual(
            self.campaign.score_ids.filtered(lambda line: line.petal_id == empty).score, 0.0
        )

    def test_invalid_answers_write_nothing(self):
        Answer = self.env["conserverie.impact.answer"]
        count = Answer.search_count([])
        with self.assertRaises(UserError):
            self.campaign._submit_answers("resident", {self.s1.id: 4, self.s2.id: 6})
        with self.assertRaises(UserError):
            self.campaign._submit_answers("mayor", {self.s1.id: 4})
        with self.assertRaises(UserError):
            self.campaign._submit_answers("resident", {})
        other = self.env["conserverie.impact.statement"].create(
            {"name": "Hors campagne", "petal_id": self.petal.id}
        )
        with self.assertRaises(UserError):
            self.campaign._submit_answers("resident", {self.s1.id: 4, other.id: 2})
        self.assertEqual(Answer.search_count([]), count)
        self.campaign.action_close()
        with self.assertRaises(UserError):
            self.campaign._submit_answers("resident", {self.s1.id: 4})

    def test_staff_enter_answers(self):
        campaign = self.campaign.with_user(self.staff_user)
        action = campaign.action_enter_answers()
        entry = Form(
            self.env[action["res_model"]]
            .with_user(self.staff_user)
            .with_context(**action["context"])
        )
        entry.category = "partner"
        for index in range(len(entry.line_ids)):
            with entry.line_ids.edit(index) as line:
                if line.statement_id in (self.s1, self.s2):
                    line.score = "2"
        wizard = entry.save()
        wizard.action_save()
        self.assertFalse(wizard.exists(), "the typed form is not kept")
        self.assertEqual(self.campaign.respondent_count, 3)
        self.campaign.action_compute_scores()
        # answers 4, 5, 3, 4, 2, 2: mean 20 / 6
        self.assertAlmostEqual(
            self._score_line(self.campaign).survey_score, (20 / 6 - 1) * 25, places=1
        )

    def test_second_period_overlaid(self):
        self.campaign.action_close()
        later = self.env["conserverie.impact.campaign"].create(
            {
                "name": "Évaluation suivante (test)",
                "date_from": self.date_from,
                "date_to": self.date_to,
                "compare_campaign_id": self.campaign.id,
            }
        )
        later.action_compute_scores()
        drawing = later._get_flower_drawing()
        dashed = [
            shape
            for shape in drawing.contents[0].contents
            if getattr(shape, "strokeDashArray", None)
        ]
        self.assertTrue(dashed, "the earlier flower is drawn as dashed outlines")
        html = self._render_document(later.action_print_flower(), later)
        self.assertIn("Pétale (test)", html)
        self.assertIn("Social impact flower: Évaluation suivante (test)", html)
        self.assertIn('src="data:image/png;base64,', html, "the flower is drawn as an image")
        self.assertIn("How each petal is scored", html)

    def test_report_flower_uses_period_answers(self):
        report = self._report()
        scores = {petal: score for petal, _i, _s, score in report._get_flower_scores()}
        self.assertAlmostEqual(scores[self.petal], 60.0)
        outside = self._report(date_from=self.long_ago, date_to=self.long_ago)
        scores = {
            petal: (indicators, survey)
            for petal, indicators, survey, _score in outside._get_flower_scores()
        }
        self.assertIsNone(scores[self.petal][1], "no assessment over that period")


@tagged("post_install", "-at_install")
class TestAssessmentForm(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.context_today(cls.env["conserverie.impact.campaign"])
        cls.campaign = cls.env["conserverie.impact.campaign"].create(
            {
                "name": "Formulaire (test)",
                "date_from": today - timedelta(days=30),
                "date_to": today + timedelta(days=30),
            }
        )
        cls.campaign.action_open()

    def test_respondent_fills_the_form(self):
        url = f"/conserverie/assessment/{self.campaign.access_token}"
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        statement = self.campaign.statement_ids[0]
        self.assertIn(statement.name, response.text)
        token = re.search(r'name="csrf_token" value="([^"]+)"', response.text).group(1)
        data = {"csrf_token": token, "category": "resident"}
        data.update({f"statement_{s.id}": "4" for s in self.campaign.statement_ids})
        response = self.url_open(url, data=data)
        self.assertEqual(response.status_code, 200)
        answers = self.env["conserverie.impact.answer"].search(
            [("campaign_id", "=", self.campaign.id)]
        )
        self.assertEqual(len(answers), len(self.campaign.statement_ids))
        self.assertEqual(set(answers.mapped("category")), {"resident"})
        self.assertEqual(len(set(answers.mapped("respondent_key"))), 1)
        data["category"] = "nobody"
        response = self.url_open(url, data=data)
        self.assertIn("alert-danger", response.text)
        self.assertEqual(
            self.env["conserverie.impact.answer"].search_count(
                [("campaign_id", "=", self.campaign.id)]
            ),
            len(answers),
        )

    def test_unknown_or_closed_campaign(self):
        self.assertEqual(self.url_open("/conserverie/assessment/nope").status_code, 404)
        self.campaign.action_close()
        url = f"/conserverie/assessment/{self.campaign.access_token}"
        self.assertEqual(self.url_open(url).status_code, 404)
