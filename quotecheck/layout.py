"""Paragraphs: where the text breaks into blocks, with exact offsets.

A paragraph ends at a blank line. Text with no blank line at all (one paragraph
per line, as many content systems export it) breaks at every line end instead;
text that is hard-wrapped (short lines, blank lines between paragraphs, as in
Project Gutenberg books) breaks only at blank lines. ``\\r\\n``, ``\\r`` and the
Unicode line separators all count as line ends.

>>> text = "First paragraph.\\n\\nSecond one,\\nstill second."
>>> [text[p.start:p.end] for p in find_paragraphs(text)]
['First paragraph.', 'Second one,\\nstill second.']
>>> [text[p.start:p.end] for p in find_paragraphs("one\\ntwo")]
['one', 'two']
"""

from __future__ import annotations

from .models import Span
from .patterns import BLANK_LINE_RE, LINE_BREAK_RE

__all__ = ["find_paragraphs", "paragraph_bounds"]

# A document is hard-wrapped when most of its lines are at most this long.
_WRAP_WIDTH = 100


def _is_hard_wrapped(text: str) -> bool:
    lines = 0
    short = 0
    previous = 0
    for match in LINE_BREAK_RE.finditer(text):
        length = match.start() - previous
        previous = match.end()
        if length:
            lines += 1
            short += length <= _WRAP_WIDTH
    return lines >= 4 and short * 10 >= lines * 8


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Paragraphs as ``(start, end)`` pairs, trimmed of surrounding whitespace.

    >>> paragraph_bounds("  a b \\n\\n c ")
    [(2, 5), (9, 10)]
    """
    if not text:
        return []
    if BLANK_LINE_RE.search(text) and _is_hard_wrapped(text):
        breaks = BLANK_LINE_RE
    else:
        breaks = LINE_BREAK_RE
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in breaks.finditer(text):
        _append_trimmed(text, start, match.start(), bounds)
        start = match.end()
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
