from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.conserverie_base.tests.import_common import ImportTemplateMixin

from .common import DepositCase

TEMPLATE = "/conserverie_deposit/static/xls/conserverie_deposit_opening.xlsx"
FIELDS = ["partner_id/id", "jar_product_id", "quantity", "date"]
MODEL = "conserverie.deposit.opening"


@tagged("post_install", "-at_install")
class TestDepositOpening(ImportTemplateMixin, DepositCase):
    """Jars out on deposit before the suite, imported once per customer and jar format."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_french(["base", "conserverie_base", "conserverie_deposit"])
        cls.Opening = cls.env[MODEL]
        cls.Ledger = cls.env["conserverie.deposit.move"]
        # the jar formats the template names (the demo data may have them already)
        Product = cls.env["product.product"]
        cls.jars = Product.browse()
        for name in ("Bocal 370 ml", "Bocal 720 ml"):
            jar = Product.search([("name", "=", name), ("is_jar", "=", True)], limit=1)
            jar = jar or Product.create({"name": name, "is_jar": True, "is_storable": True})
            if not jar.deposit_product_id:
                jar.deposit_product_id = cls._create_deposit(f"Consigne {name} (test)", 0.5)
            cls.jars |= jar
        cls.price_370, cls.price_720 = (jar.deposit_product_id.lst_price for jar in cls.jars)
        cls.lucie, cls.karim = cls.env["res.partner"]._load_records(
            [
                {"xml_id": f"__import__.{xml_id}", "values": {"name": name}}
                for xml_id, name in (
                    ("membre_martin_lucie", "Lucie Martin"),
                    ("membre_benali_karim", "Karim Benali"),
                )
            ]
        )

    def _ledger(self):
        return self.Ledger.search([("partner_id", "in", (self.lucie | self.karim).ids)])

    def test_import_template_posts_once(self):
        content = self._get_template(MODEL, TEMPLATE)
        result = self._import(MODEL, content, self.coordinator_user, FIELDS)
        self.assertImportDone(result, 3)
        ledger = self._ledger()
        self.assertEqual(len(ledger), 3, "one ledger move per customer and jar format")
        lucie_370 = ledger.filtered(
            lambda move: move.partner_id == self.lucie and move.jar_product_id == self.jars[0]
        )
        self.assertRecordValues(
            lucie_370,
            [
                {
                    "move_type": "opening",
                    "quantity": 6.0,
                    "amount": 6 * self.price_370,
                    "deposit_product_id": self.jars[0].deposit_product_id.id,
                    "date": date(2026, 1, 1),
                }
            ],
        )
        self.assertEqual(self.lucie.with_company(self.company).deposit_jar_count, 8.0)
        self.assertAlmostEqual(
            self.lucie.with_company(self.company).deposit_balance,
            6 * self.price_370 + 2 * self.price_720,
        )

        # the same file again, by an accountant: nothing more in the ledger
        result = self._import(MODEL, content, self.accountant_user, FIELDS)
        self.assertImportDone(result, 3)
        self.assertEqual(self._ledger(), ledger)

    def test_opening_jars_age_but_are_not_jars_out_of_the_period(self):
        """Jars out before the suite are written off like any unreturned deposit, but
        are not jars that went out on the opening date."""
        opening_day = date(2026, 1, 1)
        before = self.Ledger.get_jar_figures(opening_day, opening_day, self.company)
        content = self._get_template(MODEL, TEMPLATE)
        self.assertImportDone(self._import(MODEL, content, self.coordinator_user, FIELDS), 3)
        after = self.Ledger.get_jar_figures(opening_day, opening_day, self.company)
        self.assertEqual(after, before)
        unreturned = self.Ledger._get_unreturned(self.company, opening_day)
        self.assertEqual(
            unreturned[(self.lucie, self.jars[0].deposit_product_id)],
            (6.0, self.company.currency_id.round(6 * self.price_370)),
        )

    def test_bad_rows_import_nothing(self):
        self.Opening.with_user(self.accountant_user).create(
            {"partner_id": self.karim.id, "jar_product_id": self.jars[0].id, "quantity": 4}
        )
        ledger = self._ledger()
        good_row = ["__import__.membre_martin_lucie", "Bocal 370 ml", "6", "2026-01-01"]
        for bad_row, message in (
            (
                ["__import__.membre_benali_karim", "Bocal 370 ml", "5", "2026-01-01"],
                "already has an opening balance (4 jars",
            ),
            (
                ["__import__.membre_martin_lucie", "Bocal 370 ml", "7", "2026-01-01"],
                "appears twice",
            ),
            (
                ["__import__.membre_benali_karim", self.jar_no_deposit.name, "3", "2026-01-01"],
                "deposit",
            ),
            (["__import__.membre_benali_karim", "Bocal 720 ml", "0", "2026-01-01"], "above zero"),
            (
                ["__import__.membre_benali_karim", "Pot de 5 litres", "2", "2026-01-01"],
                "Pot de 5 litres",
            ),
        ):
            with self.subTest(bad_row=bad_row):
                result = self._import_csv(
                    MODEL, [FIELDS, good_row, bad_row], self.coordinator_user, FIELDS
                )
                self.assertImportFailed(result, message)
                self.assertFalse(self.Opening.search([("partner_id", "=", self.lucie.id)]))
                self.assertEqual(self._ledger(), ledger, "nothing posted")

    def test_opening_cannot_change_nor_go(self):
        opening = self.Opening.with_user(self.coordinator_user).create(
            {"partner_id": self.lucie.id, "jar_product_id": self.jars[1].id, "quantity": 2}
        )
        self.assertAlmostEqual(opening.amount, 2 * self.price_720)
        self.assertEqual(opening.deposit_move_id.quantity, 2.0)
        for user in (self.coordinator_user, self.accountant_user):
            with self.subTest(user=user.login):
                # refused by the access rights or by the model (AccessError is a UserError)
                with self.assertRaises(UserError):
                    opening.with_user(user).write({"quantity": 20})
                with self.assertRaises(UserError):
                    opening.with_user(user).unlink()
        with self.assertRaisesRegex(UserError, "cannot be changed once posted"):
            opening.sudo().write({"quantity": 20})
        with self.assertRaisesRegex(UserError, "cannot be deleted once posted"):
            opening.sudo().unlink()

    def test_volunteer_and_staff_cannot_import(self):
        content = self._get_template(MODEL, TEMPLATE)
        for user in (self.volunteer_user, self.staff_user):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.Opening.with_user(user).create(
                        {
                            "partner_id": self.lucie.id,
                            "jar_product_id": self.jars[0].id,
                            "quantity": 1,
                        }
                    )
                result = self._import(MODEL, content, user, FIELDS)
                self.assertFalse(result.get("ids"))
                self.assertFalse(self.Opening.search([]))
                self.assertFalse(self._ledger())
