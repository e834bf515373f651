"""The quotation finder against the JSON fixture cases (nesting, paragraphs, marks, apostrophes).

Each case lists every quotation, nested ones included, in document order. The finder
must give exactly those spans, with each nested quotation hanging off the innermost
listed quotation that contains it. ``closed`` and ``paragraphs`` are compared when a
case gives them; ``speaker`` (only ``null`` here, for scare quotes and titles) is
compared against :func:`quotecheck.attribute`.
"""

from __future__ import annotations

from typing import Any

import pytest
from conftest import load_cases

import quotecheck
from quotecheck import Quote, find_quotes

QUOTE_FILES = ("nesting", "multiparagraph", "unbalanced", "negative", "quotemarks")


def _quote_cases() -> list[Any]:
    """The quotation cases, and the known failures that list quotations."""
    known = [p for p in load_cases("known-failures") if "quotes" in p.values[0]]
    return load_cases(*QUOTE_FILES) + known


def _tree(quotes: tuple[Quote, ...], parent: tuple[int, int] | None = None
          ) -> list[tuple[int, int, tuple[int, int] | None, Quote]]:
    """Every quotation with its parent's span, in document order."""
    out: list[tuple[int, int, tuple[int, int] | None, Quote]] = []
    for quote in quotes:
        out.append((quote.start, quote.end, parent, quote))
        out.extend(_tree(quote.nested, (quote.start, quote.end)))
    return sorted(out, key=lambda item: (item[0], -item[1]))


def _expected_parent(spans: list[tuple[int, int]], index: int) -> tuple[int, int] | None:
    """The innermost other listed span that contains ``spans[index]``."""
    start, end = spans[index]
    best: tuple[int, int] | None = None
    for other_index, (other_start, other_end) in enumerate(spans):
        if other_index == index or not (other_start <= start and end <= other_end):
            continue
        if best is None or other_end - other_start < best[1] - best[0]:
            best = (other_start, other_end)
    return best


@pytest.mark.parametrize("case", _quote_cases())
def test_quotation_case(case: dict[str, Any]) -> None:
    text = case["text"]
    expected = case["quotes"]
    found = _tree(find_quotes(text))

    spans = [(q["start"], q["end"]) for q in expected]
    assert [(start, end) for start, end, _, _ in found] == spans
    for index, (_, _, parent, quote) in enumerate(found):
        want = expected[index]
        assert parent == _expected_parent(spans, index), f"parent of {spans[index]}"
        if "closed" in want:
            assert quote.closed is want["closed"], f"closed of {spans[index]}"
        if "paragraphs" in want:
            assert quote.paragraphs == want["paragraphs"], f"paragraphs of {spans[index]}"

    if any("speaker" in q for q in expected):
        by_span = {(q.start, q.end): q for q in quotecheck.attribute(text).all_quotes()}
        for want in expected:
            if "speaker" in want:
                speaker = by_span[(want["start"], want["end"])].speaker
                assert (speaker.name if speaker else None) == want["speaker"]

