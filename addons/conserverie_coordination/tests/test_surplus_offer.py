from datetime import timedelta

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import CoordinationCase


@tagged("post_install", "-at_install")
class TestSurplusOffer(CoordinationCase):
    def test_offer_to_gleaning_to_intake(self):
        """Announced 100 kg, gleaned by two members, 70 kg weighed in: 30 kg lost."""
        offer = self._create_offer(kg=100.0)
        action = offer.action_plan_gleaning()
        gleaning = offer.activity_id
        self.assertEqual(action["res_id"], gleaning.id)
        self.assertEqual(gleaning.activity_type, "gleaning")
        self.assertEqual(gleaning.state, "planned")
        self.assertEqual(offer.state, "planned")

        gleaning.with_user(self.volunteer_user).action_sign_up()
        gleaning._sign_up(self.gleaner_a)
        self.assertEqual(
            gleaning.attendance_ids.partner_id,
            self.volunteer_user.partner_id | self.gleaner_a,
        )
        with self.assertRaisesRegex(UserError, "already signed up"):
            gleaning._sign_up(self.gleaner_a)
        with self.assertRaisesRegex(UserError, "already signed up"):
            gleaning.with_user(self.volunteer_user).action_sign_up()
        self.assertEqual(len(gleaning.attendance_ids), 2)

        context = gleaning.action_create_intake()["context"]
        self.assertEqual(context["default_offer_id"], offer.id)
        intake = self._create_intake(
            [(self.apples, 45.0), (self.apples, 25.0)],
            source="gleaning",
            activity_id=gleaning.id,
            offer_id=offer.id,
        )
        self.assertEqual(offer.recovered_kg, 0.0, "a draft intake recovers nothing yet")
        intake.action_validate()
        self.assertEqual(offer.state, "recovered")
        self.assertAlmostEqual(offer.recovered_kg, 70.0)
        self.assertAlmostEqual(offer.recovery_rate, 70.0)
        self.assertAlmostEqual(offer.lost_kg, 30.0)

    def test_new_gleaning_mails_the_members_who_opted_in(self):
        offer = self._create_offer()
        offer.action_plan_gleaning()
        mails = self.env["mail.mail"].search(
            [("model", "=", "conserverie.activity"), ("res_id", "=", offer.activity_id.id)]
        )
        self.assertEqual(mails.recipient_ids, self.gleaner_a | self.gleaner_b)
        self.assertNotIn(self.not_opted_in, mails.recipient_ids)
        self.assertIn(offer.activity_id.name, mails[0].subject)

    def test_new_gleaning_mail_in_french(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.gleaner_b.lang = "fr_FR"
        template = self.env.ref("conserverie_coordination.mail_template_new_gleaning")
        template.with_context(lang="fr_FR").subject = "Nouveau glanage : {{ object.name }}"
        offer = self._create_offer()
        offer.action_plan_gleaning()
        mail = self.env["mail.mail"].search(
            [("res_id", "=", offer.activity_id.id), ("recipient_ids", "in", self.gleaner_b.ids)]
        )
        self.assertTrue(mail.subject.startswith("Nouveau glanage"))

    def test_intake_at_next_workshop(self):
        later = self.env["conserverie.activity"].create(
            {"name": "Atelier lointain", "date_start": self._in_days(20)}
        )
        sooner = self.env["conserverie.activity"].create(
            {"name": "Atelier proche", "date_start": self._in_days(3)}
        )
        (later | sooner).action_plan()
        offer = self._create_offer(kg=50.0, grade="downgraded")
        offer.action_intake_next_workshop()
        intake = offer.intake_ids
        self.assertEqual(intake.activity_id, sooner)
        self.assertEqual(intake.partner_id, self.grower)
        self.assertEqual(intake.line_ids.quantity, 50.0)
        self.assertEqual(intake.line_ids.grade, "downgraded")
        self.assertEqual(offer.state, "planned")
        intake.line_ids.quantity = 55.0
        intake.action_validate()
        self.assertEqual(offer.recovered_kg, 55.0)
        self.assertEqual(offer.lost_kg, 0.0, "more than announced loses nothing")

    def test_unanswered_offers_become_lost(self):
        past = self._create_offer(
            kg=40.0,
            date_from=self.today - timedelta(days=9),
            date_to=self.today - timedelta(days=2),
        )
        answered = self._create_offer(
            kg=60.0,
            date_from=self.today - timedelta(days=9),
            date_to=self.today - timedelta(days=2),
        )
        answered.action_intake_next_workshop()
        current = self._create_offer(kg=20.0)
        self.env["conserverie.surplus.offer"]._cron_mark_lost()
        self.assertEqual(past.state, "lost")
        self.assertEqual(past.lost_kg, 40.0)
        self.assertEqual(answered.state, "planned")
        self.assertEqual(answered.lost_kg, 0.0)
        self.assertEqual(current.state, "new")
        self.assertEqual(current.lost_kg, 0.0)

    def test_intake_of_another_grower_refused(self):
        offer = self._create_offer()
        with self.assertRaisesRegex(ValidationError, "not from the grower"):
            self._create_intake([(self.apples, 10.0)], partner=self.other_grower, offer_id=offer.id)

    def test_sign_up_only_for_planned_gleanings(self):
        workshop = self.env["conserverie.activity"].create(
            {"name": "Atelier", "date_start": self._in_days(3)}
        )
        workshop.action_plan()
        with self.assertRaisesRegex(UserError, "planned gleanings"):
            workshop.with_user(self.volunteer_user).action_sign_up()
        gleaning = self.env["conserverie.activity"].create(
            {"name": "Glanage", "activity_type": "gleaning", "date_start": self._in_days(3)}
        )
        with self.assertRaisesRegex(UserError, "planned gleanings"):
            gleaning.with_user(self.volunteer_user).action_sign_up()
        self.assertFalse(gleaning.attendance_ids)

    def test_bad_offers_refused(self):
        with self.assertRaisesRegex(ValidationError, "end before it starts"):
            self._create_offer(date_from=self.today, date_to=self.today - timedelta(days=1))
        with self.assertRaisesRegex(ValidationError, "not a grower"):
            self._create_offer(partner=self.member)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            self._create_offer(kg=0.0)
        offer = self._create_offer()
        offer.action_plan_gleaning()
        with self.assertRaisesRegex(UserError, "Only a new offer"):
            offer.action_plan_gleaning()
