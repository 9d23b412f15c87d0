from odoo.tests import tagged

from odoo.addons.conserverie_base.tests.import_common import ImportTemplateMixin

from .common import TimebankCase


@tagged("post_install", "-at_install")
class TestMemberImport(ImportTemplateMixin, TimebankCase):
    """Members imported bring their balance through an opening balance: no welcome credit."""

    def _welcome_moves(self, partners):
        return self.Move.search([("partner_id", "in", partners.ids), ("move_type", "=", "welcome")])

    def test_imported_members_get_no_welcome_credit(self):
        result = self._import_csv(
            "res.partner",
            [["name", "is_member"], ["Lucie Martin", "1"], ["Karim Benali", "1"]],
            self.staff_user,
            ["name", "is_member"],
        )
        self.assertImportDone(result, 2)
        members = self.env["res.partner"].browse(result["ids"])
        self.assertEqual(members.mapped("is_member"), [True, True])
        self.assertFalse(self._welcome_moves(members))

    def test_member_created_by_staff_gets_the_welcome_credit(self):
        member = (
            self.env["res.partner"]
            .with_user(self.staff_user)
            .create({"name": "Nouvelle adhérente", "is_member": True})
        )
        self.assertEqual(self._welcome_moves(member).mapped("amount"), [2.0])
