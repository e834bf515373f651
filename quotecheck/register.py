"""Register: is a text told like fiction (long dialogue) or like news?

Read from the text's own shape, before any sieve runs: fiction and transcripts are full
of short paragraphs that open with a quotation, and a few of those turns carry no
reporting clause at all; news stays well below (under 10% of short turns on the dev
articles, and hardly a bare one). The fiction-only rules (``dialogue_run``, the
dialogue branches of ``dialogue_turns``) read this flag and nothing else, so a news
article's result never depends on them.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

__all__ = ["is_dialogue", "is_fiction"]

# A paragraph shorter than this many characters that opens with a quotation is a turn.
_TURN_LENGTH = 150
# At least this many turns, this many of them bare, and this share of the paragraphs
# (in percent) turns.
_DIALOGUE_TURNS = 5
_DIALOGUE_BARE_TURNS = 3
_DIALOGUE_SHARE = 15


def is_dialogue(paragraphs: Sequence[tuple[int, int]], quote_starts: Sequence[int],
                cued: Sequence[bool]) -> bool:
    """Whether the text is in the register of dialogue (fiction, transcripts).

    ``quote_starts`` are the quotations' start offsets and ``cued`` says, for each,
    whether a reporting clause was read for it.

    >>> paragraphs = [(0, 20), (22, 40), (42, 60), (62, 80), (82, 100)]
    >>> is_dialogue(paragraphs, [0, 22, 42, 62, 82], [True, False, True, False, False])
    True
    >>> is_dialogue(paragraphs, [0, 22, 42, 62, 82], [True, True, True, True, False])
    False
    """
    opening = {start: number for number, start in enumerate(quote_starts)}
    turns = [opening[lo] for lo, hi in paragraphs if lo in opening and hi - lo < _TURN_LENGTH]
    bare = sum(1 for number in turns if not cued[number])
    return (len(turns) >= _DIALOGUE_TURNS and bare >= _DIALOGUE_BARE_TURNS
            and len(turns) * 100 >= len(paragraphs) * _DIALOGUE_SHARE)


# News counts: scores, dates, ages, money. Fiction writes numbers out: more than this
# many digits per thousand characters is news (the fiction dev texts stay under 2, the
# news articles told in dialogue over 3, or under it with a dateline).
_FICTION_DIGITS = 2.5
_READ = 20_000  # characters read for the digit count (enough to judge; bounded)
# A dateline in the first paragraphs: "Cleveland (AFP) –", "LONDON —". (Not a byline:
# a novel opens with its author's name too.)
_DATELINE_RE = regex.compile(
    r"[A-Z][\w.]*(?:[ ,]+[A-Z][\w.]*){0,3}\s*"
    r"(?:(?:\([A-Z][\w ]{0,20}\)\s*)?[—–-]\s|\([A-Z][\w ]{0,20}\))")
_HEAD_PARAGRAPHS = 3


def is_fiction(text: str, paragraphs: Sequence[tuple[int, int]], dialogue: bool) -> bool:
    """Whether a text in the register of dialogue is told like fiction, not news:
    it writes few numbers in digits and opens with no dateline.

    >>> story = "“Come in,” said Ana.\\n\\n“Thank you.”"
    >>> is_fiction(story, [(0, 20), (22, 35)], True)
    True
    >>> news = "LONDON — Prices rose 4.5% in 2024.\\n\\n“We were told,” said Ana."
    >>> is_fiction(news, [(0, 34), (36, 62)], True)
    False
    """
    if not dialogue:
        return False
    head = text[:_READ]
    if sum(1 for character in head if character.isdigit()) * 1000 > _FICTION_DIGITS * len(head):
        return False
    for lo, hi in paragraphs[:_HEAD_PARAGRAPHS]:
        if _DATELINE_RE.match(text, lo, min(hi, lo + 120)):
            return False
    return True
