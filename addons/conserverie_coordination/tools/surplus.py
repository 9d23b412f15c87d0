"""What a grower announced against what was recovered, without the ORM."""

ANSWERED_STATES = ("planned", "recovered")


def kilograms_lost(state, announced, recovered):
    """Kilograms announced that never reached a jar.

    An offer left unanswered loses all it announced; a recovered offer loses
    what was announced and not weighed in; an offer still open or cancelled
    loses nothing yet.
    """
    if announced < 0 or recovered < 0:
        raise ValueError("kilograms cannot be negative")
    if state == "lost":
        return announced
    if state == "recovered":
        return max(announced - recovered, 0.0)
    return 0.0


def recovery_rate(announced, recovered):
    """Share of the announced kilograms recovered, 0.0 when nothing was announced."""
    if announced <= 0:
        return 0.0
    return recovered / announced


def is_unanswered(state, date_to, today):
    """An offer nobody answered whose last day is past."""
    return state == "new" and date_to is not None and date_to < today
