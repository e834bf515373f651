"""``quotecheck check`` and ``quotecheck verify``: the copy-desk checks on the command line.

``quotecheck check FILE…`` prints one finding a line, ``path:line:col: CODE message``
as other linters do (or JSON with ``--format json``), and exits 1 when any finding
has error severity, 0 otherwise and 2 on a usage error or an unreadable file.

``quotecheck verify --source SOURCE FILE…`` looks up every quotation of each article
in the source (a transcript, a press release, an earlier article) and prints one
line a quotation: exact, altered (with the word changes) or not found; ``--quote
TEXT`` looks up one quotation typed on the command line. It exits 1 when any
quotation is altered or not found.

>>> import contextlib, sys
>>> with contextlib.redirect_stderr(sys.stdout):
...     run_check(["--style", "roman", "x.txt"])  # doctest: +ELLIPSIS
usage: quotecheck check ...
quotecheck check: error: argument --style: invalid choice: 'roman' ...
2
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from .check_settings import find_settings, read_settings, suppressions
from .checks import (
    LONG_PARAGRAPH,
    MIN_CONFIDENCE,
    STYLE_CHOICES,
    apply_fixes,
    check,
    is_term,
    selected_codes,
)
from .files import Failure, display_name, read_text, unknown_encoding, walk
from .house_style import HouseStyle, infer_style
from .lexicon.checkcodes import CHECK_CODES
from .models import Finding, Verification
from .pipeline import attribute
from .verify import verify

__all__ = ["quiet_on_broken_pipe", "run_check", "run_verify"]

# Rounds of fixing: fixing the marks of a quotation can unlock its punctuation fix.
_FIX_ROUNDS = 3

# Output formats: the main command's names (table, jsonl), and json for one array.
_FORMATS = ("table", "jsonl", "json")
_MACHINE_FORMATS = frozenset({"jsonl", "json"})
_EXIT_CODES = ("exit codes (the same in every quotecheck command): 0 ok, 1 {findings}, "
               "2 usage error or an input that could not be read")

_CODES_HELP = "\n".join(
    f"  {code}  {severity:<7}  {name}: {title}"
    for code, (severity, name, title) in CHECK_CODES.items()
)


class _Lines:
    """1-based line and column of a character offset."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        for index, char in enumerate(text):
            if char == "\n":
                self.starts.append(index + 1)

    def at(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def _parse(parser: argparse.ArgumentParser, argv: list[str],
           settings: Callable[[argparse.Namespace], dict[str, Any]] | None = None
           ) -> argparse.Namespace | int:
    """The options, completed from ``settings`` (``[tool.quotecheck]``, for ``check``) and
    the defaults; an exit code for ``--help`` or a usage error."""
    try:
        options = parser.parse_args(argv)
    except SystemExit as stop:  # --help and usage errors
        return stop.code if isinstance(stop.code, int) else 2
    try:
        _merge(options, settings(options) if settings is not None else {})
    except ValueError as error:
        return _usage_error(parser, str(error))
    if unknown_encoding(options.encoding):
        return _usage_error(parser, f"unknown encoding: {options.encoding}")
    return options


def _usage_error(parser: argparse.ArgumentParser, message: str) -> int:
    parser.print_usage(sys.stderr)
    print(f"{parser.prog}: error: {message}", file=sys.stderr)
    return 2


def _inputs(paths: list[str], options: argparse.Namespace, prog: str
            ) -> Iterator[tuple[str, str, str | None]]:
    """Each input as (path, name to show, text), the text ``None`` (after a one-line
    error) when it cannot be read; folders walked as the main command walks them."""
    for path in walk(paths, options.glob):
        if isinstance(path, Failure):
            print(f"{prog}: {path.where}: {path.message}", file=sys.stderr)
            yield "", path.where, None
            continue
        text = read_text(path, options.encoding)
        if isinstance(text, Failure):
            print(f"{prog}: {text.where}: {text.message}", file=sys.stderr)
            yield path, text.where, None
        else:
            yield path, display_name(path), text


def _add_input_options(parser: argparse.ArgumentParser, formats_help: str) -> None:
    """The options every command shares: ``--format``, ``--encoding``, ``--glob``."""
    parser.add_argument("--format", choices=_FORMATS, default="table", help=formats_help)
    parser.add_argument("--encoding", default=None,
                        help="encoding of the inputs (default: utf-8)")
    parser.add_argument("--glob", default=None, metavar="PATTERN",
                        help="files to take from directories (default: *.txt)")


def _write_report(fmt: str, report: list[dict[str, Any]]) -> None:
    """Machine output: one JSON array (``json``) or one object a line (``jsonl``)."""
    if fmt == "json":
        print(json.dumps(report, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for record in report:
            print(json.dumps(record, ensure_ascii=False))


def _check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotecheck check", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Lint the quotations of news articles the way a copy editor would.\n"
        "Settings may also live in the nearest pyproject.toml under [tool.quotecheck];\n"
        "<!-- quotecheck: ignore CODE --> in the copy suppresses findings on its line.",
        epilog="codes (choose with --select, switch off with --ignore: codes, prefixes "
        "such as QC3, or names):\n" + _CODES_HELP
        + "\n\n" + _EXIT_CODES.format(findings="an error-severity finding (--exit-zero: "
                                       "0), or with --diff a file to change"),
    )
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="plain-text articles (a directory: its *.txt files), or - for "
                        "standard input")
    _add_input_options(parser, "table: one finding a line, path:line:col: CODE message "
                       "(the default); jsonl: one JSON object a line; json: one array")
    parser.add_argument("--select", action="append", default=None, metavar="CODE[,CODE…]",
                        help="the checks to run, by code, prefix (QC3) or name (default: "
                        "all); may be repeated")
    parser.add_argument("--ignore", "--disable", action="append", default=[],
                        metavar="CODE[,CODE…]", dest="ignore",
                        help="switch checks off by code, prefix or name; may be repeated")
    parser.add_argument("--style", choices=STYLE_CHOICES, default=None,
                        help="punctuation style: auto (the default: inferred from each "
                        "article), american, or british (logical)")
    parser.add_argument("--long-paragraph", type=int, default=None, metavar="CHARS",
                        help="how far into a paragraph a new speaker may first be named "
                        f"(default {LONG_PARAGRAPH})")
    parser.add_argument("--min-confidence", type=float, default=None, metavar="P",
                        help="engine confidence below which an attribution is reported as "
                        f"uncertain, QC301 (default {MIN_CONFIDENCE})")
    parser.add_argument("--fix", action="store_true",
                        help="rewrite each file with the suggested fixes (punctuation and "
                        "quotation marks), then report what is left")
    parser.add_argument("--diff", action="store_true",
                        help="print the fixes as a unified diff instead of writing them")
    parser.add_argument("--exit-zero", action="store_true",
                        help="exit 0 even when there are findings (2 still means trouble)")
    parser.add_argument("--config", default=None, metavar="PYPROJECT",
                        help="read [tool.quotecheck] from this file instead of the nearest "
                        "pyproject.toml")
    parser.add_argument("--isolated", action="store_true",
                        help="read no pyproject.toml at all")
    return parser


def _codes(items: list[str] | None) -> list[str] | None:
    """``["QC1,QC2", "QC5"]`` → ``["QC1", "QC2", "QC5"]``."""
    if items is None:
        return None
    return [code.strip() for item in items for code in item.split(",") if code.strip()]


def _settings(options: argparse.Namespace) -> dict[str, Any]:
    """The ``[tool.quotecheck]`` settings that apply (``ValueError`` when they are wrong)."""
    if options.isolated:
        return {}
    path = Path(options.config) if options.config else find_settings(Path.cwd())
    return read_settings(path) if path is not None else {}


def _merge(options: argparse.Namespace, settings: dict[str, Any]) -> None:
    """Fill the options the command line left out from the settings, then the defaults."""
    defaults = {"style": "auto", "long_paragraph": LONG_PARAGRAPH,
                "min_confidence": MIN_CONFIDENCE, "encoding": "utf-8", "glob": "*.txt"}
    for key, default in defaults.items():
        if getattr(options, key, default) is None:
            setattr(options, key, settings.get(key, default))
    if hasattr(options, "select"):  # check's codes; --ignore adds to the settings'
        options.select = _codes(options.select) if options.select else settings.get("select")
        options.ignore = [*settings.get("ignore", []), *(_codes(options.ignore) or [])]


def quiet_on_broken_pipe() -> int:
    """``quotecheck check … | head``: stop quietly once the reader has gone."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    return 1


def run_check(argv: list[str]) -> int:
    """``quotecheck check FILE…``: print findings; 1 when any is an error, 2 on misuse.

    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = os.path.join(folder, "story.txt")
    ...     with open(path, "w", encoding="utf-8") as handle:
    ...         _ = handle.write("Intro.\\n\\n“We will stay, said Jane Smith.")
    ...     status = run_check([path, "--ignore", "QC201", "--isolated"])  # doctest: +ELLIPSIS
    /.../story.txt:3:1: QC101 “ opens a quotation that is never closed: “We will stay, said Jane…
    >>> status
    1
    """
    try:
        return _run_check(argv)
    except BrokenPipeError:
        return quiet_on_broken_pipe()


class _Checked(NamedTuple):
    """One article checked: its text (fixed, with --fix or --diff), findings and style."""

    text: str
    findings: list[Finding]
    style: HouseStyle | None  # None: the style was set, not inferred


def _check_article(text: str, options: argparse.Namespace) -> _Checked:
    """Check one article, with the inferred style, the codes chosen and the markers obeyed;
    with ``--fix`` or ``--diff``, apply the fixes first (a few rounds, as fixes can unlock
    others), in the style of the article as it came."""
    inferred = None
    original, result = text, attribute(text)
    style = options.style
    if style == "auto":
        inferred = infer_style(text, result)
        style = inferred.style
    markers = suppressions(text)

    def run(fixed: str) -> list[Finding]:
        findings = check(fixed, select=options.select, disable=options.ignore, style=style,
                         long_paragraph=options.long_paragraph,
                         min_confidence=options.min_confidence,
                         result=result if fixed is original else None)
        if not markers.by_line:
            return findings
        lines = _Lines(fixed)
        return [f for f in findings
                if f.code not in markers.by_line.get(lines.at(f.start)[0], ())]

    findings = run(text)
    if options.fix or options.diff:
        for _ in range(_FIX_ROUNDS):
            if not any(f.fixes for f in findings):
                break
            text = apply_fixes(text, findings)
            findings = run(text)
    return _Checked(text, findings, inferred)


def _style_name(checked: _Checked, given: str) -> str:
    if checked.style is not None:
        return checked.style.style
    return "british" if given == "logical" else given


def _style_note(checked: _Checked, given: str) -> str:
    """``british punctuation (inferred: single marks; …)``, or ``… (set)``."""
    if checked.style is None:
        return f"{_style_name(checked, given)} punctuation (set)"
    return f"{checked.style.style} punctuation (inferred: {checked.style.reason})"


@dataclass(slots=True)
class _Tally:
    """What ``quotecheck check`` has found so far, over every file."""

    status: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    files_with_findings: int = 0
    fixable: int = 0
    changed: int = 0
    report: list[dict[str, Any]] = field(default_factory=list)


def _run_check(argv: list[str]) -> int:
    parser = _check_parser()
    options = _parse(parser, argv, _settings)
    if isinstance(options, int):
        return options
    if options.fix and "-" in options.files:
        return _usage_error(parser, "--fix rewrites files, not standard input (use --diff)")
    try:
        selected_codes(options.select, options.ignore)
    except ValueError as error:
        return _usage_error(parser, str(error))

    tally = _Tally()
    table = options.format not in _MACHINE_FORMATS
    for path, name, text in _inputs(options.files, options, "quotecheck check"):
        if text is None:
            tally.status = 2
            continue
        _check_input(path, name, text, options, table, tally)
    if not options.diff:
        _write_report(options.format, tally.report)
    status = tally.status
    if options.diff:
        changed = tally.changed
        print(f"quotecheck check: {changed} file{'s' if changed != 1 else ''} would be "
              "changed by --fix", file=sys.stderr)
        status = max(status, 1 if changed else 0)
    elif table:
        _summary(tally.counts, tally.files_with_findings, tally.fixable)
    return 0 if options.exit_zero and status == 1 else status


def _check_input(path: str, name: str, text: str, options: argparse.Namespace, table: bool,
                 tally: _Tally) -> None:
    """Check one input: print its diff or save its fixes, then report its findings."""
    for line, problem in suppressions(text).problems:
        print(f"quotecheck check: {name}:{line}: {problem}", file=sys.stderr)
    checked = _check_article(text, options)
    note = _style_note(checked, options.style)
    if checked.text != text:
        tally.changed += 1
        if options.diff:
            sys.stdout.writelines(difflib.unified_diff(
                text.splitlines(keepends=True), checked.text.splitlines(keepends=True),
                f"a/{name}", f"b/{name}"))
            return
        unsaved = _write_fixed(path, checked.text, options.encoding)
        if unsaved:
            print(f"quotecheck check: {name}: {unsaved}", file=sys.stderr)
            tally.status = 2
            return
        print(f"quotecheck check: {name}: fixed, {note}", file=sys.stderr)
    if options.diff:
        return
    lines = _Lines(checked.text)
    if checked.findings and table and checked.style is not None:
        print(f"quotecheck check: {name}: {note}", file=sys.stderr)
    tally.files_with_findings += bool(checked.findings)
    for finding in checked.findings:
        line, column = lines.at(finding.start)
        tally.fixable += bool(finding.fixes)
        tally.counts[finding.severity] += 1
        if finding.severity == "error" and tally.status == 0:
            tally.status = 1
        if table:
            print(f"{name}:{line}:{column}: {finding.code} {finding.message}")
        else:
            tally.report.append({"path": name, "line": line, "column": column,
                                 "style": _style_name(checked, options.style),
                                 **finding.model_dump()})


def _write_fixed(path: str, text: str, encoding: str) -> str | None:
    """Save the fixed text as its file was: same encoding, same line ends (the text
    keeps them: it was decoded without newline changes). The reason, if not saved."""
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError as error:
        return (f"not fixed: the fixes need {text[error.start]!r}, which {encoding} cannot "
                "hold (the file is unchanged)")
    try:
        with open(path, "wb") as handle:
            handle.write(data)
    except OSError as error:
        return (error.strerror or str(error)).lower()
    return None


def _summary(counts: Counter[str], files: int, fixable: int) -> None:
    """``Found 3 problems (1 error, 2 warnings) in 2 files.`` on standard error."""
    total = sum(counts.values())
    if not total:
        print("All checks passed.", file=sys.stderr)
        return
    parts = ", ".join(f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}"
                      for s in ("error", "warning", "info") if counts[s])
    print(f"Found {total} problem{'s' if total != 1 else ''} ({parts}) in {files} "
          f"file{'s' if files != 1 else ''}.", file=sys.stderr)
    if fixable:
        print(f"{fixable} fixable with --fix (--diff to preview).", file=sys.stderr)


def _verify_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotecheck verify",
        description="Look up every quotation of an article in its source: exact, altered "
        "(with the word changes) or not found.",
        epilog=_EXIT_CODES.format(findings="a quotation altered or not found"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="plain-text articles (a directory: its *.txt files), or - for "
                        "standard input")
    parser.add_argument("--quote", action="append", default=[], metavar="TEXT",
                        help="look up this quotation too (may be repeated)")
    parser.add_argument("--source", required=True, metavar="SOURCE",
                        help="the transcript, release or article the quotations come from "
                        "(- for standard input)")
    _add_input_options(parser, "table: one quotation a line with its status and speaker "
                       "(the default); jsonl: one JSON object a line; json: one array")
    parser.add_argument("--skip-terms", action="store_true",
                        help="leave out scare quotes and short terms")
    return parser


def _describe(result: Verification) -> str:
    parts = []
    for change in result.changes:
        if change.kind == "added":
            parts.append(f"added “{change.quoted}”")
        elif change.kind == "dropped":
            parts.append(f"dropped “{change.source}”")
        else:
            parts.append(f"“{change.source}” → “{change.quoted}”")
    return "; ".join(parts)


def _excerpt(text: str, width: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def run_verify(argv: list[str]) -> int:
    """``quotecheck verify --source SOURCE FILE…``: one line a quotation.

    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     source, story = os.path.join(folder, "t.txt"), os.path.join(folder, "s.txt")
    ...     with open(source, "w", encoding="utf-8") as handle:
    ...         _ = handle.write("We will not move from it. The talks were frank.")
    ...     with open(story, "w", encoding="utf-8") as handle:
    ...         _ = handle.write("“We will never move from it,” said Ana Ruiz.")
    ...     status = run_verify(["--source", source, story])  # doctest: +ELLIPSIS
    /.../s.txt:1:1: altered    “We will never move from it,” — Ana Ruiz (source 1:1) “not” → “never”
    >>> status
    1
    """
    try:
        return _run_verify(argv)
    except BrokenPipeError:
        return quiet_on_broken_pipe()


class _Quotation(NamedTuple):
    """One quotation to look up, and where it came from."""

    path: str
    line: int
    column: int
    start: int
    end: int
    words: str  # what is looked up: the quoted words without their marks
    shown: str  # what is printed: the quotation as the article has it
    speaker: str | None


def _quotations(options: argparse.Namespace) -> Iterator[_Quotation | None]:
    """Every quotation to look up: ``--quote`` strings, then each article's quotations.

    ``None`` stands for an article that could not be read.
    """
    for quoted in options.quote:
        yield _Quotation("<quote>", 1, 1, 0, len(quoted), quoted, quoted, None)
    for _, name, text in _inputs(options.files, options, "quotecheck verify"):
        if text is None:
            yield None
            continue
        lines = _Lines(text)
        for quote in attribute(text).quotes:
            if options.skip_terms and is_term(quote, text):
                continue
            line, column = lines.at(quote.start)
            speaker = " ".join(quote.speaker.name.split()) if quote.speaker is not None else None
            yield _Quotation(name, line, column, quote.start, quote.end, quote.text,
                             text[quote.start:quote.end], speaker)


def _run_verify(argv: list[str]) -> int:
    parser = _verify_parser()
    options = _parse(parser, argv)
    if isinstance(options, int):
        return options
    if not options.files and not options.quote:
        return _usage_error(parser, "give an article FILE or --quote TEXT")
    if options.source == "-" and "-" in options.files:
        return _usage_error(parser, "standard input can be the source or an article, not both")
    source = read_text(options.source, options.encoding)
    if isinstance(source, Failure):
        print(f"quotecheck verify: {source.where}: {source.message}", file=sys.stderr)
        return 2
    source_lines = _Lines(source)
    status = 0
    report: list[dict[str, Any]] = []
    for quotation in _quotations(options):
        if quotation is None:
            status = 2
            continue
        try:
            result = verify(quotation.words, source)
        except ValueError:
            continue  # no words to look up: “…”
        if result.status != "exact" and status == 0:
            status = 1
        if options.format in _MACHINE_FORMATS:
            report.append({"path": quotation.path, "line": quotation.line,
                           "column": quotation.column, "start": quotation.start,
                           "end": quotation.end, "speaker": quotation.speaker,
                           **result.model_dump()})
            continue
        where = ""
        if result.start is not None:
            closest = "closest " if result.status == "not_found" else ""
            where = "({}source {}:{})".format(closest, *source_lines.at(result.start))
        label = result.status.replace("_", " ")
        details = _describe(result) if result.status == "altered" else ""
        print(f"{quotation.path}:{quotation.line}:{quotation.column}: {label:<10} "
              f"{_excerpt(quotation.shown)} {_said_by(quotation)}{where} {details}".rstrip())
    _write_report(options.format, report)
    return status


def _said_by(quotation: _Quotation) -> str:
    """Who the article credits with the quotation, for the table line ("" for --quote)."""
    if quotation.path == "<quote>":
        return ""
    return f"— {quotation.speaker or 'no speaker named'} "
