"""``attribute_many``: input order, laziness on endless input, errors and early close,
in this process alone and shared with worker processes."""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import multiprocessing.process
import os
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_properties import hostile_text

from quotecheck import Result, attribute, attribute_many, batch


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


@pytest.mark.parametrize("processes", [1, 2, 3])
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


@pytest.mark.parametrize("processes", [1, 2])
def test_reported_is_passed_on(processes: int) -> None:
    texts = [f"Ana Ruiz said that the bridge would close for {n} weeks." for n in range(6)]
    results = list(attribute_many(texts, processes=processes, chunksize=1, reported=True))
    assert results == [attribute(t, reported=True) for t in texts]
    assert all(len(r.reported) == 1 for r in results)


def test_unknown_sieve_fails_at_once() -> None:
    with pytest.raises(ValueError, match="no_such_sieve"):
        attribute_many(["x"], sieves=["no_such_sieve"])


def _workers() -> list[multiprocessing.process.BaseProcess]:
    return [p for p in multiprocessing.active_children() if p.name.startswith("quotecheck-")]


@pytest.mark.parametrize("processes", [2, 3])
def test_uneven_texts_keep_input_order_and_match_attribute(processes: int) -> None:
    # long and short texts in one stream, so that chunks finish out of order and the
    # calling process takes some of them itself
    long = "\n\n".join(f"“Part {n},” said Maria Lopez. She left." for n in range(60))
    texts = [long if n % 7 == 0 else text for n, text in enumerate(_texts(50))]
    results = list(attribute_many(texts, processes=processes, chunksize=2))
    assert [r.text for r in results] == texts
    assert results == [attribute(t) for t in texts]
    assert _workers() == []


@pytest.mark.parametrize("processes", [2, 3])
def test_closing_early_stops_the_workers(processes: int) -> None:
    results = attribute_many(_texts(), processes=processes, chunksize=2)
    assert [next(results).text for _ in range(5)] == list(itertools.islice(_texts(), 5))
    assert _workers() != []
    results.close()
    assert _workers() == []


def test_breaking_out_of_a_loop_stops_the_workers() -> None:
    for n, _result in enumerate(attribute_many(_texts(), processes=2, chunksize=1)):
        if n == 3:
            break
    gc.collect()  # a generator left by ``break`` is closed when it is collected
    assert _workers() == []


fork_only = pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                               reason="workers see the patched attribute() only when forked")


def _raise_on_boom(text: str, *, sieves: tuple[str, ...] | None = None,
                   reported: bool = False) -> Result:
    if text == "boom":
        raise ValueError("boom")
    return attribute(text, sieves=sieves, reported=reported)


@fork_only
@pytest.mark.parametrize("chunksize", [1, 3, 8])
@pytest.mark.parametrize("at", [0, 7, 26])
def test_an_error_in_attribute_is_raised_at_its_turn(
        monkeypatch: pytest.MonkeyPatch, chunksize: int, at: int) -> None:
    monkeypatch.setattr(batch, "attribute", _raise_on_boom)
    texts = list(_texts(27))
    texts[at] = "boom"
    out: list[Result] = []
    with pytest.raises(ValueError, match="boom"):
        for result in attribute_many(texts, processes=2, chunksize=chunksize):
            out.append(result)
    assert out == [attribute(t) for t in texts[:at]]
    assert _workers() == []


@fork_only
def test_a_worker_that_dies_is_reported_not_waited_for(monkeypatch: pytest.MonkeyPatch) -> None:
    caller = os.getpid()

    def die_in_a_worker(text: str, *, sieves: tuple[str, ...] | None = None,
                        reported: bool = False) -> Result:
        if os.getpid() != caller:
            os._exit(3)
        return attribute(text, sieves=sieves, reported=reported)

    monkeypatch.setattr(batch, "attribute", die_in_a_worker)
    with pytest.raises(RuntimeError, match="died"):
        for _result in attribute_many(_texts(), processes=2, chunksize=1):
            pass
    assert _workers() == []


@pytest.mark.property
@settings(max_examples=4, deadline=None)  # (workers are slow to start: few examples)
@given(st.lists(hostile_text, max_size=6))
def test_attribute_many_matches_attribute_on_any_text(texts: list[str]) -> None:
    assert list(attribute_many(texts, processes=2)) == [attribute(t) for t in texts]
