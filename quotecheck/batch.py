"""Many documents at once: :func:`attribute_many` streams results in input order.

Archives and content systems hand quotecheck an endless stream of articles. The
stream is read lazily, a bounded number of chunks is in flight at any time (so
memory stays bounded on an unbounded iterable), and results come back in the order
the texts went in. With ``processes=1`` everything runs in this process.

>>> [len(r.quotes) for r in attribute_many(["“Yes,” he said.", "No quotes."], processes=1)]
[1, 0]
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from .models import Result
from .pipeline import attribute

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

__all__ = ["attribute_many"]

# Chunks in flight per worker: enough to keep every worker busy while the caller
# consumes results, few enough that memory does not grow with the input.
_CHUNKS_PER_PROCESS = 2
# Longest nap while waiting for a chunk. A blocking AsyncResult.get() cost the parent
# 0.1 s of CPU per second of work (measured: 0.025 s when polling), CPU the workers need.
_MAX_NAP = 0.01


def _attribute_chunk(texts: list[str], sieves: tuple[str, ...] | None) -> list[Result]:
    """Worker side: attribute each text and send the result back without its text.

    The parent still holds the texts, so shipping them back would only double the
    bytes pickled between processes.
    """
    return [attribute(text, sieves=sieves).model_copy(update={"text": ""}) for text in texts]


def _check(text: object, index: int) -> str:
    if not isinstance(text, str):
        raise TypeError(
            f"attribute_many() expects an iterable of str; item {index} is "
            f"{type(text).__name__}"
        )
    return text


def _in_process(texts: Iterable[object], sieves: tuple[str, ...] | None) -> Iterator[Result]:
    for index, text in enumerate(texts):
        yield attribute(_check(text, index), sieves=sieves)


def _chunks(texts: Iterable[object], size: int) -> Iterator[list[str] | TypeError]:
    """Lists of ``size`` checked texts; a bad item ends the stream with its error."""
    iterator = iter(texts)
    index = 0
    while True:
        raw = list(islice(iterator, size))
        if not raw:
            return
        chunk: list[str] = []
        for item in raw:
            try:
                chunk.append(_check(item, index))
            except TypeError as error:
                if chunk:
                    yield chunk
                yield error
                return
            index += 1
        yield chunk


def _in_pool(texts: Iterable[object], processes: int, chunksize: int,
             sieves: tuple[str, ...] | None) -> Iterator[Result]:
    import multiprocessing  # here, not at the top: it adds 30 ms to `import quotecheck`

    window = processes * _CHUNKS_PER_PROCESS
    pending: deque[tuple[list[str], AsyncResult[list[Result]]] | TypeError] = deque()
    with multiprocessing.get_context().Pool(processes) as pool:
        chunks = _chunks(texts, chunksize)
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                elif isinstance(chunk, TypeError):
                    pending.append(chunk)
                    exhausted = True
                else:
                    pending.append((chunk, pool.apply_async(_attribute_chunk, (chunk, sieves))))
            if not pending:
                return
            entry = pending.popleft()
            if isinstance(entry, TypeError):
                raise entry
            chunk_texts, future = entry
            nap = 0.0005
            while not future.ready():
                time.sleep(nap)
                nap = min(nap * 2, _MAX_NAP)
            for text, result in zip(chunk_texts, future.get(), strict=True):
                yield result.model_copy(update={"text": text})


def attribute_many(texts: Iterable[str], *, processes: int | None = None,
                   chunksize: int = 8, sieves: Iterable[str] | None = None) -> Iterator[Result]:
    """Attribute every text of ``texts``, yielding one :class:`Result` per text, in order.

    ``texts`` may be any iterable, including an endless generator: it is read only as
    results are consumed, with at most ``2 × processes`` chunks of ``chunksize`` texts
    in flight. ``processes`` defaults to the number of CPUs; ``processes=1`` runs in
    this process with no pool. ``sieves`` is passed to :func:`attribute` (an unknown
    name raises :class:`ValueError` at once). A non-``str`` item raises :class:`TypeError` when its
    turn comes, after the results before it. Closing the iterator early (``break``)
    shuts the pool down.

    >>> texts = ("“Item %d,” she said." % i for i in range(5))
    >>> [r.quotes[0].text for r in attribute_many(texts, processes=2, chunksize=2)]
    ['Item 0,', 'Item 1,', 'Item 2,', 'Item 3,', 'Item 4,']
    """
    if isinstance(texts, str | bytes):
        raise TypeError(
            f"attribute_many() expects an iterable of str, not a single {type(texts).__name__}"
            "; use attribute() for one text"
        )
    if processes is None:
        processes = os.cpu_count() or 1
    if not isinstance(processes, int) or processes < 1:
        raise ValueError(f"processes must be a positive int, not {processes!r}")
    if not isinstance(chunksize, int) or chunksize < 1:
        raise ValueError(f"chunksize must be a positive int, not {chunksize!r}")
    chosen = None if sieves is None else tuple(sieves)
    attribute("", sieves=chosen)  # an unknown sieve name fails here, not in a worker
    try:
        iterator = iter(texts)
    except TypeError:
        raise TypeError(
            f"attribute_many() expects an iterable of str, not {type(texts).__name__}"
        ) from None
    if processes == 1:
        return _in_process(iterator, chosen)
    return _in_pool(iterator, processes, chunksize, chosen)
