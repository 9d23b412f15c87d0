"""Pure helpers of the "Start a facility" assistant."""

# (quotient from, quotient up to (0: no limit), discount in %) of the brackets a new
# facility starts with; the coordinator adjusts them afterwards.
DEFAULT_BRACKETS = (
    (0, 600, 50.0),
    (601, 900, 25.0),
    (901, 0, 10.0),
)


def normalize_siret(value):
    """The SIRET without its spaces, dots and dashes."""
    return "".join(char for char in (value or "") if char not in " .-\u00a0")


def is_valid_siret(value):
    """A SIRET is 14 digits whose Luhn checksum holds (La Poste's establishments,
    SIREN 356000000, use the sum of the digits modulo 5 instead)."""
    siret = normalize_siret(value)
    if len(siret) != 14 or not siret.isdigit():
        return False
    if siret.startswith("356000000"):
        return sum(int(digit) for digit in siret) % 5 == 0
    total = 0
    for index, digit in enumerate(reversed(siret)):
        number = int(digit)
        if index % 2:
            number *= 2
            if number > 9:
                number -= 9
        total += number
    return total % 10 == 0


def insert_steps(steps, after, new_steps):
    """``steps`` (a list of (code, label)) with ``new_steps`` inserted after ``after``,
    or at the end when ``after`` is not among them."""
    codes = [code for code, _label in steps]
    position = codes.index(after) + 1 if after in codes else len(steps)
    return [*steps[:position], *new_steps, *steps[position:]]
