"""The hours a cashier is put down for when a stall session serving an activity closes.

Pure Python: the activity's span, in quarters of an hour, within a day. Staff
correct it when they validate the cashier's attendance.
"""

QUARTER = 0.25
MAX_HOURS = 24.0


def cashier_hours(start, end):
    """Hours between two datetimes, rounded to the nearest quarter, from 0 to 24."""
    if not start or not end or end <= start:
        return 0.0
    hours = (end - start).total_seconds() / 3600.0
    quarters = int(hours / QUARTER + 0.5)
    return min(quarters * QUARTER, MAX_HOURS)
