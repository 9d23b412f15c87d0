"""Who may do what in the Conserverie suite.

Every security profile against every model of the five addons, the sensitive
fields, the append-only ledgers and the wall between two facilities. The
expected rights are written out below from the design (groups, readmes,
"rules that hold everywhere"); they are never read back from the access rules
they check.
"""

from contextlib import closing
from datetime import timedelta
from functools import partial

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.conserverie_production.tests.common import ProductionCase
from odoo.addons.conserverie_timebank.tests.common import TimebankCase

PROFILES = ("volunteer", "staff", "coordinator", "accountant", "internal", "portal")
OPERATIONS = {"r": "read", "w": "write", "c": "create", "u": "unlink"}
CONSERVERIE_GROUPS = {
    "volunteer": "conserverie_base.group_volunteer",
    "staff": "conserverie_base.group_staff",
    "coordinator": "conserverie_base.group_coordinator",
    "accountant": "conserverie_base.group_accountant",
}

# Recurring rows of the tables below. A profile left out of a row has no right at all;
# "internal" is an employee without any Conserverie group, "portal" a member with a
# portal login. Coordinators hold what staff hold, who hold what volunteers hold; the
# accountant holds what volunteers hold, and no one else holds the accountant's.
FIELD_WORK = {"volunteer": "r", "staff": "rwc", "coordinator": "rwcu", "accountant": "r"}
FOOD_SAFETY_RECORD = {"volunteer": "r", "staff": "rwcu", "coordinator": "rwcu", "accountant": "r"}
STAFF_WIZARD = {"staff": "rwcu", "coordinator": "rwcu"}
ACCOUNTANT_WIZARD = {"accountant": "rwcu"}
IMPACT_SETTINGS = {"staff": "r", "coordinator": "rwcu", "accountant": "r"}
FIGURES = {"coordinator": "r", "accountant": "r"}
BACK_OFFICE_READ = {"staff": "r", "coordinator": "r", "accountant": "r"}
EMPLOYEES_READ = {"volunteer": "r", "staff": "r", "coordinator": "r", "accountant": "r"}
OWN_LEDGER_READ = {**BACK_OFFICE_READ, "portal": "r"}

# model -> {profile: r(ead) w(rite) c(reate) u(nlink)}
MODEL_ACCESS = {
    # conserverie_base: volunteers see the field work and record who came,
    # staff run it, coordinators also delete and own channels and brackets.
    "conserverie.site": FIELD_WORK,
    "conserverie.activity": FIELD_WORK,
    "conserverie.activity.attendance": {
        "volunteer": "rwc",
        "staff": "rwcu",
        "coordinator": "rwcu",
        "accountant": "rwc",
    },
    "conserverie.intake": FIELD_WORK,
    "conserverie.intake.line": {
        "volunteer": "r",
        "staff": "rwcu",
        "coordinator": "rwcu",
        "accountant": "r",
    },
    "conserverie.channel": {**EMPLOYEES_READ, "coordinator": "rwcu"},
    # a household's bracket tells its income: coordinators only
    "conserverie.solidarity.bracket": {"coordinator": "rwcu"},
    "conserverie.volunteer.share": STAFF_WIZARD,
    # written by the till pipeline only; the back office reviews through an action
    "conserverie.pos.order.issue": BACK_OFFICE_READ,
    "conserverie.volunteer.share.line": STAFF_WIZARD,
    # the "Start a facility" assistant: coordinators (and administrators)
    "conserverie.facility.setup": {"coordinator": "rwcu"},
    # the month end: accountants and coordinators check it, the checks are written
    # by code only, only an accountant locks (an action, see test_month_end)
    "conserverie.month.end": {"coordinator": "rc", "accountant": "rc"},
    "conserverie.month.end.line": FIGURES,
    # conserverie_production: volunteers read production records, never change them
    "conserverie.training": FIELD_WORK,
    "conserverie.autoclave": FIELD_WORK,
    "conserverie.sterilisation.cycle": FOOD_SAFETY_RECORD,
    "conserverie.sterilisation.reading": FIELD_WORK,
    "conserverie.incubation.test": FOOD_SAFETY_RECORD,
    "conserverie.haccp.check": FIELD_WORK,
    "conserverie.cycle.import": STAFF_WIZARD,
    "conserverie.label.print": STAFF_WIZARD,
    "conserverie.release.reversal": STAFF_WIZARD,
    # conserverie_deposit: the ledger is written by code only, read by the back office
    "conserverie.deposit.move": BACK_OFFICE_READ,
    "conserverie.deposit.report": BACK_OFFICE_READ,
    "conserverie.jar.washing": {"staff": "rwc", "coordinator": "rwcu", "accountant": "r"},
    "conserverie.deposit.return.wizard": STAFF_WIZARD,
    "conserverie.deposit.return.wizard.line": STAFF_WIZARD,
    "conserverie.empties.opening.wizard": STAFF_WIZARD,
    "conserverie.deposit.writeoff.wizard": ACCOUNTANT_WIZARD,
    "conserverie.deposit.opening": {"coordinator": "rc", "accountant": "rc"},
    # conserverie_timebank: staff post (cheques, transfers, crews), coordinators set
    # limits and reverse, accountants reconcile, a member reads their own statement;
    # volunteers see a balance only through the till
    "conserverie.time.account": {
        "staff": "rc",
        "coordinator": "rwc",
        "accountant": "r",
        "portal": "r",
    },
    "conserverie.time.move": {"staff": "rc", "coordinator": "rc", "accountant": "r", "portal": "r"},
    "conserverie.time.transfer": STAFF_WIZARD,
    "conserverie.time.invoice.payment": {**STAFF_WIZARD, **ACCOUNTANT_WIZARD},
    # opening balances: imported once by a coordinator or the accountant, never changed
    "conserverie.time.opening.balance": {"coordinator": "rc", "accountant": "rc"},
    "conserverie.time.crew.credit": STAFF_WIZARD,
    "conserverie.time.crew.credit.line": STAFF_WIZARD,
    "conserverie.time.reverse": {"coordinator": "rwcu"},
    "conserverie.time.reconciliation": ACCOUNTANT_WIZARD,
    "conserverie.time.reconciliation.session": ACCOUNTANT_WIZARD,
    "conserverie.time.reconciliation.method": ACCOUNTANT_WIZARD,
    "conserverie.time.in.kind.entry": {"accountant": "rc"},
    "conserverie.time.in.kind.post": ACCOUNTANT_WIZARD,
    # conserverie_impact: coordinators configure, staff type answers in (never edit
    # them), accountants read figures and reports
    "conserverie.impact.indicator": {**EMPLOYEES_READ, "coordinator": "rwcu", "internal": "r"},
    "conserverie.impact.petal": IMPACT_SETTINGS,
    "conserverie.impact.petal.indicator": IMPACT_SETTINGS,
    "conserverie.impact.statement": IMPACT_SETTINGS,
    "conserverie.impact.campaign": IMPACT_SETTINGS,
    "conserverie.impact.campaign.score": IMPACT_SETTINGS,
    "conserverie.impact.answer": {"staff": "rc", "coordinator": "rcu"},
    "conserverie.impact.answer.entry": STAFF_WIZARD,
    "conserverie.impact.answer.entry.line": STAFF_WIZARD,
    "conserverie.impact.grant": {"coordinator": "rwcu", "accountant": "r"},
    "conserverie.impact.report": {"coordinator": "rwcu", "accountant": "rwcu"},
    "conserverie.impact.report.line": {"coordinator": "rwcu", "accountant": "rwcu"},
    "conserverie.impact.fact": FIGURES,
    # conserverie_coordination: a grower posts (portal) and reads their own offers,
    # staff answer them; households tell incomes: coordinators only; the economic
    # model: coordinators and accountants
    "conserverie.surplus.offer": {"staff": "rwc", "coordinator": "rwcu", "portal": "rc"},
    "conserverie.booking.request": {"staff": "rwc", "coordinator": "rwcu", "accountant": "rw"},
    "conserverie.household": {"coordinator": "rwcu"},
    "conserverie.facility.dashboard": {"coordinator": "rwcu", "accountant": "rwcu"},
}

# Rights the suite's roles get from Odoo's own groups (point of sale, sales, stock,
# accounting) on the records a till touches. Odoo lets every till user change and
# delete orders and payments: the suite makes it harmless (a paid order and its
# payments never change, see test_a_paid_order_never_changes).
TILL_USER = {"volunteer": "rwcu", "staff": "rwcu", "coordinator": "rwcu", "accountant": "rwcu"}
CORE_ACCESS = {
    "pos.order": TILL_USER,
    "pos.payment": TILL_USER,
    "pos.session": {"volunteer": "rwc", "staff": "rwc", "coordinator": "rwc", "accountant": "rwc"},
    "res.partner": {
        "volunteer": "r",
        "staff": "rwc",
        "coordinator": "rwc",
        "accountant": "r",
        "internal": "r",
        "portal": "r",
    },
}

# (model, field) -> {profile: r(ead) w(rite)}, checked on one record of the model.
# A write the profile may not make is refused (or ignored, for a computed field)
# and leaves the value as it was.
SENSITIVE_FIELDS = {
    ("res.partner", "solidarity_bracket_id"): {"coordinator": "rw"},
    # hours: the back office only; the till shows a balance through its own check
    ("res.partner", "time_balance"): BACK_OFFICE_READ,
    ("res.partner", "time_balance_display"): BACK_OFFICE_READ,
    ("res.partner", "time_account_ids"): BACK_OFFICE_READ,
    ("pos.payment", "time_move_ids"): BACK_OFFICE_READ,
    # the issues of a till order stay with the back office; the till reads every field
    ("pos.order", "review_issue_ids"): BACK_OFFICE_READ,
    ("conserverie.time.account", "balance"): OWN_LEDGER_READ,
    ("conserverie.time.account", "min_balance"): {**OWN_LEDGER_READ, "coordinator": "rw"},
    ("conserverie.time.account", "max_balance"): {**OWN_LEDGER_READ, "coordinator": "rw"},
    ("conserverie.time.account", "flagged"): {**OWN_LEDGER_READ, "coordinator": "rw"},
    ("conserverie.time.move", "amount"): OWN_LEDGER_READ,
    ("conserverie.time.move", "account_id"): OWN_LEDGER_READ,
    # hours credited for a done activity: only staff correct them
    ("conserverie.activity.attendance", "hours"): {
        "volunteer": "r",
        "staff": "rw",
        "coordinator": "rw",
        "accountant": "r",
    },
    # the deposit ledger stays closed; jars out and the balance show with the partner
    ("res.partner", "deposit_move_ids"): BACK_OFFICE_READ,
    ("res.partner", "deposit_jar_count"): {**EMPLOYEES_READ, "internal": "r", "portal": "r"},
    ("res.partner", "deposit_balance"): {**EMPLOYEES_READ, "internal": "r", "portal": "r"},
    ("conserverie.deposit.move", "quantity"): BACK_OFFICE_READ,
    ("conserverie.deposit.move", "amount"): BACK_OFFICE_READ,
    # food safety: a lot changes state through its release actions only
    ("stock.lot", "release_state"): EMPLOYEES_READ,
    ("stock.lot", "ph_measured"): {**EMPLOYEES_READ, "staff": "rw", "coordinator": "rw"},
    ("mrp.production", "cost_per_jar"): EMPLOYEES_READ,
    # the link of an open assessment, and anonymous answers nobody edits
    ("conserverie.impact.campaign", "access_token"): {"staff": "r", "coordinator": "rw"},
    ("conserverie.impact.campaign", "answer_url"): {"staff": "r", "coordinator": "r"},
    ("conserverie.impact.answer", "score"): {"staff": "r", "coordinator": "r"},
    # a member's household tells its bracket: coordinators only
    ("res.partner", "household_id"): {"coordinator": "rw"},
    # an outing's booking is the back office's
    ("conserverie.activity", "booking_request_id"): BACK_OFFICE_READ,
    ("conserverie.activity", "booking_state"): BACK_OFFICE_READ,
}

# The posting code marks its context with this key; any caller can send a context.
POSTING_CONTEXT_KEY = "conserverie_time_posting"


@tagged("post_install", "-at_install")
class TestAccessMatrix(ProductionCase, TimebankCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            "volunteer": cls.volunteer_user,
            "staff": cls.staff_user,
            "coordinator": cls.coordinator_user,
            "accountant": cls.accountant_user,
            "internal": cls._create_user("internal", "base.group_user"),
            "portal": new_test_user(
                cls.env,
                login="conserverie_matrix_portal",
                groups="base.group_portal",
                partner_id=cls.member.id,
            ),
        }
        managing_groups = f"{CONSERVERIE_GROUPS['coordinator']},{CONSERVERIE_GROUPS['accountant']}"
        cls.manager = cls._create_user("manager", managing_groups)
        cls.other_company = cls.env["res.company"].create({"name": "Conserverie de Die (test)"})
        cls.other_manager = cls._create_user("manager", managing_groups, cls.other_company)
        cls.admin = cls.env.ref("base.user_admin")
        cls._build_base_samples()
        cls._build_production_samples()
        cls._build_deposit_samples()
        cls._build_timebank_samples()
        cls._build_impact_samples()
        cls._build_coordination_samples()
        cls.env.flush_all()
        cls.samples.update(cls._view_samples())
        cls.new_values = cls._new_values()

    # Fixtures -----------------------------------------------------------------

    @classmethod
    def _build_base_samples(cls):
        pricelists = cls.env["product.pricelist"].create(
            [{"name": "Tranche A (test)"}, {"name": "Tranche B (test)"}]
        )
        cls.bracket, cls.other_bracket = cls.env["conserverie.solidarity.bracket"].create(
            [
                {"name": "A (test)", "quotient_max": 600, "pricelist_id": pricelists[0].id},
                {"name": "B (test)", "quotient_min": 601, "pricelist_id": pricelists[1].id},
            ]
        )
        cls.member.solidarity_bracket_id = cls.bracket
        site = cls.env["conserverie.site"].create({"name": "Place Jacquemart (test)"})
        cls.done_activity = cls.env["conserverie.activity"].create(
            {
                "name": "Glanage (test)",
                "activity_type": "gleaning",
                "site_id": site.id,
                "attendance_ids": [Command.create({"partner_id": cls.neighbour.id, "hours": 2.0})],
            }
        )
        cls.done_activity.action_done()
        channel = cls.env["conserverie.channel"].create(
            {"name": "Vente du jour (test)", "code": "day_sale", "company_id": cls.company.id}
        )
        cls.samples = {
            "res.partner": cls.member,
            "conserverie.site": site,
            "conserverie.activity": cls.done_activity,
            "conserverie.activity.attendance": cls.done_activity.attendance_ids,
            "conserverie.intake": cls.intake,
            "conserverie.intake.line": cls.intake.line_ids[:1],
            "conserverie.channel": channel,
            "conserverie.solidarity.bracket": cls.bracket,
        }
        month_end = cls.env["conserverie.month.end"].create(
            {"company_id": cls.company.id, "month": "2021-01-01"}
        )
        cls.samples["conserverie.month.end"] = month_end
        cls.samples["conserverie.month.end.line"] = month_end.line_ids[:1]

    @classmethod
    def _build_production_samples(cls):
        production, lot = cls._produce_with_passed_cycle(cls.compote_bom)
        cycle = production.sterilisation_cycle_ids
        incubation = cls.env["conserverie.incubation.test"].create({"lot_id": lot.id})
        haccp_check = cls.env["conserverie.haccp.check"].create(
            {
                "activity_id": cls.workshop.id,
                "check_type": "cleaning",
                "partner_id": cls.operator.id,
            }
        )
        cls.samples.update(
            {
                "mrp.production": production,
                "stock.lot": lot,
                "conserverie.training": cls.env["conserverie.training"].search(
                    [("partner_id", "=", cls.operator.id)], limit=1
                ),
                "conserverie.autoclave": cls.autoclave,
                "conserverie.sterilisation.cycle": cycle,
                "conserverie.sterilisation.reading": cycle.reading_ids[:1],
                "conserverie.incubation.test": incubation,
                "conserverie.haccp.check": haccp_check,
            }
        )

    @classmethod
    def _build_deposit_samples(cls):
        deposit = cls.env["product.product"].create(
            {"name": "Consigne 370 (test)", "is_deposit": True, "list_price": 0.5}
        )
        cls.jar_370.deposit_product_id = deposit
        cls.samples["conserverie.deposit.move"] = cls.env["conserverie.deposit.move"].create(
            {
                "move_type": "sale",
                "deposit_product_id": deposit.id,
                "quantity": 2,
                "amount": 1.0,
                "partner_id": cls.member.id,
            }
        )
        cls.samples["conserverie.jar.washing"] = cls.env["conserverie.jar.washing"].create(
            {"jar_product_id": cls.jar_370.id, "quantity_washed": 1}
        )
        cls.samples["conserverie.deposit.opening"] = cls.env["conserverie.deposit.opening"].create(
            {"partner_id": cls.neighbour.id, "jar_product_id": cls.jar_370.id, "quantity": 3}
        )

    @classmethod
    def _build_timebank_samples(cls):
        session = cls._open_session()
        data = TimebankCase._order_data(
            cls, session, [(cls.jam, 1)], [(cls.time_method, 5.0)], cls.member
        )
        order = TimebankCase._sync(cls, data)
        cls.samples.update(
            {
                "conserverie.pos.order.issue": cls.env["conserverie.pos.order.issue"].create(
                    {"order_id": order.id, "kind": "hours", "message": "Heures à vérifier (test)"}
                ),
                "pos.order": order,
                "pos.payment": order.payment_ids,
                "conserverie.time.account": cls.member_account,
                "conserverie.time.move": cls.Move.search(
                    [("account_id", "=", cls.member_account.id), ("move_type", "=", "welcome")]
                ),
                "conserverie.time.in.kind.entry": cls.env["conserverie.time.in.kind.entry"].create(
                    {"company_id": cls.company.id, "month": "2021-01-01"}
                ),
                "conserverie.time.opening.balance": cls.env[
                    "conserverie.time.opening.balance"
                ].create({"member_id": cls.neighbour.id, "hours": 2.0}),
            }
        )

    @classmethod
    def _build_impact_samples(cls):
        petal = cls.env["conserverie.impact.petal"].create(
            {"name": "Pouvoir d'agir (test)", "company_id": cls.company.id}
        )
        statement = cls.env["conserverie.impact.statement"].create(
            {"name": "J'ai appris à conserver (test)", "petal_id": petal.id}
        )
        indicator = cls.env["conserverie.impact.indicator"].search([], limit=1)
        campaign = cls.env["conserverie.impact.campaign"].create(
            {
                "name": "Bilan (test)",
                "date_from": cls.today - timedelta(days=30),
                "date_to": cls.today,
                "statement_ids": [Command.set(statement.ids)],
            }
        )
        campaign.action_open()
        cls.samples.update(
            {
                "conserverie.impact.indicator": indicator,
                "conserverie.impact.petal": petal,
                "conserverie.impact.statement": statement,
                "conserverie.impact.petal.indicator": cls.env[
                    "conserverie.impact.petal.indicator"
                ].create({"petal_id": petal.id, "indicator_id": indicator.id, "target": 10.0}),
                "conserverie.impact.campaign": campaign,
                "conserverie.impact.answer": campaign._submit_answers(
                    "resident", {statement.id: 4}
                ),
                "conserverie.impact.campaign.score": cls.env[
                    "conserverie.impact.campaign.score"
                ].create({"campaign_id": campaign.id, "petal_id": petal.id}),
                "conserverie.impact.grant": cls.env["conserverie.impact.grant"].create(
                    {
                        "name": "LEADER (test)",
                        "funder_id": cls.centre.id,
                        "date_from": cls.today - timedelta(days=365),
                        "date_to": cls.today,
                    }
                ),
            }
        )

    @classmethod
    def _build_coordination_samples(cls):
        # the matrix's portal login is the member's: here also a grower offering surplus
        cls.member.is_grower = True
        household, cls.other_household = cls.env["conserverie.household"].create(
            [{"name": "Foyer (test)", "size": 3}, {"name": "Autre foyer (test)", "size": 2}]
        )
        cls.member.household_id = household
        cls.samples.update(
            {
                "conserverie.surplus.offer": cls.env["conserverie.surplus.offer"].create(
                    {
                        "partner_id": cls.member.id,
                        "product_id": cls.apples.id,
                        "estimated_kg": 50.0,
                        "date_from": cls.today,
                        "date_to": cls.today + timedelta(days=3),
                    }
                ),
                "conserverie.booking.request": cls.env["conserverie.booking.request"].create(
                    {"partner_id": cls.centre.id, "kind": "centre", "date": cls.today}
                ),
                "conserverie.household": household,
                "conserverie.facility.dashboard": cls.env["conserverie.facility.dashboard"].create(
                    {"date_from": "2021-01-01", "date_to": "2021-12-31"}
                ),
            }
        )

    @classmethod
    def _view_samples(cls):
        """A row of each reporting view, from the records built above."""
        return {
            model: cls.env[model].search([("company_id", "=", cls.company.id)], limit=1)
            for model in ("conserverie.deposit.report", "conserverie.impact.fact")
        }

    @classmethod
    def _new_values(cls):
        """The value each write of a sensitive field tries to set."""
        return {
            ("res.partner", "solidarity_bracket_id"): cls.other_bracket.id,
            ("res.partner", "time_balance"): 99.0,
            ("res.partner", "time_balance_display"): "99:00",
            ("res.partner", "deposit_jar_count"): 99.0,
            ("res.partner", "deposit_balance"): 99.0,
            ("conserverie.time.account", "balance"): 99.0,
            ("conserverie.time.account", "min_balance"): -3.0,
            ("conserverie.time.account", "max_balance"): 40.0,
            ("conserverie.time.account", "flagged"): True,
            ("conserverie.time.move", "amount"): 99.0,
            ("conserverie.time.move", "account_id"): cls.neighbour_account.id,
            ("conserverie.activity.attendance", "hours"): 5.0,
            ("conserverie.deposit.move", "quantity"): 99.0,
            ("conserverie.deposit.move", "amount"): 99.0,
            ("stock.lot", "release_state"): "released",
            ("stock.lot", "ph_measured"): 3.9,
            ("mrp.production", "cost_per_jar"): 99.0,
            ("conserverie.impact.campaign", "access_token"): "forged-token",
            ("conserverie.impact.answer", "score"): 1,
            ("res.partner", "household_id"): cls.other_household.id,
        }

    # Helpers ------------------------------------------------------------------

    @classmethod
    def _conserverie_models(cls):
        """Every model of the suite, from the registry."""
        return {
            name
            for name, model in cls.env.registry.items()
            if not model._abstract
            and (
                name.startswith("conserverie.") or model._original_module.startswith("conserverie")
            )
        }

    def _stored_value(self, record, field_name):
        """The value of the field as the database has it, in write format."""
        record.invalidate_recordset([field_name])
        record = record.sudo()
        return record._fields[field_name].convert_to_write(record[field_name], record)

    def _attempt(self, operation):
        """Run ``operation``; return the access or user error it raised, if any."""
        try:
            operation()
        except (AccessError, UserError) as error:
            return error
        return None

    # The tables cover the suite ------------------------------------------------

    def test_every_model_is_in_the_table(self):
        models = self._conserverie_models()
        self.assertFalse(
            models - set(MODEL_ACCESS), "models of the suite missing from MODEL_ACCESS"
        )
        self.assertFalse(set(MODEL_ACCESS) - models, "MODEL_ACCESS lists unknown models")
        stored = {name for name in models if not self.env[name]._transient}
        self.assertFalse(stored - set(self.samples), "stored models without a sample record")
        for name, record in self.samples.items():
            with self.subTest(model=name):
                self.assertEqual(len(record), 1, f"one sample record of {name}")

    def test_every_restricted_field_is_in_the_table(self):
        restricted = {
            (model_name, field_name)
            for model_name, model in self.env.registry.items()
            for field_name, field in model._fields.items()
            if field.groups
            and not field.inherited
            and (field._module or "").startswith("conserverie")
        }
        self.assertTrue(restricted)
        self.assertFalse(
            restricted - set(SENSITIVE_FIELDS),
            "fields restricted to groups but missing from SENSITIVE_FIELDS",
        )
        for model_name, field_name in SENSITIVE_FIELDS:
            with self.subTest(model=model_name, field=field_name):
                self.assertIn(field_name, self.env[model_name]._fields)
                self.assertIn(model_name, self.samples)

    def test_profiles_hold_the_expected_groups(self):
        expected_groups = {
            "volunteer": {"volunteer"},
            "staff": {"volunteer", "staff"},
            "coordinator": {"volunteer", "staff", "coordinator"},
            "accountant": {"volunteer", "accountant"},
            "internal": set(),
            "portal": set(),
        }
        for profile, user in self.users.items():
            for group, xmlid in CONSERVERIE_GROUPS.items():
                with self.subTest(profile=profile, group=group):
                    self.assertEqual(user.has_group(xmlid), group in expected_groups[profile])
        self.assertTrue(self.users["internal"]._is_internal())
        self.assertTrue(self.users["portal"]._is_portal())

    # Models --------------------------------------------------------------------

    def test_model_rights(self):
        for model_name in sorted(MODEL_ACCESS):
            for profile in PROFILES:
                allowed = MODEL_ACCESS[model_name].get(profile, "")
                records = self.env[model_name].with_user(self.users[profile])
                for letter, operation in OPERATIONS.items():
                    with self.subTest(model=model_name, profile=profile, operation=operation):
                        self.assertEqual(records.has_access(operation), letter in allowed)
                        if letter not in allowed:
                            with self.assertRaises(AccessError):
                                records.check_access(operation)

    def test_core_rights_of_the_roles(self):
        for model_name, rights in sorted(CORE_ACCESS.items()):
            for profile in PROFILES:
                allowed = rights.get(profile, "")
                records = self.env[model_name].with_user(self.users[profile])
                for letter, operation in OPERATIONS.items():
                    with self.subTest(model=model_name, profile=profile, operation=operation):
                        self.assertEqual(records.has_access(operation), letter in allowed)

    def test_a_paid_order_never_changes(self):
        """What Odoo's rights let a till user try through RPC on a paid order."""
        order = self.samples["pos.order"]
        payment = order.payment_ids[:1]
        amount, method = payment.amount, payment.payment_method_id
        for profile in ("volunteer", "staff", "coordinator", "accountant"):
            user = self.users[profile]
            with self.subTest(profile=profile):
                with self.assertRaises(UserError):
                    order.with_user(user).unlink()
                with self.assertRaises(UserError):
                    payment.with_user(user).write({"amount": amount + 1})
                with self.assertRaises(UserError):
                    payment.with_user(user).write({"payment_method_id": self.cash_method.id})
                with self.assertRaises(UserError):
                    payment.with_user(user).unlink()
        self.assertTrue(order.exists())
        self.assertEqual((payment.amount, payment.payment_method_id), (amount, method))

    def test_sample_records_follow_the_table(self):
        """Rights and record rules together, on a real record of each stored model."""
        for model_name in sorted(set(MODEL_ACCESS) & set(self.samples)):
            record = self.samples[model_name]
            for profile in PROFILES:
                allowed = MODEL_ACCESS[model_name].get(profile, "")
                as_user = record.with_user(self.users[profile])
                with self.subTest(model=model_name, profile=profile, operation="read"):
                    if "r" in allowed:
                        self.assertEqual(as_user.read(["display_name"])[0]["id"], record.id)
                    else:
                        with self.assertRaises(AccessError):
                            as_user.read(["display_name"])
                for letter in "wu":
                    operation = OPERATIONS[letter]
                    with self.subTest(model=model_name, profile=profile, operation=operation):
                        self.assertEqual(as_user.has_access(operation), letter in allowed)

    def test_other_facility_sees_nothing(self):
        """A coordinator and accountant of another company reads no record of this one."""
        for model_name in sorted(set(MODEL_ACCESS) & set(self.samples)):
            record = self.samples[model_name]
            company_field = record._fields.get("company_id")
            if not (company_field and company_field.store):
                continue
            with self.subTest(model=model_name):
                self.assertTrue(record.with_user(self.manager).read(["display_name"]))
                outsider = record.with_user(self.other_manager)
                with self.assertRaises(AccessError, msg="another facility reads the record"):
                    outsider.read(["display_name"])
                self.assertFalse(outsider.search([("id", "=", record.id)]))
                self.assertFalse(outsider.has_access("write"))
                self.assertFalse(outsider.has_access("unlink"))

    # Sensitive fields ----------------------------------------------------------

    def test_sensitive_fields(self):
        for (model_name, field_name), rights in sorted(SENSITIVE_FIELDS.items()):
            record = self.samples[model_name]
            new_value = self.new_values.get((model_name, field_name))
            for profile in PROFILES:
                allowed = rights.get(profile, "")
                as_user = record.with_user(self.users[profile])
                with self.subTest(model=model_name, field=field_name, profile=profile, op="read"):
                    if "r" in allowed:
                        self.assertIn(field_name, as_user.read([field_name])[0])
                    else:
                        with self.assertRaises(AccessError):
                            as_user.read([field_name])
                if new_value is None:
                    self.assertNotIn("w", allowed, f"no value to write in {field_name}")
                    continue
                with self.subTest(model=model_name, field=field_name, profile=profile, op="write"):
                    self._check_field_write(as_user, field_name, new_value, allowed)

    def _check_field_write(self, record, field_name, new_value, allowed):
        before = self._stored_value(record, field_name)
        self.assertNotEqual(before, new_value, "the sample already holds the new value")
        with closing(self.env.cr.savepoint()):
            error = self._attempt(lambda: record.write({field_name: new_value}))
            after = self._stored_value(record, field_name)
        if "w" in allowed:
            self.assertIsNone(error)
            self.assertEqual(after, new_value)
            return
        self.assertEqual(after, before, "a refused write changed the value")
        field = record._fields[field_name]
        if field.groups and "r" not in allowed:
            self.assertIsInstance(error, AccessError)
        elif error is None:
            self.assertTrue(field.readonly, "the write was accepted")

    # Ledgers ---------------------------------------------------------------------

    def test_ledgers_are_append_only(self):
        """No one changes or deletes a ledger line: not a coordinator, an accountant,
        the administrator, nor code running as superuser."""
        writers = {**self.users, "admin": self.admin, "superuser": None}
        changes = {
            "conserverie.time.move": {"reason": "changed", "amount": 99.0},
            "conserverie.deposit.move": {"reference": "changed", "quantity": 99.0},
        }
        for model_name, values in changes.items():
            line = self.samples[model_name]
            before = line.sudo().read(list(values))[0]
            for writer, user in writers.items():
                as_writer = line.sudo() if user is None else line.with_user(user)
                for operation, run in (
                    ("write", partial(as_writer.write, values)),
                    ("unlink", as_writer.unlink),
                ):
                    with (
                        self.subTest(model=model_name, profile=writer, operation=operation),
                        closing(self.env.cr.savepoint()),
                    ):
                        error = self._attempt(run)
                        self.env.invalidate_all()
                        self.assertTrue(line.sudo().exists(), f"{writer} deleted a ledger line")
                        self.assertEqual(line.sudo().read(list(values))[0], before)
                        self.assertIsNotNone(error)

    def test_admin_reads_the_ledgers(self):
        for model_name in ("conserverie.time.move", "conserverie.deposit.move"):
            with self.subTest(model=model_name):
                line = self.samples[model_name].with_user(self.admin)
                self.assertTrue(line.read(["display_name"]))
                self.assertFalse(self.env[model_name].with_user(self.admin).has_access("unlink"))
                self.assertFalse(self.env[model_name].with_user(self.admin).has_access("write"))

    def test_time_moves_cannot_be_forged(self):
        """Staff post hours through transfers only, even when they send the posting
        context themselves (as any RPC caller can)."""
        Move = self.env["conserverie.time.move"].with_user(self.staff_user)
        values = {
            "account_id": self.member_account.id,
            "amount": 50.0,
            "move_type": "adjustment",
            "reference": "FORGED/C",
            "transfer_ref": "FORGED",
        }
        for context in ({}, {POSTING_CONTEXT_KEY: True}):
            with self.subTest(context=context), closing(self.env.cr.savepoint()):
                error = self._attempt(
                    lambda context=context: Move.with_context(**context).create(values)
                )
                forged = self.Move.search_count([("transfer_ref", "=", "FORGED")])
                self.assertFalse(forged, "a single, unbalanced time move was written")
                self.assertIsNotNone(error)

    def test_corrections_are_new_entries(self):
        """A coordinator reverses a transfer with two new moves; staff cannot."""
        move = self.samples["conserverie.time.move"]
        before = move.read(["amount", "account_id", "reason"])
        with self.assertRaises(UserError):
            move.with_user(self.staff_user)._reverse_by_coordinator("Erreur de saisie")
        reversal = move.with_user(self.coordinator_user)._reverse_by_coordinator("Erreur de saisie")
        self.assertEqual(len(reversal), 2)
        self.assertAlmostEqual(sum(reversal.mapped("amount")), 0.0)
        self.assertEqual(set(reversal.mapped("reason")), {"Erreur de saisie"})
        self.assertEqual(reversal.user_id, self.coordinator_user)
        move.invalidate_recordset()
        self.assertEqual(move.read(["amount", "account_id", "reason"]), before)

    def test_only_the_back_office_marks_issues_reviewed(self):
        issue = self.samples["conserverie.pos.order.issue"]
        for profile in ("volunteer", "internal", "portal"):
            with self.subTest(profile=profile), self.assertRaises(AccessError):
                issue.with_user(self.users[profile]).action_mark_reviewed()
        issue.order_id._update_has_review_issue()
        for profile in ("staff", "accountant"):
            with self.subTest(profile=profile), self.assertRaises(AccessError):
                issue.with_user(self.users[profile]).write({"state": "reviewed"})
        for profile in ("volunteer", "staff", "coordinator", "accountant"):
            with self.subTest(profile=profile), self.assertRaises(AccessError):
                issue.order_id.with_user(self.users[profile]).write({"has_review_issue": False})
        self.assertEqual(issue.state, "open")
        self.assertTrue(issue.order_id.has_review_issue)
        issue.with_user(self.users["staff"]).action_mark_reviewed()
        self.assertEqual(issue.state, "reviewed")
        self.assertEqual(issue.reviewed_by_id, self.users["staff"])
        self.assertTrue(issue.reviewed_date)
        self.assertFalse(issue.order_id.has_review_issue)
        with self.assertRaises(UserError):
            issue.unlink()

    def test_only_staff_credit_hours_after_an_activity(self):
        """A line added to a done activity credits hours: only staff may add it."""
        Attendance = self.env["conserverie.activity.attendance"]
        for profile in ("volunteer", "accountant", "staff"):
            user = self.users[profile]
            with self.subTest(profile=profile), closing(self.env.cr.savepoint()):
                error = self._attempt(
                    lambda user=user: Attendance.with_user(user).create(
                        {
                            "activity_id": self.done_activity.id,
                            "partner_id": user.partner_id.id,
                            "hours": 20.0,
                        }
                    )
                )
                credited = self.Move.search(
                    [
                        ("partner_id", "=", user.partner_id.id),
                        ("move_type", "=", "volunteering"),
                    ]
                )
                if profile == "staff":
                    self.assertIsNone(error)
                    self.assertEqual(credited.mapped("amount"), [20.0])
                else:
                    self.assertFalse(credited, f"the {profile} credited hours to themselves")
                    self.assertIsNotNone(error)

    # Members ---------------------------------------------------------------------

    def test_portal_member_sees_only_their_own(self):
        portal = self.users["portal"]
        Account = self.env["conserverie.time.account"].with_user(portal)
        self.assertEqual(Account.search([]), self.member_account)
        self.assertEqual(
            self.env["conserverie.time.move"].with_user(portal).search([]).account_id,
            self.member_account,
        )
        with self.assertRaises(AccessError):
            self.neighbour_account.with_user(portal).read(["balance"])
        with self.assertRaises(AccessError):
            self.neighbour.with_user(portal).read(["name"])
        with self.assertRaises(AccessError):
            self.grower.with_user(portal).read(["organic_certificate_number"])
        self.assertEqual(self.member.with_user(portal).deposit_jar_count, 2)

    def test_bracket_cannot_be_searched_or_grouped(self):
        """Those who may not read a bracket cannot find who is in it either."""
        for profile in PROFILES:
            if profile == "coordinator":
                continue
            Partner = self.env["res.partner"].with_user(self.users[profile])
            with self.subTest(profile=profile):
                with self.assertRaises(AccessError):
                    Partner.search([("solidarity_bracket_id", "=", self.bracket.id)])
                with self.assertRaises(AccessError):
                    Partner._read_group([], ["solidarity_bracket_id"], ["__count"])
        Partner = self.env["res.partner"].with_user(self.coordinator_user)
        self.assertEqual(
            Partner.search([("solidarity_bracket_id", "=", self.bracket.id)]), self.member
        )
