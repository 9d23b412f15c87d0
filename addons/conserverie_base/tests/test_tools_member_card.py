from odoo.tests import BaseCase
from odoo.tools.barcode import get_barcode_check_digit

from ..tools.member_card import ean13_check_digit, is_member_card_number, member_card_number


class TestMemberCardNumber(BaseCase):
    def test_check_digit_of_known_ean13(self):
        self.assertEqual(ean13_check_digit("400638133393"), "1")
        self.assertEqual(ean13_check_digit("376012345678"), "4")
        self.assertEqual(ean13_check_digit("042000000001"), "3")
        self.assertEqual(ean13_check_digit("000000000000"), "0")

    def test_card_number_agrees_with_odoo_check_digit(self):
        for serial in (1, 9, 42, 123456789):
            number = member_card_number(f"042{serial:09d}")
            self.assertEqual(len(number), 13)
            self.assertTrue(number.startswith("042"))
            self.assertEqual(get_barcode_check_digit(number), int(number[-1]), number)
            self.assertTrue(is_member_card_number(number))

    def test_check_digit_needs_twelve_digits(self):
        for digits in ("", None, "04200000001", "0420000000011", "04200000000A"):
            with self.subTest(digits=digits), self.assertRaises(ValueError):
                ean13_check_digit(digits)

    def test_recognise_a_card_number(self):
        self.assertTrue(is_member_card_number("0420000000013"))
        self.assertFalse(is_member_card_number("0420000000012"), "wrong check digit")
        self.assertFalse(is_member_card_number("4006381333931"), "not the client prefix")
        self.assertTrue(is_member_card_number("4006381333931", prefix="400"))
        self.assertFalse(is_member_card_number("042000000001"), "twelve digits")
        self.assertFalse(is_member_card_number(False))
