"""Regressions found by fuzzing and by the hostile-input benchmark (issue 4).

Each case is the smallest input hypothesis or the benchmark found; the comment says
what went wrong before the fix.
"""

from __future__ import annotations

from quotecheck import attribute
from quotecheck.layout import paragraph_bounds
from quotecheck.quotes import MAX_DEPTH


def _quotes(text: str) -> list[tuple[int, int, str, bool]]:
    return [(q.start, q.end, q.text, q.closed) for q in attribute(text).all_quotes()]


def test_crlf_is_one_line_end_not_a_blank_line() -> None:
    # BLANK_LINE_RE backtracked into \r + \n, so every CRLF was a blank line and a
    # hard-wrapped quotation was cut at its first line end.
    lf = "“We will\nrebuild,” she said.\n\nNext paragraph."
    crlf = lf.replace("\n", "\r\n")
    assert paragraph_bounds(crlf) == [(0, 29), (33, 48)]
    assert _quotes(crlf) == [(0, 19, "We will\r\nrebuild,", True)]
    assert [q[2] for q in _quotes(lf)] == ["We will\nrebuild,"]


def test_form_feed_then_crlf() -> None:
    # found by `make fuzz`: '"\x0c0\r\n' was one paragraph, '"\x0c0\n' two
    assert paragraph_bounds('"\x0c0\r\n') == paragraph_bounds('"\x0c0\n') == [(0, 1), (2, 3)]
    assert _quotes('"\x0c0\r\n') == _quotes('"\x0c0\n') == []


def test_nesting_ten_thousand_deep_builds_a_bounded_tree() -> None:
    # every quotation holds a copy of its text: 10,000 nested quotations cost
    # 10 KB of memory per input character before marks beyond MAX_DEPTH went stray
    depth = 10_000
    text = "“" * depth + "deep" + "”" * depth
    result = attribute(text)
    quotes = result.all_quotes()
    assert len(quotes) == MAX_DEPTH
    assert (quotes[0].start, quotes[0].end) == (0, len(text))
    # the marks beyond MAX_DEPTH are two runs: the openers and the closers
    assert sum(m.count for m in result.stray_marks) == 2 * (depth - MAX_DEPTH)
    assert [(m.mark[0], m.count) for m in result.stray_marks] == [
        ("“", depth - MAX_DEPTH), ("”", depth - MAX_DEPTH)]
    assert {m.reason for m in result.stray_marks} == {"ambiguous"}
    # the recorded levels are the outermost ones, each closed by its own mark
    for level, quote in enumerate(quotes):
        assert (quote.start, quote.end) == (level, len(text) - level)


def test_speaker_of_next_paragraph_is_not_taken_across_a_blank_line() -> None:
    # found by test_crlf_line_ends_keep_every_speaker: the tail of the first quotation
    # ran into the next paragraph when the gap was \n\n (under 4 characters)
    text = "Tomas Lopez said: “We.”\n\nKwame Okafor said: “We.”"
    speakers = [q.speaker.name if q.speaker else None for q in attribute(text).quotes]
    assert speakers == ["Tomas Lopez", "Kwame Okafor"]
    crlf = [q.speaker.name if q.speaker else None
            for q in attribute(text.replace("\n", "\r\n")).quotes]
    assert crlf == speakers


def test_a_run_of_stray_marks_is_one_stray_mark_with_its_count() -> None:
    # a million marks of debris from a content system must not cost a million models
    text = "Debris: " + "“" * 1000
    strays = attribute(text).stray_marks
    assert [(m.start, m.end, m.count, m.reason) for m in strays] == [
        (8, 1008, 1000, "unclosed")]
    assert strays[0].mark == text[8:]


def test_stray_marks_apart_or_of_different_reasons_stay_apart() -> None:
    text = "A stray ” here, and “ there"
    strays = attribute(text).stray_marks
    assert [(m.mark, m.count, m.reason) for m in strays] == [
        ("”", 1, "unopened"), ("“", 1, "unclosed")]


def test_an_empty_pair_quotes_nothing() -> None:
    # a million straight marks in a row were half a million empty quotations
    result = attribute('He typed "" into the box, then “yes” and “”.')
    assert [q.text for q in result.quotes] == ["yes"]
    assert [(m.mark, m.count, m.reason) for m in result.stray_marks] == [
        ('""', 2, "ambiguous"), ("“”", 2, "ambiguous")]
