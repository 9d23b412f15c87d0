"""Two facilities in one database: each role of one sees and changes nothing of the
other, its till sells neither the other's products nor debits the other's members, and
the impact figures never mix."""

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import StallCase

ROLES = ("volunteer", "staff", "coordinator", "accountant")
# access and validation errors are user errors too
REFUSED = UserError
CONSERVERIE_GROUP = {role: f"conserverie_base.group_{role}" for role in ROLES}


@tagged("post_install", "-at_install")
class TestTwoFacilities(StallCase):
    """Facility A is the test company with its stall; facility B is started from the
    assistant by its own coordinator and has its own volunteer, staff and accountant."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users_a = {role: getattr(cls, f"{role}_user") for role in ROLES}
        cls.company_b = cls.env["res.company"].create(
            {"name": "Conserverie du Diois", "country_id": cls.env.ref("base.fr").id}
        )
        cls.users_b = {
            role: cls._create_user(f"b_{role}", CONSERVERIE_GROUP[role], company=cls.company_b)
            for role in ROLES
        }
        wizard = (
            cls.env["conserverie.facility.setup"]
            .with_user(cls.users_b["coordinator"])
            .with_company(cls.company_b)
            .create({"company_id": cls.company_b.id, "time_hour_value": 10.0})
        )
        wizard.action_start()
        cls.stall_b = cls.env["pos.config"].search([("company_id", "=", cls.company_b.id)])
        cls.warehouse_b = cls.company_b.conserverie_warehouse_id
        cls._create_facility_b_records()

    @classmethod
    def _create_facility_b_records(cls):
        """What facility B's people record in a day: each record belongs to B, the
        facility its people work in, without their naming it."""
        company = cls.company_b
        staff = cls.users_b["staff"]
        env_b = cls.env(context=dict(cls.env.context, allowed_company_ids=company.ids))
        Partner = env_b["res.partner"].with_user(staff)
        cls.member_b = Partner.create({"name": "Adhérente du Diois", "is_member": True})
        cls.grower_b = Partner.create({"name": "Ferme du Diois", "is_grower": True})
        kg = cls.env.ref("uom.product_uom_kgm")
        cls.produce_b = (
            env_b["product.product"]
            .with_user(staff)
            .create(
                {
                    "name": "Abricots du Diois",
                    "categ_id": cls.env.ref("conserverie_base.product_category_produce").id,
                    "is_recovered_produce": True,
                    "is_storable": True,
                    "tracking": "lot",
                    "uom_id": kg.id,
                    "uom_po_id": kg.id,
                }
            )
        )
        Product = env_b["product.product"]
        cls.deposit_b = Product.create(
            {
                "name": "Consigne du Diois",
                "is_deposit": True,
                "list_price": 0.5,
                "available_in_pos": True,
            }
        )
        cls.jar_b = Product.create(
            {
                "name": "Bocal du Diois",
                "is_jar": True,
                "jar_volume_ml": 370,
                "is_storable": True,
                "deposit_product_id": cls.deposit_b.id,
            }
        )
        cls.jam_b = Product.create(
            {
                "name": "Confiture du Diois",
                "is_storable": True,
                "list_price": 4.0,
                "available_in_pos": True,
                "taxes_id": [Command.clear()],
                "jar_product_id": cls.jar_b.id,
            }
        )
        cls.bom_b = env_b["mrp.bom"].create(
            {
                "product_tmpl_id": cls.jam_b.product_tmpl_id.id,
                "product_qty": 1,
                "bom_line_ids": [
                    Command.create({"product_id": cls.produce_b.id, "product_qty": 0.4}),
                    Command.create({"product_id": cls.jar_b.id, "product_qty": 1}),
                ],
            }
        )
        cls.activity_b = (
            env_b["conserverie.activity"].with_user(staff).create({"name": "Atelier du Diois"})
        )
        cls.intake_b = (
            env_b["conserverie.intake"]
            .with_user(staff)
            .create(
                {
                    "partner_id": cls.grower_b.id,
                    "line_ids": [
                        Command.create({"product_id": cls.produce_b.id, "quantity": 15.0})
                    ],
                }
            )
        )
        cls.intake_b.action_validate()
        cls.lot_b = cls.intake_b.line_ids.lot_id
        cls.TimeAccount_b = env_b["conserverie.time.account"]
        cls.env["conserverie.time.move"]._post_transfer(
            cls.TimeAccount_b._get_facility(company),
            cls.TimeAccount_b._get_for_partner(cls.member_b, company),
            5.0,
            "adjustment",
        )
        cls.cash_b = cls.stall_b.payment_method_ids.filtered("is_cash_count")
        cls.hours_b = cls.stall_b.payment_method_ids.filtered("is_time_currency")
        cls.stall_b.with_user(cls.users_b["volunteer"]).open_ui()
        cls.session_b = cls.stall_b.current_session_id
        cls.report_b = (
            env_b["conserverie.impact.report"]
            .with_user(cls.users_b["coordinator"])
            .create({"date_from": cls.today, "date_to": cls.today})
        )

    def test_what_b_staff_creates_belongs_to_b(self):
        """B's staff record a member, a grower and produce as the web client does: the
        form's values under its menu's context, no company among them. They belong to
        B, and A's people neither find nor read them."""
        staff = self.users_b["staff"]
        env_b = self.env(user=staff, context={"allowed_company_ids": self.company_b.ids})
        member = (
            env_b["res.partner"]
            .with_context(default_is_member=True)
            .create({"name": "Adhérent du marché", "phone": "06 00 00 00 09"})
        )
        grower = (
            env_b["res.partner"]
            .with_context(default_is_grower=True, default_is_company=True)
            .create({"name": "Verger de Die"})
        )
        kg = self.env.ref("uom.product_uom_kgm")
        produce = (
            env_b["product.template"]
            .with_context(
                default_is_recovered_produce=True,
                default_is_storable=True,
                default_tracking="lot",
                default_categ_id=self.env.ref("conserverie_base.product_category_produce").id,
                default_uom_id=kg.id,
                default_uom_po_id=kg.id,
            )
            .create({"name": "Poires de Die"})
        )
        self.assertTrue(member.is_member and grower.is_grower and produce.is_recovered_produce)
        created = {"member": member, "grower": grower, "produce": produce}
        for label, record in created.items():
            self.assertEqual(record.company_id, self.company_b, label)
        for role, user in self.users_a.items():
            for label, record in created.items():
                with self.subTest(role=role, record=label):
                    Model = self.env[record._name].with_user(user)
                    self.assertFalse(Model.search([("id", "=", record.id)]))
                    self.assertNotIn(record.id, [i for i, _n in Model.name_search(record.name)])
                    with self.assertRaises(AccessError):
                        record.with_user(user).read(["name"])

    def test_a_company_chosen_on_the_form_is_kept(self):
        """A coordinator of both facilities shares a grower on purpose (no company) and
        records a member for A while working in B: the company given is kept."""
        coordinator = self.users_b["coordinator"]
        coordinator.company_ids |= self.company
        env_b = self.env(
            user=coordinator, context={"allowed_company_ids": (self.company_b | self.company).ids}
        )
        Partner = env_b["res.partner"]
        shared = Partner.create({"name": "Ferme partagée", "is_grower": True, "company_id": False})
        member_a = Partner.create(
            {"name": "Adhérent de A", "is_member": True, "company_id": self.company.id}
        )
        self.assertFalse(shared.company_id)
        self.assertEqual(member_a.company_id, self.company)
        self.assertEqual(
            Partner.with_context(default_is_grower=True).default_get(["company_id"]),
            {"company_id": self.company_b.id},
            "a new grower's form proposes the facility the user works in",
        )
        self.assertIn(
            shared,
            self.env["res.partner"].with_user(self.staff_user).search([("id", "=", shared.id)]),
        )

    def _sell_in_b(self):
        """B's volunteer sells two jars of jam to B's member: jars in hours, deposits in
        cash."""
        lines = [self._line(self.jam_b, 2)]
        lines.append(self._line(self.deposit_b, 2, deposit_parent_uuid=lines[0]["uuid"]))
        volunteer = self.users_b["volunteer"]
        payload = self._order(
            self.session_b.with_user(volunteer),
            lines,
            [(self.hours_b, 8.0), (self.cash_b, 1.0)],
            self.member_b,
        )
        result = (
            self.env["pos.order"]
            .with_user(volunteer)
            .with_company(self.company_b)
            .sync_from_ui([payload])
        )
        return self.env["pos.order"].browse([order["id"] for order in result["pos.order"]])

    def _records_of_b(self):
        """{label: (records, values to create another one, a field to write)}."""
        self.order_b = self._sell_in_b()
        company = self.company_b.id
        time_moves = self.env["conserverie.time.move"].search([("company_id", "=", company)])
        deposit_moves = self.env["conserverie.deposit.move"].search([("company_id", "=", company)])
        self.assertTrue(time_moves.filtered("pos_order_id"), "B's order debited hours")
        self.assertTrue(deposit_moves, "B's order recorded its deposits")
        return {
            "members": (
                self.member_b,
                {"name": "Autre", "is_member": True, "company_id": company},
                "name",
            ),
            "growers": (
                self.grower_b,
                {"name": "Autre", "is_grower": True, "company_id": company},
                "name",
            ),
            "products": (self.jam_b, {"name": "Autre", "company_id": company}, "name"),
            "product templates": (
                self.jam_b.product_tmpl_id,
                {"name": "Autre", "company_id": company},
                "name",
            ),
            "recipes": (
                self.bom_b,
                {"product_tmpl_id": self.jam_b.product_tmpl_id.id, "company_id": company},
                "product_qty",
            ),
            "lots": (
                self.lot_b,
                {"name": "AUTRE", "product_id": self.produce_b.id, "company_id": company},
                "name",
            ),
            "intakes": (
                self.intake_b,
                {"partner_id": self.grower_b.id, "company_id": company},
                "note",
            ),
            "activities": (self.activity_b, {"name": "Autre", "company_id": company}, "name"),
            "POS orders": (
                self.order_b,
                {
                    "session_id": self.session_b.id,
                    "company_id": company,
                    "amount_tax": 0.0,
                    "amount_total": 0.0,
                    "amount_paid": 0.0,
                    "amount_return": 0.0,
                },
                "general_note",
            ),
            "hours ledger moves": (
                time_moves,
                {
                    "account_id": time_moves[0].account_id.id,
                    "amount": 1.0,
                    "move_type": "adjustment",
                    "reference": "AUTRE",
                    "transfer_ref": "AUTRE",
                    "user_id": self.env.uid,
                },
                "reason",
            ),
            "deposit moves": (
                deposit_moves,
                {
                    "company_id": company,
                    "move_type": "sale",
                    "deposit_product_id": self.deposit_b.id,
                    "quantity": 1,
                    "amount": 0.5,
                },
                "reference",
            ),
            "impact reports": (self.report_b, {"company_id": company}, "date_to"),
        }

    def test_b_started_from_the_assistant(self):
        self.assertTrue(self.warehouse_b.is_mobile_unit)
        self.assertNotEqual(self.warehouse_b, self.warehouse)
        self.assertEqual(len(self.stall_b), 1)
        self.assertEqual(self.stall_b.picking_type_id, self.warehouse_b.pos_type_id)
        self.assertTrue(self.cash_b and self.hours_b, self.stall_b.payment_method_ids)
        self.assertEqual(self.hours_b.company_id, self.company_b)
        self.assertNotEqual(self.hours_b, self.time_method)
        self.assertEqual(self.session_b.user_id, self.users_b["volunteer"])

    def test_each_role_of_a_sees_and_changes_nothing_of_b(self):
        records_of_b = self._records_of_b()
        for label, (records, _values, _field_name) in records_of_b.items():
            self.assertTrue(records, f"B has {label}")
            self.assertEqual(set(records.mapped("company_id").ids), set(self.company_b.ids), label)
        for role, user in self.users_a.items():
            for label, (records, create_values, field_name) in records_of_b.items():
                Model = self.env[records._name].with_user(user)
                mine = records.with_user(user)
                with self.subTest(role=role, records=label, operation="search"):
                    try:
                        found = Model.search([("id", "in", records.ids)])
                    except AccessError:
                        found = Model
                    self.assertFalse(found)
                with self.subTest(role=role, records=label, operation="read"):
                    with self.assertRaises(AccessError):
                        mine.read([field_name])
                with self.subTest(role=role, records=label, operation="write"):
                    values = {field_name: records[:1][field_name]}
                    with self.assertRaises(REFUSED):
                        mine.write(values)
                with self.subTest(role=role, records=label, operation="create"):
                    count = Model.sudo().search_count([])
                    with self.assertRaises(REFUSED):
                        Model.create(create_values)
                    self.assertEqual(Model.sudo().search_count([]), count)
                with self.subTest(role=role, records=label, operation="unlink"):
                    with self.assertRaises(REFUSED):
                        mine.unlink()
                    self.assertEqual(len(records.exists()), len(records))

    def _written_by_a_till(self):
        """What a sync can write: orders, hours, stock and deposit moves."""
        return {
            model: self.env[model].sudo().search_count([])
            for model in (
                "pos.order",
                "pos.payment",
                "conserverie.time.move",
                "conserverie.deposit.move",
                "stock.move",
            )
        }

    def _sync_in_a(self, payload):
        volunteer = self.volunteer_user
        with self.assertRaises(UserError) as caught:
            self.env["pos.order"].with_user(volunteer).sync_from_ui([payload])
        return str(caught.exception)

    def test_a_till_refuses_b_products_and_members(self):
        # the till's session as its cashier's web client reads it
        session = self._open_stall(self.volunteer_user).with_user(self.volunteer_user)
        member_a = self._member("Adhérent de A", hours=5.0)
        before = self._written_by_a_till()
        balance_b = self.TimeAccount_b._get_for_partner(self.member_b, self.company_b).balance

        payload = self._order(
            session, [self._line(self.jam_b, 1, price=4.0)], [(self.cash_method, 4.0)]
        )
        error = self._sync_in_a(payload)
        self.assertIn("records of another company", error)
        self.assertIn(str(self.jam_b.id), error)
        self.assertNotIn(self.jam_b.name, error, "the till never learns B's names")
        self.assertEqual(self._written_by_a_till(), before)

        payload = self._order(
            session,
            self._jars(self.compote, 1),
            [(self.time_method, 4.0), (self.cash_method, 0.5)],
            partner=self.member_b,
        )
        error = self._sync_in_a(payload)
        self.assertIn("records of another company", error)
        self.assertIn(str(self.member_b.id), error)
        self.assertNotIn(self.member_b.name, error)
        self.assertEqual(self._written_by_a_till(), before)
        self.assertEqual(
            self.TimeAccount_b._get_for_partner(self.member_b, self.company_b).balance, balance_b
        )
        self.assertFalse(self.env["pos.order"].search([("uuid", "=", payload["uuid"])]))

        # the same sale to A's own member goes through: the refusals were about B
        payload["partner_id"] = member_a.id
        orders = self._sync([payload], user=self.volunteer_user)
        self.assertEqual(orders.state, "paid")
        self.assertAlmostEqual(self._balance(member_a), 4.6, places=4)

    def test_impact_of_a_never_includes_b(self):
        report_a = (
            self.env["conserverie.impact.report"]
            .with_user(self.coordinator_user)
            .create({"date_from": self.today, "date_to": self.today})
        )
        figures_a = report_a.compute_indicators()
        figures_b = self.report_b.compute_indicators()
        self._sell_in_b()
        self.assertEqual(report_a.compute_indicators(), figures_a)
        after_b = self.report_b.compute_indicators()
        self.assertEqual(after_b["jars_sold"] - figures_b["jars_sold"], 2, "B's report sees it")
        self.assertAlmostEqual(after_b["hours_redeemed"] - figures_b["hours_redeemed"], 0.8)
        # B's intake of the day counts in B's report only
        self.assertGreaterEqual(figures_b["kg_recovered"], 15.0)
