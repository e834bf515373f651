"""Bad input gets a clear ``TypeError`` naming ``str``; the caller's objects are untouched."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from quotecheck import attribute, find_quotes
from quotecheck.tokens import find_sentences, tokenize

ENTRY_POINTS: list[Callable[[str], object]] = [attribute, find_quotes, tokenize, find_sentences]
BAD = [b"\xe2\x80\x9cHi\xe2\x80\x9d", bytearray(b"Hi"), None, 3, 2.5, ["Hi"], memoryview(b"x")]


@pytest.mark.parametrize("function", ENTRY_POINTS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("bad", BAD, ids=lambda b: type(b).__name__)
def test_non_str_raises_type_error_naming_str(function: Callable[[str], object], bad: object
                                              ) -> None:
    with pytest.raises(TypeError, match=r"\bstr\b") as error:
        function(bad)  # type: ignore[arg-type]
    assert type(bad).__name__ in str(error.value)


def test_empty_string_gives_empty_result() -> None:
    result = attribute("")
    assert result.quotes == () and result.speakers == () and result.stray_marks == ()


class _TrackedStr(str):
    """A caller's str subclass with an attribute of its own."""

    note: str


def test_callers_objects_are_not_mutated() -> None:
    text = _TrackedStr("“We will rebuild,” said Maria Lopez.\n\nShe left.")
    text.note = "mine"
    copy = str(text)
    result = attribute(text)
    assert vars(text) == {"note": "mine"}
    assert str(text) == copy
    assert result.text == copy
    tokens = tokenize(text)
    assert vars(text) == {"note": "mine"} and tokens
