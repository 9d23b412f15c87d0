"""Scores of the impact flower: indicators scaled by targets, survey answers, petals."""

SCORE_MAX = 100.0
ANSWER_MIN = 1
ANSWER_MAX = 5


def scale_to_target(value, target):
    """``value`` as a share of ``target`` on 0-100, capped; no target scores 0."""
    if not target or target <= 0 or not value or value <= 0:
        return 0.0
    return min(SCORE_MAX, value * SCORE_MAX / target)


def weighted_mean(pairs):
    """Mean of (score, weight) pairs; None when no weight at all."""
    total_weight = sum(weight for _score, weight in pairs if weight > 0)
    if not total_weight:
        return None
    return sum(score * weight for score, weight in pairs if weight > 0) / total_weight


def answer_mean_to_score(mean):
    """A mean answer on the 1-5 scale as 0-100 (1 is 0, 3 is 50, 5 is 100)."""
    if mean is None:
        return None
    mean = min(max(mean, ANSWER_MIN), ANSWER_MAX)
    return (mean - ANSWER_MIN) * SCORE_MAX / (ANSWER_MAX - ANSWER_MIN)


def petal_score(indicator_score, survey_score, survey_share):
    """Combine the two halves of a petal; ``survey_share`` is 0-100 %.

    When one side has no data, the petal is the other side alone; when
    neither has, the petal scores 0.
    """
    if indicator_score is None and survey_score is None:
        return 0.0
    if indicator_score is None:
        return survey_score
    if survey_score is None:
        return indicator_score
    share = min(max(survey_share, 0.0), 100.0) / 100.0
    return indicator_score * (1 - share) + survey_score * share
