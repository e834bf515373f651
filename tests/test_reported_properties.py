"""Hypothesis properties of reported speech (issue 14), on any text and on articles.

For every reported content: its span is in range and its ``text`` is that span; it
is disjoint from every quotation or contains it whole, and a ``mixed`` one lists
exactly the quotations it contains; the result is the same on a second call and
survives a JSON round trip; and reading reported speech changes no quotation.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_properties import Article, articles, hostile_text

from quotecheck import Result, attribute

pytestmark = pytest.mark.property

_REPORTED = [
    "Ana Ruiz said that the plan would fail. ", "He told reporters the vote was close. ",
    "The deal is off, officials said. ", "According to the agency, prices rose. ",
    "The report found that costs doubled. ", "She said it was “a fair deal” for all. ",
    "“We will stay,” he said, adding that talks would go on. ", "The plan, she says, is dead. ",
    "Officials believe the fire was set. ", ", said ", " according to ", " that ",
]

reported_text: st.SearchStrategy[str] = st.lists(
    st.one_of(hostile_text, st.sampled_from(_REPORTED)), max_size=8).map("".join)


def _check(text: str) -> None:
    result = attribute(text, reported=True)
    quotes = result.quotes
    for item in result.reported:
        assert 0 <= item.start <= item.end <= len(text)
        assert item.text == text[item.start:item.end]
        inside = []
        for index, quote in enumerate(quotes):
            if quote.end <= item.start or quote.start >= item.end:
                continue  # disjoint
            assert item.start <= quote.start and quote.end <= item.end, (item, quote)
            inside.append(index)
        assert list(item.quotes) == inside
        assert item.kind == ("mixed" if inside else "indirect")
        if item.speaker is not None:
            assert item.speaker in result.speakers
    assert attribute(text, reported=True) == result
    assert Result.model_validate_json(result.model_dump_json()) == result
    assert result.quotes == attribute(text).quotes


@given(reported_text)
def test_reported_spans_hold_on_any_text(text: str) -> None:
    _check(text)


@given(articles())
def test_reported_spans_hold_on_articles(article: Article) -> None:
    _check(article.text)
