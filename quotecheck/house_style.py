"""House style inferred from the article: British or American punctuation of quotations.

American style puts commas and full stops inside the closing mark, always; British
(logical) style puts them inside only when they belong to the quoted words, so a
quoted fragment keeps them outside: ``called it ‘a fair deal’.``. British copy also
mostly opens with single marks, American with double. :func:`infer_style` counts
that evidence in one article:

- every comma or full stop right after a closing mark is one vote for British (an
  American writer never puts one there, but for a slip);
- every comma or full stop just inside the closing mark of a fragment (a quotation
  that starts in lower case) is one vote for American (a British writer keeps it
  outside);
- the primary marks (those of the outermost quotations, the more common of single
  and double) weigh :data:`MARKS_WEIGHT` votes: more than one placement, less than two,
  so a single slip of placement does not turn the style over, two do.

Ties, and articles with no evidence at all, are American (the default of
:func:`quotecheck.check` before styles were inferred).

>>> from quotecheck import attribute
>>> text = "The mayor called it ‘a fair deal’. ‘We will sign,’ she said."
>>> infer_style(text, attribute(text)).style
'british'
>>> text = "The mayor called it “a fair deal.” “We will sign,” she said."
>>> print(infer_style(text, attribute(text)).reason)
double marks; 1 comma or full stop inside a fragment's closing mark, none outside
"""

from __future__ import annotations

from typing import NamedTuple

from .models import Quote, Result

__all__ = ["MARKS_WEIGHT", "HouseStyle", "infer_style", "is_fragment"]

# How many placement votes the primary marks are worth.
MARKS_WEIGHT = 1.5
_DOUBLE_OPENERS = frozenset('"“„«»')
_SINGLE_OPENERS = frozenset("'‘‚‹›")


class HouseStyle(NamedTuple):
    """A punctuation style and the evidence for it (``british``/``american`` votes)."""

    style: str
    british: float
    american: float
    reason: str


def is_fragment(quote: Quote) -> bool:
    """A quoted fragment rather than a sentence: it starts in lower case.

    >>> from quotecheck import find_quotes
    >>> [is_fragment(q) for q in find_quotes("a “fair deal” and “We sign.” and “…and more”")]
    [True, False, True]
    """
    stripped = quote.text.lstrip(" ….")
    return stripped[:1].islower()


def _placements(text: str, quotes: list[Quote]) -> tuple[int, int]:
    """(commas and full stops right after a closing mark, those just inside a fragment's)."""
    outside = inside = 0
    for quote in quotes:
        close = quote.close_mark
        if not quote.closed or not close:
            continue
        after = text[quote.end:quote.end + 1]
        if after in (",", ".") and text[quote.end:quote.end + 3] != "...":
            outside += 1
        close_at = quote.end - len(close)
        if close_at - 1 > quote.start and text[close_at - 1] in ",." and is_fragment(quote):
            inside += 1
    return outside, inside


def infer_style(text: str, result: Result) -> HouseStyle:
    """The punctuation style the article itself follows, with the evidence counted.

    ``result`` is :func:`quotecheck.attribute` of ``text``.
    """
    double = sum(1 for q in result.quotes if q.open_mark[:1] in _DOUBLE_OPENERS)
    single = sum(1 for q in result.quotes if q.open_mark[:1] in _SINGLE_OPENERS)
    outside, inside = _placements(text, result.all_quotes())
    british, american = float(outside), float(inside)
    marks = ""
    if single > double:
        british += MARKS_WEIGHT
        marks = "single marks; "
    elif double > single:
        american += MARKS_WEIGHT
        marks = "double marks; "
    reason = (f"{marks}{_count(inside)} inside a fragment's closing mark, "
              f"{_count(outside, 'none')} outside")
    return HouseStyle("british" if british > american else "american", british, american,
                      reason)


def _count(number: int, zero: str = "no comma or full stop") -> str:
    if number == 0:
        return zero
    return f"{number} comma{'' if number == 1 else 's'} or full stop{'' if number == 1 else 's'}"
