"""A character's gender from the narration's evidence, weighed by counts."""

from __future__ import annotations

from ..entities import EntityAnalysis
from ..lexicon.honorifics import FEMALE_HONORIFICS, MALE_HONORIFICS

__all__ = ["settled_gender"]

_MALE = frozenset(h.rstrip(".").lower() for h in MALE_HONORIFICS)
_FEMALE = frozenset(h.rstrip(".").lower() for h in FEMALE_HONORIFICS)
# The votes of one gender must outnumber the other's this many times over, and by at
# least this many, before a character without an honorific is given that gender.
_RATIO = 2
_MARGIN = 2
_MENTIONS = 40  # mentions read for an honorific at most (a bound for hostile input)


def _honorific_gender(analysis: EntityAnalysis, entity: int) -> str:
    """The gender the character's honorifics mark, when they agree ("" if none)."""
    found = set()
    for number in analysis.entities[entity].mentions[:_MENTIONS]:
        honorific = analysis.mentions[number].honorific
        key = honorific.rstrip(".").lower() if honorific else ""
        if key in _MALE:
            found.add("male")
        elif key in _FEMALE:
            found.add("female")
    return found.pop() if len(found) == 1 else ""


def settled_gender(analysis: EntityAnalysis, entity: int) -> str:
    """``male``, ``female`` or ``unknown``: an honorific (``Mr.``, ``Mrs.``) decides;
    else the pronouns the narration gives the character, when one gender clearly
    outnumbers the other.

    >>> from quotecheck.pipeline import analyse
    >>> text = ("Mrs. Hale came in. He waved. She smiled.\\n\\n"
    ...         "Tom Reyes stood up, and he left. He ran. He hid. She laughed.")
    >>> ctx = analyse(text)
    >>> sorted((e.name, settled_gender(ctx.analysis, e.id)) for e in ctx.entities)
    [('Mrs. Hale', 'female'), ('Tom Reyes', 'male')]
    """
    marked = _honorific_gender(analysis, entity)
    if marked:
        return marked
    male, female = analysis.entities[entity].votes
    if male >= _RATIO * female and male - female >= _MARGIN:
        return "male"
    if female >= _RATIO * male and female - male >= _MARGIN:
        return "female"
    return "unknown"
