"""Readable codes for lots and references."""

import re
import unicodedata


def readable_code(text, size=16):
    """An upper-case ASCII code a person can read on a label, cut between words.

    >>> readable_code("Maraîchers de Génissieux")
    'MARAICHERS-DE'
    """
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    code = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").upper()
    if len(code) > size:
        cut = code[: size + 1]
        code = cut[: cut.rfind("-")] if "-" in cut else code[:size]
    return code or "X"


def intake_lot_base(grower_name, date):
    """The grower and the date, as they start an intake lot's name."""
    return f"{readable_code(grower_name)}-{date.strftime('%Y%m%d')}"
