"""The quotation finder: pairs quotation marks into quotations, with exact offsets.

Curly and straight, single and double, guillemets, German „…“, TeX ````…''`` and
NYT doubled apostrophes ``''…''``. A straight or closing single mark is an
apostrophe when it sits inside a word (``it’s``), before a number (``’90s``), in
an elision (``rock ’n’ roll``), after a plural with no single quotation open
(``allies’``), or after a plural inside one that a later mark closes (``‘the
allies’ decision’``, but not ``‘success’ was``: a function word follows). Nested
quotations hang off their outer quotation. A quotation that runs over several
paragraphs, each reopening the mark, is one quotation. An
unclosed mark ends its quotation at the paragraph end, flagged ``closed=False``, or
just before a second opener of its kind when the paragraph holds no closer for both.
Heights (``5'10"``), spaced stray closers (``a stray ” mark``) and empty pairs
(``""``, which quote nothing) are stray marks.

>>> quotes, stray = scan_quotes("“It’s over,” she said. “The ’90s are ‘gone’.”")
>>> [(q.start, q.end, len(q.children)) for q in quotes]
[(0, 12, 0), (23, 45, 1)]
>>> stray
[]
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .layout import paragraph_bounds
from .lexicon.cues import CUE_VERBS
from .lexicon.quotemarks import MIXED_CLOSERS, QUOTE_PAIRS, SINGLE_MARKS
from .lexicon.words import FUNCTION_WORDS
from .models import Quote, StrayMark, StrayReason
from .patterns import MARK_RE

__all__ = ["MarkRole", "QuoteSpan", "find_quotes", "markup_tags", "scan_marks", "scan_quotes"]

# Depth beyond which nested marks are still paired, on a plain stack of strings, but
# reported as stray (``ambiguous``) instead of as quotations: every quotation holds a
# copy of its text, so 10,000 nested quotations would cost 10,000 copies of the text.
MAX_DEPTH = 16
# How far down the stack a closing mark looks for its opener.
_STACK_SEARCH = 4

_OPEN_PUNCT = frozenset("([{<—–-/\u2014\u2013")
_CLOSE_PUNCT = frozenset(".,;:!?)]}>—–-…/\u2014\u2013*")
_ELISIONS = frozenset(
    ["em", "tis", "twas", "til", "cause", "n", "bout", "round", "nuff", "cos", "kay", "ere"]
)
# A byte-order mark, zero-width space and word joiner: invisible, so a mark's flanks
# are the characters past them.
_INVISIBLE = frozenset("\ufeff\u200b\u2060")
_DOUBLE_STRAIGHT = frozenset(['"', "''"])
_DOUBLED_CURLY = frozenset(["\u2018\u2018", "\u2019\u2019"])
_ALL_MARKS = frozenset(QUOTE_PAIRS) | {c for cs in QUOTE_PAIRS.values() for c in cs}
# A markup tag (``<p>``, ``<tweet author="…">``, ``<a href='…'>``): the marks around
# its attribute values are markup, not quotation marks. Nothing in a tag spans a ``<``
# or ``>``, so each try stops at the next one and the scan stays linear.
# A tag holds no line break, so it never spans two paragraphs.
_MARKUP_TAG_RE = regex.compile(
    r"</?[A-Za-z][\w:.\-]*+"
    r"(?:[^\S\n\r\v\f\x1c-\x1e\x85\u2028\u2029]++[A-Za-z_:][\w:.\-]*+"
    r"(?:[ \t]*+=[ \t]*+(?:\"[^\"<>\n\r\v\f\x1c-\x1e\x85\u2028\u2029]*+\""
    r"|'[^'<>\n\r\v\f\x1c-\x1e\x85\u2028\u2029]*+'|[^\s\"'<>=`]++))?+)*+"
    r"[ \t]*+/?>"
)


@dataclass(slots=True)
class QuoteSpan:
    """A quotation found by the scanner (the fast inner form of :class:`Quote`)."""

    start: int
    end: int
    open_mark: str
    close_mark: str | None
    closed: bool
    paragraphs: int
    children: list[QuoteSpan] = field(default_factory=list)

    @property
    def inner_start(self) -> int:
        return self.start + len(self.open_mark)

    @property
    def inner_end(self) -> int:
        return self.end - len(self.close_mark) if self.close_mark and self.closed else self.end


@dataclass(slots=True)
class MarkRole:
    """What one mark turned out to be: ``open``, ``close``, ``reopen``, ``apostrophe``
    or ``stray`` (with the :class:`StrayMark` reason)."""

    start: int
    end: int
    role: str
    reason: StrayReason | None = None


@dataclass(slots=True)
class _Open:
    mark: str
    start: int
    paragraphs: int
    children: list[QuoteSpan] = field(default_factory=list)
    role: int = -1  # index of its role in the scanner's roles


def _flanks(text: str, start: int, end: int, lo: int, hi: int) -> tuple[str, str]:
    """The characters beside a mark, past one invisible character; a paragraph edge
    reads as a space."""
    if start > lo and text[start - 1] in _INVISIBLE:
        start -= 1
    if end < hi and text[end] in _INVISIBLE:
        end += 1
    before = text[start - 1] if start > lo else " "
    after = text[end] if end < hi else " "
    return before, after


def _left_flanking(before: str, after: str) -> bool:
    return not after.isspace() and (
        before.isspace() or before in _OPEN_PUNCT or before in _ALL_MARKS
    )


def _right_flanking(before: str, after: str) -> bool:
    return not before.isspace() and (
        after.isspace() or after in _CLOSE_PUNCT or after in _ALL_MARKS
    )


def _elision_after(text: str, end: int, hi: int) -> bool:
    stop = end
    while stop < hi and stop - end < 6 and text[stop].isalpha():
        stop += 1
    word = text[end:stop].lower()
    return word in _ELISIONS and (stop >= hi or not text[stop].isalpha())


class _Scanner:
    """One pass over the marks of a text; state is local to one call."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.top: list[QuoteSpan] = []
        self.roles: list[MarkRole] = []
        self.stack: list[_Open] = []
        self.open_count: dict[str, int] = {}
        self.deep: list[str] = []  # openers beyond MAX_DEPTH, innermost last

    # -- stack operations -------------------------------------------------
    def _attach(self, quote: QuoteSpan) -> None:
        if self.stack:
            # beyond MAX_DEPTH, attach to the deepest recorded ancestor
            index = min(len(self.stack), MAX_DEPTH) - 1
            self.stack[index].children.append(quote)
        else:
            self.top.append(quote)

    def _close(self, depth: int, start: int, end: int, close_mark: str) -> None:
        """Close the opener at ``depth`` with the mark at ``start``; openers above it
        were never closed. An empty pair (``""``) quotes nothing: both marks are stray."""
        while len(self.stack) > depth + 1:
            self._unclosed(self._pop(), None)
        opener = self._pop()
        if opener.start + len(opener.mark) == start and not opener.children:
            self.roles[opener.role] = MarkRole(opener.start, start, "stray", "ambiguous")
            self.roles.append(MarkRole(start, end, "stray", "ambiguous"))
            return
        self._attach(QuoteSpan(opener.start, end, opener.mark, close_mark, True,
                               opener.paragraphs, opener.children))
        self.roles.append(MarkRole(start, end, "close"))

    def _unclosed(self, opener: _Open, end: int | None) -> None:
        """An opener that never closed: a flagged quotation to ``end``, or stray."""
        self.roles.append(MarkRole(opener.start, opener.start + len(opener.mark), "stray",
                                   "unclosed"))
        if end is not None and end > opener.start + len(opener.mark):
            self._attach(QuoteSpan(opener.start, end, opener.mark, None, False,
                                   opener.paragraphs, opener.children))
        else:
            for child in opener.children:
                self._attach(child)

    def _find_opener(self, mark: str) -> int:
        """Stack depth of the nearest opener that ``mark`` closes, or -1."""
        for depth in range(len(self.stack) - 1, max(-1, len(self.stack) - 1 - _STACK_SEARCH), -1):
            if mark in QUOTE_PAIRS.get(self.stack[depth].mark, ()):
                return depth
        return -1

    def _close_mixed(self, mark: str, start: int, end: int, ahead: _Ahead) -> bool:
        """Close an opener of another style with ``mark`` (``“…"``, ``"…”``, ``“…“``) when
        no closer of the opener's own kind is left for it in the paragraph."""
        for depth in range(len(self.stack) - 1, max(-1, len(self.stack) - 1 - _STACK_SEARCH), -1):
            opener = self.stack[depth].mark
            if mark in MIXED_CLOSERS.get(opener, ()) and not self._own_closer_ahead(opener, ahead):
                self._close(depth, start, end, mark)
                return True
        return False

    def _own_closer_ahead(self, opener: str, ahead: _Ahead) -> bool:
        """Whether the paragraph still holds a closer of ``opener``'s own kind for it: the
        closers ahead, less those the openers ahead will take (an opener of the other
        style with no closer of its own takes one: ``“A," he said. "B.”``), cover the
        open ones."""
        straight_left = ahead.straight_close - ahead.straight_open
        curly_left = ahead.curly_close - ahead.curly_open
        if opener == '"':
            return straight_left + min(0, curly_left) >= self.open_count.get(opener, 0)
        if opener == "\u201c":
            return curly_left + min(0, straight_left) >= self._open_curly()
        return ahead.single_close

    def _push(self, mark: str, start: int) -> None:
        if len(self.stack) >= MAX_DEPTH:
            self.deep.append(mark)
            self.roles.append(MarkRole(start, start + len(mark), "stray", "ambiguous"))
            return
        self.stack.append(_Open(mark, start, 1, role=len(self.roles)))
        self.open_count[mark] = self.open_count.get(mark, 0) + 1
        self.roles.append(MarkRole(start, start + len(mark), "open"))

    def _pop(self) -> _Open:
        opener = self.stack.pop()
        self.open_count[opener.mark] -= 1
        return opener

    def _open_curly(self) -> int:
        """How many open quotations on the stack close with ``”``."""
        count = self.open_count  # called for every curly mark: no generator here
        return count.get("\u201c", 0) + count.get("\u201e", 0) + count.get("\u201d", 0)

    def _unclosed_before(self, mark: str, start: int) -> None:
        """A new ``mark`` opens while one is open with no closer left for both: the
        open one never closed, and ends (flagged) before the new opener."""
        if not self.stack or self.stack[-1].mark != mark:
            return
        end = start
        while end > self.stack[-1].start and self.text[end - 1].isspace():
            end -= 1
        self._unclosed(self._pop(), end)

    # -- paragraph boundaries ----------------------------------------------
    def end_paragraph(self, para: tuple[int, int], next_para: tuple[int, int] | None) -> int:
        """Close or carry open quotations at a paragraph end.

        A quotation carries over when the next paragraph reopens its mark, unless it
        is a fragment that opened in this paragraph (AP style closes a partial quotation
        at its paragraph's end): then it never closed, and the next mark opens anew.
        Returns the offset of a reopening mark at the start of the next paragraph
        (consumed here), or -1.
        """
        self.deep.clear()
        if not self.stack:
            return -1
        para_start, para_end = para
        outer = self.stack[0]
        if next_para is not None and not (
                outer.paragraphs == 1
                and _opens_fragment(self.text, outer.start, len(outer.mark), para_start)):
            nstart, nend = next_para
            match = MARK_RE.match(self.text, nstart, nend)
            if match and self._reopens(outer.mark, match.group()):
                while len(self.stack) > 1:
                    self._unclosed(self._pop(), para_end)
                outer.paragraphs += 1
                self.roles.append(MarkRole(match.start(), match.end(), "reopen"))
                return match.end()
        while self.stack:
            opener = self._pop()
            single_inside = opener.mark in SINGLE_MARKS and self.stack
            self._unclosed(opener, None if single_inside else para_end)
        return -1

    @staticmethod
    def _reopens(outer: str, mark: str) -> bool:
        return mark == outer or (outer == "«" and mark == "»")

    # -- one mark ------------------------------------------------------------
    def mark(self, mark: str, start: int, end: int, lo: int, hi: int, ahead: _Ahead) -> None:
        text = self.text
        before, after = _flanks(text, start, end, lo, hi)
        left = _left_flanking(before, after)
        right = _right_flanking(before, after)

        if (self.deep and mark in QUOTE_PAIRS[self.deep[-1]] and (right or not left)
                and not (before.isalnum() and after.isalnum())):
            self.deep.pop()  # closes a mark nested beyond MAX_DEPTH
            self.roles.append(MarkRole(start, end, "stray", "ambiguous"))
            return
        if mark in _DOUBLED_CURLY and (self._find_opener(mark) < 0 if mark == "\u2019\u2019"
                                       else not left):
            # ‘It is ‘rubbish’’ (two closers), or ‘‘ after a word: two single marks
            self.mark(mark[0], start, start + 1, lo, hi, ahead)
            self.mark(mark[1], start + 1, end, lo, hi, ahead)
            return
        if mark in ("'", "\u2019"):
            self._single(mark, start, end, hi, before, after, left, right, ahead)
            return
        if mark in _DOUBLE_STRAIGHT:
            self._double_straight(mark, start, end, lo, hi, before, left, right, ahead)
            return
        # a mark that may close an opener on the stack („…“, »…«, ‚…‘)
        depth = self._find_opener(mark)
        if (depth >= 0 and mark == "\u201d" and before.isspace() and after.isspace()
                and ahead.curly_close >= self._open_curly()):
            # “a stray ” mark inside,”: a spaced closer with the real one still to come
            self.roles.append(MarkRole(start, end, "stray", "ambiguous"))
            return
        if depth >= 0 and (mark in ("\u201d", "\u00bb", "\u203a", "\u300d", "\u300f")
                           or not left or right):
            self._close(depth, start, end, mark)
            return
        if (depth < 0 and mark in ("\u201c", "\u201d") and right and not left
                and not (mark == "\u201c" and before in _ALL_MARKS)
                and self._close_mixed(mark, start, end, ahead)):
            return  # "work-related” and “rapists“: closers of another style
        if mark == "\u2018" and (
                (before.isalnum() and after.isalnum())
                or (after.isdigit()
                    and (_year_follows(text, end, hi) or not ahead.single_any_close))):
            self.roles.append(MarkRole(start, end, "apostrophe"))  # don‘t, ‘90s typed with ‘
            return
        if mark == "\u201d" and before.isspace() and _ellipsis_follows(text, end, hi):
            left = True  # ” … and the rest: an opener before an ellipsis
        if mark == "\u201d" and (not left or right or ahead.curly_close <= self._open_curly()):
            # ” opens only when it cannot close and a closer is left for it (”wrong”)
            self.roles.append(MarkRole(start, end, "stray", "unopened"))
            return
        if mark in QUOTE_PAIRS and (mark not in ("\u00bb", "\u203a") or left):
            if mark == "\u201c" and ahead.curly_close <= self._open_curly():
                self._unclosed_before(mark, start)
            self._push(mark, start)
            return
        self.roles.append(MarkRole(start, end, "stray", "unopened"))

    def _double_straight(self, mark: str, start: int, end: int, lo: int, hi: int,
                         before: str, left: bool, right: bool, ahead: _Ahead) -> None:
        if (mark == "''" and left and not right and not ahead.doubled
                and (_elision_after(self.text, end, hi) or self.text[end:end + 1].isdigit())):
            # ''Tis, ''90s: a single opener and the apostrophe of an elision, not NYT ''
            self._push("'", start)
            self.roles.append(MarkRole(start + 1, end, "apostrophe"))
            return
        if mark == '"' and _after_feet(self.text, start, lo):
            self.roles.append(MarkRole(start, end, "stray", "ambiguous"))  # 5'10"
            return
        depth = self._find_opener(mark)
        if (depth >= 0 and mark == '"' and before.isdigit()
                and ahead.straight_close >= self.open_count.get(mark, 0)
                and _unit_follows(self.text, end, hi)):
            # "The pipe is 12" wide," he said: an inch mark, the closer is still to come
            self.roles.append(MarkRole(start, end, "stray", "ambiguous"))
            return
        if depth >= 0 and left and not right:
            if mark == '"' and ahead.straight_close <= self.open_count.get(mark, 0):
                self._unclosed_before(mark, start)
            self._push(mark, start)  # a nested straight quotation, or a new one
        elif depth >= 0:
            self._close(depth, start, end, mark)
        elif mark == '"' and right and not left and self._close_mixed(mark, start, end, ahead):
            pass  # “…," he said: the closer typed straight
        elif before.isdigit() and not left:
            self.roles.append(MarkRole(start, end, "stray", "ambiguous"))  # 12" pipe
        else:
            self._push(mark, start)

    def _single(self, mark: str, start: int, end: int, hi: int, before: str, after: str,
                left: bool, right: bool, ahead: _Ahead) -> None:
        text = self.text
        if before.isdigit() and after.isdigit() and mark == "'":
            self.roles.append(MarkRole(start, end, "stray", "ambiguous"))  # 5'10" (feet)
            return
        if before.isalnum() and after.isalnum():
            self.roles.append(MarkRole(start, end, "apostrophe"))  # it’s, rock’n’roll
            return
        if _second_of_n(text, start, before):
            self.roles.append(MarkRole(start, end, "apostrophe"))  # the second ’ of ’n’
            return
        depth = self._find_opener(mark)
        if (right and depth < 0 and mark == "'" and not _looks_possessive(text, before, end, hi)
                and self._close_mixed(mark, start, end, ahead)):
            return  # ‘…': the closer typed straight
        if right and depth >= 0:
            # "allies’ concerns" inside ‘…’: a plural possessive when a later mark closes
            # closing a deeper opener would leave the ones above it unclosed
            closer_to_come = (ahead.single_close or depth < len(self.stack) - 1
                              or ahead.next_opener == self.stack[depth].mark)
            possessive = closer_to_come and _looks_possessive(text, before, end, hi)
            if not possessive:
                self._close(depth, start, end, mark)
                return
            self.roles.append(MarkRole(start, end, "apostrophe"))
            return
        if left and not right:
            if (_year_follows(text, end, hi) or _elision_after(text, end, hi)
                    or mark == "\u2019"):
                self.roles.append(MarkRole(start, end, "apostrophe"))  # ’90s, ’em, ’n’
                return
            if not ahead.single_any_close and ahead.next_opener != mark:
                # nothing closes it here or runs on: an elision ('prentice, 'eighties)
                self.roles.append(MarkRole(start, end, "apostrophe"))
                return
            self._push(mark, start)
            return
        if right:
            self.roles.append(MarkRole(start, end, "apostrophe"))  # allies’, goin'
            return
        self.roles.append(MarkRole(start, end, "stray", "ambiguous"))


def _year_follows(text: str, end: int, hi: int) -> bool:
    """``’90s``, ``'16``: two digits, perhaps an ``s``, then no more letters or digits
    (``'2nd Amendment'`` opens a quotation).

    >>> _year_follows("the '90s", 5, 8), _year_follows("'2nd", 1, 4)
    (True, False)
    """
    stop = end
    while stop < hi and stop - end < 3 and text[stop].isdigit():
        stop += 1
    if stop - end != 2:
        return False
    if stop < hi and text[stop] == "s":
        stop += 1
    return stop >= hi or not text[stop].isalnum()


def _ellipsis_follows(text: str, end: int, hi: int) -> bool:
    """A space and an ellipsis (``… ``, ``...``) after the mark ending at ``end``."""
    return (end + 1 < hi and text[end] == " "
            and (text[end + 1] == "\u2026" or text.startswith("...", end + 1, hi)))


def _opens_fragment(text: str, start: int, mark_length: int, para_start: int) -> bool:
    """Whether the opener at ``start`` begins a fragment: a word comes right before it
    (the plan was “a disaster …: not a sentence end, a colon or the comma of a split
    quotation, “…,” she said, “and …) and the first letter it quotes is lower-case,
    past at most a few spaces, dots and dashes.

    >>> _opens_fragment("It was “a disaster.", 7, 1, 0), _opens_fragment("He said “We go.", 8, 1, 0)
    (True, False)
    >>> _opens_fragment("“Yes,” he said, “and we go.", 16, 1, 0)
    False
    """
    before = start
    while before > para_start and text[before - 1].isspace():
        before -= 1
    if before <= para_start or not text[before - 1].isalnum():
        return False
    index = start + mark_length
    stop = min(len(text), index + 5)
    while index < stop and not text[index].isalnum():
        index += 1
    return index < stop and text[index].islower()


def _second_of_n(text: str, start: int, before: str) -> bool:
    """The mark at ``start`` closes the elision ``’n’`` (rock ’n’ roll)."""
    return before in "nN" and start >= 2 and text[start - 2] in "'\u2019"


def _looks_possessive(text: str, before: str, end: int, hi: int) -> bool:
    """``allies’ decision``: an ``s``, a single mark, a space and a lower-case word that
    is not a function word (``‘success’ was`` closes)."""
    return (before in "sS" and end + 1 < hi and text[end] == " " and text[end + 1].islower()
            and _next_word(text, end + 1, hi) not in FUNCTION_WORDS)


def _next_word(text: str, start: int, hi: int) -> str:
    """The lower-cased word at ``start`` (at most 20 letters)."""
    stop = start
    while stop < hi and stop - start < 20 and text[stop].isalpha():
        stop += 1
    return text[start:stop].lower()


def _unit_follows(text: str, end: int, hi: int) -> bool:
    """``12" wide``: a space and a lower-case word that is neither a function word nor
    a reporting verb (``1990" he said`` closes a quotation)."""
    if not (end + 1 < hi and text[end] == " " and text[end + 1].islower()):
        return False
    word = _next_word(text, end + 1, hi)
    return word not in FUNCTION_WORDS and word not in CUE_VERBS


def _after_feet(text: str, start: int, lo: int) -> bool:
    """Whether the ``"`` at ``start`` is the inch mark of a height such as ``5'10"``."""
    index = start
    while index > lo and start - index < 3 and text[index - 1].isdigit():
        index -= 1
    return (index < start and index - 2 >= lo and text[index - 1] in "'\u2019"
            and text[index - 2].isdigit())


@dataclass(slots=True)
class _Ahead:
    """What lies ahead of one mark in its paragraph.

    ``single_close``: a right-flanking single mark that is not itself a possible
    possessive follows before any single opener (so ``allies’`` can be a possessive
    and still leave a closer for its quotation).
    ``curly_close`` / ``straight_close``: how many ``”`` / right-flanking ``"`` follow;
    ``doubled``: how many ``''``. ``curly_open`` / ``straight_open``: how many ``“`` /
    left-flanking ``"`` follow (they take closers ahead). ``next_opener``: the mark the
    next paragraph starts with, if any (a quotation opened with it may run on).
    ``single_any_close``: a right-flanking single mark, sure or not, follows before any
    single opener.
    """

    single_close: bool = False
    curly_close: int = 0
    straight_close: int = 0
    doubled: int = 0
    next_opener: str = ""
    single_any_close: bool = False
    curly_open: int = 0
    straight_open: int = 0


_NOTHING_AHEAD = _Ahead()


def _single_opens(text: str, mark: str, end: int, hi: int, before: str, after: str) -> bool:
    """Whether a single mark can only open a quotation (``‘Hey``, ``'Hey``)."""
    if mark in ("\u2018", "\u201a"):
        return not _year_follows(text, end, hi) and not (before.isalnum() and after.isalnum())
    return (mark == "'" and _left_flanking(before, after) and not _right_flanking(before, after)
            and not _year_follows(text, end, hi) and not _elision_after(text, end, hi))


def _copy(ahead: _Ahead) -> _Ahead:
    return _Ahead(ahead.single_close, ahead.curly_close, ahead.straight_close, ahead.doubled,
                  ahead.next_opener, ahead.single_any_close, ahead.curly_open,
                  ahead.straight_open)


def _look_ahead(text: str, marks: list[tuple[str, int, int]],
                paragraphs: list[tuple[int, int]]) -> list[_Ahead]:
    """For each mark, the closers that follow it in its paragraph (one backward pass)."""
    out: list[_Ahead] = [_NOTHING_AHEAD] * len(marks)
    seen_para = -1
    ahead = _Ahead()
    para_index = len(paragraphs) - 1
    for i in range(len(marks) - 1, -1, -1):
        mark, start, end = marks[i]
        while para_index > 0 and paragraphs[para_index][0] > start:
            para_index -= 1
        if para_index != seen_para:
            next_opener = ""
            if para_index + 1 < len(paragraphs):
                first = MARK_RE.match(text, *paragraphs[para_index + 1])
                next_opener = first.group() if first else ""
            seen_para, ahead = para_index, _Ahead(next_opener=next_opener)
        out[i] = ahead  # shared by the marks before it until a branch below copies it
        lo, hi = paragraphs[para_index] if paragraphs else (0, len(text))
        before, after = _flanks(text, start, end, lo, hi)
        if mark in ("'", "\u2019"):
            if _second_of_n(text, start, before):
                pass  # rock ’n’ roll
            elif _right_flanking(before, after) and not (before.isalnum() and after.isalnum()):
                ahead = _copy(ahead)
                ahead.single_any_close = True
                # a closer that may itself be a possessive (the kids’ wishes) is no sure closer
                if not _looks_possessive(text, before, end, hi):
                    ahead.single_close = True
            elif _single_opens(text, mark, end, hi, before, after):
                ahead = _copy(ahead)
                ahead.single_close = ahead.single_any_close = False
        elif (mark == "\u2018" and _right_flanking(before, after)
              and not _left_flanking(before, after)):
            ahead = _copy(ahead)
            ahead.single_close = ahead.single_any_close = True  # ‚…‘ closes with ‘
        elif mark in ("\u2018", "\u201a") and _single_opens(text, mark, end, hi, before, after):
            ahead = _copy(ahead)
            ahead.single_close = ahead.single_any_close = False
        elif mark == "\u201d":
            ahead = _copy(ahead)
            ahead.curly_close += 1
        elif mark == "\u201c" and _left_flanking(before, after):
            ahead = _copy(ahead)
            ahead.curly_open += 1
        elif mark == '"' and _right_flanking(before, after):
            ahead = _copy(ahead)
            ahead.straight_close += 1
        elif mark == '"' and _left_flanking(before, after):
            ahead = _copy(ahead)
            ahead.straight_open += 1
        elif mark == "''":
            ahead = _copy(ahead)
            ahead.doubled += 1
    return out


def markup_tags(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every markup tag in ``text``, in order: its marks are
    markup, not quotation marks.

    >>> markup_tags('See <a href="x">“Go”</a> <3')
    [(4, 16), (20, 24)]
    """
    if "<" not in text:
        return []
    return [(m.start(), m.end()) for m in _MARKUP_TAG_RE.finditer(text)]


def _quotation_marks(text: str) -> list[tuple[str, int, int]]:
    """Every mark of ``text`` as ``(mark, start, end)``, but those inside markup tags.

    >>> [m[1] for m in _quotation_marks('<a href="x">“Go”</a>')]
    [12, 15]
    """
    marks = [(m.group(), m.start(), m.end()) for m in MARK_RE.finditer(text)]
    _split_closing_runs(text, marks)
    if "<" not in text:
        return marks
    tags = markup_tags(text)
    if not tags:
        return marks
    kept: list[tuple[str, int, int]] = []
    index = 0
    for mark in marks:
        while index < len(tags) and tags[index][1] <= mark[1]:
            index += 1
        if index == len(tags) or mark[1] < tags[index][0]:
            kept.append(mark)
    return kept


def _split_closing_runs(text: str, marks: list[tuple[str, int, int]]) -> None:
    """Read ``'''`` after a word as ``'`` then ``''`` (``''He told me, 'Go.''' she
    said``: the nested quotation closes first); the pattern reads ``''`` then ``'``.

    >>> marks = [("''", 10, 12), ("'", 12, 13)]
    >>> _split_closing_runs("''Go, 'now''' he said", marks); marks
    [("'", 10, 11), ("''", 11, 13)]
    """
    for index in range(len(marks) - 1):
        mark, start, end = marks[index]
        if (mark == "''" and marks[index + 1] == ("'", end, end + 1) and start > 0
                and not text[start - 1].isspace()):
            marks[index] = ("'", start, start + 1)
            marks[index + 1] = ("''", start + 1, end + 1)


def scan_marks(text: str, paragraphs: list[tuple[int, int]] | None = None
               ) -> tuple[list[QuoteSpan], list[MarkRole]]:
    """Scan ``text`` once: the outermost quotations and the role of every mark.

    >>> quotes, roles = scan_marks("Jones’ dog said 'hi'.")
    >>> [r.role for r in roles]
    ['apostrophe', 'open', 'close']
    """
    if paragraphs is None:
        paragraphs = paragraph_bounds(text)
    marks = _quotation_marks(text)
    scanner = _Scanner(text)
    if not marks:
        return [], []
    ahead = _look_ahead(text, marks, paragraphs)
    para_index = 0
    skip_until = -1
    n_paras = len(paragraphs)
    for i, (mark, start, end) in enumerate(marks):
        while para_index < n_paras and paragraphs[para_index][1] <= start:
            nxt = paragraphs[para_index + 1] if para_index + 1 < n_paras else None
            skip_until = scanner.end_paragraph(paragraphs[para_index], nxt)
            para_index += 1
        if start < skip_until:
            continue  # the reopening mark of a multi-paragraph quotation
        lo, hi = paragraphs[para_index] if para_index < n_paras else (start, end)
        scanner.mark(mark, start, end, lo, hi, ahead[i])
    while para_index < n_paras:
        nxt = paragraphs[para_index + 1] if para_index + 1 < n_paras else None
        scanner.end_paragraph(paragraphs[para_index], nxt)
        para_index += 1
    scanner.roles.sort(key=lambda r: r.start)
    return scanner.top, scanner.roles


def scan_quotes(text: str, paragraphs: list[tuple[int, int]] | None = None
                ) -> tuple[list[QuoteSpan], list[StrayMark]]:
    """The outermost quotations of ``text`` and its stray marks (fast inner form)."""
    quotes, roles = scan_marks(text, paragraphs)
    return quotes, _stray_runs(text, roles)


def _stray_runs(text: str, roles: list[MarkRole]) -> list[StrayMark]:
    """One :class:`StrayMark` per run of touching stray marks of one reason.

    >>> [(m.mark, m.count, m.reason) for m in scan_quotes("a ” b, ““““")[1]]
    [('”', 1, 'unopened'), ('““““', 4, 'unclosed')]
    """
    runs: list[tuple[int, int, StrayReason, int]] = []  # start, end, reason, count
    for role in roles:
        if role.role != "stray":
            continue
        reason: StrayReason = role.reason or "ambiguous"
        if runs and runs[-1][1] == role.start and runs[-1][2] == reason:
            start, _, _, count = runs[-1]
            runs[-1] = (start, role.end, reason, count + 1)
        else:
            runs.append((role.start, role.end, reason, 1))
    # validated construction is faster than model_construct (pydantic-core does the work)
    return [StrayMark(start=start, end=end, mark=text[start:end], reason=reason, count=count)
            for start, end, reason, count in runs]


def to_model(text: str, span: QuoteSpan) -> Quote:
    """Convert a :class:`QuoteSpan` tree to frozen :class:`Quote` models (no speaker)."""
    nested = tuple(to_model(text, child) for child in span.children)
    return Quote.model_construct(
        start=span.start, end=span.end, text=text[span.inner_start:span.inner_end],
        open_mark=span.open_mark, close_mark=span.close_mark, closed=span.closed,
        paragraphs=span.paragraphs, nested=nested, speaker=None, attribution=None,
    )


def find_quotes(text: str) -> tuple[Quote, ...]:
    """Every outermost quotation in ``text``, nested ones inside, without speakers.

    >>> q = find_quotes('He said "we saw ‘Casablanca’ twice" and left.')[0]
    >>> q.start, q.end, q.text, q.nested[0].text
    (8, 35, 'we saw ‘Casablanca’ twice', 'Casablanca')
    """
    if not isinstance(text, str):
        raise TypeError(f"find_quotes() expects text as str, not {type(text).__name__}")
    quotes, _ = scan_quotes(text)
    return tuple(to_model(text, q) for q in quotes)
