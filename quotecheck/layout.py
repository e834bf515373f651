"""Paragraphs: where the text breaks into blocks, with exact offsets.

A paragraph ends at a blank line. Text with no blank line at all (one paragraph
per line, as many content systems export it) breaks at every line end instead.
In text with blank lines, a single line end breaks a paragraph only after a long
line (a paragraph exported as one line), not inside hard-wrapped text (short lines,
as in Project Gutenberg books). ``\\r\\n``, ``\\r`` and the
Unicode line separators all count as line ends.

>>> text = "First paragraph.\\n\\nSecond one,\\nstill second."
>>> [text[p.start:p.end] for p in find_paragraphs(text)]
['First paragraph.', 'Second one,\\nstill second.']
>>> paragraph_bounds("one\\ntwo")
[(0, 3), (4, 7)]
"""

from __future__ import annotations

from .models import Span
from .patterns import BLANK_LINE_RE, LINE_BREAK_RE, LONG_LINE

__all__ = ["find_paragraphs", "paragraph_bounds"]

# With blank lines in the text, a single line end still breaks a paragraph after a
# line longer than 100 characters (a paragraph exported as one line, not a
# hard-wrapped one): see ``LONG_LINE``.


def _breaks(text: str) -> list[tuple[int, int]]:
    blank = [(m.start(), m.end()) for m in BLANK_LINE_RE.finditer(text)]
    if not blank:
        return [(m.start(), m.end()) for m in LINE_BREAK_RE.finditer(text)]
    breaks: list[tuple[int, int]] = []
    index = 0
    line_start = 0
    for match in LINE_BREAK_RE.finditer(text):
        at = match.start()
        long_line = at - line_start > LONG_LINE
        line_start = match.end()
        if not long_line:
            continue
        while index < len(blank) and blank[index][1] <= at:
            breaks.append(blank[index])
            index += 1
        if index < len(blank) and blank[index][0] <= at:
            continue  # the first line end of a blank line: the blank line breaks
        breaks.append((at, match.end()))
    breaks.extend(blank[index:])
    return breaks


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Paragraphs as ``(start, end)`` pairs, trimmed of surrounding whitespace.

    >>> paragraph_bounds("  a b \\n\\n c ")
    [(2, 5), (9, 10)]
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    for break_start, break_end in _breaks(text):
        _append_trimmed(text, start, break_start, bounds)
        start = break_end
    _append_trimmed(text, start, len(text), bounds)
    return bounds


def _append_trimmed(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append((start, end))


def find_paragraphs(text: str) -> list[Span]:
    """Paragraph spans of ``text`` (see the module doc-string for the rules)."""
    return [Span(start=s, end=e) for s, e in paragraph_bounds(text)]
