"""Many documents at once: :func:`attribute_many` streams results in input order.

Archives and content systems hand quotecheck an endless stream of articles. The
stream is read lazily, a bounded number of chunks is in flight at any time (so
memory stays bounded on an unbounded iterable), and results come back in the order
the texts went in. With ``processes=1`` everything runs in this process; with more,
this process and ``processes - 1`` worker processes share the chunks, so that
``processes=2`` on two cores means two busy processes, not two workers and a caller
competing with them for the cores.

>>> [len(r.quotes) for r in attribute_many(["“Yes,” he said.", "No quotes."], processes=1)]
[1, 0]
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any

from .models import Result
from .pipeline import attribute

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess
    from multiprocessing.queues import Queue
    from multiprocessing.synchronize import Event

    _Task = tuple[int, list[str]]  # a run of texts: the input index of the first, the texts
    # a run's results, and the exception that stopped it before its end, if one did
    _Outcome = tuple[list[Result], Exception | None]

__all__ = ["attribute_many", "to_frame"]

# Chunks in flight per process: enough to keep every process busy while the caller
# consumes results, few enough that memory does not grow with the input. A worker
# holds this many runs at most: one in hand, one waiting on the task queue.
_CHUNKS_PER_PROCESS = 2
# Longest wait for a worker's results before checking that the workers are alive.
_MAX_WAIT = 0.01
# How long an early close waits for a worker to finish the text in hand.
_STOP_TIMEOUT = 5.0


def _check(text: object, index: int) -> str:
    if not isinstance(text, str):
        raise TypeError(
            f"attribute_many() expects an iterable of str; item {index} is "
            f"{type(text).__name__}"
        )
    return text


def _in_process(texts: Iterable[object], sieves: tuple[str, ...] | None,
                reported: bool = False) -> Iterator[Result]:
    for index, text in enumerate(texts):
        yield attribute(_check(text, index), sieves=sieves, reported=reported)


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


def _work(tasks: Queue[_Task | None], results: Queue[tuple[int, _Outcome]],
          stop: Event, sieves: tuple[str, ...] | None, reported: bool = False) -> None:
    """A worker process: attribute the runs it takes from ``tasks`` until ``None``.

    Results go back without their texts (the caller still holds them, so shipping them
    back would only double the bytes pickled between processes). Once ``stop`` is set,
    the run in hand is dropped after the current text and the rest are read and
    skipped, so that the queue drains and every process can exit.
    """
    import signal  # here, not at the top, like multiprocessing

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the caller's to handle
    # The caller reads every result it waits for before it sends ``None``; whatever is
    # still unsent at exit was given up, so the exit must not wait for a reader.
    results.cancel_join_thread()
    while (task := tasks.get()) is not None:
        first, texts = task
        if not stop.is_set():
            outcome = _attribute_run(texts, sieves, stop, reported)
            if not stop.is_set():
                results.put((first, outcome))


def _attribute_run(texts: list[str], sieves: tuple[str, ...] | None,
                   stop: Event, reported: bool = False) -> _Outcome:
    """Worker side: the results of a run of texts, without their texts, and any error."""
    done: list[Result] = []
    for text in texts:
        if stop.is_set():
            break
        try:
            result = attribute(text, sieves=sieves, reported=reported)
        except Exception as error:  # raised in the caller when this text's turn comes
            return done, _picklable(error)
        done.append(result.model_copy(update={"text": ""}))
    return done, None


def _picklable(error: Exception) -> Exception:
    """``error`` itself if it survives pickling, else a RuntimeError with its message."""
    import pickle

    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


@dataclass(slots=True)
class _Schedule:
    """What :func:`_in_processes` has read, handed out and finished, and its steps.

    ``backlog``: runs read and not started by any process; ``sent``: runs on the task
    queue or with a worker; ``done``: finished runs, their results, what stopped them,
    and their texts if a worker sent the results back without them; ``own``: a run
    taken back from the workers, with ``own_results`` so far. ``read`` counts the texts
    read, ``turn`` is the text whose result is due next, ``pending`` the texts in the
    backlog.
    """

    chunks: Iterator[list[str] | TypeError]
    chunksize: int
    processes: int
    capacity: int  # runs with the workers at most
    window: int  # texts read and not yet yielded
    backlog: deque[_Task] = field(default_factory=deque)
    sent: dict[int, list[str]] = field(default_factory=dict)
    done: dict[int, tuple[_Outcome, list[str] | None]] = field(default_factory=dict)
    own: _Task | None = None
    own_results: list[Result] = field(default_factory=list)
    bad_item: TypeError | None = None
    exhausted: bool = False
    read: int = 0
    turn: int = 0
    pending: int = 0

    def read_ahead(self) -> None:
        """Read chunks into the backlog while fewer than ``window`` texts are unyielded."""
        while not self.exhausted and self.read - self.turn < self.window:
            chunk = next(self.chunks, None)
            if chunk is None or isinstance(chunk, TypeError):
                self.bad_item, self.exhausted = chunk, True
                break
            self.backlog.append((self.read, chunk))
            self.read += len(chunk)
            self.pending += len(chunk)

    def hand_out(self, tasks: Queue[_Task | None]) -> None:
        """Top the workers' queue up from the backlog."""
        while self.backlog and len(self.sent) < self.capacity:
            # at the end, smaller and smaller runs, so that all finish together
            size = self.chunksize if not self.exhausted else max(
                1, self.pending // (2 * self.processes))
            first, run = _split(self.backlog, size)
            self.pending -= len(run)
            self.sent[first] = run
            tasks.put((first, run))

    def gather(self, results: Queue[tuple[int, _Outcome]], wait: float = 0.0) -> bool:
        """Collect the workers' finished runs (waiting ``wait`` seconds for the first);
        whether any was there."""
        any_found = False
        while (finished := _collect(results, wait)) is not None:
            first, outcome = finished
            self.done[first] = (outcome, self.sent.pop(first))
            any_found = True
            if wait:
                break
        return any_found

    def due(self) -> Iterator[Result]:
        """The results of the run whose turn it is; then its error, if it had one."""
        (out, error), stripped = self.done.pop(self.turn)
        self.turn += len(out)
        if stripped is None:
            yield from out
        else:
            for text, result in zip(stripped, out, strict=False):
                yield result.model_copy(update={"text": text})
        if error is not None:
            raise error

    def work_here(self, tasks: Queue[_Task | None], results: Queue[tuple[int, _Outcome]],
                  workers: Sequence[BaseProcess], sieves: tuple[str, ...] | None,
                  reported: bool) -> None:
        """One step of this process's own share: a text of the backlog, or of a run
        taken back off the task queue; with neither, wait for the workers."""
        import queue

        if self.own is None and self.backlog:
            first, run = _split(self.backlog, 1)
            self.pending -= 1
            self.done[first] = (_attribute_here(run, sieves, reported), None)
            return
        if self.own is None:
            try:
                own = tasks.get_nowait()  # take a waiting run back from the workers
            except queue.Empty:
                if not self.gather(results, _MAX_WAIT):
                    _check_alive(workers)
                return
            assert own is not None  # only _shut_down() sends None
            self.own = own
            del self.sent[own[0]]
        first, run = self.own
        done = len(self.own_results)
        out, error = _attribute_here(run[done:done + 1], sieves, reported)
        self.own_results.extend(out)
        if error is None and len(self.own_results) < len(run):
            return
        self.done[first] = ((self.own_results, error), None)
        self.own, self.own_results = None, []


def _in_processes(texts: Iterable[object], processes: int, chunksize: int,
                  sieves: tuple[str, ...] | None, reported: bool = False) -> Iterator[Result]:
    """Attribute in this process and ``processes - 1`` workers, yielding in input order.

    Texts are read ``chunksize`` at a time into a backlog of runs (consecutive texts,
    keyed by the input index of their first text). Each worker is kept at
    ``_CHUNKS_PER_PROCESS`` runs, one in hand and one waiting on the task queue; this
    process attributes the backlog's texts one at a time and, between texts, collects
    the workers' results and tops their queue up. Once the input is exhausted the runs
    handed out shrink, and when the backlog is empty this process takes a waiting run
    back off the task queue, so that at the end no process sits idle while another
    still has a queue. With ``processes=2`` that is one worker plus the caller: two
    processes for two cores, not two workers and a caller that competes with them.
    """
    import multiprocessing  # here, not at the top: it adds 30 ms to `import quotecheck`

    context = multiprocessing.get_context()
    tasks: Queue[_Task | None] = context.Queue()
    results: Queue[tuple[int, _Outcome]] = context.Queue()
    stop = context.Event()
    workers = [context.Process(target=_work, args=(tasks, results, stop, sieves, reported),
                               daemon=True,
                               name=f"quotecheck-worker-{n}") for n in range(1, processes)]
    state = _Schedule(_chunks(texts, chunksize), chunksize, processes,
                      capacity=len(workers) * _CHUNKS_PER_PROCESS,
                      window=processes * _CHUNKS_PER_PROCESS * chunksize)
    try:
        for worker in workers:
            worker.start()
        while True:
            state.read_ahead()
            state.hand_out(tasks)
            state.gather(results)
            if state.turn in state.done:
                yield from state.due()
                continue
            if state.turn == state.read:
                if state.bad_item is not None:
                    raise state.bad_item
                return
            state.work_here(tasks, results, workers, sieves, reported)
    finally:
        _shut_down(workers, tasks, results, stop)


def _split(backlog: deque[_Task], size: int) -> _Task:
    """Take the first ``size`` texts off the front of ``backlog``."""
    first, run = backlog.popleft()
    if len(run) > size:
        backlog.appendleft((first + size, run[size:]))
        run = run[:size]
    return first, run


def _attribute_here(run: list[str], sieves: tuple[str, ...] | None,
                    reported: bool = False) -> _Outcome:
    """The results of ``run`` attributed in this process, and the error that stopped it."""
    out: list[Result] = []
    for text in run:
        try:
            out.append(attribute(text, sieves=sieves, reported=reported))
        except Exception as error:
            return out, error
    return out, None


def _collect(results: Queue[tuple[int, _Outcome]], timeout: float) -> tuple[int, _Outcome] | None:
    """A run a worker finished, waiting up to ``timeout`` seconds; None if none came."""
    import queue

    try:
        return results.get(timeout=timeout) if timeout else results.get_nowait()
    except queue.Empty:
        return None


def _check_alive(workers: Sequence[BaseProcess]) -> None:
    for worker in workers:
        if worker.exitcode is not None:
            raise RuntimeError(f"attribute_many(): worker process {worker.name} died "
                               f"(exit code {worker.exitcode})")


def _shut_down(workers: Sequence[BaseProcess], tasks: Queue[_Task | None],
               results: Queue[tuple[int, _Outcome]], stop: Event) -> None:
    """Stop the workers, drain the task queue and reap every process.

    On the normal path every chunk has been taken already and the workers are waiting;
    after an early ``close()`` or an error they drop their chunk after the current
    text and skip the rest. A worker that does not stop within ``_STOP_TIMEOUT`` is
    terminated.
    """
    stop.set()
    started = [worker for worker in workers if worker.pid is not None]
    for _ in started:
        tasks.put(None)
    for worker in started:
        worker.join(_STOP_TIMEOUT)
        if worker.exitcode is None:
            worker.terminate()
            worker.join()
    if any(worker.exitcode != 0 for worker in started):
        tasks.cancel_join_thread()  # chunks a dead worker left may have no reader
    tasks.close()
    tasks.join_thread()
    results.close()


def attribute_many(texts: Iterable[str], *, processes: int | None = None,
                   chunksize: int = 8, sieves: Iterable[str] | None = None,
                   reported: bool = False) -> Iterator[Result]:
    """Attribute every text of ``texts``, yielding one :class:`Result` per text, in order.

    ``texts`` may be any iterable, including an endless generator: it is read only as
    results are consumed, with at most ``2 × processes`` chunks of ``chunksize`` texts
    in flight. ``processes`` defaults to the number of CPUs and counts this process:
    ``processes=1`` runs here alone, ``processes=2`` here and in one worker.
    ``sieves`` is passed to :func:`attribute` (an unknown name raises
    :class:`ValueError` at once), and so is ``reported`` (reported speech into
    ``Result.reported``). A non-``str`` item raises :class:`TypeError` when
    its turn comes, after the results before it, and so does an exception raised by
    :func:`attribute`. Closing the iterator early (``break``) stops the workers once
    they finish the text in hand.

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
        return _in_process(iterator, chosen, reported)
    return _in_processes(iterator, processes, chunksize, chosen, reported)


def to_frame(results: Iterable[Result], ids: Iterable[str | int] | None = None) -> Any:
    """One ``pandas.DataFrame`` of the quotations of many articles, one row each.

    The columns are ``article`` (the article's id from ``ids``, as a string, or its
    position in ``results`` when ``ids`` is not given), then the columns of
    ``Result.to_rows()``, with the fixed dtypes of ``render.ROW_DTYPES``: articles
    without quotations add no rows and change no dtype. ``results`` may be the
    iterator :func:`attribute_many` returns. Needs pandas, which quotecheck does not
    install (an :class:`ImportError` says so).

    >>> frame = to_frame(attribute_many(["“Yes,” he said.", "None here."], processes=1),
    ...                  ids=["a", "b"])
    >>> frame[["article", "text", "start"]].values.tolist()
    [['a', 'Yes,', 0]]
    >>> str(frame.dtypes["start"]), str(frame.dtypes["article"])
    ('int64', 'string')
    """
    from .render import rows_to_frame  # here: `import quotecheck` need not load render

    names: Iterable[str | int] = range(2**62) if ids is None else ids
    rows = (
        {"article": name if ids is None else str(name), **row}
        for result, name in zip(results, names, strict=False)
        for row in result.to_rows()
    )
    return rows_to_frame(rows, first={"article": "int64" if ids is None else "string"})
