"""Quantitative ingredient declaration (QUID, EU 1169/2011 art. 22 and Annex VIII).

An ingredient named in the name of the food ("Compote pomme-poire") is declared
with its percentage: its weight when it is used, over the weight of all the
ingredients used. Pure Python, no ORM.
"""

import re
import unicodedata

# Words shorter than this are articles and prepositions ("de", "à", "au").
MIN_WORD_LENGTH = 3


def _stems(text):
    """The words of ``text`` without accents, case or a plural -s/-x."""
    plain = unicodedata.normalize("NFKD", text or "")
    plain = "".join(char for char in plain if not unicodedata.combining(char)).lower()
    stems = set()
    for word in re.split(r"[^a-z0-9]+", plain):
        if len(word) < MIN_WORD_LENGTH:
            continue
        if len(word) > MIN_WORD_LENGTH and word[-1] in "sx":
            word = word[:-1]
        stems.add(word)
    return stems


def is_named_in(ingredient_name, food_name):
    """Whether the name of the food names this ingredient (in singular or plural)."""
    return bool(_stems(ingredient_name) & _stems(food_name))


def quid_percentages(food_name, ingredients):
    """The percentage of each ingredient the food's name names.

    :param ingredients: ``[(name, weight), ...]`` of the ingredients as used, in
        any unit as long as it is the same; a name may come several times.
    :return: ``{name: percentage}`` for the named ingredients only, rounded to
        the unit (to one decimal below 1 %), empty when nothing is weighed.
    :raises ValueError: on a negative weight.
    """
    weights = {}
    for name, weight in ingredients:
        if weight < 0:
            raise ValueError(f"The weight of {name} is negative ({weight}).")
        weights[name] = weights.get(name, 0.0) + weight
    total = sum(weights.values())
    if total <= 0:
        return {}
    result = {}
    for name, weight in weights.items():
        if not is_named_in(name, food_name):
            continue
        percentage = weight / total * 100.0
        result[name] = round(percentage, 1) if percentage < 1 else float(round(percentage))
    return result


def format_percentage(percentage):
    """``80`` for 80.0 and ``0.5`` for 0.5: no trailing zero."""
    return f"{percentage:g}"
