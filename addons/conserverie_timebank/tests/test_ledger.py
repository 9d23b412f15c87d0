from odoo.api import call_kw
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import TimebankCase


@tagged("post_install", "-at_install")
class TestLedger(TimebankCase):
    def _assert_zero_sum(self):
        self.env.flush_all()
        self.env.cr.execute(
            """
            SELECT transfer_ref, SUM(amount), COUNT(*)
              FROM conserverie_time_move
          GROUP BY transfer_ref
            HAVING SUM(amount) <> 0 OR COUNT(*) <> 2
            """
        )
        self.assertEqual(self.env.cr.fetchall(), [], "every transfer is two moves summing to 0")
        self.env.cr.execute(
            """
            SELECT account.id, account.balance, COALESCE(SUM(move.amount), 0)
              FROM conserverie_time_account account
              LEFT JOIN conserverie_time_move move ON move.account_id = account.id
          GROUP BY account.id
            HAVING account.balance <> COALESCE(SUM(move.amount), 0)
            """
        )
        self.assertEqual(self.env.cr.fetchall(), [], "each balance is the sum of its moves")

    def test_zero_sum_invariant(self):
        staff = self.Move.with_user(self.staff_user)
        staff._post_manual_transfer("transfer", self.member, self.neighbour, 1.25, reason="Aide")
        staff._post_manual_transfer(
            "cheque", self.neighbour, self.member, 0.5, cheque_number="CH-1"
        )
        staff._post_crew_credit([(self.member, 3.0), (self.neighbour, 2.0)], "Chantier")
        self.Move.with_user(self.coordinator_user)._post_manual_transfer(
            "adjustment", self.company.partner_id, self.member, 1.0, reason="Oubli"
        )
        self._assert_zero_sum()
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT SUM(balance) FROM conserverie_time_account WHERE company_id = %s",
            [self.company.id],
        )
        self.assertAlmostEqual(self.env.cr.fetchone()[0], 0.0)

    def test_transfer_moves_share_a_reference(self):
        moves = self.Move._post_manual_transfer("transfer", self.member, self.neighbour, 1.0)
        self.assertEqual(len(moves), 2)
        self.assertEqual(len(set(moves.mapped("transfer_ref"))), 1)
        self.assertEqual(len(set(moves.mapped("reference"))), 2)
        self.assertEqual(sum(moves.mapped("amount")), 0)
        self.assertEqual(moves.user_id, self.env.user)

    def test_welcome_credit_once(self):
        partner = self.env["res.partner"].create({"name": "Nouvelle", "is_member": True})
        account = self.Account._get_for_partner(partner)
        self.assertEqual(account.balance, 2.0)
        partner.write({"is_member": False})
        partner.write({"is_member": True})
        partner._grant_time_welcome_credit()
        self.assertEqual(account.balance, 2.0)
        welcome = self.Move.search([("account_id", "=", account.id)])
        self.assertEqual(welcome.move_type, "welcome")
        self.assertEqual(welcome.counterpart_account_id, self.facility)
        # Not a member yet: no credit; becoming one: the credit.
        later = self.env["res.partner"].create({"name": "Plus tard"})
        self.assertFalse(self.Account.search([("partner_id", "=", later.id)]))
        later.is_member = True
        self.assertEqual(self.Account._get_for_partner(later).balance, 2.0)

    def test_limits_and_flags(self):
        self.neighbour_account.with_user(self.coordinator_user).write(
            {"min_balance": -1.0, "max_balance": 4.0}
        )
        self.Move._post_manual_transfer("transfer", self.neighbour, self.member, 3.0)
        self.assertEqual(self.neighbour_account.balance, -1.0)
        self.assertFalse(self.neighbour_account.flagged, "reaching the minimum is allowed")
        self.Move._post_manual_transfer("transfer", self.neighbour, self.member, 0.5)
        self.assertTrue(self.neighbour_account.flagged)
        self.neighbour_account.with_user(self.coordinator_user).action_clear_flag()
        self.assertFalse(self.neighbour_account.flagged)
        self.Move._post_manual_transfer("transfer", self.member, self.neighbour, 6.0)
        self.assertEqual(self.neighbour_account.balance, 4.5)
        self.assertTrue(self.neighbour_account.flagged, "passing the maximum flags")
        self.assertFalse(self.facility.flagged, "the facility has no limits")
        with self.assertRaises(UserError):
            self.neighbour_account.with_user(self.staff_user).action_clear_flag()

    def test_balance_changes_only_through_moves(self):
        with self.assertRaises(UserError):
            self.member_account.write({"balance": 100})
        with self.assertRaises(UserError):
            self.Account.create({"partner_id": self.grower.id, "balance": 5})

    def test_append_only(self):
        move = self.Move._post_manual_transfer("transfer", self.member, self.neighbour, 1.0)[0]
        with self.assertRaises(UserError):
            move.write({"amount": -5})
        with self.assertRaises(UserError):
            move.sudo().write({"reason": "changed"})
        with self.assertRaises(UserError):
            move.unlink()
        with self.assertRaises(UserError):
            move.sudo().unlink()
        # Through RPC, as the web client or an integration calls it.
        admin = self.env.ref("base.user_admin")
        Moves = self.env["conserverie.time.move"].with_user(admin)
        with self.assertRaises(UserError):
            call_kw(Moves, "write", [[move.id], {"amount": 10}], {})
        with self.assertRaises(UserError):
            call_kw(Moves, "unlink", [[move.id]], {})
        with self.assertRaises(UserError):
            call_kw(
                Moves,
                "create",
                [
                    {
                        "account_id": self.member_account.id,
                        "amount": 10,
                        "move_type": "welcome",
                        "reference": "X",
                        "transfer_ref": "X",
                    }
                ],
                {},
            )
        self.assertEqual(move.amount, -1.0)

    def test_reversal_by_coordinator(self):
        moves = self.Move._post_manual_transfer("transfer", self.member, self.neighbour, 1.5)
        before = self.member_account.balance
        with self.assertRaises(UserError):
            moves.with_user(self.staff_user)._reverse_by_coordinator("Erreur")
        wizard = Form(
            self.env["conserverie.time.reverse"]
            .with_user(self.coordinator_user)
            .with_context(default_move_ids=moves[:1].ids)
        )
        wizard.reason = "Erreur de saisie"
        wizard.save().action_confirm()
        self.assertEqual(self.member_account.balance, before + 1.5)
        reversal = self.Move.search([("reversed_move_id", "in", moves.ids)])
        self.assertEqual(len(reversal), 2)
        self.assertEqual(set(reversal.mapped("move_type")), {"adjustment"})
        self.assertEqual(reversal.user_id, self.coordinator_user)
        self.assertEqual(set(reversal.mapped("reason")), {"Erreur de saisie"})
        self.assertTrue(all(moves.mapped("is_reversed")))
        with self.assertRaises(UserError):
            moves.with_user(self.coordinator_user)._reverse_by_coordinator("Encore")
        self._assert_zero_sum()

    def test_wizards(self):
        transfer = Form(self.env["conserverie.time.transfer"].with_user(self.staff_user))
        transfer.kind = "cheque"
        transfer.from_partner_id = self.member
        transfer.to_partner_id = self.neighbour
        transfer.hours = 0.75
        transfer.cheque_number = "CH-42"
        transfer.save().action_confirm()
        cheque = self.Move.search([("cheque_number", "=", "CH-42")])
        self.assertEqual(sorted(cheque.mapped("amount")), [-0.75, 0.75])
        self.assertEqual(set(cheque.mapped("move_type")), {"cheque"})
        # Staff cannot adjust; a coordinator can, with a reason.
        with self.assertRaises(UserError):
            self.Move.with_user(self.staff_user)._post_manual_transfer(
                "adjustment", self.company.partner_id, self.member, 1.0, reason="x"
            )
        with self.assertRaises(UserError):
            self.Move.with_user(self.coordinator_user)._post_manual_transfer(
                "adjustment", self.company.partner_id, self.member, 1.0
            )
        with self.assertRaises(UserError):
            self.Move._post_manual_transfer("transfer", self.company.partner_id, self.member, 1.0)
        # Crew credit from a list of people.
        crew = Form(
            self.env["conserverie.time.crew.credit"]
            .with_user(self.staff_user)
            .with_context(active_model="res.partner", active_ids=(self.member | self.neighbour).ids)
        )
        crew.reason = "Nettoyage du camion"
        crew.hours = 1.5
        crew.save().action_confirm()
        credits = self.Move.search([("reason", "=", "Nettoyage du camion"), ("amount", ">", 0)])
        self.assertEqual(credits.account_id, self.member_account | self.neighbour_account)
        self.assertEqual(credits.mapped("amount"), [1.5, 1.5])

    def test_statement(self):
        self.Move._post_manual_transfer("transfer", self.member, self.neighbour, 1.0)
        lines = self.member_account._get_statement_lines()
        self.assertEqual(lines.mapped("balance_after")[-1], self.member_account.balance)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "conserverie_timebank.report_time_account_statement", self.member_account.ids
        )[0]
        self.assertIn(b"Voisin Test", html)
        self.assertIn(self.member_account.balance_display.encode(), html)

    def test_partner_balance(self):
        partner = self.member.with_user(self.staff_user)
        self.assertEqual(partner.time_balance, self.member_account.balance)
        action = partner.action_view_time_account()
        self.assertEqual(action["res_id"], self.member_account.id)
        with self.assertRaises(AccessError):
            self.member.with_user(self.volunteer_user).read(["time_balance"])
