from odoo.exceptions import AccessError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import ConserverieCase


@tagged("post_install", "-at_install")
class TestRoles(ConserverieCase):
    """What each role may create without rights granted by hand."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff_user = cls._create_user("roles_staff", "conserverie_base.group_staff")
        cls.volunteer_user = cls._create_user("roles_volunteer", "conserverie_base.group_volunteer")
        cls.coordinator_user = cls._create_user(
            "roles_coordinator", "conserverie_base.group_coordinator"
        )
        cls.produce_action = cls.env["ir.actions.act_window"]._for_xml_id(
            "conserverie_base.product_template_action_produce"
        )

    def _new_produce(self, user, name):
        context = safe_eval(self.produce_action["context"])
        Template = self.env["product.template"].with_user(user).with_context(**context)
        with Form(Template) as form:
            form.name = name
            form.standard_price = 1.5
        return form.save()

    def test_staff_create_produce_an_intake_can_weigh(self):
        produce = self._new_produce(self.staff_user, "Coings (test)")
        self.assertTrue(produce.is_recovered_produce)
        self.assertTrue(produce.is_storable)
        self.assertEqual(produce.tracking, "lot")
        self.assertEqual(produce.uom_id, self.env.ref("uom.product_uom_kgm"))
        self.assertEqual(
            produce.categ_id, self.env.ref("conserverie_base.product_category_produce")
        )
        intake = self._create_intake([(produce.product_variant_id, 4.0)])
        intake.with_user(self.staff_user).action_validate()
        self.assertEqual(intake.state, "done")
        produce.with_user(self.staff_user).standard_price = 1.8
        self.assertEqual(produce.standard_price, 1.8)

    def test_staff_change_no_other_product(self):
        Template = self.env["product.template"].with_user(self.staff_user)
        with self.assertRaises(AccessError):
            Template.create({"name": "Bocal 1 l (test)", "is_jar": True, "jar_volume_ml": 1000})
        with self.assertRaises(AccessError):
            self.jar_370.product_tmpl_id.with_user(self.staff_user).list_price = 0.01
        self.assertNotEqual(self.jar_370.list_price, 0.01)
        with self.assertRaises(AccessError):
            self.apples.product_tmpl_id.with_user(self.staff_user).unlink()

    def test_coordinator_still_changes_any_product(self):
        self.jar_370.product_tmpl_id.with_user(self.coordinator_user).list_price = 0.02
        self.assertEqual(self.jar_370.list_price, 0.02)
        self._new_produce(self.coordinator_user, "Nèfles (test)")

    def test_volunteer_creates_no_produce(self):
        with self.assertRaises(AccessError):
            self._new_produce(self.volunteer_user, "Coings (test)")

    def test_staff_record_the_growers_and_members_they_meet(self):
        Partner = self.env["res.partner"].with_user(self.staff_user)
        grower = Partner.create({"name": "Ferme de la Raye", "is_grower": True})
        member = Partner.create({"name": "Nadia Test", "is_member": True})
        member.phone = "04 75 00 00 00"
        self.assertTrue(grower.is_grower)
        self.assertEqual(member.phone, "04 75 00 00 00")
        with self.assertRaises(AccessError):
            member.unlink()

    def test_volunteer_creates_no_grower(self):
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(self.volunteer_user).create(
                {"name": "Ferme Test", "is_grower": True}
            )
