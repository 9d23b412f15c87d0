"""The number of a member card: an EAN-13 the till reads as a customer's barcode."""

import re


def ean13_check_digit(digits):
    """The check digit of the first twelve digits of an EAN-13.

    >>> ean13_check_digit("042000000001")
    '3'
    """
    if not re.fullmatch(r"\d{12}", digits or ""):
        raise ValueError(f"An EAN-13 starts with twelve digits, not {digits!r}.")
    weighted = sum(int(digit) * (3 if index % 2 else 1) for index, digit in enumerate(digits))
    return str(-weighted % 10)


def member_card_number(digits):
    """The EAN-13 of a card: its twelve digits (prefix and serial) and their check digit."""
    return digits + ean13_check_digit(digits)


def is_member_card_number(code, prefix="042"):
    """Whether ``code`` is an EAN-13 with a valid check digit that starts with ``prefix``."""
    if not re.fullmatch(r"\d{13}", code or "") or not code.startswith(prefix):
        return False
    return ean13_check_digit(code[:12]) == code[12]
