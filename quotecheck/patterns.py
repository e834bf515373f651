"""Compiled patterns and character classes, each built once from the lexicon.

Every pattern here runs in linear time: alternations of literals, character
classes and possessive quantifiers only, so no input can make them backtrack.

>>> bool(LINE_BREAK_RE.fullmatch("\\r\\n"))
True
>>> [m.group() for m in MARK_RE.finditer("“Hi,” he said, ''ok''")]
['“', '”', "''", "''"]
"""

from __future__ import annotations

import re

import regex

from .lexicon.abbreviations import MAYBE_FINAL, NEVER_FINAL
from .lexicon.cues import CUE_VERBS, NARRATOR_NAMING, SELF_NAMING
from .lexicon.honorifics import HONORIFICS
from .lexicon.quotemarks import QUOTE_PAIRS
from .lexicon.titles import TITLES

__all__ = [
    "BLANK_LINE_RE",
    "ATTRIBUTION_AFTER_RE",
    "CUE_WORD_RE",
    "LINE_BREAK_RE",
    "LONG_LINE",
    "MARK_RE",
    "NARRATOR_NAME_RE",
    "SELF_NAME_AFTER_RE",
    "SELF_NAME_RE",
    "SENTENCE_END_RE",
    "WORD_RE",
    "word_trie",
]

# One line end, ``\r\n`` as one (never split into two line ends, "a blank line"): a
# line-end character, then the ``\n`` of a ``\r\n``. The standard library's ``re``,
# since a pattern that opens on a character class lets it skip from one candidate to
# the next in C (these scan every text whole, at half the time ``regex`` takes).
_LINE_END = r"[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029](?:(?<=\r)\n)?+"
LINE_BREAK_RE = re.compile(_LINE_END)
# Whitespace that does not end a line: spaces, tabs, no-break and typographic spaces.
_LINE_SPACE = r"[\t \xa0\u1680\u2000-\u200a\u202f\u205f\u3000]"
# A line longer than this many characters, then a line end: a paragraph exported as
# one line (``layout`` compares the offsets of consecutive line ends, so no pattern
# has to look behind every character).
LONG_LINE = 100
BLANK_LINE_RE = re.compile(_LINE_END + r"(?:" + _LINE_SPACE + r"*+" + _LINE_END + r")++")


def _build_mark_re() -> regex.Pattern[str]:
    marks = set(QUOTE_PAIRS)
    for closers in QUOTE_PAIRS.values():
        marks.update(closers)
    multi = sorted((m for m in marks if len(m) > 1), key=len, reverse=True)
    single = "".join(sorted(regex.escape(m) for m in marks if len(m) == 1))
    return regex.compile("|".join([*(regex.escape(m) for m in multi), f"[{single}]"]))


MARK_RE = _build_mark_re()

# A word, a number (3.5%, 1990s, 21st), or one other visible character: the tokenizer's unit.
WORD_RE = regex.compile(
    r"(?P<number>\d++(?:[.,:/]\d++)*+(?:%|(?:s|st|nd|rd|th)(?!\w))?+)"
    r"|(?P<word>\w++(?:['’\-\.]\w++)*+)"
    r"|(?P<other>\S)"
)

# A sentence-final run: . ! ? … followed by closing brackets (quotes are handled apart).
SENTENCE_END_RE = regex.compile(r"[.!?…]++[)\]]*+")


_Trie = dict[str, "_Trie"]


def word_trie(words: set[str] | frozenset[str]) -> str:
    """An alternation of ``words`` written as a trie, longest match first.

    The same matches as ``"|".join(sorted(words, key=len, reverse=True))``, but the
    engine reads each character once instead of trying every word in turn (the
    person nouns of a description scan in two thirds of the time).

    >>> word_trie({"man", "manager", "maid"})
    'ma(?:id|n(?:ager)?)'
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items())
                    if char]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return emit(trie)


def _build_cue_word_re() -> re.Pattern[str]:
    # A plain alternation of literals: the standard library's ``re`` compiles the 600
    # cue forms in 6 ms where ``regex`` takes 85 ms at every import, and finds the
    # same matches (checked on the demo corpus).
    ordered = sorted(CUE_VERBS, key=len, reverse=True)
    words = "|".join(re.escape(w) for w in ordered)
    return re.compile(r"(?<![\w\-])(?:" + words + r")(?![\w\-])", re.IGNORECASE)


# Any reporting verb form as a whole word.
CUE_WORD_RE = _build_cue_word_re()


def _build_attribution_after_re() -> regex.Pattern[str]:
    # One to four capitalised words (Mr. Stoltenberg, Wendy R. Sherman), then the next
    # whole word as group ``verb``. The caller checks ``verb in CUE_VERBS``: a set
    # lookup, where an alternation of all 600 cue forms cost 60 ms of regex compilation
    # at every import.
    name = r"\p{Lu}[\w’'\-]*+\.?+[ \t\u00a0]++"
    return regex.compile(r"(?:" + name + r"){1,4}+(?P<verb>[\w\-]++)")


# “Why now?” Mr. Stoltenberg asked: capitalised words, then a word that may be a cue verb.
ATTRIBUTION_AFTER_RE = _build_attribution_after_re()


def _strip_period(word: str) -> str:
    return word[:-1].lower() if word.endswith(".") else word.lower()


# Lower-cased words (no final period) after which a period does not end a sentence.
NON_FINAL_ABBREVIATIONS: frozenset[str] = frozenset(
    NEVER_FINAL
    | {_strip_period(h) for h in HONORIFICS if h.endswith(".")}
    | {_strip_period(t) for t in TITLES if t.endswith(".")}
)
MAYBE_FINAL_ABBREVIATIONS: frozenset[str] = MAYBE_FINAL

# One word of a name: an abbreviation with its period (“Mr.”, “J.”) or a word without
# one, so that a sentence end (“Call me Tobias. Some years ago …”) ends the name; a
# hyphen only inside it (“Ocasio-Cortez”, not “d’Urberville--that’s”).
_NAME_WORD = r"(?>\p{Lu}\p{Ll}{0,2}+\.|(?:[dl][’'])?\p{Lu}[\w’']*+(?:-[\w’']++)*+)"
# “I am Parson Tringham”: a self-naming phrase, then a capitalised name.
SELF_NAME_RE = regex.compile(
    r"(?<![\w’'])(?i:" + "|".join(regex.escape(p) for p in SELF_NAMING) + r")[ \t\n]++"
    r"(?P<name>" + _NAME_WORD + r"(?:[ \t\n]" + _NAME_WORD + r"){0,3}+)"
)
# “Sir John d’Urberville--that’s who I am”, “Ruiz is my name”: the name first.
SELF_NAME_AFTER_RE = regex.compile(
    r"(?P<name>" + _NAME_WORD + r"(?:[ \t\n]" + _NAME_WORD + r"){0,3}+)"
    r"(?:[ \t\n]*+(?:--|—|–|,)[ \t\n]*+(?i:that[’']s (?:who i am|me))"
    r"|[ \t\n]++(?i:is my name|is the name))(?![\w’'])"
)
# “So, I called myself Pip”: the narrator's name in the narration.
NARRATOR_NAME_RE = regex.compile(
    r"(?<![\w’'])(?i:" + "|".join(regex.escape(p) for p in NARRATOR_NAMING) + r")[ \t\n]++"
    r"(?P<name>" + _NAME_WORD + r"(?:[ \t\n]" + _NAME_WORD + r"){0,3}+)"
)
