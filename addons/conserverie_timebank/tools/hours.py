"""Pure helpers for hours: no ORM here."""

HOUR_DIGITS = 4


def hours_to_minutes(hours):
    """Whole minutes in ``hours`` (rounded half away from zero)."""
    minutes = abs(hours) * 60
    whole = int(minutes + 0.5 + 1e-9)
    return -whole if hours < 0 else whole


def format_hours(hours):
    """``2.5`` -> ``"2 h 30"``, ``-0.25`` -> ``"-0 h 15"``, ``3`` -> ``"3 h 00"``."""
    minutes = hours_to_minutes(hours or 0.0)
    sign = "-" if minutes < 0 else ""
    minutes = abs(minutes)
    return f"{sign}{minutes // 60} h {minutes % 60:02d}"


def euros_to_hours(amount, hour_value):
    """Hours worth ``amount`` euros at ``hour_value`` euros an hour, 4 decimals."""
    if not hour_value or hour_value <= 0:
        raise ValueError("The value of an hour must be above zero.")
    return round(amount / hour_value, HOUR_DIGITS)
