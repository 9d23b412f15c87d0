"""Reach as funders count it: households and jars, without the ORM."""


def households_by_bracket(households):
    """Count households per bracket.

    ``households`` is an iterable of (household key, bracket label or None);
    a household appears once whatever the number of its members reached.
    """
    seen = {}
    for household, bracket in households:
        seen.setdefault(household, bracket)
    counts = {}
    for bracket in seen.values():
        counts[bracket] = counts.get(bracket, 0) + 1
    return counts


def solidarity_share(jars_by_bracket, solidarity_brackets):
    """Share of the jars that went to households in a solidarity bracket.

    ``jars_by_bracket`` maps a bracket (None for no bracket or an anonymous
    customer) to jars; ``solidarity_brackets`` are the brackets that count.
    """
    total = sum(jars_by_bracket.values())
    if total <= 0:
        return 0.0
    solidarity = sum(
        jars for bracket, jars in jars_by_bracket.items() if bracket in solidarity_brackets
    )
    return solidarity / total


def people_reached(identified, anonymous_visitors):
    """Identified people plus anonymous visitors counted at stands and workshops."""
    if identified < 0 or anonymous_visitors < 0:
        raise ValueError("people cannot be negative")
    return identified + anonymous_visitors
