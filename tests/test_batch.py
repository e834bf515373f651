"""``attribute_many``: input order, laziness on endless input, in-process and pooled runs."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from quotecheck import attribute, attribute_many


def _texts(count: int | None = None) -> Iterator[str]:
    numbers = itertools.count() if count is None else iter(range(count))
    for n in numbers:
        if n % 3 == 0:
            yield f"“Number {n},” said Maria Lopez."
        elif n % 3 == 1:
            yield f"Paragraph {n} has no quotation.\n\nStill none."
        else:
            yield f"He said “{n}” and “{n + 1}”.\n\n“A ‘nested {n}’ one.”"


@pytest.mark.parametrize("processes", [1, 2])
def test_results_keep_input_order_and_match_attribute(processes: int) -> None:
    texts = list(_texts(41))
    results = list(attribute_many(texts, processes=processes, chunksize=3))
    assert [r.text for r in results] == texts
    assert results == [attribute(t) for t in texts]


@pytest.mark.parametrize("processes", [1, 2])
def test_streams_an_endless_iterable(processes: int) -> None:
    consumed = 0

    def endless() -> Iterator[str]:
        nonlocal consumed
        for text in _texts():
            consumed += 1
            yield text

    results = list(itertools.islice(attribute_many(endless(), processes=processes,
                                                   chunksize=4), 10))
    assert [r.text for r in results] == list(itertools.islice(_texts(), 10))
    # bounded read-ahead: at most 2 chunks per process beyond what was consumed
    assert consumed <= 10 + 4 * 2 * processes + 4


def test_nothing_is_read_before_the_first_result_is_asked_for() -> None:
    consumed = 0

    def counting() -> Iterator[str]:
        nonlocal consumed
        for text in _texts(5):
            consumed += 1
            yield text

    results = attribute_many(counting(), processes=2)
    assert consumed == 0
    assert next(results).text == next(_texts(1))
    results.close()


@pytest.mark.parametrize("processes", [1, 2])
def test_empty_input(processes: int) -> None:
    assert list(attribute_many([], processes=processes)) == []


@pytest.mark.parametrize("processes", [1, 2])
def test_bad_item_raises_type_error_after_earlier_results(processes: int) -> None:
    items: list[object] = ["“a,” he said.", "b", b"bytes", "c"]
    results = attribute_many(items, processes=processes, chunksize=2)  # type: ignore[arg-type]
    assert next(results).text == "“a,” he said."
    assert next(results).text == "b"
    with pytest.raises(TypeError, match=r"str.*item 2 is bytes"):
        next(results)
    assert items == ["“a,” he said.", "b", b"bytes", "c"]  # the caller's list is untouched


@pytest.mark.parametrize("bad", ["a single text", b"bytes", None, 3])
def test_not_an_iterable_of_str(bad: object) -> None:
    with pytest.raises(TypeError, match="str"):
        attribute_many(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("kwargs", [{"processes": 0}, {"processes": -1}, {"chunksize": 0}])
def test_bad_settings(kwargs: dict[str, int]) -> None:
    with pytest.raises(ValueError):
        attribute_many(["x"], **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("processes", [1, 2])
def test_sieves_are_passed_on(processes: int) -> None:
    texts = ["“Go,” said Ana Ruiz.", "Ana Ruiz arrived. “Go,” she said."]
    chosen = ("cue_adjacent",)
    results = list(attribute_many(texts, processes=processes, sieves=chosen))
    assert results == [attribute(t, sieves=chosen) for t in texts]


def test_unknown_sieve_fails_at_once() -> None:
    with pytest.raises(ValueError, match="no_such_sieve"):
        attribute_many(["x"], sieves=["no_such_sieve"])
