"""Which language an article is reported in: English, or another one.

quotecheck's cues, names and pronouns are English, so it names speakers only where
the words around the quotations are English. This reads those words (the text
outside quotation marks, up to :data:`SAMPLE` characters from the start, which is
where a wire story's language shows, and no further once English is plain) and
counts the markers of ``lexicon/languages.py``. A text is *not* English when most
of its words outside quotations are not in Latin letters (Cyrillic, Greek, Arabic,
Chinese…), or when the markers of other languages in lower case outnumber the
English ones by more than two to one, one being enough against none:
``Le maire a dit: «…»`` has ``dit`` and no English marker. Without evidence either
way (a text that is all quotation, or only names) it is taken as English.

>>> is_english("“We will rebuild it,” said the mayor.", [(0, 21)])
True
>>> is_english("Le maire a dit: «Nous reconstruirons le pont.»", [(16, 46)])
False
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .lexicon.languages import ENGLISH_MARKERS, OTHER_MARKERS

__all__ = ["SAMPLE", "is_english"]

# How much of the text is read, in characters from its start (quotations skipped).
SAMPLE = 4000
# More than this many markers of other languages for each English one: not English.
_OTHER_PER_ENGLISH = 2
# Reading stops once the English markers outnumber the others by this many.
_ENOUGH = 10
# What may cling to a word in running text: punctuation and quotation marks.
_CLINGING = ".,;:!?()[]{}\"'“”‘’«»„‚‹›—–-…/*"

_NOT_LATIN_RE = regex.compile(r"[\p{L}--\p{Latin}]", regex.VERSION1)


def is_english(text: str, quotes: Sequence[tuple[int, int]]) -> bool:
    """Whether the words of ``text`` outside ``quotes`` (sorted ``(start, end)``
    spans of its outermost quotations) are English (see the module doc-string).

    >>> is_english("Лавров сказал: «Мы не отступим».", [(15, 32)])
    False
    >>> is_english("Mayor Ana Ruiz: “Nous reconstruirons.”", [(16, 38)])
    True
    """
    english = other = foreign = words = 0
    position = 0
    for start, end in [*quotes, (len(text), len(text))]:
        if position >= SAMPLE or english >= other + _ENOUGH:
            break
        for word in text[position:min(start, SAMPLE)].split():
            word = word.strip(_CLINGING)
            words += 1
            if word in ENGLISH_MARKERS:  # lower case as written: not a name
                english += 1
            elif word in OTHER_MARKERS:
                other += 1
            elif not word.isascii() and _NOT_LATIN_RE.search(word):
                foreign += 1
        position = max(position, end)
    if foreign * 2 > words:  # most words in another script
        return False
    return other <= _OTHER_PER_ENGLISH * english
