"""The command line: ``quotecheck FILE…`` prints each quotation with its speaker.

``quotecheck FILE… | -`` reads plain-text articles (``-`` is standard input) and
writes a table (the default, whether the output is a terminal, a pipe or a file),
JSON Lines (``--format jsonl``: one ``{"id", "result"}`` object per article) or one
HTML page (``--format html``). Directories are walked for ``*.txt`` files
(``--glob`` changes the pattern; see :mod:`quotecheck.files`); ``--jsonl`` reads
JSON Lines input with ``id`` and ``text`` fields instead. ``quotecheck check …`` and
``quotecheck verify …`` run the copy-desk checks.

Exit codes, the same in the three commands: 0 ok, 1 findings (``check``: an error;
``verify``: a quotation not exact; the main command has none), 2 a usage error or an
input that could not be read (a one-line error names it; the other inputs are still
processed).

>>> import contextlib, sys
>>> with contextlib.redirect_stderr(sys.stdout):
...     main(["--format", "jsonl", "no-such-file.txt"])
quotecheck: no-such-file.txt: no such file or directory
2
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple, TextIO

from .batch import attribute_many
from .files import Failure as _Failure
from .files import display_name, read_text, unknown_encoding, walk
from .models import Result
from .pipeline import attribute
from .render import to_html_page, to_jsonl, to_table

__all__ = ["main"]

_SUBCOMMANDS = ("check", "verify")
_EPILOG = """\
subcommands (each has its own --help):
  quotecheck check FILE…                  lint quotations like a copy editor
  quotecheck verify --source SOURCE FILE  check quotations against their source
  (to read a file named "check" or "verify", write ./check or ./verify)

exit codes (the same for check and verify): 0 ok, 1 findings (check and verify
only), 2 usage error or an input that could not be read (the others are still
processed)."""


class _Source(NamedTuple):
    """One input to read: a path (or ``-``) and whether it holds JSON Lines."""

    path: str
    jsonl: bool


class _Document(NamedTuple):
    id: str | int
    text: str


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotecheck",
        description="Find every quotation in news articles and name who said it.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths", nargs="+", metavar="FILE",
        help="plain-text article, directory to walk, or - for standard input",
    )
    parser.add_argument(
        "--jsonl", action="store_true",
        help='inputs are JSON Lines, one {"id": …, "text": …} object per line',
    )
    parser.add_argument(
        "--format", choices=("table", "jsonl", "html"), default="table",
        help="output: table (the default, on a terminal or not), jsonl or html",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true",
        help="table: also the character offsets and the sieve and rule that decided",
    )
    parser.add_argument(
        "--encoding", default="utf-8", help="encoding of the inputs (default: utf-8)"
    )
    parser.add_argument(
        "--glob", default=None, metavar="PATTERN",
        help="files to take from directories (default: *.txt, or *.jsonl with --jsonl)",
    )
    parser.add_argument(
        "-j", "--jobs", type=_positive, default=1, metavar="N",
        help="processes for batches, this one included (default: 1, this process alone)",
    )
    parser.add_argument(
        "--reported", action="store_true",
        help="also read reported (indirect) speech: X said that …, according to X, …"
        " (in this process: -j is ignored)",
    )
    parser.add_argument(
        "--progress", action=argparse.BooleanOptionalAction, default=None,
        help="progress bar on standard error (default: for batches, when it is a terminal)",
    )
    from . import __version__

    parser.add_argument("--version", action="version", version=f"quotecheck {__version__}")
    return parser


def _positive(value: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return number


def _dispatch_subcommand(name: str, argv: list[str]) -> int:
    """Run ``quotecheck check`` or ``quotecheck verify`` (they live in ``cli_checks``)."""
    from .cli_checks import run_check, run_verify  # type: ignore[import-not-found,unused-ignore]

    runner = run_check if name == "check" else run_verify
    status: int = runner(argv)
    return status


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _sources(paths: Sequence[str], jsonl: bool, glob: str) -> Iterator[_Source | _Failure]:
    """The inputs named on the command line, directories walked in sorted order."""
    for path in walk(paths, glob):
        yield path if isinstance(path, _Failure) else _Source(path, jsonl)


def _documents(source: _Source, encoding: str) -> Iterator[_Document | _Failure]:
    """The articles of one input: the whole file, or one per JSON Lines record."""
    name = display_name(source.path)
    text = read_text(source.path, encoding)
    if isinstance(text, _Failure):
        yield text
        return
    if not source.jsonl:
        yield _Document(name, text)
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield _Failure(f"{name}:{number}", f"not JSON ({error.msg})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield _Failure(f"{name}:{number}", 'not an object with a "text" string')
            continue
        identifier = record.get("id")
        if identifier is None:
            identifier = f"{name}:{number}"
        elif not isinstance(identifier, str | int) or isinstance(identifier, bool):
            identifier = json.dumps(identifier)  # a float or a list still names the record
        yield _Document(identifier, record["text"])


def _inputs(
    sources: Iterable[_Source | _Failure], encoding: str
) -> Iterator[_Document | _Failure]:
    """Every article of every input, in order, with a failure where one can't be read."""
    for source in sources:
        if isinstance(source, _Failure):
            yield source
        else:
            yield from _documents(source, encoding)


def _attributed(
    inputs: Iterator[_Document | _Failure], jobs: int, reported: bool = False
) -> Iterator[tuple[_Document, Result] | _Failure]:
    """Each article with its result, in input order; ``jobs > 1`` uses worker processes."""
    if jobs == 1:
        for document in inputs:
            if isinstance(document, _Failure):
                yield document
                continue
            try:
                yield document, (attribute(document.text, reported=True) if reported
                                 else attribute(document.text))
            except ValueError as error:  # a document the library refuses, e.g. too large
                yield _Failure(str(document.id), str(error))
        return
    in_flight: deque[_Document] = deque()
    failures: deque[_Failure] = deque()

    def texts() -> Iterator[str]:
        for document in inputs:
            if isinstance(document, _Failure):
                failures.append(document)
            else:
                in_flight.append(document)
                yield document.text

    for result in attribute_many(texts(), processes=jobs, reported=reported):
        while failures:
            yield failures.popleft()
        yield in_flight.popleft(), result
    yield from failures


def _count_records(source: _Source) -> int:
    """How many non-blank lines a JSON Lines file has, for the progress bar (0 if unknown)."""
    try:
        with open(source.path, "rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 0


class _Progress:
    """A one-line progress bar on a terminal: ``[=====>    ] 42/100  3.1 s  name``."""

    def __init__(self, stream: TextIO, total: int | None, enabled: bool) -> None:
        self.stream = stream
        self.total = total
        self.enabled = enabled
        self.done = 0
        self.started = time.monotonic()
        self.drawn_at = 0.0
        self.visible = False

    def advance(self, label: str) -> None:
        self.done += 1
        now = time.monotonic()
        if self.enabled and (now - self.drawn_at >= 0.05 or self.done == self.total):
            self.drawn_at = now
            self.draw(label)

    def draw(self, label: str = "") -> None:
        if not self.enabled:
            return
        columns = shutil.get_terminal_size((80, 24)).columns
        elapsed = f"{time.monotonic() - self.started:.1f} s"
        if self.total:
            width = 24
            filled = min(width, width * self.done // self.total)
            bar = "=" * filled + (">" if filled < width else "") + " " * (width - filled - 1)
            head = f"[{bar[:width]}] {self.done}/{self.total}  {elapsed}  "
        else:
            head = f"{self.done} articles  {elapsed}  "
        room = max(0, columns - 1 - len(head))
        label = label if len(label) <= room else "…" + label[len(label) - room + 1 :]
        self.stream.write("\r" + head + label[:room] + "\x1b[K")
        self.stream.flush()
        self.visible = True

    def clear(self) -> None:
        if self.visible:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.visible = False

    def finish(self) -> None:
        if self.enabled and self.done:
            self.draw("done")
            self.stream.write("\n")
            self.stream.flush()
            self.visible = False


def _use_utf8(stream: TextIO) -> None:
    """Write UTF-8 to a pipe or file whatever the locale says (JSON and HTML are UTF-8)."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None and not _is_tty(stream):
        reconfigure(encoding="utf-8")


def _run(options: argparse.Namespace) -> int:
    out, err = sys.stdout, sys.stderr
    output = options.format
    _use_utf8(out)
    glob = options.glob or ("*.jsonl" if options.jsonl else "*.txt")
    sources = list(_sources(options.paths, options.jsonl, glob))
    inputs = [s for s in sources if isinstance(s, _Source)]
    total: int | None = len(inputs)
    if options.jsonl:
        counts = [0 if s.path == "-" else _count_records(s) for s in inputs]
        total = None if any(s.path == "-" for s in inputs) else sum(counts)
    batch = total is None or total > 1
    wanted = options.progress if options.progress is not None else batch and _is_tty(err)
    progress = _Progress(err, total, bool(wanted))

    status = 0
    many = total is None or total > 1
    pages: list[tuple[str, Result]] = []
    width = shutil.get_terminal_size().columns  # the terminal's, or $COLUMNS, or 80

    def fail(failure: _Failure) -> None:
        nonlocal status
        status = 2
        progress.clear()
        print(f"quotecheck: {failure.where}: {failure.message}", file=err, flush=True)

    for item in _attributed(_inputs(sources, options.encoding), options.jobs,
                            options.reported):
        if isinstance(item, _Failure):
            fail(item)
            continue
        document, result = item
        if output == "jsonl":
            out.write(to_jsonl(result, document.id) + "\n")
        elif output == "table":
            progress.clear()
            if many:
                out.write(f"==> {document.id} <==\n")
            table = to_table(result, width=width, verbose=options.verbose)
            out.write(table + "\n" + ("\n" if many else ""))
            out.flush()
        else:
            pages.append((str(document.id), result))
        progress.advance(str(document.id))
    if output == "html":
        out.write(to_html_page(pages))
    out.flush()
    progress.finish()
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code.

    ``check`` and ``verify`` as the first argument run those subcommands instead.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments and arguments[0] in _SUBCOMMANDS:
        return _dispatch_subcommand(arguments[0], arguments[1:])
    parser = _build_parser()
    try:
        options = parser.parse_args(arguments)
    except SystemExit as stop:  # --help, --version and usage errors
        return stop.code if isinstance(stop.code, int) else 2
    if unknown_encoding(options.encoding):
        parser.print_usage(sys.stderr)
        print(f"quotecheck: error: unknown encoding: {options.encoding}", file=sys.stderr)
        return 2
    try:
        return _run(options)
    except BrokenPipeError:  # `quotecheck … | head`: stop quietly
        from .cli_checks import quiet_on_broken_pipe

        return quiet_on_broken_pipe()
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
