"""Properties of what ``quotecheck check`` adds to ``check()``: the inferred style, the
choice of codes and the inline markers (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotecheck import attribute, check
from quotecheck.check_settings import suppressions
from quotecheck.checks import codes_matching, selected_codes
from quotecheck.house_style import infer_style
from quotecheck.lexicon.checkcodes import CHECK_CODES

pytestmark = pytest.mark.property

_FRAGMENTS = [
    "“", "”", "‘", "’", '"', "'", "«", "»", "\n", "\n\n", "\r\n", " ", ". ", ", ", ".", ",",
    "…", "a fair deal", "We sign", "she said", "Ana Ruiz", "Mr. Olsen",
    "<!-- quotecheck: ignore -->", "<!-- quotecheck: ignore QC7 -->",
    "<!-- quotecheck: ignore QC101, QC4 -->", "<!-- quotecheck: ignore QC99 -->", "<!--", "-->",
]
copy_text = st.lists(
    st.one_of(st.text(max_size=4), st.sampled_from(_FRAGMENTS)), max_size=40
).map("".join)
# Codes, prefixes and names: every item names at least one code.
_ITEMS = sorted({*CHECK_CODES, *(c[:3] for c in CHECK_CODES), "QC",
                 *(name for _, name, _ in CHECK_CODES.values())})
items = st.lists(st.sampled_from(_ITEMS), max_size=4)


@given(copy_text)
def test_auto_style_is_the_inferred_style(text: str) -> None:
    style = infer_style(text, attribute(text))
    assert style.style in ("american", "british")
    assert (style.style == "british") == (style.british > style.american)
    assert check(text) == check(text, style=style.style)


@given(items, items)
def test_selection_is_a_choice_between_named_codes(select: list[str], ignore: list[str]) -> None:
    chosen = selected_codes(select, ignore)
    assert chosen <= codes_matching(select)
    assert selected_codes(select, []) == codes_matching(select)
    assert selected_codes(None, ignore) == frozenset(CHECK_CODES) - codes_matching(ignore)


@given(copy_text)
def test_markers_name_real_lines_and_codes(text: str) -> None:
    markers = suppressions(text)
    lines = text.count("\n") + 1
    assert all(1 <= line <= lines for line in markers.by_line)
    assert all(codes <= frozenset(CHECK_CODES) for codes in markers.by_line.values())
    assert all(1 <= line <= lines for line, _ in markers.problems)
