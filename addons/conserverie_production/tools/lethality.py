"""Lethality (sterilising or pasteurising value) of a heat treatment cycle.

Pure functions, no ORM. ``readings`` is always a sequence of
``(minutes, temp_c)`` pairs in time order, as returned by
:func:`.probe_csv.parse_probe_csv`.

F = Σ 10^((T - T_ref) / z) · Δt, integrated with the trapezoid rule. With the
defaults (T_ref = 121.1 °C, z = 10 °C) this is F0: 121.1 °C held 3 minutes
gives 3.0, 111.1 °C held 10 minutes gives 1.0. Pasteurising values use the
same formula with T_ref = 70 °C (or 90 °C).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

Reading = tuple[float, float]

# Lethality is compared with its target with this tolerance (minutes), so
# that float rounding never fails a cycle that reaches the target exactly.
TOLERANCE = 1e-9

# Codes returned by evaluate(), with the parameters each one carries. The
# model turns them into translated messages.
REASON_CODES = {
    "no_readings": "Fewer than two readings: nothing can be computed.",
    "lethality_below_target": "Lethality {value:.2f} min is below {target:.2f} min.",
    "hold_too_short": (
        "Held {value:.1f} min at or above {min_temp:.1f} °C, {required:.1f} min required."
    ),
}


def lethal_rate(temp_c, ref_temp, z):
    """Return the lethal rate 10^((T - T_ref) / z) at ``temp_c``."""
    return 10.0 ** ((temp_c - ref_temp) / z)


def _check_order(readings):
    for (t0, _temp0), (t1, _temp1) in pairwise(readings):
        if t1 < t0:
            raise ValueError(f"Readings are not in time order ({t1} after {t0}).")


def lethality(readings: Sequence[Reading], ref_temp=121.1, z=10.0) -> float:
    """Return the lethality in minutes (trapezoid rule on consecutive readings).

    Each interval contributes the mean of the lethal rates at its two ends
    times its duration. Fewer than two readings give 0.0.
    """
    if z <= 0:
        raise ValueError("z must be positive.")
    _check_order(readings)
    total = 0.0
    previous_time = previous_rate = None
    for minutes, temp_c in readings:
        rate = lethal_rate(temp_c, ref_temp, z)
        if previous_time is not None:
            total += (previous_rate + rate) / 2.0 * (minutes - previous_time)
        previous_time, previous_rate = minutes, rate
    return total


def hold_minutes(readings: Sequence[Reading], min_temp) -> float:
    """Return the longest continuous time (minutes) at or above ``min_temp``.

    The temperature is taken as linear between two readings, so a run starts
    and ends where that line crosses ``min_temp``: readings 0 min 110 °C,
    1 min 120 °C, 2 min 110 °C held above 115 °C give 1.0 (0.5 to 1.5).
    A single reading, or a run that touches ``min_temp`` at one instant, gives
    0.0.
    """
    _check_order(readings)
    longest = 0.0
    run_start = None
    if readings and readings[0][1] >= min_temp:
        run_start = readings[0][0]
    for (t0, temp0), (t1, temp1) in pairwise(readings):
        if temp0 >= min_temp and temp1 >= min_temp:
            continue
        if temp0 < min_temp and temp1 < min_temp:
            continue
        crossing = t0 + (min_temp - temp0) / (temp1 - temp0) * (t1 - t0)
        if temp0 < min_temp:
            run_start = crossing
        else:
            longest = max(longest, crossing - run_start)
            run_start = None
    if run_start is not None:
        longest = max(longest, readings[-1][0] - run_start)
    return longest


def max_temperature(readings: Sequence[Reading]):
    """Return the highest temperature read, or None without readings."""
    return max((temp_c for _minutes, temp_c in readings), default=None)


def longest_gap(readings: Sequence[Reading]) -> float:
    """Return the longest time in minutes between two consecutive readings (0.0 for
    fewer than two)."""
    _check_order(readings)
    return max((t1 - t0 for (t0, _temp0), (t1, _temp1) in pairwise(readings)), default=0.0)


@dataclass(frozen=True)
class CycleResult:
    """What a probe log says about one cycle."""

    lethality: float
    hold_minutes: float
    max_temp: float | None


def evaluate(
    readings: Sequence[Reading],
    ref_temp=121.1,
    z=10.0,
    target=3.0,
    min_temp=None,
    hold_required=0.0,
):
    """Compute a cycle's figures and check them against its schedule.

    :param target: minimum lethality in minutes (F0 3.0 for a botulinum cook).
    :param min_temp: temperature the schedule holds; None skips the hold check.
    :param hold_required: minutes that ``min_temp`` must be held continuously.
    :return: ``(result, passed, reasons)`` where ``result`` is a
        :class:`CycleResult` and ``reasons`` a list of ``(code, params)``
        tuples, codes from :data:`REASON_CODES`; empty when ``passed``.
    """
    hold = hold_minutes(readings, min_temp) if min_temp is not None else 0.0
    result = CycleResult(
        lethality=lethality(readings, ref_temp, z),
        hold_minutes=hold,
        max_temp=max_temperature(readings),
    )
    reasons = []
    if len(readings) < 2:
        reasons.append(("no_readings", {}))
    if result.lethality < target - TOLERANCE:
        reasons.append(("lethality_below_target", {"value": result.lethality, "target": target}))
    if min_temp is not None and hold < hold_required - TOLERANCE:
        reasons.append(
            (
                "hold_too_short",
                {"value": hold, "required": hold_required, "min_temp": min_temp},
            )
        )
    return result, not reasons, reasons
