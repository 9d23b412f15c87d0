"""The facility's economic model, without the ORM: what the dashboard shows."""

from datetime import date

REVENUE_STREAMS = ("stall_sales", "purchasing_groups", "toll_fees", "bookings", "grants")
OWN_STREAMS = ("stall_sales", "purchasing_groups", "toll_fees", "bookings")
COST_STREAMS = ("running_costs", "lorry", "jars", "produce")
FIXED_COSTS = ("running_costs", "lorry")
VARIABLE_COSTS = ("jars", "produce")
DAYS_IN_YEAR = 365


def period_days(date_from, date_to):
    """Days of a period, both ends included."""
    if date_to < date_from:
        raise ValueError("a period ends after it starts")
    return (date_to - date_from).days + 1


def straight_line_depreciation(value, life_years, date_from, date_to, in_service=None):
    """The lorry's depreciation over a period: its value spread evenly over its life.

    Nothing before it is in service nor after its life; no Enterprise asset
    module is needed for so plain a rule.
    """
    if value < 0 or life_years <= 0:
        raise ValueError("a value is positive and a life is at least a year")
    start = max(date_from, in_service) if in_service else date_from
    end = date_to
    if in_service:
        end_of_life = date(in_service.year + life_years, in_service.month, in_service.day)
        end = min(date_to, end_of_life)
    if end < start:
        return 0.0
    return value / (life_years * DAYS_IN_YEAR) * period_days(start, end)


def economic_figures(revenue, costs, depreciation, jars_produced, days):
    """Every figure of the dashboard from the period's sums.

    ``revenue`` maps each of REVENUE_STREAMS to its amount, ``costs`` each of
    COST_STREAMS; ``days`` is the length of the period, to bring the
    break-even to a year.
    """
    own_revenue = sum(revenue.get(stream, 0.0) for stream in OWN_STREAMS)
    total_revenue = own_revenue + revenue.get("grants", 0.0)
    total_costs = sum(costs.get(stream, 0.0) for stream in COST_STREAMS) + depreciation
    fixed = sum(costs.get(stream, 0.0) for stream in FIXED_COSTS) + depreciation
    variable = sum(costs.get(stream, 0.0) for stream in VARIABLE_COSTS)
    running = costs.get("running_costs", 0.0)
    sales = revenue.get("stall_sales", 0.0) + revenue.get("purchasing_groups", 0.0)
    cost_per_jar = total_costs / jars_produced if jars_produced > 0 else 0.0
    break_even = None
    if jars_produced > 0 and days > 0:
        margin_per_jar = (sales - variable) / jars_produced
        if margin_per_jar > 0:
            break_even = fixed * DAYS_IN_YEAR / days / margin_per_jar
    return {
        "own_revenue": own_revenue,
        "total_revenue": total_revenue,
        "total_costs": total_costs,
        "result": total_revenue - total_costs,
        "cost_per_jar": cost_per_jar,
        "break_even_jars": break_even,
        "independence_ratio": own_revenue / running if running > 0 else 0.0,
    }


def trend(current, previous):
    """Change from the previous period, as a share of it (0.0 when there was none)."""
    if not previous:
        return 0.0
    return (current - previous) / abs(previous)
