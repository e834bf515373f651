"""Copy-desk checks: lint an article's quotations the way a copy editor would.

:func:`check` runs every check over one article and returns typed
:class:`~quotecheck.models.Finding` objects sorted by position. Each finding has a
stable code from :data:`~quotecheck.lexicon.checkcodes.CHECK_CODES` (``QC101``…),
a severity, a message and the span it points at. Any code (or its name) passed in
``disable`` is switched off.

The checks, one small function per group of codes (the hundreds digit):

- ``QC1`` marks: an opening mark never closed, a closing mark with nothing to
  close, a straight mark that neither quotes nor elides. A multi-paragraph
  quotation (each paragraph reopens, only the last closes) is correct.
- ``QC2`` attribution: a quotation nobody is credited with (scare quotes, titles
  and short terms are exempt); a reported claim credited to no one (“it is
  understood that …”) or to a vague source (“officials said …”).
- ``QC3`` ambiguity: the engine unsure, "he said" with two men in play, two
  speakers quoted in one sentence, one quotation credited to two people.
- ``QC4`` first reference: ``Mr. Grushko`` before, or without, ``Aleksandr V.
  Grushko``.
- ``QC5`` consistency: one surname spelled two ways, ``Mr.`` and ``Ms.`` for one
  person.
- ``QC6`` style: straight and curly marks mixed, double marks nested in double.
- ``QC7`` punctuation against the chosen style (American: commas and periods
  inside the closing mark; British: logical).
- ``QC8`` paragraph shape: a new speaker's long quotation opens a paragraph and
  the speaker is named only at its end.

>>> findings = check("“We will win,” said Jane Smith. “We will lose, he said.")
>>> [(f.code, f.severity, f.start) for f in findings if f.severity == "error"]
[('QC101', 'error', 32)]
>>> [f.code for f in check('He said “yes”, then "no."', disable=("QC201",))]
['QC701', 'QC601']
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

import regex

from .entities import EntityAnalysis, NameMention, analyse_entities
from .house_style import infer_style
from .house_style import is_fragment as _is_fragment
from .layout import paragraph_bounds
from .lexicon.checkcodes import (
    CHECK_CODES,
    CURLY_PAIRS,
    GIVEN_NAME_HONORIFICS,
    IMPERSONAL_TO_VERBS,
    IMPERSONAL_VERBS,
    NESTED_MARKS,
    STRAIGHT_MARKS,
    VAGUE_SOURCES,
)
from .lexicon.cues import CUE_VERBS, NAMING_CUES
from .lexicon.grammar import PREPOSITIONS
from .lexicon.honorifics import FEMALE_HONORIFICS, MALE_HONORIFICS
from .lexicon.pronouns import FIRST_PERSON
from .models import Edit, Finding, Quote, Result, Severity, Speaker
from .pipeline import attribute
from .quotes import MarkRole, QuoteSpan, scan_marks
from .tokens import sentence_bounds

__all__ = ["CHECKS", "STYLES", "apply_fixes", "check", "codes_matching", "selected_codes"]

STYLES = ("american", "british")
# What ``style`` may be: a style, ``logical`` (British) or ``auto`` (inferred).
STYLE_CHOICES = (*STYLES, "logical", "auto")
# A quotation shorter than this many words may be a term or scare quote, not a remark.
MIN_REMARK_WORDS = 5
# Characters from the paragraph start beyond which a new speaker's attribution is late.
LONG_PARAGRAPH = 300
# Attribution confidence below which the engine's decision is reported as uncertain: the
# confidence is measured (an attribution at 0.7 is right about 7 times in 10), so this
# flags the attributions that are wrong more than 3 times in 10.
MIN_CONFIDENCE = 0.7

_WORD_RE = regex.compile(r"\w+(?:['’\-]\w+)*")
_SENTENCE_END = frozenset(".?!…")
# Punctuation that already ends the quoted words: a fix would double it.
_INNER_PUNCTUATION = ".,!?…"
_DOUBLE_MARKS = frozenset(['"', "“", "”", "„", "''", "``"])
_SINGLE_MARKS = frozenset(["'", "‘", "’", "‚"])
_MALE_KEYS = frozenset(h.rstrip(".").lower() for h in MALE_HONORIFICS)
_FEMALE_KEYS = frozenset(h.rstrip(".").lower() for h in FEMALE_HONORIFICS)
# Two names joined by "and" (QC304), and the word after the second.
_AND_RE = regex.compile(r"[ \t]++and[ \t]++")  # not ", and": that starts a new clause
_FIRST_WORD_RE = regex.compile(r"[ \t,]*+([\w\-]++)")
# The last word before a quotation: "named", "so-called" make it a term.
_WORD_BEFORE_RE = regex.compile(r"([\w\-]++)[\s,:]*+$")
# An impersonal passive of a reporting verb (QC202): "it is understood that", "…, it was
# reported.", "the minister is said to".
_IMPERSONAL_RE = regex.compile(
    r"\b(?:(?<![\w’'])[Ii]t[ \t\n]++(?:is|was|has[ \t\n]++been|had[ \t\n]++been)[ \t\n]++"
    r"(?:(?:widely|generally|now|also)[ \t\n]++)?+(?P<verb>" + "|".join(IMPERSONAL_VERBS)
    + r")\b(?=[ \t\n]++that\b|[ \t]*+[.,;])"
    r"|\b(?:is|are|was|were)[ \t\n]++(?:(?:widely|generally|also)[ \t\n]++)?+(?P<verb>"
    + "|".join(IMPERSONAL_TO_VERBS) + r")[ \t\n]++to[ \t\n]++(?:be|have)\b)")
# Letters beyond any name: a longer word is not looked up for misspellings of a name.
_MAX_NAME_LETTERS = 40
# People of one surname compared with a later spelling of it (the first ones named).
_MAX_NAMESAKES = 16
# Characters around a quotation where two people credited with it may stand.
_JOINT_REACH = 300
_COUPLE_RE = regex.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?+ (?:and|&) (?:Mr|Mrs|Ms|Dr)\.?+ (\p{Lu}\w+)")

class Hit(NamedTuple):
    """What a check function yields: a code, its span, a message and any fixes."""

    code: str
    start: int
    end: int
    message: str
    fixes: tuple[Edit, ...] = ()


@dataclass(frozen=True, slots=True)
class Options:
    """The settings a check may read."""

    style: str = "american"
    long_paragraph: int = LONG_PARAGRAPH
    min_confidence: float = MIN_CONFIDENCE


class Article:
    """One article, analysed once and shared by every check (read-only)."""

    def __init__(self, text: str, options: Options, result: Result | None = None) -> None:
        self.text = text
        self.options = options
        self.paragraphs = paragraph_bounds(text)
        self.result: Result = attribute(text) if result is None else result

    @cached_property
    def _marks(self) -> tuple[list[QuoteSpan], list[MarkRole]]:
        """The quotations and mark roles of one scan, shared by the two below."""
        return scan_marks(self.text, self.paragraphs)

    @cached_property
    def roles(self) -> list[MarkRole]:
        """The role of every quotation mark and apostrophe."""
        return self._marks[1]

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return sentence_bounds(self.text, self.paragraphs, self._marks[0])

    @cached_property
    def cue_positions(self) -> list[int]:
        """Where each reporting verb of the text starts, in order (one read of the text)."""
        return [m.start() for m in _WORD_RE.finditer(self.text)
                if m.group().lower() in CUE_VERBS]

    @cached_property
    def quote_spans(self) -> list[tuple[int, int]]:
        return [(q.start, q.end) for q in self.result.quotes]

    @cached_property
    def entities(self) -> EntityAnalysis:
        """Person mentions clustered into entities (see :mod:`quotecheck.entities`)."""
        return analyse_entities(self.text, self.paragraphs, self.sentences, self.quote_spans)

    @cached_property
    def variants(self) -> dict[int, int]:
        """Person entity → the earlier person whose surname it spells differently."""
        analysis = self.entities
        people = [e for e in analysis.entities if e.kind == "person" and e.surname and e.mentions]
        people.sort(key=lambda e: analysis.mentions[e.mentions[0]].start)
        # surnames one or two edits apart share a string with letters deleted
        # (symmetric deletion), so only those pairs are compared: linear, not quadratic
        spellings = _Spellings()
        by_surname: dict[str, list[int]] = {}  # surname → its first people, in order
        found: dict[int, int] = {}
        for order, later in enumerate(people):
            candidates = sorted(o for surname in spellings.alike(later.surname)
                                for o in by_surname[surname])
            for earlier in (people[o] for o in candidates):
                if _firsts_agree(earlier.first, later.first):
                    found[later.id] = earlier.id
                    break
            spellings.add(later.surname)
            namesakes = by_surname.setdefault(later.surname, [])
            if len(namesakes) < _MAX_NAMESAKES:
                namesakes.append(order)
        return found

    @cached_property
    def paragraph_starts(self) -> list[int]:
        return [start for start, _ in self.paragraphs]

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [start for start, _ in self.sentences]

    def paragraph_of(self, position: int) -> int:
        """Index of the paragraph that holds ``position``."""
        return max(0, bisect_right(self.paragraph_starts, position) - 1)

    def sentence_of(self, position: int) -> int:
        """Index of the sentence that holds ``position``."""
        return max(0, bisect_right(self.sentence_starts, position) - 1)


def _flat(text: str) -> str:
    """``text`` on one line (names may break across lines)."""
    return " ".join(text.split())


def _surname_honorific(mention: NameMention) -> bool:
    """An honorific that goes with a surname (``Mr.``), not a given name (``Sir``)."""
    honorific = mention.honorific
    return honorific is not None and honorific.rstrip(".").lower() not in GIVEN_NAME_HONORIFICS


def _excerpt(text: str, width: int = 40) -> str:
    """``text`` on one line, cut at a word boundary to about ``width`` characters."""
    text = _flat(text)
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


# -- QC1: marks --------------------------------------------------------------------------

_STRAY_CODES = {"unclosed": "QC101", "unopened": "QC102", "ambiguous": "QC103"}
_STRAY_MESSAGES = {
    "unclosed": "{mark} opens a quotation that is never closed: {context}",
    "unopened": "closing {mark} has no opening mark: {context}",
    "ambiguous": "straight {mark} neither quotes nor marks an apostrophe (an inch mark?)",
}


def _context(text: str, start: int, end: int, reason: str, width: int = 30) -> str:
    """The words after an unclosed mark, or before an unopened one, on one line."""
    if reason == "unopened":
        before = _flat(text[max(0, start - 3 * width):start])
        if len(before) > width:
            tail = before[-width:]
            before = "…" + (tail.split(" ", 1)[1] if " " in tail else tail)
        return before + text[start:end]
    return _excerpt(text[start:start + 3 * width], width)


def check_marks(article: Article) -> Iterator[Hit]:
    """Unbalanced and stray quotation marks.

    >>> text = "“Stop,” she said. “Go, she added.\\n\\nShe left."
    >>> [(f.code, f.start) for f in check(text) if f.severity == "error"]
    [('QC101', 18)]
    >>> check("“Stop,” she said. “Go.\\n\\n“Go on.”", disable=["QC201"])  # two paragraphs
    []
    """
    strays = article.result.stray_marks
    unopened_in = {article.paragraph_of(s.start) for s in strays if s.reason == "unopened"}
    unclosed_in = {article.paragraph_of(s.start) for s in strays if s.reason == "unclosed"}
    for stray in strays:
        context = _context(article.text, stray.start, stray.end, stray.reason)
        message = _STRAY_MESSAGES[stray.reason].format(mark=stray.mark, context=context)
        if stray.count > 1:
            message = f"a run of {stray.count} marks: {message}"
        paragraph = article.paragraph_of(stray.start)
        if stray.reason == "unclosed" and paragraph + 1 in unopened_in:
            message += " (a quotation that goes on in the next paragraph reopens it with a mark)"
        elif stray.reason == "unopened" and paragraph - 1 in unclosed_in:
            message += " (the quotation from the paragraph before was not reopened)"
        yield Hit(_STRAY_CODES[stray.reason], stray.start, stray.end, message)


# -- QC2: attribution present --------------------------------------------------------------

def is_term(quote: Quote, text: str = "") -> bool:
    """A scare quote, a title, a name or a short term rather than a remark someone made.

    Titles are mostly capitalised words (“Better Ideas for Small Towns”); a term is a
    single word or a short phrase that is not a sentence and not in the first person.
    With ``text``, a naming word just before the quotation (a robot *named* “…”)
    makes it a term too.

    >>> from quotecheck import find_quotes
    >>> text = "a “military-technical” reply; “We will win,” he said; a cat named “Bob Is Here.”"
    >>> [is_term(q, text) for q in find_quotes(text)]
    [True, False, True]
    """
    words = _WORD_RE.findall(quote.text)
    if not words:
        return True
    before = _WORD_BEFORE_RE.search(text, max(0, quote.start - 40), quote.start) if text else None
    if before is not None and before.group(1).lower() in NAMING_CUES:
        return True
    first_person = words[0].lower() in FIRST_PERSON
    capitalised = sum(1 for w in words if w[:1].isupper())
    if capitalised * 2 > len(words) and len(words) > 1 and not first_person:
        return True  # a title: “Bridges at Risk,”
    if len(words) >= MIN_REMARK_WORDS or first_person:
        return False  # “We will win,”: a remark however short
    ends = quote.text.rstrip(" \"'”’")[-1:]
    return not (len(words) > 1 and words[0][:1].isupper() and ends in _SENTENCE_END)


def _cue_outside(article: Article, quote: Quote) -> bool:
    """Whether the quotation's sentence has a reporting verb outside the quotation.

    The reporting verbs' positions are found once per article (``cue_positions``), so
    each quotation costs two binary searches, not a read of its whole sentence.
    """
    if article.sentences:
        lo, hi = article.sentences[article.sentence_of(quote.start)]
    else:
        lo, hi = 0, len(article.text)
    lo, hi = min(lo, quote.start), max(hi, quote.end)
    cues = article.cue_positions
    before = bisect_left(cues, lo)
    if before < len(cues) and cues[before] < quote.start:
        return True  # a reporting verb before the quotation, in its sentence
    after = bisect_left(cues, quote.end)
    return after < len(cues) and cues[after] < hi


def check_attribution(article: Article) -> Iterator[Hit]:
    """A quotation with no speaker and no attribution at all.

    >>> [f.code for f in check("“We have a plan to fix the roads before winter.”")]
    ['QC201']
    """
    for quote in article.result.quotes:
        if (quote.speaker is None and quote.attribution is None
                and not is_term(quote, article.text) and not _cue_outside(article, quote)):
            yield Hit("QC201", quote.start, quote.end,
                      f"no speaker is named for “{_excerpt(quote.text)}”")


def _vague(description: str) -> bool:
    """A description that leaves its source unnamed: a word of ``VAGUE_SOURCES``
    before its first preposition (“two senior officials”, “people familiar with the
    talks”, not “the director of the office”)."""
    for word in _WORD_RE.findall(description.lower()):
        if word in PREPOSITIONS:
            return False
        if word in VAGUE_SOURCES:
            return True
    return False


def _quoted(spans: list[tuple[int, int]], starts: list[int], position: int) -> bool:
    """Whether ``position`` lies inside one of the (sorted, disjoint) ``spans``."""
    k = bisect_right(starts, position) - 1
    return k >= 0 and position < spans[k][1]


def check_vague_source(article: Article) -> Iterator[Hit]:
    """A reported claim credited to a vague source or to no one at all.

    Reads the reported speech of the result (``attribute(text, reported=True)``): a
    claim whose speaker is an unnamed group such as “officials” or “sources”, or a
    claim in an impersonal passive (“it is understood that …”, “the minister is said
    to …”) outside quotation marks. A description that points back to a named
    person, or a named official, is a named source.

    >>> [f.code for f in check("Officials said the bridge would close in March.")]
    ['QC202']
    >>> check("Ana Ruiz, a city official, said the bridge would close in March.")
    []
    """
    hits: list[Hit] = []
    for item in article.result.reported:
        speaker = item.speaker
        if speaker is None or speaker.kind not in ("group", "unnamed") \
                or not _vague(speaker.name):
            continue
        hits.append(Hit("QC202", item.start, item.end,
                        f"“{_excerpt(item.text)}” is credited only to "
                        f"“{_flat(speaker.name)}”: name the source, or say why it is not named"))
    spans = article.quote_spans
    starts = [start for start, _ in spans]
    for match in _IMPERSONAL_RE.finditer(article.text):
        if _quoted(spans, starts, match.start()):
            continue
        hits.append(Hit("QC202", match.start(), match.end(),
                        f"“{_flat(match.group())}” credits the claim to no one: say who "
                        f"{match.group('verb')} it"))
    hits.sort(key=lambda hit: hit.start)
    yield from hits


# -- QC3: ambiguous attribution ------------------------------------------------------------

def _rivals(quote: Quote) -> list[str]:
    """The people the engine found fitting the attribution as well as the speaker (its
    ``candidates``: "he said" just after two men are named), the speaker first."""
    attribution = quote.attribution
    if attribution is None:
        return []
    # descriptions ("the mayor") may be the speaker's own appositive: names only
    candidates = [c for c in attribution.candidates if c[:1].isupper()]
    if not candidates:
        return []
    named = [quote.speaker.name] if quote.speaker is not None else []
    return [_flat(c) for c in [*named, *(c for c in candidates if c not in named)]]


def check_ambiguity(article: Article) -> Iterator[Hit]:
    """Attributions that could point at someone else, or that the engine doubts.

    >>> text = ("John Park, the council president, met Peter Olsen, the treasurer.\\n\\n"
    ...         "“We cannot pay for the bridge this year,” he said.")
    >>> [f.message for f in check(text)]
    ['“he” could be John Park or Peter Olsen: name the speaker']
    """
    by_sentence: dict[int, list[Quote]] = {}
    for quote in article.result.quotes:
        attribution = quote.attribution
        if attribution is None:
            continue
        rivals = _rivals(quote)
        if quote.speaker is None:
            who = f": {' or '.join(rivals)}" if len(rivals) > 1 else ""
            yield Hit("QC302", quote.start, quote.end,
                      f"the attribution of “{_excerpt(quote.text)}” fits more than one person{who}")
            continue
        if len(rivals) > 1:
            cue = attribution.mention.text if attribution.mention else "the attribution"
            yield Hit("QC302", quote.start, quote.end,
                      f"“{cue}” could be {' or '.join(rivals)}: name the speaker")
        elif attribution.confidence < article.options.min_confidence:
            yield Hit("QC301", quote.start, quote.end,
                      f"uncertain attribution to {_flat(quote.speaker.name)} "
                      f"(confidence {attribution.confidence:.2f}, {attribution.sieve})")
        if not is_term(quote, article.text):
            by_sentence.setdefault(article.sentence_of(quote.start), []).append(quote)
    for quotes in by_sentence.values():
        seen: dict[str, str] = {}
        for quote in quotes:
            if quote.speaker is None:
                continue
            # one surname is one person here ("the poet Syme", "Gabriel Syme")
            key = (quote.speaker.name.split() or [""])[-1].lower()
            seen.setdefault(key, _flat(quote.speaker.name))
            if len(seen) > 1:
                yield Hit("QC303", quote.start, quote.end,
                          f"one sentence quotes {' and '.join(seen.values())}: split it")
                break
    for quote in article.result.quotes:
        pair = _joint_speakers(article, quote)
        if pair is not None and not is_term(quote, article.text):
            yield Hit("QC304", quote.start, quote.end,
                      f"one quotation credited to two people, {pair[0]} and {pair[1]}: "
                      "quote one of them")


def _joint_speakers(article: Article, quote: Quote) -> tuple[str, str] | None:
    """Two people joined by "and" beside a reporting verb next to the quotation.

    ``“…,” Ms. Ruiz and Mr. Olsen said``, ``“…,” said Ms. Ruiz and Mr. Olsen``,
    ``Ms. Ruiz and Mr. Olsen said: “…”``. Names inside the quotation do not count.
    """
    text = article.text
    lo, hi = (article.sentences[article.sentence_of(quote.start)] if article.sentences
              else (0, len(text)))
    analysis = article.entities
    # the pair stands beside the quotation: only names this near it (not the sentence's)
    lo, hi = max(lo, quote.start - _JOINT_REACH), min(hi, quote.end + _JOINT_REACH)
    people = [m for m in analysis.mentions[analysis.before(lo):max(0, analysis.before(hi))]
              if m.kind == "person" and not quote.start <= m.start < quote.end]
    for first, second in zip(people, people[1:], strict=False):
        if not _AND_RE.fullmatch(text, first.end, second.start):
            continue
        if quote.end <= first.start:
            gap = text[quote.end:first.start]  # “…,” [said] A and B [said]
            after = _FIRST_WORD_RE.match(text, second.end)
            verb_after = after is not None and after.group(1).lower() in CUE_VERBS
        elif second.end <= quote.start:
            gap, verb_after = text[second.end:quote.start], False  # A and B said: “…”
        else:
            continue
        words = _WORD_RE.findall(gap)
        if len(words) > 1 or (words and words[0].lower() not in CUE_VERBS):
            continue
        if words or verb_after:
            return _flat(first.text), _flat(second.text)
    return None


# -- QC4: first reference ------------------------------------------------------------------

def _is_full(mention: NameMention) -> bool:
    return len(mention.tokens) > 1


def check_first_reference(article: Article) -> Iterator[Hit]:
    """A person called by surname or honorific before, or without, the full name.

    >>> [f.code for f in check("Mr. Lind spoke. Later, Tomas Lind left.")]
    ['QC401']
    """
    analysis = article.entities
    for entity in analysis.entities:
        if entity.kind != "person" or entity.id in article.variants:
            continue  # a variant spelling is QC501's
        mentions = [analysis.mentions[i] for i in entity.mentions]
        full = [m for m in mentions if _is_full(m)]
        short = [m for m in mentions if not _is_full(m) and not m.in_quote
                 and (_surname_honorific(m) or (m.title and not m.honorific))]
        if not short:
            continue
        first = short[0]
        if full:
            if first.start < full[0].start:
                yield Hit("QC401", first.start, first.end,
                          f"“{_flat(first.text)}” comes before the full name "
                          f"“{_flat(full[0].name)}”")
        elif first.honorific:
            yield Hit("QC402", first.start, first.end,
                      f"“{_flat(first.text)}” is never named in full")


# -- QC5: name consistency -----------------------------------------------------------------

def edit_distance(left: str, right: str) -> int:
    """Edits (insert, delete, substitute, swap two neighbours) from one word to another.

    >>> edit_distance("stoltenberg", "stoltenburg"), edit_distance("grushko", "gruhsko")
    (1, 1)
    """
    previous2: list[int] = []
    previous = list(range(len(right) + 1))
    for i, a in enumerate(left, 1):
        current = [i] + [0] * len(right)
        for j, b in enumerate(right, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == right[j - 2] and left[i - 2] == b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def _deletions(word: str, depth: int) -> set[str]:
    """``word`` and every string made from it by deleting up to ``depth`` letters.

    A word longer than any name (``_MAX_NAME_LETTERS``) is only itself: its
    deletions would grow with the cube of its length.

    >>> sorted(_deletions("hale", 1))
    ['ale', 'hae', 'hal', 'hale', 'hle']
    """
    found = {word}
    if len(word) > _MAX_NAME_LETTERS:
        return found
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


class _Spellings:
    """Words seen so far, indexed by their deletions, to find those spelled alike.

    >>> spellings = _Spellings()
    >>> spellings.add("kovacs"); spellings.add("lind")
    >>> spellings.alike("kovach"), spellings.alike("kovacs")
    (['kovacs'], [])
    """

    __slots__ = ("_by_deletion", "_order")

    def __init__(self) -> None:
        self._by_deletion: dict[str, list[str]] = {}
        self._order: dict[str, int] = {}

    def add(self, word: str) -> None:
        if word in self._order:
            return
        self._order[word] = len(self._order)
        for key in _deletions(word, _depth(word)):
            self._by_deletion.setdefault(key, []).append(word)

    def alike(self, word: str) -> list[str]:
        """The words added that ``word`` may misspell, in the order they were added."""
        found = {w for key in _deletions(word, _depth(word))
                 for w in self._by_deletion.get(key, ())}
        return sorted((w for w in found if _spelled_alike(w, word)),
                      key=self._order.__getitem__)


def _depth(word: str) -> int:
    return 2 if len(word) >= 8 else 1


def _spelled_alike(left: str, right: str) -> bool:
    if left == right or min(len(left), len(right)) < 4:
        return False
    if left + "s" == right or right + "s" == left:
        return False  # a plural or a possessive without its apostrophe: the Johns
    allowed = 2 if min(len(left), len(right)) >= 8 else 1
    return abs(len(left) - len(right)) <= allowed and edit_distance(left, right) <= allowed


def _firsts_agree(left: str, right: str) -> bool:
    """Given names that may be one person's: missing, an initial of the other, or alike.

    >>> [_firsts_agree(*pair) for pair in [("peter", "p"), ("katrin", "katrine"), ("ann", "al")]]
    [True, True, False]
    """
    if not left or not right:
        return True
    if len(left) == 1 or len(right) == 1:
        return left[0] == right[0]
    return left == right or _spelled_alike(left, right)


def _gender_of(honorific: str) -> str:
    key = honorific.rstrip(".").lower()
    return "male" if key in _MALE_KEYS else "female" if key in _FEMALE_KEYS else ""


def _given_name_variants(analysis: EntityAnalysis, numbers: list[int]) -> Iterator[Hit]:
    """Full names of one person whose given names are spelled two ways (Wendy, Wendi)."""
    seen: dict[str, str] = {}
    spellings = _Spellings()
    for number in numbers:
        mention = analysis.mentions[number]
        if len(mention.tokens) < 2:
            continue
        given = mention.tokens[0].rstrip(".")
        key = given.lower()
        if len(key) < 2 or key in seen:
            continue  # an initial (J. Smith fits John Smith), or a spelling already seen
        for other_key in spellings.alike(key)[:1]:
            yield Hit("QC501", mention.start, mention.end,
                      f"“{_flat(mention.name)}” here but “{seen[other_key]}” earlier: "
                      "one person spelled two ways?")
        seen[key] = _flat(mention.name)
        spellings.add(key)


def check_names(article: Article) -> Iterator[Hit]:
    """One person named two ways: a surname spelled twice, or Mr. and Ms. for one name.

    >>> [f.code for f in check("Anna Kovacs spoke. Ms. Kovacs left. Then Ms. Kovach returned.")]
    ['QC501']
    """
    analysis = article.entities
    for later, earlier in article.variants.items():
        mention = analysis.mentions[analysis.entities[later].mentions[0]]
        yield Hit("QC501", mention.start, mention.end,
                  f"“{_flat(mention.name)}” here but “{_flat(analysis.entities[earlier].name)}” "
                  "earlier: one person spelled two ways?")
    people = [e for e in analysis.entities if e.kind == "person" and e.surname and e.mentions]
    for entity in people:
        yield from _given_name_variants(analysis, entity.mentions)
    couples = {m.group(1).lower() for m in _COUPLE_RE.finditer(article.text)}
    for entity in people:
        if entity.surname in couples:
            continue
        honorifics = [(m, _gender_of(m.honorific or "")) for m in
                      (analysis.mentions[i] for i in entity.mentions) if _surname_honorific(m)]
        genders = Counter(g for _, g in honorifics if g)
        if len(genders) < 2:
            continue
        (usual, usual_count), (odd, odd_count) = genders.most_common(2)
        if odd_count > 1 or usual_count < 2:
            continue  # two people of one family (Mr. and Mrs. Wilcox), not a slip
        for mention, gender in honorifics:
            if gender == odd:
                yield Hit("QC502", mention.start, mention.end,
                          f"“{_flat(mention.text)}”, but {_flat(entity.name)} is elsewhere "
                          f"{'a man' if usual == 'male' else 'a woman'}")


# -- QC6: quotation style ------------------------------------------------------------------

def _family(mark: str) -> str:
    if mark in _DOUBLE_MARKS:
        return "double"
    if mark in _SINGLE_MARKS:
        return "single"
    return mark


def check_style(article: Article) -> Iterator[Hit]:
    """Straight and curly marks mixed; a nested quotation in its outer's marks.

    >>> [f.code for f in check('“He said “no” twice,” she said. It was "fine," he said.')]
    ['QC602', 'QC601']
    """
    quotes = article.result.all_quotes()
    for family in ("double", "single"):
        marks = [q for q in quotes if _family(q.open_mark) == family]
        straight = [q for q in marks if q.open_mark.isascii()]
        curly = [q for q in marks if not q.open_mark.isascii()]
        if not (straight and curly):
            continue
        odd, usual = (straight, "curly") if len(straight) <= len(curly) else (curly, "straight")
        for quote in odd:
            yield Hit("QC601", quote.start, quote.start + len(quote.open_mark),
                      f"{quote.open_mark} in an article that otherwise uses {usual} {family} "
                      "quotation marks", _restyle(quote, usual))
    for quote in quotes:
        family = _family(quote.open_mark)
        for inner in quote.nested:
            if _family(inner.open_mark) == family and family in ("double", "single"):
                inside = "single" if family == "double" else "double"
                yield Hit("QC602", inner.start, inner.start + len(inner.open_mark),
                          f"a quotation inside a quotation takes {inside} marks, not {family}",
                          _swap_marks(inner, NESTED_MARKS))
    apostrophes = [r for r in article.roles if r.role == "apostrophe"]
    kinds = Counter(article.text[r.start:r.end].isascii() for r in apostrophes)
    if len(kinds) == 2:
        odd_ascii = kinds[True] <= kinds[False]
        wrong = [r for r in apostrophes if article.text[r.start:r.end].isascii() == odd_ascii]
        fixes = tuple(Edit(start=r.start, end=r.end, text="’" if odd_ascii else "'")
                      for r in wrong if r.end - r.start == 1)
        yield Hit("QC603", wrong[0].start, wrong[0].end,
                  f"{kinds[odd_ascii]} {'straight' if odd_ascii else 'curly'} apostrophe(s) "
                  f"among {kinds[not odd_ascii]} {'curly' if odd_ascii else 'straight'} ones",
                  fixes)


def _swap_marks(quote: Quote, table: dict[str, str]) -> tuple[Edit, ...]:
    """Edits that replace a closed quotation's two marks through ``table``."""
    close = quote.close_mark
    if not quote.closed or close is None or quote.open_mark not in table or close not in table:
        return ()
    return (Edit(start=quote.start, end=quote.start + len(quote.open_mark),
                 text=table[quote.open_mark]),
            Edit(start=quote.end - len(close), end=quote.end, text=table[close]))


def _restyle(quote: Quote, style: str) -> tuple[Edit, ...]:
    """Edits that write a quotation's marks in ``style`` (``curly`` or ``straight``)."""
    if style == "straight":
        return _swap_marks(quote, STRAIGHT_MARKS)
    pair = CURLY_PAIRS.get(quote.open_mark)
    if pair is None or not quote.closed or quote.close_mark != quote.open_mark:
        return ()
    return (Edit(start=quote.start, end=quote.start + 1, text=pair[0]),
            Edit(start=quote.end - 1, end=quote.end, text=pair[1]))


# -- QC7: punctuation against the style --------------------------------------------------

def check_punctuation(article: Article) -> Iterator[Hit]:
    """Commas and periods placed against the chosen style (by default the article's own:
    :func:`quotecheck.house_style.infer_style`).

    American style puts commas and periods inside the closing mark; British
    (logical) style puts them inside only when they belong to the quoted words.

    >>> [f.code for f in check('He called it “rather honest”, adding more.')]
    ['QC701']
    >>> [f.code for f in check('He called it “rather honest,” adding more.', style="british")]
    ['QC702']
    """
    text = article.text
    american = article.options.style == "american"
    for quote in article.result.all_quotes():
        close = quote.close_mark
        if not quote.closed or not close:
            continue
        after = text[quote.end:quote.end + 1]
        close_at = quote.end - len(close)
        if american and after in (",", ".") and text[quote.end:quote.end + 3] != "...":
            name = "comma" if after == "," else "period"
            fixes = () if text[close_at - 1:close_at] in _INNER_PUNCTUATION else (
                Edit(start=close_at, end=quote.end + 1, text=after + close),)
            yield Hit("QC701", quote.end, quote.end + 1,
                      f"{name} outside the closing {close}: American style puts it inside",
                      fixes)
        inside = close_at - 1
        if not american and inside > quote.start and text[inside] in ",." and _is_fragment(quote):
            name = "comma" if text[inside] == "," else "period"
            fixes = () if after and after in _INNER_PUNCTUATION + ";:" else (
                Edit(start=inside, end=quote.end, text=close + text[inside]),)
            yield Hit("QC702", inside, inside + 1,
                      f"{name} inside the closing {close} of a fragment: "
                      "logical style puts it outside", fixes)


# -- QC8: paragraph shape ------------------------------------------------------------------

def _introduced(article: Article, speaker: Speaker, paragraph: int) -> bool:
    """Whether the paragraph before names the speaker (a lead-in: "Dr. Hale described…")."""
    if paragraph == 0:
        return False
    lo, hi = article.paragraphs[paragraph - 1]
    surname = speaker.name.split()[-1] if speaker.name.split() else ""
    return bool(surname) and surname[:1].isupper() and regex.search(
        r"(?<!\w)" + regex.escape(surname) + r"(?!\w)", article.text[lo:hi]) is not None


def check_late_attribution(article: Article) -> Iterator[Hit]:
    """A new speaker's quotation opens a paragraph and is attributed only at its end.

    >>> text = ("Ana Ruiz, the mayor, opened the meeting.\\n\\n“The inspection found "
    ...         "cracks in four of the six supports. Two were rated critical. The repairs "
    ...         "will take eight months,” said Peter Olsen, the treasurer.")
    >>> [f.code for f in check(text)], [f.code for f in check(text, long_paragraph=100)]
    ([], ['QC801'])
    """
    previous: int | None = None
    limit = article.options.long_paragraph
    for quote in article.result.quotes:
        speaker, attribution = quote.speaker, quote.attribution
        if speaker is None or attribution is None:
            continue
        is_new = speaker.id != previous
        previous = speaker.id
        paragraph = article.paragraph_of(quote.start)
        para_start, para_end = article.paragraphs[paragraph]
        if not is_new or quote.start != para_start or _introduced(article, speaker, paragraph):
            continue
        points = [s.start for s in (attribution.cue, attribution.mention) if s is not None]
        if not points:
            continue
        point = min(points)
        if point < quote.end and quote.paragraphs == 1:
            continue  # named inside the quotation's sentence: “…,” he said, “…”
        if point - para_start > limit or (quote.paragraphs > 1 and point > para_end):
            yield Hit("QC801", quote.start, quote.end,
                      f"{_flat(speaker.name)} is named only {point - para_start} characters "
                      "into the paragraph: attribute a new speaker after the first sentence")


# The checks in order, each with the code group (hundreds digit) it emits.
CHECKS: tuple[tuple[str, Callable[[Article], Iterable[Hit]]], ...] = (
    ("QC1", check_marks),  # stray_marks of the result
    ("QC2", check_attribution),  # quotes with neither speaker nor attribution
    ("QC2", check_vague_source),  # reported speech of unnamed groups, impersonal passives
    ("QC3", check_ambiguity),  # attribution confidence, pronoun rivals, speakers per sentence
    ("QC4", check_first_reference),  # entity mentions: short before full
    ("QC5", check_names),  # entity surnames and honorifics
    ("QC6", check_style),  # quotation and apostrophe marks
    ("QC7", check_punctuation),  # the character beside each closing mark
    ("QC8", check_late_attribution),  # paragraph openers and their attribution points
)

_NAME_TO_CODE = {name: code for code, (_, name, _) in CHECK_CODES.items()}


def _specificity(item: str) -> tuple[str, int]:
    """A code, code prefix or name as (prefix, how specific): a name is a whole code."""
    code = _NAME_TO_CODE.get(item.strip())
    if code is not None:
        return code, len(code)
    prefix = item.strip().upper()
    if not prefix or not any(c.startswith(prefix) for c in CHECK_CODES):
        known = ", ".join(CHECK_CODES)
        raise ValueError(f"unknown check code or name {item!r} (known: {known}, "
                         "or a prefix such as QC3)")
    return prefix, len(prefix)


def codes_matching(items: Iterable[str]) -> frozenset[str]:
    """Every code that one of ``items`` names: a code, a prefix (``QC3``) or a name.

    >>> sorted(codes_matching(["QC1", "no-full-name"]))
    ['QC101', 'QC102', 'QC103', 'QC402']
    """
    prefixes = [_specificity(item)[0] for item in items]
    return frozenset(c for c in CHECK_CODES if any(c.startswith(p) for p in prefixes))


def selected_codes(select: Iterable[str] | None = None,
                   ignore: Iterable[str] = ()) -> frozenset[str]:
    """The codes switched on by ``select`` (default: every code) less ``ignore``.

    Items are codes, prefixes (``QC3``, ``QC``) or names. As in ruff, where both name
    a code the more specific item decides, and ``ignore`` wins a tie:
    ``select=["QC3"], ignore=["QC301"]`` is QC3 without QC301, and
    ``select=["QC301"], ignore=["QC3"]`` is QC301 alone.

    >>> sorted(selected_codes(["QC3"], ["QC301", "QC304"]))
    ['QC302', 'QC303']
    >>> sorted(selected_codes(["QC301"], ["QC3"]))
    ['QC301']
    """
    chosen = [_specificity(item) for item in (["QC"] if select is None else select)]
    dropped = [_specificity(item) for item in ignore]

    def weight(code: str, items: list[tuple[str, int]]) -> int:
        return max((length for prefix, length in items if code.startswith(prefix)), default=-1)

    return frozenset(code for code in CHECK_CODES
                     if weight(code, chosen) > weight(code, dropped))


def check(text: str, *, disable: Iterable[str] = (), style: str = "auto",
          long_paragraph: int = LONG_PARAGRAPH, min_confidence: float = MIN_CONFIDENCE,
          result: Result | None = None, select: Iterable[str] | None = None) -> list[Finding]:
    """Lint the quotations of one article; findings sorted by position.

    ``select`` chooses the checks by code (``"QC201"``), prefix (``"QC3"``) or name
    (``"unattributed-quote"``), every one by default; ``disable`` switches checks off
    the same way (see :func:`selected_codes`). ``style`` is ``"american"`` (commas
    and periods inside the closing mark), ``"british"`` (logical punctuation) or
    ``"auto"`` (the default: the style the article follows itself, see
    :func:`quotecheck.house_style.infer_style`).
    ``long_paragraph`` is how many characters into its paragraph a new speaker may
    be named; ``min_confidence`` the engine confidence below which an attribution
    is reported as uncertain. Pass the ``result`` of :func:`quotecheck.attribute`
    for the same text when you have it, to save attributing the text twice.

    >>> text = "“Stop the war,” said Jane Smith.\\n\\n“Never”, said John Doe."
    >>> for finding in check(text, disable=["QC201", "QC301"]):
    ...     print(finding.code, finding.severity, finding.start, finding.message)
    QC701 warning 41 comma outside the closing ”: American style puts it inside
    """
    if not isinstance(text, str):
        raise TypeError(f"check() expects text as str, not {type(text).__name__}")
    if style == "logical":
        style = "british"
    if style not in (*STYLES, "auto"):
        raise ValueError(f"style must be one of {', '.join(STYLE_CHOICES)}, not {style!r}")
    if result is not None and result.text != text:
        raise ValueError("check() was given the result of attributing another text")
    on = selected_codes(None if select is None else [select] if isinstance(select, str)
                        else select, [disable] if isinstance(disable, str) else disable)
    off = frozenset(CHECK_CODES) - on
    if result is None:
        # QC202 reads the reported speech
        result = attribute(text, reported="QC202" not in off)
    if style == "auto":
        style = infer_style(text, result).style
    article = Article(text, Options(style=style, long_paragraph=long_paragraph,
                                    min_confidence=min_confidence), result)
    findings: list[Finding] = []
    for group, function in CHECKS:
        if all(code in off for code in CHECK_CODES if code.startswith(group)):
            continue
        for hit in function(article):
            if hit.code in off:
                continue
            severity, name, _ = CHECK_CODES[hit.code]
            findings.append(Finding(code=hit.code, name=name, severity=_severity(severity),
                                    message=hit.message, start=hit.start, end=hit.end,
                                    fixes=hit.fixes))
    findings.sort(key=lambda f: (f.start, f.end, f.code))
    return findings


def apply_fixes(text: str, findings: Iterable[Finding]) -> str:
    """A copy of ``text`` with the suggested fixes of ``findings`` applied.

    Each finding's edits are applied all together or not at all; a finding whose
    edits overlap an earlier finding's is skipped (run :func:`check` again). The
    caller's string is not changed: a new one is returned.

    >>> text = 'He called it "rather honest", and “the talks went ‘well’.”'
    >>> once = apply_fixes(text, check(text))
    >>> print(once)
    He called it “rather honest”, and “the talks went ‘well.’”
    >>> print(apply_fixes(once, check(once)))
    He called it “rather honest,” and “the talks went ‘well.’”
    """
    chosen: list[Edit] = []
    taken: list[tuple[int, int]] = []
    for finding in sorted(findings, key=lambda f: (f.start, f.end, f.code)):
        spans = [(e.start, e.end) for e in finding.fixes]
        if not spans or any(s < te and ts < e or s == e == ts for s, e in spans
                            for ts, te in taken):
            continue
        chosen.extend(finding.fixes)
        taken.extend(spans)
    out = text
    for edit in sorted(chosen, key=lambda e: (e.start, e.end), reverse=True):
        out = out[:edit.start] + edit.text + out[edit.end:]
    return out


def _severity(value: str) -> Severity:
    if value == "error":
        return "error"
    if value == "warning":
        return "warning"
    return "info"
