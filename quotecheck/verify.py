"""Verify a quotation against its source: exact, altered word by word, or not found.

Matching is done on *folded* words (case, accents, ligatures, curly and straight
apostrophes, hyphens and hyphenated line breaks, spacing and punctuation all
folded away), but every offset and every word reported comes from the caller's own
strings, so what a reader is shown is what the source says. An ellipsis (``…`` or
``...``) in the quotation may stand for dropped words and a ``[bracketed]``
insertion may stand in for or add words: style allows both, so they are reported
as ``allowed``, not as changes.

Speed: the source is split into folded words once (and cached), anchors are found
through an index of word pairs, and :class:`difflib.SequenceMatcher` only ever runs
on a window of the source around the best anchors, never over the whole source
(and on a quotation of hundreds of words, piece by piece).

>>> source = "Mr. Grushko said: We will not move from it. It was a frank talk."
>>> print(verify("we will not move from it", source).status)
exact
>>> v = verify("We will never move from it", source)
>>> v.status, [(c.kind, c.source, c.quoted) for c in v.changes]
('altered', [('replaced', 'not', 'never')])
>>> print(verify("The talks collapsed in acrimony", source).status)
not_found
"""

from __future__ import annotations

import difflib
import sys
import threading
import unicodedata
from bisect import bisect_left
from collections import Counter, OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .checks import is_term
from .lexicon.cues import CUE_VERBS
from .models import Change, ChangeKind, Quote, Result, Verification
from .pipeline import attribute

__all__ = ["verify", "verify_article"]

# Share of the quotation's words that must be found in one place of the source for
# the quotation to count as altered rather than not found.
FOUND_FLOOR = 0.5
# Word pairs more frequent than this in the source are too common to anchor on.
_MAX_ANCHOR_HITS = 200
# Words more frequent than this are not used as single-word anchors.
_MAX_RARE_HITS = 20
# When every word pair of the quotation is too common to anchor on (a sentence the
# source repeats, or near variants of it), the rarest pairs still vote: at most this
# many of their hits, each for the place in the source where the quotation would start.
_MAX_VOTES = 100_000
# Sources whose indexes are kept (see _IndexCache), and their most characters.
_CACHE_SOURCES = 8
_CACHE_CHARS = 2_000_000
# Quotation words aligned in one piece (see _matching_blocks).
_CHUNK = 400
# Extra source words allowed around a candidate window.
_WINDOW_PAD = 6
# Source words an ellipsis may stand for when looking for a candidate window.
_ELISION_SPAN = 250
# How many candidate windows are aligned in full before the best is chosen.
_CANDIDATES = 3
# Where a sentence (or a speaker's turn) ends: words beyond it are not replaced by
# unmatched words at the edge of a quotation, they are simply not quoted.
_SENTENCE_BREAK_RE = regex.compile(r"[.!?…:;][\"'”’)\]]*+\s|\n|[\"“”«»„]")

# A word of running text: a number, or letters with inner apostrophes, hyphens,
# periods (U.S.) and hyphenated line breaks (vibra-\ntion). Soft hyphens count too.
_WORD = (
    r"\d+(?:[.,:/]\d+)*+(?:%|[^\W\d_]\w*)?"
    r"|\w+(?:(?:['’\u00ad\-\u2010\u2011]|-[^\S\n]*+\n\s*+|\.(?=\w(?!\w)))\w+)*"
)
WORD_RE = regex.compile(_WORD)
# A quotation also holds ellipses and [bracketed] insertions; a bracket glued to a
# word ("[T]he", "Putin[’s]") is part of that word.
_QUOTATION_TOKEN_RE = regex.compile(
    r"(?P<ellipsis>…|\.(?:[ \u00a0]?+\.){2,})"
    r"|(?P<word>(?:\[\w{1,4}\])?(?:" + _WORD + r")(?:\[[\w’']{1,4}\])?)"
    r"|(?P<bracket>\[[^\[\]]{0,200}\])"
)
# A transcript's time code (12:04, 01:12:04, 12:04.5, folded: no periods or commas):
# dropping one from a quotation is no change.
_TIMESTAMP_RE = regex.compile(r"\d{1,2}:\d{2}(?::\d{2})?+\d*+")
# Most words an attribution between two parts of one quotation may have.
_MAX_ATTRIBUTION_WORDS = 15
# A closing double mark after a word, an opening one before a word (see _between_quotes).
_CLOSING_RE = regex.compile(r"[”»\"]")
_OPENING_RE = regex.compile(r"[“«\"]\s*+$")
_ANY_MARK_RE = regex.compile(r"[“”«»\"]")
# A sentence end after an ordinary lower-case word ("she said. Then"), not after Mr.
_PLAIN_SENTENCE_END_RE = regex.compile(r"\p{Ll}{3}[.!?]\s")
# Characters removed when folding a word (hyphens, periods of U.S., commas of 100,000);
# curly apostrophes become straight ones.
_DROP = dict.fromkeys(map(ord, "-\u00ad\u2010\u2011.,[]\n\r\t "), None)
_APOSTROPHES = dict.fromkeys(map(ord, "’‘`´ʼ′"), "'")


def fold_word(word: str) -> str:
    """The matching key of one word: no case, accents, ligatures, hyphens or periods.

    >>> [fold_word(w) for w in ["Niccolò", "tradeoﬀ", "vibra-\\ntion", "U.S.", "Russia’s"]]
    ['niccolo', 'tradeoff', 'vibration', 'us', "russia's"]
    """
    if not word.isascii():
        word = unicodedata.normalize("NFKD", word.translate(_APOSTROPHES))
        word = "".join(c for c in word if not unicodedata.combining(c))
    return word.translate(_DROP).casefold()


@dataclass(frozen=True, slots=True)
class _Words:
    """A text split into folded words with their offsets."""

    keys: list[str]
    starts: list[int]
    ends: list[int]


@dataclass(frozen=True, slots=True)
class _SourceIndex:
    words: _Words
    singles: dict[str, list[int]]
    pairs: dict[tuple[str, str], list[int]]


@dataclass(frozen=True, slots=True)
class _QuoteToken:
    kind: str  # "word", "ellipsis" or "bracket"
    key: str  # folded word, or a sentinel that matches nothing
    start: int
    end: int


def _build_index(source: str) -> _SourceIndex:
    keys: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    folded: dict[str, str] = {}  # surface word → key: most words come back often
    for match in WORD_RE.finditer(source):
        word = match.group()
        key = folded.get(word)
        if key is None:
            key = folded[word] = sys.intern(fold_word(word))
        keys.append(key)
        start, end = match.span()
        starts.append(start)
        ends.append(end)
    singles: dict[str, list[int]] = {}
    pairs: dict[tuple[str, str], list[int]] = {}
    for position, key in enumerate(keys):
        singles.setdefault(key, []).append(position)
    for position, pair in enumerate(zip(keys, keys[1:], strict=False)):
        pairs.setdefault(pair, []).append(position)
    return _SourceIndex(_Words(keys, starts, ends), singles, pairs)


class _IndexCache:
    """The indexes of the last sources verified, bounded by their total size.

    The latest source is always kept (``verify_article`` looks many quotations up in
    one source); older ones only while all kept sources hold at most
    ``_CACHE_CHARS`` characters, so a run over large sources keeps one of them.
    """

    __slots__ = ("_entries", "_lock")

    def __init__(self) -> None:
        self._entries: OrderedDict[str, _SourceIndex] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, source: str) -> _SourceIndex:
        with self._lock:
            index = self._entries.get(source)
            if index is not None:
                self._entries.move_to_end(source)
                return index
        index = _build_index(source)
        with self._lock:
            self._entries[source] = index
            self._entries.move_to_end(source)
            total = sum(len(kept) for kept in self._entries)
            while len(self._entries) > 1 and (
                    total > _CACHE_CHARS or len(self._entries) > _CACHE_SOURCES):
                oldest, _ = self._entries.popitem(last=False)
                total -= len(oldest)
        return index


_INDEXES = _IndexCache()
_index_source = _INDEXES.get


def _quotation_tokens(quotation: str) -> list[_QuoteToken]:
    tokens: list[_QuoteToken] = []
    for number, match in enumerate(_QUOTATION_TOKEN_RE.finditer(quotation)):
        kind = match.lastgroup or "word"
        key = fold_word(match.group()) if kind == "word" else f"\x00{kind}{number}"
        tokens.append(_QuoteToken(kind, key, match.start(), match.end()))
    return tokens


def _candidate_windows(index: _SourceIndex, tokens: list[_QuoteToken]) -> list[tuple[int, int]]:
    """Source word ranges ``[lo, hi)`` around the best clusters of anchor hits."""
    word_at = [i for i, t in enumerate(tokens) if t.kind == "word"]
    n_words = len(word_at)
    anchors: list[tuple[int, list[int]]] = []  # (quotation word number, source positions)
    for number in range(n_words - 1):
        first, second = word_at[number], word_at[number + 1]
        if second != first + 1:
            continue  # an ellipsis or a bracket sits between them
        found = index.pairs.get((tokens[first].key, tokens[second].key))
        if found and len(found) <= _MAX_ANCHOR_HITS:
            anchors.append((number, found))
    if sum(len(found) for _, found in anchors) > _MAX_VOTES:
        # a quotation of thousands of words: its rarest pairs are anchors enough
        by_rarity = sorted(anchors, key=lambda anchor: len(anchor[1]))
        budget = _MAX_VOTES
        for count, (_, found) in enumerate(by_rarity):
            budget -= len(found)
            if budget < 0:
                anchors = sorted(by_rarity[:count])
                break
    hits: list[tuple[int, int]] = []  # (source word position, quotation word number)
    for number, found in anchors:
        hits.extend((position, number) for position in found)
        hits.extend((position + 1, number + 1) for position in found)
    if len(hits) < 2:
        for number, at in enumerate(word_at):
            single = index.singles.get(tokens[at].key, [])
            if len(single) <= _MAX_RARE_HITS or n_words == 1:
                hits.extend((position, number) for position in single[:_MAX_ANCHOR_HITS])
    elisions = sum(1 for t in tokens if t.kind == "ellipsis")
    max_gap = n_words + _WINDOW_PAD + elisions * _ELISION_SPAN
    if len(hits) < 2:
        hits = _voted_hits(index, tokens, word_at) or hits
    if not hits:
        return []
    hits.sort()
    clusters: list[list[tuple[int, int]]] = [[hits[0]]]
    for hit in hits[1:]:
        # a cluster spans at most what the quotation could cover, so a passage the
        # source repeats many times over is not aligned as one window
        if hit[0] - clusters[-1][-1][0] > max_gap or hit[0] - clusters[-1][0][0] > 2 * max_gap:
            clusters.append([])
        clusters[-1].append(hit)
    clusters.sort(key=lambda c: (-len({n for _, n in c}), c[0][0]))
    total = len(index.words.keys)
    windows = []
    for cluster in clusters[:_CANDIDATES]:
        lo = max(0, cluster[0][0] - cluster[0][1] - _WINDOW_PAD)
        hi = min(total, cluster[-1][0] + (n_words - cluster[-1][1]) + _WINDOW_PAD)
        windows.append((lo, hi))
    return windows


def _voted_hits(index: _SourceIndex, tokens: list[_QuoteToken], word_at: list[int]
                ) -> list[tuple[int, int]]:
    """Anchor hits of the places most word pairs of the quotation agree on.

    Used when every pair is too common to anchor on by itself: the rarest pairs
    come first, and each of their hits votes for the source word where the
    quotation would start; the hits of the best-voted places are returned.
    """
    found: list[tuple[int, list[int]]] = []  # (quotation word number, source positions)
    for number in range(len(word_at) - 1):
        first, second = word_at[number], word_at[number + 1]
        if second == first + 1:
            positions = index.pairs.get((tokens[first].key, tokens[second].key))
            if positions:
                found.append((number, positions))
    found.sort(key=lambda item: len(item[1]))
    votes: Counter[int] = Counter()
    budget = _MAX_VOTES
    used: list[tuple[int, list[int]]] = []
    for number, positions in found:
        if len(positions) > budget:
            break
        budget -= len(positions)
        votes.update(position - number for position in positions)
        used.append((number, positions))
    if not votes:
        return []
    places = sorted(votes.items(), key=lambda item: (-item[1], item[0]))[:_CANDIDATES]
    starts = {place for place, _ in places}
    return [(position + step, number + step) for number, positions in used
            for position in positions if position - number in starts for step in (0, 1)]


def _align(keys: list[str], lo: int, hi: int, quote_keys: list[str]
           ) -> tuple[int, int, int] | None:
    """Matched word count and the trimmed source range ``[lo, hi)`` of the best window."""
    blocks = [b for b in _matching_blocks(keys[lo:hi], quote_keys) if b[2]]
    if not blocks:
        return None
    matched = sum(size for _, _, size in blocks)
    return matched, lo + blocks[0][0], lo + blocks[-1][0] + blocks[-1][2]


def _matching_blocks(source: list[str], quoted: list[str]) -> list[tuple[int, int, int]]:
    """``SequenceMatcher``'s matching blocks ``(i, j, size)``, the last one empty.

    A quotation of up to ``_CHUNK`` words is aligned in one piece. A longer one is
    aligned ``_CHUNK`` words at a time against the source words after the last
    match (the matcher's time grows with the product of the lengths, and with how
    often its words repeat), so a quotation as long as an article takes linear time.
    """
    if len(quoted) <= _CHUNK:
        matcher = difflib.SequenceMatcher(None, source, quoted, autojunk=False)
        return [(a, b, size) for a, b, size in matcher.get_matching_blocks()]
    blocks: list[tuple[int, int, int]] = []
    i = 0
    for j in range(0, len(quoted), _CHUNK):
        window = source[i:i + 2 * _CHUNK + _ELISION_SPAN]
        matcher = difflib.SequenceMatcher(None, window, quoted[j:j + _CHUNK], autojunk=False)
        found = [(i + a, j + b, size) for a, b, size in matcher.get_matching_blocks() if size]
        if found:
            blocks.extend(found)
            i = found[-1][0] + found[-1][2]
    merged: list[tuple[int, int, int]] = []
    for a, b, size in blocks:  # blocks that touch across two pieces are one
        if merged and merged[-1][0] + merged[-1][2] == a and merged[-1][1] + merged[-1][2] == b:
            merged[-1] = (merged[-1][0], merged[-1][1], merged[-1][2] + size)
        else:
            merged.append((a, b, size))
    return [*merged, (len(source), len(quoted), 0)]


def _opcodes(source: list[str], quoted: list[str]) -> list[tuple[str, int, int, int, int]]:
    """``SequenceMatcher.get_opcodes`` from :func:`_matching_blocks`."""
    if len(quoted) <= _CHUNK:
        matcher = difflib.SequenceMatcher(None, source, quoted, autojunk=False)
        return list(matcher.get_opcodes())
    i = j = 0
    opcodes: list[tuple[str, int, int, int, int]] = []
    for a, b, size in _matching_blocks(source, quoted):
        tag = ("replace" if i < a and j < b else "delete" if i < a
               else "insert" if j < b else "")
        if tag:
            opcodes.append((tag, i, a, j, b))
        i, j = a + size, b + size
        if size:
            opcodes.append(("equal", a, i, b, j))
    return opcodes


class _ChangeWriter:
    """Turns opcodes of one alignment into :class:`Change` models."""

    def __init__(self, quotation: str, source: str, words: _Words,
                 tokens: list[_QuoteToken]) -> None:
        self.quotation = quotation
        self.source = source
        self.words = words
        self.tokens = tokens
        self.changes: list[Change] = []
        self.allowed: list[Change] = []

    def _quote_point(self, j: int) -> int:
        return self.tokens[j - 1].end if j > 0 else (self.tokens[0].start if self.tokens else 0)

    def _source_point(self, i: int) -> int:
        if i > 0:
            return self.words.ends[i - 1]
        return self.words.starts[0] if self.words.starts else 0

    def _between_quotes(self, i1: int, i2: int) -> bool:
        """Whether source words ``[i1, i2)`` sit between a closing and an opening mark.

        In an earlier article the attribution interrupts a quotation ("…clear,” Mr.
        Jasina said. “Only …"): leaving it out of the quotation is no change. Only a
        short clause with a reporting verb, no quotation mark and no sentence end
        counts, so two separate quotations cannot be spliced into one.
        """
        words, source = self.words, self.source
        if i1 == 0 or i2 >= len(words.starts) or i2 - i1 > _MAX_ATTRIBUTION_WORDS:
            return False
        before = source[words.ends[i1 - 1]:words.starts[i1]]
        after = source[words.ends[i2 - 1]:words.starts[i2]]
        inside = source[words.starts[i1]:words.ends[i2 - 1]]
        return (bool(_CLOSING_RE.search(before)) and bool(_OPENING_RE.search(after))
                and not _ANY_MARK_RE.search(inside) and not _PLAIN_SENTENCE_END_RE.search(inside)
                and any(words.keys[i] in CUE_VERBS for i in range(i1, i2)))

    def add(self, kind: ChangeKind, i1: int, i2: int, j1: int, j2: int, allowed: bool) -> None:
        if j2 > j1:
            quote_start, quote_end = self.tokens[j1].start, self.tokens[j2 - 1].end
        else:
            quote_start = quote_end = self._quote_point(j1)
        if i2 > i1:
            source_start, source_end = self.words.starts[i1], self.words.ends[i2 - 1]
        else:
            source_start = source_end = self._source_point(i1)
        change = Change(
            kind=kind, quoted=self.quotation[quote_start:quote_end],
            source=self.source[source_start:source_end], quote_start=quote_start,
            quote_end=quote_end, source_start=source_start, source_end=source_end,
            allowed=allowed,
        )
        (self.allowed if allowed else self.changes).append(change)

    def opcode(self, tag: str, i1: int, i2: int, j1: int, j2: int) -> None:
        """Record one ``SequenceMatcher`` opcode (source ``i``, quotation ``j``)."""
        if tag == "equal":
            return
        if tag == "replace" and "".join(self.words.keys[i1:i2]) == "".join(
                t.key for t in self.tokens[j1:j2]):
            return  # only spacing or hyphens differ: counter deterrence, counter-deterrence
        if tag == "delete":
            allowed = self._between_quotes(i1, i2) or all(
                _TIMESTAMP_RE.fullmatch(self.words.keys[i]) for i in range(i1, i2))
            self.add("dropped", i1, i2, j1, j1, allowed)
            return
        # insert or replace: ellipses and brackets are allowed, words are changes
        run_start = j1
        for j in range(j1, j2 + 1):
            boundary = j == j2 or (self.tokens[j].kind == "word") != (
                self.tokens[run_start].kind == "word")
            if not boundary:
                continue
            if j > run_start:
                self._run(run_start, j, i1, i2, tag, only=(run_start == j1 and j == j2))
            run_start = j

    def _run(self, j1: int, j2: int, i1: int, i2: int, tag: str, only: bool) -> None:
        kind = self.tokens[j1].kind
        covers = tag == "replace" and (only or kind != "word")
        s1, s2 = (i1, i2) if covers else (i1, i1)
        if kind == "word":
            self.add("replaced" if tag == "replace" else "added", s1, s2, j1, j2, False)
        else:
            self.add("ellipsis" if kind == "ellipsis" else "bracket", s1, s2, j1, j2, True)


def verify(quotation: str, source: str) -> Verification:
    """Is ``quotation`` in ``source``? Exact, altered (word by word) or not found.

    ``start``/``end`` of the result are offsets into ``source``. Folding makes case,
    accents, ligatures, hyphenated line breaks, quotation marks and spacing count as
    the same; ellipses and ``[bracketed]`` words are allowed edits.

    >>> source = "“We will not retreat,” said Mr. Grushko. “The talks were frank.”"
    >>> v = verify("We will … retreat", source)
    >>> v.status, v.start, v.end, [c.kind for c in v.allowed]
    ('exact', 1, 20, ['ellipsis'])
    >>> v = verify("We will not retreat, ever", source)
    >>> v.status, [(c.kind, c.quoted) for c in v.changes]
    ('altered', [('added', 'ever')])
    >>> print(verify("[The negotiations] were frank", source).allowed[0].source)
    The talks
    """
    if not isinstance(quotation, str) or not isinstance(source, str):
        raise TypeError("verify() expects the quotation and the source as str")
    tokens = _quotation_tokens(quotation)
    quote_keys = [t.key for t in tokens]
    n_words = sum(1 for t in tokens if t.kind == "word")
    if n_words == 0:
        raise ValueError("verify() needs a quotation with at least one word")
    index = _index_source(source)
    keys = index.words.keys
    words = [t for t in tokens if t.kind == "word"]
    word_starts = [t.start for t in words]
    best: tuple[int, int, int] | None = None
    for lo, hi in _candidate_windows(index, tokens):
        aligned = _align(keys, lo, hi, quote_keys)
        if aligned is not None and (best is None or aligned[0] > best[0]):
            best = aligned
    if best is None:
        return Verification(status="not_found", quotation=quotation)
    matched, lo, hi = best
    score = matched / n_words
    if score < FOUND_FLOOR or (matched < 2 and n_words > 1):
        start, end = index.words.starts[lo], index.words.ends[hi - 1]
        return Verification(status="not_found", quotation=quotation, start=start, end=end,
                            matched=source[start:end], score=round(score, 4))
    writer = _ChangeWriter(quotation, source, index.words, tokens)
    opcodes = _opcodes(keys[lo:hi], quote_keys)
    for tag, i1, i2, j1, j2 in opcodes:
        at_edge = tag == "insert" and (i1 == 0 or i1 == hi - lo)
        if not at_edge:
            writer.opcode(tag, lo + i1, lo + i2, j1, j2)
    lo, hi = _edges(writer, opcodes, lo, hi)
    start, end = index.words.starts[lo], index.words.ends[hi - 1]
    changed = sum(_words_within(words, word_starts, c.quote_start, c.quote_end)
                  for c in writer.changes)
    elided = sum(len(WORD_RE.findall(source, c.source_start, c.source_end))
                 for c in writer.allowed)
    score = max(0.0, (n_words - changed) / max(n_words, hi - lo - elided))
    return Verification(
        status="altered" if writer.changes else "exact", quotation=quotation, start=start,
        end=end, matched=source[start:end], score=round(score, 4),
        changes=tuple(sorted(writer.changes, key=lambda c: c.quote_start)),
        allowed=tuple(sorted(writer.allowed, key=lambda c: c.quote_start)),
    )


def _words_within(words: list[_QuoteToken], word_starts: list[int], start: int, end: int
                  ) -> int:
    """How many of the quotation's ``words`` (in order) lie within ``[start, end)``."""
    count = 0
    for number in range(bisect_left(word_starts, start), len(words)):
        if words[number].start >= end:
            break
        count += words[number].end <= end
    return count


def _edges(writer: _ChangeWriter, opcodes: Sequence[tuple[str, int, int, int, int]], lo: int,
           hi: int) -> tuple[int, int]:
    """Record quotation tokens before the first and after the last matched word.

    Working outwards from the match, each unmatched word or bracket of the quotation
    pairs with the next source word of the same sentence: a word is then
    ``replaced`` (``They`` for ``We``), a bracket an allowed substitution. Tokens left
    over are ``added`` words or allowed insertions. Returns the widened match.
    """
    leading = opcodes[0] if opcodes[0][0] == "insert" and opcodes[0][1] == 0 else None
    trailing = opcodes[-1] if opcodes[-1][0] == "insert" and opcodes[-1][1] == hi - lo else None
    if leading is not None:
        _, _, _, j1, j2 = leading
        lo = _edge(writer, list(range(j2 - 1, j1 - 1, -1)), lo, -1)
    if trailing is not None:
        _, _, _, j1, j2 = trailing
        hi = _edge(writer, list(range(j1, j2)), hi - 1, 1) + 1
    return lo, hi


def _joined_run(writer: _ChangeWriter, order: list[int], bound: int, step: int) -> int | None:
    """The new bound when the edge words differ from the next source words only in
    spacing or hyphens (``counter deterrence`` for ``counter-deterrence``)."""
    tokens = [writer.tokens[j] for j in order]
    if any(t.kind != "word" for t in tokens):
        return None
    if step < 0:
        tokens.reverse()
    target = "".join(t.key for t in tokens)
    keys = writer.words.keys
    for count in range(1, len(tokens) + 1):
        lo, hi = (bound - count, bound) if step < 0 else (bound + 1, bound + 1 + count)
        if lo < 0 or hi > len(keys):
            break
        if "".join(keys[lo:hi]) == target:
            return lo if step < 0 else hi - 1
    return None


def _edge(writer: _ChangeWriter, order: list[int], bound: int, step: int) -> int:
    """Pair edge tokens (nearest first) with source words beyond ``bound``; new bound."""
    words = writer.words
    source = writer.source
    joined = _joined_run(writer, order, bound, step)
    if joined is not None:
        return joined
    position = bound
    pairs: list[tuple[str, int, int | None]] = []  # (kind, token, source word or None)
    for j in order:
        token = writer.tokens[j]
        # a word stands for one source word, a bracket for as many as it holds
        wanted = (0 if token.kind == "ellipsis" else 1 if token.kind == "word"
                  else max(1, len(WORD_RE.findall(writer.quotation, token.start, token.end))))
        taken: list[int] = []
        while len(taken) < wanted and 0 <= position + step < len(words.keys):
            nxt = position + step
            gap = (source[words.ends[nxt]:words.starts[position]] if step < 0
                   else source[words.ends[position]:words.starts[nxt]])
            if _SENTENCE_BREAK_RE.search(gap):
                break
            taken.append(nxt)
            position = nxt
        group = token.kind if token.kind != "word" else ("replaced" if taken else "added")
        paired: list[int | None] = [*taken] if taken else [None]
        pairs.extend((group, j, p) for p in paired)
    if step < 0:
        pairs.reverse()
    index = 0
    while index < len(pairs):
        group = pairs[index][0]
        stop = index
        while stop + 1 < len(pairs) and pairs[stop + 1][0] == group:
            stop += 1
        run = pairs[index:stop + 1]
        sources = [p for _, _, p in run if p is not None]
        if sources:
            s1, s2 = min(sources), max(sources) + 1
        else:
            s1 = s2 = (bound if step < 0 else bound + 1)
        change_kind: ChangeKind = (
            "ellipsis" if group == "ellipsis" else "bracket" if group == "bracket"
            else "replaced" if group == "replaced" else "added")
        writer.add(change_kind, s1, s2, run[0][1], run[-1][1] + 1,
                   allowed=group in ("ellipsis", "bracket"))
        index = stop + 1
    return position


def verify_article(text: str, source: str, *, skip_terms: bool = False,
                   result: Result | None = None) -> list[tuple[Quote, Verification]]:
    """Every quotation of an article, each looked up in ``source``, in document order.

    Outermost quotations only (a nested one is part of its outer quotation's words).
    ``skip_terms`` leaves out scare quotes and short terms; quotations with no word
    (“…”) are left out. Pass the ``result`` of :func:`quotecheck.attribute` for
    ``text`` to save attributing it again.

    >>> source = "We will not move from it. The talks were frank and useful."
    >>> article = "“We will never move from it,” he said. The talks were “frank.”"
    >>> [(q.text, v.status) for q, v in verify_article(article, source)]
    [('We will never move from it,', 'altered'), ('frank.', 'exact')]
    """
    if result is None:
        result = attribute(text)
    elif result.text != text:
        raise ValueError("verify_article() was given the result of attributing another text")
    found: list[tuple[Quote, Verification]] = []
    for quote in result.quotes:
        if skip_terms and is_term(quote, text):
            continue
        try:
            found.append((quote, verify(quote.text, source)))
        except ValueError:
            continue  # no word to look up
    return found
