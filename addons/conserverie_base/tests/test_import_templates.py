from datetime import date

from odoo.tests import tagged

from .common import ConserverieCase
from .import_common import (
    GROWER_FIELDS,
    GROWERS_TEMPLATE,
    MEMBER_FIELDS,
    MEMBERS_TEMPLATE,
    ImportTemplateMixin,
)


@tagged("post_install", "-at_install")
class TestImportTemplates(ImportTemplateMixin, ConserverieCase):
    """A group brings its growers and members in with the list view's Import."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_french(["base", "conserverie_base"])
        # the brackets the members' template names, as the assistant names them in French
        Bracket = cls.env["conserverie.solidarity.bracket"]
        cls.brackets = Bracket.browse()
        for name in (
            "Quotient familial de 0,00\N{NO-BREAK SPACE}€ à 600,00\N{NO-BREAK SPACE}€",
            "Quotient familial de 601,00\N{NO-BREAK SPACE}€ à 900,00\N{NO-BREAK SPACE}€",
        ):
            cls.brackets |= Bracket.search([("name", "=", name)], limit=1) or Bracket.create(
                {
                    "name": name,
                    "pricelist_id": cls.env["product.pricelist"].create({"name": name}).id,
                }
            )
        cls.Partner = cls.env["res.partner"].with_context(active_test=False)

    def test_growers_template(self):
        content = self._get_template("res.partner", GROWERS_TEMPLATE)
        result = self._import("res.partner", content, self.coordinator_user, GROWER_FIELDS)
        self.assertImportDone(result, 2)
        tilleuls = self.env.ref("__import__.producteur_ferme_des_tilleuls")
        self.assertRecordValues(
            tilleuls,
            [
                {
                    "name": "Ferme des Tilleuls",
                    "is_grower": True,
                    "organic_certificate_number": "FR-BIO-01-26-001234",
                    "organic_valid_until": date(2027, 3, 31),
                    "zip": "26100",
                }
            ],
        )
        moulin = self.env.ref("__import__.producteur_jardin_du_moulin")
        self.assertTrue(moulin.is_grower)
        self.assertFalse(moulin.organic_valid_until, "a grower without certificate")

        # the same file again updates the same growers
        result = self._import("res.partner", content, self.coordinator_user, GROWER_FIELDS)
        self.assertImportDone(result, 2)
        self.assertEqual(self.Partner.search_count([("name", "=", "Ferme des Tilleuls")]), 1)

    def test_members_template(self):
        content = self._get_template("res.partner", MEMBERS_TEMPLATE)
        result = self._import("res.partner", content, self.coordinator_user, MEMBER_FIELDS)
        self.assertImportDone(result, 2)
        lucie = self.env.ref("__import__.membre_martin_lucie")
        self.assertRecordValues(
            lucie,
            [
                {
                    "name": "Lucie Martin",
                    "is_member": True,
                    "member_since": date(2024, 9, 15),
                    "solidarity_bracket_id": self.brackets[0].id,
                    "property_product_pricelist": self.brackets[0].pricelist_id.id,
                }
            ],
        )
        result = self._import("res.partner", content, self.coordinator_user, MEMBER_FIELDS)
        self.assertImportDone(result, 2)
        self.assertEqual(self.Partner.search_count([("name", "=", "Lucie Martin")]), 1)

    def test_members_bad_row_imports_nothing(self):
        rows = [
            MEMBER_FIELDS,
            ["m_ok", "Nadia Ok", "1", "2025-01-10", self.brackets[0].name, "", "", ""],
            ["m_bad", "Paul Bad", "1", "2025-01-10", "No such bracket", "", "", ""],
        ]
        result = self._import_csv("res.partner", rows, self.coordinator_user, MEMBER_FIELDS)
        self.assertImportFailed(result, "No such bracket")
        self.assertFalse(self.Partner.search([("name", "in", ("Nadia Ok", "Paul Bad"))]))

    def test_volunteer_cannot_import(self):
        content = self._get_template("res.partner", GROWERS_TEMPLATE)
        result = self._import("res.partner", content, self.volunteer_user, GROWER_FIELDS)
        self.assertFalse(result.get("ids"))
        self.assertTrue([error for error in result["messages"] if error["type"] == "error"])
        self.assertFalse(self.Partner.search([("name", "=", "Ferme des Tilleuls")]))
