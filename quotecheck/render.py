"""Renderings of a :class:`~quotecheck.models.Result`: table, rows, JSON Lines and HTML.

Every renderer reads the frozen models and nothing else, so a result built by hand
renders the same way as one from :func:`quotecheck.attribute`.

>>> from quotecheck import attribute
>>> result = attribute("“Go,” said Mr. Smith.")
>>> [row["text"] for row in to_rows(result)]
['Go,']
>>> to_jsonl(result, id="a1")[:24]
'{"id":"a1","result":{"te'
"""

from __future__ import annotations

import bisect
import colorsys
import html
import itertools
import shutil
import sys
import textwrap
from collections.abc import Iterable
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict

from .layout import paragraph_bounds
from .models import Attribution, Quote, Reported, Result, Speaker
from .patterns import LINE_BREAK_RE

__all__ = [
    "PALETTE",
    "REVIEW_BELOW",
    "ROW_DTYPES",
    "Record",
    "RowValue",
    "contrast",
    "quote_flags",
    "relative_luminance",
    "rows_to_frame",
    "speaker_colours",
    "strong_colour",
    "table_summary",
    "to_frame",
    "to_html",
    "to_html_page",
    "to_jsonl",
    "to_rows",
    "to_table",
]

RowValue = str | int | float | bool | None

# Backgrounds for dark text (#1d1d1d), one per speaker in order of first quotation:
# ColorBrewer Set3 with its grey left out (grey means "no speaker") and its palest
# colours (yellow, mint) replaced by deeper ones from Set2 and Paired, so that every
# highlight stands out from the white page. tests/test_render.py checks each against
# WCAG AA: text on it at least 4.5:1, and it against the page at least 1.35:1.
# fmt: off
PALETTE = (
    "#8dd3c7",
    "#ffd92f",
    "#bebada",
    "#fb8072",
    "#80b1d3",
    "#fdb462",
    "#b3de69",
    "#f4a6d7",
    "#bc80bd",
    "#66c2a5",
    "#e5c494",
)
# fmt: on

# Characters that are not allowed in an HTML document (C0 controls other than tab and
# line ends, DEL, and lone surrogates, which cannot be encoded); shown as U+FFFD, one
# character for one, so the rendered article keeps its shape.
_NOT_HTML = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0xD800, 0xE000)]


def _build_escapes() -> dict[int, str]:
    """One ``str.translate`` table: HTML's five special characters, and U+FFFD for the rest."""
    table = dict.fromkeys(_NOT_HTML, "\ufffd")
    table.update({ord(c): html.escape(c) for c in "&<>\"'"})
    return table


_ESCAPES = _build_escapes()


class Record(BaseModel):
    """One line of ``--format jsonl`` output: an article's id and its full result.

    ``Record.model_validate_json(line).result`` gives the typed :class:`Result` back.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str | int | None = None
    result: Result


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# A speaker whose attribution is below this confidence is flagged for review: about
# a third of such attributions are wrong on the dev news (see docs/confidence.md).
REVIEW_BELOW = 0.7
# What the table and the HTML say of a text that is not reported in English.
_NOT_ENGLISH = "not English: quotations found, speakers not named"
# The narrowest the table's quotation column gets, whatever the terminal's width.
_NARROWEST = 24


def quote_flags(quote: Quote, depth: int = 0) -> tuple[str, ...]:
    """What a reader should know about one quotation before trusting its row.

    ``unclosed``: the closing mark is missing (the quotation ends at its paragraph).
    ``nested``: a quotation inside another one. ``ambiguous``: other speakers fit
    about as well (``attribution.candidates``). ``review``: a speaker was named, but
    with a confidence below :data:`REVIEW_BELOW` or with rivals; check it by hand.

    >>> from quotecheck import attribute
    >>> quote_flags(attribute("He said “it never closes.").quotes[0])
    ('unclosed',)
    """
    flags: list[str] = []
    attribution = quote.attribution
    if not quote.closed:
        flags.append("unclosed")
    if depth:
        flags.append("nested")
    if attribution is not None and attribution.candidates:
        flags.append("ambiguous")
    if quote.speaker is not None and attribution is not None and (
            attribution.confidence < REVIEW_BELOW or attribution.candidates):
        flags.append("review")
    return tuple(flags)


class _Row(NamedTuple):
    paragraph: int
    line: int
    start: int
    end: int
    words: str  # what the reader sees: marks included, white space collapsed
    speaker: str
    confidence: str
    flags: str
    rule: str


def _positions(text: str, offsets: list[int]) -> list[tuple[int, int]]:
    """The 1-based paragraph and line of each offset."""
    paragraphs = [start for start, _ in paragraph_bounds(text)]
    lines = [0, *(m.end() for m in LINE_BREAK_RE.finditer(text))]
    return [(max(1, bisect.bisect_right(paragraphs, at)), bisect.bisect_right(lines, at))
            for at in offsets]


def _table_rows(result: Result) -> tuple[list[_Row], list[_Row]]:
    """The rows of the quotations (nested ones included) and of the reported speech."""
    walk = _walk(result)
    reported = result.reported
    where = _positions(result.text, [p.quote.start for p in walk]
                       + [item.start for item in reported])
    quotes: list[_Row] = []
    for placed, (paragraph, line) in zip(walk, where, strict=False):
        quote, attribution = placed.quote, placed.quote.attribution
        words = quote.open_mark + quote.text + (quote.close_mark or "")
        quotes.append(_Row(
            paragraph, line, quote.start, quote.end,
            "  " * placed.depth + " ".join(words.split()),
            quote.speaker.name if quote.speaker else "—",
            f"{attribution.confidence:.2f}" if attribution else "—",
            ", ".join(quote_flags(quote, placed.depth)),
            f"{attribution.sieve}/{attribution.rule}" if attribution else "",
        ))
    others: list[_Row] = []
    for item, (paragraph, line) in zip(reported, where[len(walk):], strict=False):
        attribution = item.attribution
        flags = ["review"] if item.speaker and attribution and (
            attribution.confidence < REVIEW_BELOW or attribution.candidates) else []
        others.append(_Row(
            paragraph, line, item.start, item.end, " ".join(item.text.split()),
            item.speaker.name if item.speaker else "—",
            f"{attribution.confidence:.2f}" if attribution else "—",
            ", ".join([item.kind, *flags]),
            f"{attribution.sieve}/{attribution.rule}" if attribution else "",
        ))
    return quotes, others


def table_summary(result: Result) -> str:
    """The table's last line: quotations (nested ones included), their speakers, how
    many have no speaker and how many carry a flag (:func:`quote_flags`).

    >>> from quotecheck import attribute
    >>> table_summary(attribute("“Go,” said Ana Ruiz. “Why?” she asked."))
    '2 quotations, 1 speaker, 0 unattributed, 0 flagged'
    """
    walk = _walk(result)
    speakers = {p.quote.speaker.id for p in walk if p.quote.speaker is not None}
    unattributed = sum(1 for p in walk if p.quote.speaker is None)
    flagged = sum(1 for p in walk if quote_flags(p.quote, p.depth))
    parts = [_plural(len(walk), "quotation"), _plural(len(speakers), "speaker"),
             f"{unattributed} unattributed", f"{flagged} flagged"]
    if result.reported:
        parts.append(f"{len(result.reported)} reported")
    if result.stray_marks:
        parts.append(_plural(len(result.stray_marks), "stray mark"))
    if result.language != "en":
        parts.append(_NOT_ENGLISH)
    return ", ".join(parts)


def to_table(result: Result, width: int | None = None, *, verbose: bool = False) -> str:
    """The quotations as a table for a reader: where each is, its words, who said it.

    One row per quotation, nested ones included (indented under their parent), in
    document order: the paragraph and line it starts on (1-based), the quotation
    with its marks, wrapped to fit ``width`` columns (default: the terminal's width,
    :func:`shutil.get_terminal_size`), the speaker (``—`` when none was found), the
    confidence and the flags of :func:`quote_flags`. With ``reported=True`` results,
    reported speech follows below a rule. The last line sums up. ``verbose`` adds the
    character offsets and the sieve and rule that decided.

    >>> from quotecheck import attribute
    >>> text = "Tom Berg met Raj Mehta. “We agree,” he said.\\n\\nAna Ruiz said “it ‘never’ ends."
    >>> print(to_table(attribute(text), width=72))
    para line  quotation                   speaker   conf  flags
    ---- ----  --------------------------  --------  ----  -----------------
       1    1  “We agree,”                 Tom Berg  0.79  ambiguous, review
       2    3  “it ‘never’ ends.           Ana Ruiz  0.98  unclosed
       2    3    ‘never’                   —         —     nested
    3 quotations, 2 speakers, 1 unattributed, 3 flagged, 1 stray mark
    """
    quotes, others = _table_rows(result)
    rows = quotes + others
    columns = width if width is not None else shutil.get_terminal_size().columns
    layout = _table_layout(rows, columns, verbose)
    lines = [
        layout.line("para", "line", "start", "end", "quotation", "speaker", "conf", "flags",
                    "rule"),
        layout.line(*("-" * n for n in (
            layout.number_width, layout.number_width, layout.offset_width,
            layout.offset_width, layout.words_width, layout.speaker_width, 4,
            layout.flag_width, 4))),
    ]
    for index, row in enumerate(rows):
        if index == len(quotes) and quotes:
            lines.append("-" * len(lines[1]))
        lines.extend(layout.row_lines(row))
    if not rows:
        lines.append("(no quotations)")
    lines.append(table_summary(result))
    return "\n".join(lines)


class _TableLayout(NamedTuple):
    """The column widths of :func:`to_table`, and whether flags stack one per line."""

    number_width: int
    offset_width: int
    words_width: int
    speaker_width: int
    flag_width: int
    stack_flags: bool
    verbose: bool

    def line(self, paragraph: str, line_number: str, start: str, end: str, words: str,
             speaker: str, confidence: str, flags: str, rule: str) -> str:
        """One line of the table, its cells padded to the columns."""
        head = f"{paragraph:>{self.number_width}} {line_number:>{self.number_width}}  "
        if self.verbose:
            head += f"{start:>{self.offset_width}} {end:>{self.offset_width}}  "
        text = (f"{head}{words:<{self.words_width}}  {speaker:<{self.speaker_width}}  "
                f"{confidence:<4}  {flags:<{self.flag_width}}")
        return (text + (f"  {rule}" if self.verbose else "")).rstrip()

    def row_lines(self, row: _Row) -> list[str]:
        """The lines of one row: its words wrapped, its flags stacked on a narrow one."""
        words = row.words.lstrip(" ")
        indent = " " * (len(row.words) - len(words))  # a nested quotation's
        wrapped = [indent + piece.strip() for piece in textwrap.wrap(
            words, self.words_width - len(indent), break_on_hyphens=False)] or [""]
        flags = [row.flags]
        if self.stack_flags and row.flags:
            pieces = row.flags.split(", ")
            flags = [piece + "," for piece in pieces[:-1]] + pieces[-1:]
        lines = []
        for number, (words, flag) in enumerate(
                itertools.zip_longest(wrapped, flags, fillvalue="")):
            cells = (str(row.paragraph), str(row.line), str(row.start), str(row.end))
            lines.append(self.line(*(cells if number == 0 else ("",) * 4), words,
                                   _clip(row.speaker, self.speaker_width) if number == 0
                                   else "", row.confidence if number == 0 else "", flag,
                                   row.rule if number == 0 else ""))
        return lines


def _table_layout(rows: list[_Row], columns: int, verbose: bool) -> _TableLayout:
    """Column widths for ``rows`` in ``columns`` characters: the quotation's words take
    the room the other columns leave (at least ``_NARROWEST``)."""
    number_width = max([4, *(len(str(r.line)) for r in rows)])
    offset_width = max([5, *(len(str(r.end)) for r in rows)]) if verbose else 0
    speaker_width = max([len("speaker"), *(min(24, len(r.speaker)) for r in rows)])
    flag_width = max([len("flags"), *(len(r.flags) for r in rows)])
    single_flag = max([len("flags"), *(len(f) + 1 for r in rows for f in r.flags.split(", "))])

    def room() -> int:
        fixed = 2 * number_width + 1 + 2 + 2 + speaker_width + 2 + 4 + 2 + flag_width
        return columns - fixed - (2 * (offset_width + 1) if verbose else 0)

    stack_flags = room() < _NARROWEST and single_flag < flag_width
    if stack_flags:  # a narrow terminal: one flag per line
        flag_width = single_flag
    speaker_width = max(len("speaker"), min(speaker_width, speaker_width - _NARROWEST + room()))
    return _TableLayout(number_width, offset_width, max(_NARROWEST, room()), speaker_width,
                        flag_width, stack_flags, verbose)


class _Placed(NamedTuple):
    quote: Quote
    position: int  # in document order
    depth: int
    parent: int | None


def _walk(result: Result) -> list[_Placed]:
    """Every quotation in document order (parents before the quotations inside them)."""
    placed: list[_Placed] = []
    stack: list[tuple[Quote, int, int | None]] = [(q, 0, None) for q in reversed(result.quotes)]
    while stack:
        quote, depth, parent = stack.pop()
        index = len(placed)
        placed.append(_Placed(quote, index, depth, parent))
        stack.extend((child, depth + 1, index) for child in reversed(quote.nested))
    return placed


def to_rows(result: Result) -> list[dict[str, RowValue]]:
    """One flat dict per quotation, nested ones included, ready for ``pandas.DataFrame``.

    Every row has the same keys, in the same order. ``index`` is the quotation's place
    in document order, ``depth`` is 0 for an outermost quotation, and ``parent`` is the
    ``index`` of the quotation around a nested one. Speaker and provenance fields are
    ``None`` for an unattributed quotation. Values are plain ``str``, ``int``,
    ``float``, ``bool`` or ``None``, so rows pickle and serialise anywhere; the
    speaker's titles and the other candidate speakers are joined with ``"; "``.

    >>> from quotecheck import attribute
    >>> rows = to_rows(attribute("He said “it was ‘fine’ then.”"))
    >>> [(row["text"], row["depth"], row["parent"]) for row in rows]
    [('it was ‘fine’ then.', 0, None), ('fine', 1, 0)]
    >>> list(rows[0])[:6]
    ['index', 'start', 'end', 'text', 'open_mark', 'close_mark']

    ``kind`` is ``direct`` for a quotation; a result read with ``reported=True`` has a
    row for each reported content after them, of kind ``indirect`` or ``mixed`` (no
    marks, depth 0, no parent).

    >>> rows = to_rows(attribute("Ana Ruiz said that the plan was dead.", reported=True))
    >>> [(row["kind"], row["text"], row["speaker"]) for row in rows]
    [('indirect', 'the plan was dead', 'Ana Ruiz')]
    """
    rows: list[dict[str, RowValue]] = []
    for quote, index, depth, parent in _walk(result):
        rows.append(
            {
                "index": index,
                "start": quote.start,
                "end": quote.end,
                "text": quote.text,
                "open_mark": quote.open_mark,
                "close_mark": quote.close_mark,
                "closed": quote.closed,
                "paragraphs": quote.paragraphs,
                "depth": depth,
                "parent": parent,
                **_speaker_columns(quote.speaker, quote.attribution),
                "kind": "direct",
            }
        )
    for number, item in enumerate(result.reported, len(rows)):
        rows.append(_reported_row(item, number))
    return rows


# The pandas dtype of each column of :func:`to_rows`, in order: what
# :func:`to_frame` gives, whatever the rows hold (no quotation at all, or only
# missing values in a column), so that frames of many articles concatenate without
# an integer column turning into floats. Columns that may be missing are nullable.
# fmt: off
ROW_DTYPES: dict[str, str] = {
    "index": "int64",
    "start": "int64",
    "end": "int64",
    "text": "string",
    "open_mark": "string",
    "close_mark": "string",
    "closed": "bool",
    "paragraphs": "int64",
    "depth": "int64",
    "parent": "Int64",
    "speaker": "string",
    "speaker_id": "Int64",
    "speaker_kind": "string",
    "speaker_gender": "string",
    "speaker_titles": "string",
    "sieve": "string",
    "rule": "string",
    "confidence": "Float64",
    "cue": "string",
    "cue_start": "Int64",
    "cue_end": "Int64",
    "mention": "string",
    "mention_kind": "string",
    "mention_start": "Int64",
    "mention_end": "Int64",
    "via_start": "Int64",
    "via_end": "Int64",
    "addressee": "string",
    "candidates": "string",
    "kind": "string",
}
# fmt: on


def _pandas() -> Any:
    """The pandas module, or an ImportError that says how to get it."""
    try:
        import pandas  # type: ignore[import-untyped,unused-ignore]
    except ImportError as error:
        raise ImportError(
            "quotecheck's DataFrames need pandas, which quotecheck does not install: "
            "pip install pandas (or pip install 'quotecheck-news[pandas]')"
        ) from error
    return pandas


def rows_to_frame(rows: Iterable[dict[str, RowValue]],
                  first: dict[str, str] | None = None) -> Any:
    """A ``pandas.DataFrame`` of :func:`to_rows` rows with the dtypes of
    :data:`ROW_DTYPES`; ``first`` names columns (and their dtypes) that come before
    them, such as an article id.

    >>> rows_to_frame([]).dtypes["start"]
    dtype('int64')
    """
    pandas = _pandas()
    dtypes = {**(first or {}), **ROW_DTYPES}
    frame = pandas.DataFrame(list(rows), columns=list(dtypes))
    return frame.astype(dtypes)


def to_frame(result: Result) -> Any:
    """The rows of :func:`to_rows` as a ``pandas.DataFrame`` with fixed columns and
    dtypes (:data:`ROW_DTYPES`), even when the article has no quotation.

    pandas is not a dependency of quotecheck: without it, this raises an
    :class:`ImportError` that says how to install it.

    >>> from quotecheck import attribute
    >>> frame = to_frame(attribute("“Go,” said Ana Ruiz."))
    >>> frame[["start", "end", "speaker"]].values.tolist()
    [[0, 5, 'Ana Ruiz']]
    >>> str(to_frame(attribute("No quotations.")).dtypes["parent"])
    'Int64'
    """
    return rows_to_frame(to_rows(result))


def _speaker_columns(speaker: Speaker | None,
                     attribution: Attribution | None) -> dict[str, RowValue]:
    """The columns a quotation's row and a reported content's row share: who spoke, and
    the provenance that decided it."""
    cue = attribution.cue if attribution else None
    mention = attribution.mention if attribution else None
    via = attribution.via if attribution else None
    return {
        "speaker": speaker.name if speaker else None,
        "speaker_id": speaker.id if speaker else None,
        "speaker_kind": speaker.kind if speaker else None,
        "speaker_gender": speaker.gender if speaker else None,
        "speaker_titles": "; ".join(speaker.titles) if speaker and speaker.titles else None,
        "sieve": attribution.sieve if attribution else None,
        "rule": attribution.rule if attribution else None,
        "confidence": attribution.confidence if attribution else None,
        "cue": attribution.cue_text if attribution else None,
        "cue_start": cue.start if cue else None,
        "cue_end": cue.end if cue else None,
        "mention": mention.text if mention else None,
        "mention_kind": mention.kind if mention else None,
        "mention_start": mention.start if mention else None,
        "mention_end": mention.end if mention else None,
        "via_start": via.start if via else None,
        "via_end": via.end if via else None,
        "addressee": attribution.addressee if attribution else None,
        "candidates": "; ".join(attribution.candidates)
        if attribution and attribution.candidates else None,
    }


def _reported_row(item: Reported, index: int) -> dict[str, RowValue]:
    """The row of one reported content: the columns of a quotation's row."""
    return {
        "index": index, "start": item.start, "end": item.end, "text": item.text,
        "open_mark": None, "close_mark": None, "closed": True, "paragraphs": 1,
        "depth": 0, "parent": None,
        **_speaker_columns(item.speaker, item.attribution),
        "kind": item.kind,
    }


def to_jsonl(result: Result, id: str | int | None = None) -> str:
    """One JSON Lines record for ``result``: ``{"id": …, "result": {…}}``, no newline.

    The record validates against ``docs/record.schema.json`` and reads back with
    :meth:`Record.model_validate_json`, losslessly.

    >>> from quotecheck import attribute
    >>> line = to_jsonl(attribute("“Go,” she said."), id=7)
    >>> Record.model_validate_json(line).result.quotes[0].text
    'Go,'
    """
    return Record.model_construct(id=id, result=result).model_dump_json()


def speaker_colours(result: Result, placed: list[_Placed] | None = None) -> dict[int, str]:
    """The highlight colour of each speaker id, in order of first appearance.

    Speakers in ``result.speakers`` come first, then any other speaker found on a
    quotation. The first eleven take :data:`PALETTE`; later ones get evenly spread
    light hues.

    >>> from quotecheck.models import Speaker
    >>> speakers = (Speaker(id=4, name="A"), Speaker(id=9, name="B"))
    >>> speaker_colours(Result(text="", speakers=speakers))
    {4: '#8dd3c7', 9: '#ffd92f'}
    """
    order: dict[int, Speaker] = {s.id: s for s in result.speakers}
    for where in _walk(result) if placed is None else placed:
        if where.quote.speaker is not None:
            order.setdefault(where.quote.speaker.id, where.quote.speaker)
    colours: dict[int, str] = {}
    for position, speaker_id in enumerate(order):
        if position < len(PALETTE):
            colours[speaker_id] = PALETTE[position]
        else:  # golden-angle hues: neighbours in order never look alike
            colours[speaker_id] = _extra_colour(position)
    return colours


def _channels(colour: str) -> tuple[int, int, int]:
    """``#rrggbb`` as three integers."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of an ``#rrggbb`` colour (0 black, 1 white).

    >>> relative_luminance("#ffffff"), relative_luminance("#000000")
    (1.0, 0.0)
    """
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
              for c in (v / 255 for v in _channels(colour))]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours, from 1 to 21.

    >>> round(contrast("#1d1d1d", "#ffd92f"), 1)
    12.2
    """
    low, high = sorted((relative_luminance(first), relative_luminance(second)))
    return (high + 0.05) / (low + 0.05)


def _extra_colour(position: int) -> str:
    """The colour of the speaker at ``position`` past the palette: a golden-angle hue
    in its lightest shade of luminance at most 0.55, which keeps it visible on white
    with dark text readable on it."""
    hue = (position * 137.508) % 360 / 360
    for step in range(90, 20, -1):
        red, green, blue = colorsys.hls_to_rgb(hue, step / 100, 0.7)
        colour = f"#{round(red * 255):02x}{round(green * 255):02x}{round(blue * 255):02x}"
        if relative_luminance(colour) <= 0.55:
            return colour
    return "#b0b0ff"  # not reached: every hue has a shade in that band


def strong_colour(colour: str) -> str:
    """A dark shade of a highlight colour, for lines on white (reported speech, labels'
    borders): each channel halved, which keeps at least 4.5:1 against white.

    >>> strong_colour("#ffd92f")
    '#806c18'
    """
    return "#" + "".join(f"{round(c / 2):02x}" for c in _channels(colour))


_STYLE = """<style>
.quotecheck{font:16px/1.6 Georgia,'Times New Roman',serif;color:#1d1d1d;background:#fff;
max-width:46em;padding:1em 1.25em;border:1px solid #ddd;border-radius:6px}
.quotecheck .qc-title{font:600 1.1em/1.3 system-ui,sans-serif;margin:0 0 .3em}
.quotecheck .qc-summary{font:13px/1.4 system-ui,sans-serif;color:#555;margin:0 0 .6em}
.quotecheck .qc-legend{font:13px/1.4 system-ui,sans-serif;list-style:none;margin:0 0 1em;
padding:.5em 0;border-bottom:1px solid #ddd;display:flex;flex-wrap:wrap;gap:.3em 1.2em}
.quotecheck .qc-legend li{margin:0;white-space:nowrap}
.quotecheck .qc-legend label{cursor:pointer;border-radius:3px;padding:0 .2em}
.quotecheck .qc-legend label:hover{background:#f0f0f0}
.quotecheck .qc-swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;
vertical-align:-.1em;margin-right:.35em;border:1px solid rgba(0,0,0,.25)}
.quotecheck .qc-count{color:#595959}
.quotecheck .qc-text{white-space:pre-wrap;overflow-wrap:break-word}
.quotecheck mark.qc-quote{color:inherit;border-radius:3px;padding:1px 0;cursor:help;
-webkit-box-decoration-break:clone;box-decoration-break:clone}
.quotecheck mark.qc-quote mark.qc-quote{box-shadow:0 0 0 1px rgba(0,0,0,.45)}
.quotecheck mark.qc-none,.quotecheck .qc-swatch.qc-none{background-image:repeating-linear-gradient(
135deg,#eee 0 4px,#fff 4px 8px)}
.quotecheck mark.qc-none::after{content:"?";font:700 .7em system-ui,sans-serif;
color:#b03a2e;vertical-align:super;margin-left:1px}
.quotecheck .qc-label{font:700 .62em/1 system-ui,sans-serif;text-transform:uppercase;
letter-spacing:.03em;margin-left:.45em;vertical-align:.15em;user-select:none;
-webkit-user-select:none;white-space:nowrap}
.quotecheck .qc-reported{cursor:help}
.quotecheck .qc-cue{text-decoration:underline dotted #444;text-underline-offset:3px}
.quotecheck .qc-mention{font-weight:600}
.quotecheck .qc-stray{background:#b03a2e;color:#fff;border-radius:2px;cursor:help}
.quotecheck .qc-pick{position:absolute;opacity:0;width:1px;height:1px;margin:0}
.quotecheck .qc-pick:focus-visible~.qc-legend{outline:2px solid #1d1d1d}
</style>"""


# What must survive a notebook viewer that drops <style> elements is set inline: the
# speaker colours, the no-speaker outline, swatches, labels, stray marks, the underline
# of reported speech, line breaks, and dark text on white.
_NO_SPEAKER = "background-color:transparent;outline:1px dashed #b03a2e;outline-offset:-1px"
_SWATCH = "display:inline-block;width:.9em;height:.9em;"
_STRAY = "background:#b03a2e;color:#fff"
_UNCERTAIN = "text-decoration:underline wavy #b03a2e;text-underline-offset:4px"
_LABEL = "font-size:.62em;font-weight:700;margin-left:.45em;user-select:none"
_PICK = "position:absolute;opacity:0;width:1px;height:1px;margin:0"
_UNDERLINE = "text-decoration:underline {style} {colour} 2px;text-underline-offset:6px"
# The colour of reported speech nobody is named for, and of the legend's stray marks.
_WARNING = "#b03a2e"


def _uncertain(quote: Quote) -> bool:
    """Whether other speakers fit the quotation about as well as the one chosen."""
    return quote.attribution is not None and bool(quote.attribution.candidates)


def _safe(text: str) -> str:
    return text.translate(_ESCAPES)


def _provenance(text: str, speaker: Speaker | None, attribution: Attribution | None,
                nobody: str) -> list[str]:
    """The lines of a hover that say who spoke and why: the speaker and titles, the
    rule, the cue, the mention (a pronoun with the person it was resolved to), the
    addressee and the rivals."""
    if speaker is None:
        lines = [nobody]
    else:
        lines = [speaker.name + (f" ({', '.join(speaker.titles)})" if speaker.titles else "")]
    if attribution is None:
        return lines
    lines.append(f"rule: {attribution.sieve} / {attribution.rule}"
                 f" · confidence {attribution.confidence:.2f}")
    if attribution.cue_text:
        lines.append(f"cue: {attribution.cue_text}")
    mention = attribution.mention
    if mention is not None:
        line = f"mention: {mention.text} ({mention.kind})"
        if mention.kind == "pronoun" and speaker is not None:
            line += f" = {speaker.name}"
            via = attribution.via
            if via is not None and text[via.start:via.end] not in ("", speaker.name):
                line += f", named as {' '.join(text[via.start:via.end].split())}"
        lines.append(line)
    if attribution.addressee:
        lines.append(f"addressed to: {attribution.addressee}")
    if attribution.candidates:
        label = "also possible" if speaker is not None else "ambiguous between"
        lines.append(f"{label}: {', '.join(attribution.candidates)}")
    return lines


def _hover(quote: Quote, text: str = "") -> str:
    """The tooltip of one highlighted quotation: speaker, rule, cue, mention."""
    lines = _provenance(text, quote.speaker, quote.attribution, "no speaker found")
    if not quote.closed:
        lines.append("unclosed: ended at its paragraph")
    return "\n".join(lines)


class _Interval(NamedTuple):
    start: int
    end: int
    rank: int  # at one start, lower ranks open first (outside): reported speech, quotes
    # by depth, then the rest
    open_tag: str
    close_tag: str


_DECORATION = 1 << 30  # the rank of cues, mentions and stray marks: inside any quote
_REPORTED = -1  # reported speech holds the quotations it mixes


def _label(speaker: Speaker) -> str:
    """The speaker's name printed on a highlight, as displaCy prints entity labels."""
    return (f'<span class="qc-label" data-speaker="{speaker.id}" style="{_LABEL}">'
            f"{_safe(speaker.name)}</span>")


def _quote_intervals(text: str, walk: list[_Placed],
                     colours: dict[int, str]) -> list[_Interval]:
    intervals = []
    for placed in walk:
        quote = placed.quote
        close_tag = "</mark>"
        if quote.speaker is None:
            css, style, who = "qc-quote qc-none", f' style="{_NO_SPEAKER}"', "none"
        else:
            colour = colours[quote.speaker.id]
            css, style, who = "qc-quote", f' style="background:{colour}"', str(quote.speaker.id)
            if _uncertain(quote):
                css, style = "qc-quote qc-uncertain", f' style="background:{colour};{_UNCERTAIN}"'
            close_tag = _label(quote.speaker) + close_tag
        open_tag = (
            f'<mark class="{css}" data-quote="{placed.position}" data-speaker="{who}"{style}'
            f' title="{_safe(_hover(quote, text))}">'
        )
        intervals.append(_Interval(quote.start, quote.end, placed.depth, open_tag, close_tag))
    return intervals


def _reported_intervals(result: Result, colours: dict[int, str]) -> list[_Interval]:
    """Reported speech, underlined in a dark shade of its speaker's colour (dashed, in
    red, when nobody is named), its speaker's name printed after it."""
    intervals = []
    for index, item in enumerate(result.reported):
        speaker = item.speaker
        if speaker is None:
            line, who, close_tag = _UNDERLINE.format(style="dashed", colour=_WARNING), "none", ""
        else:
            line = _UNDERLINE.format(style="solid", colour=strong_colour(colours[speaker.id]))
            who, close_tag = str(speaker.id), _label(speaker)
        hover = "\n".join([f"reported speech ({item.kind})",
                           *_provenance(result.text, speaker, item.attribution, "no speaker")])
        open_tag = (f'<span class="qc-reported" data-reported="{index}" data-speaker="{who}"'
                    f' style="{line}" title="{_safe(hover)}">')
        intervals.append(_Interval(item.start, item.end, _REPORTED, open_tag,
                                   close_tag + "</span>"))
    return intervals


def _decorations(
    result: Result, walk: list[_Placed], colours: dict[int, str]
) -> list[_Interval]:
    """Cue words, speaker mentions and stray marks, except where they would cross a
    quotation or a reported content."""
    found: dict[tuple[int, int], _Interval] = {}
    stray_tags: dict[str, str] = {}  # one tag per reason: a hostile text has a million marks
    for mark in result.stray_marks:
        tag = stray_tags.get(mark.reason)
        if tag is None:
            title = _safe("stray quotation mark: " + mark.reason)
            tag = stray_tags[mark.reason] = (
                f'<span class="qc-stray" style="{_STRAY}" title="{title}">'
            )
        interval = _Interval(mark.start, mark.end, _DECORATION, tag, "</span>")
        found.setdefault((mark.start, mark.end), interval)
    attributed = [(p.quote.attribution, p.quote.speaker) for p in walk]
    attributed += [(item.attribution, item.speaker) for item in result.reported]
    for attribution, speaker in attributed:
        if attribution is None:
            continue
        if attribution.cue is not None:
            cue = attribution.cue
            tag = f'<span class="qc-cue" title="{_safe("cue: " + (attribution.cue_text or ""))}">'
            interval = _Interval(cue.start, cue.end, _DECORATION, tag, "</span>")
            found.setdefault((cue.start, cue.end), interval)
        if attribution.mention is not None and speaker is not None:
            mention = attribution.mention
            colour = colours[speaker.id]
            who = speaker.name if mention.kind != "pronoun" else (
                f"{mention.text} = {speaker.name}")
            tag = (
                f'<span class="qc-mention" style="box-shadow:inset 0 -.3em 0 {colour}"'
                f' title="{_safe(who)}">'
            )
            interval = _Interval(mention.start, mention.end, _DECORATION, tag, "</span>")
            found.setdefault((mention.start, mention.end), interval)
    bounds = sorted({b for placed in walk for b in (placed.quote.start, placed.quote.end)}
                    | {b for item in result.reported for b in (item.start, item.end)})
    kept: list[_Interval] = []
    last_end = -1
    for interval in sorted(found.values()):
        start, end = interval.start, interval.end
        crosses_quote = bisect.bisect_right(bounds, start) < bisect.bisect_left(bounds, end)
        if start < end and start >= last_end and not crosses_quote:
            kept.append(interval)
            last_end = end
    return kept


def _highlight(text: str, intervals: list[_Interval]) -> str:
    """Escape ``text`` and wrap each interval in its tags, keeping the tags well nested.

    Intervals come from a tree, so they nest; should one cross the interval it opened
    inside, it is cut back to that interval's end rather than break the markup.
    """
    out: list[str] = []
    stack: list[int] = []  # end offsets of the open intervals
    closers: list[str] = []
    position = 0

    def close_until(limit: int) -> None:
        nonlocal position
        while stack and stack[-1] <= limit:
            end = stack.pop()
            if position < end:
                out.append(_safe(text[position:end]))
            out.append(closers.pop())
            position = end

    for interval in sorted(intervals, key=lambda i: (i.start, -i.end, i.rank)):
        start = max(interval.start, position)
        close_until(start)
        end = min(interval.end, stack[-1]) if stack else interval.end
        if position < start:
            out.append(_safe(text[position:start]))
        out.append(interval.open_tag)
        position = start
        stack.append(max(end, start))
        closers.append(interval.close_tag)
    close_until(sys.maxsize)
    out.append(_safe(text[position:]))
    return "".join(out)


def _legend(
    result: Result, walk: list[_Placed], colours: dict[int, str], uid: str
) -> tuple[str, str, int]:
    """The filter's radio buttons, the legend (each entry a label that picks its
    speaker) and the number of quotations without a speaker."""
    counts: dict[int, int] = dict.fromkeys(colours, 0)
    reported: dict[int, int] = dict.fromkeys(colours, 0)
    names: dict[int, str] = {s.id: s.name for s in result.speakers}
    unattributed = 0
    for placed in walk:
        speaker = placed.quote.speaker
        if speaker is None:
            unattributed += 1
        else:
            counts[speaker.id] += 1
            names.setdefault(speaker.id, speaker.name)
    for item in result.reported:
        if item.speaker is not None:
            reported[item.speaker.id] = reported.get(item.speaker.id, 0) + 1
    keys = ["all", *map(str, colours), *(["none"] if unattributed else [])]
    picks = "".join(
        f'<input type="radio" class="qc-pick" name="{uid}" id="{uid}-{key}" value="{key}"'
        f' style="{_PICK}"{" checked" if key == "all" else ""}'
        f' aria-label="show {"every speaker" if key == "all" else "only this speaker"}">'
        for key in keys
    )

    def entry(key: str, swatch: str, name: str, count: str) -> str:
        return (f'<li data-speaker="{key}"{count}><label for="{uid}-{key}">{swatch}'
                f"{name}</label></li>")

    items = [entry("all", "", "all speakers", "")]
    for speaker_id, colour in colours.items():
        more = f" · {reported[speaker_id]} reported" if reported[speaker_id] else ""
        items.append(entry(
            str(speaker_id), f'<span class="qc-swatch" style="{_SWATCH}background:{colour}">'
            "</span>", f'{_safe(names[speaker_id])} <span class="qc-count">'
            f"×{counts[speaker_id]}{more}</span>", f' data-count="{counts[speaker_id]}"'))
    if unattributed:
        items.append(entry(
            "none", f'<span class="qc-swatch qc-none" style="{_SWATCH}{_NO_SPEAKER}"></span>',
            f'no speaker found <span class="qc-count">×{unattributed}</span>',
            f' data-count="{unattributed}"'))
    if result.reported:
        sample = _UNDERLINE.format(style="solid", colour="#1d1d1d")
        items.append(f'<li data-key="reported" data-count="{len(result.reported)}">'
                     f'<span style="{sample}">reported speech</span> (underlined)'
                     f' <span class="qc-count">×{len(result.reported)}</span></li>')
    if result.stray_marks:
        marks = sum(mark.count for mark in result.stray_marks)
        items.append(f'<li data-key="stray" data-count="{marks}">'
                     f'<span class="qc-swatch" style="{_SWATCH}background:{_WARNING}"></span>'
                     f'stray quotation mark <span class="qc-count">×{marks}</span></li>')
    return picks, '<ul class="qc-legend">' + "".join(items) + "</ul>", unattributed


def _filter_style(uid: str, keys: Iterable[str]) -> str:
    """The CSS of the speaker filter: once a speaker's radio button is checked, every
    other highlight, underline and label fades (no script: a checked radio button and
    the sibling selector)."""
    rules = []
    for key in keys:
        pick = f"#{uid}-{key}:checked~.qc-text"
        others = f':not([data-speaker="{key}"])'
        rules.append(
            f"{pick} mark.qc-quote{others},{pick} .qc-reported{others}"
            "{background:none!important;outline:none!important;text-decoration:none!important;"
            "box-shadow:none!important}"
            f"{pick} mark.qc-quote{others}::after,{pick} .qc-label{others}{{display:none}}"
            f'#{uid}-{key}:checked~.qc-legend li[data-speaker="{key}"] label'
            "{outline:2px solid #1d1d1d}"
        )
    rules.append(f'#{uid}-all:checked~.qc-legend li[data-speaker="all"] label'
                 "{outline:1px solid #999}")
    return "<style>" + "".join(rules) + "</style>"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def _fragment(result: Result, title: str | None, style: bool, uid: str) -> str:
    walk = _walk(result)
    colours = speaker_colours(result, walk)
    picks, legend, unattributed = _legend(result, walk, colours, uid)
    total = len(walk)
    uncertain = sum(1 for placed in walk if _uncertain(placed.quote))
    summary = (
        f"{_plural(total, 'quotation')} · {_plural(len(colours), 'speaker')}"
        f" · {unattributed} without a speaker"
        + (f" · {uncertain} uncertain (wavy underline)" if uncertain else "")
        + (f" · {len(result.reported)} reported (underlined)" if result.reported else "")
        + (f" · {_plural(len(result.stray_marks), 'stray mark')}" if result.stray_marks else "")
        + (f" · {_NOT_ENGLISH}" if result.language != "en" else "")
    )
    intervals = (_quote_intervals(result.text, walk, colours)
                 + _reported_intervals(result, colours) + _decorations(result, walk, colours))
    body = _highlight(result.text, intervals)
    keys = [*map(str, colours), *(["none"] if unattributed else [])]
    return "".join(
        [
            _STYLE if style else "",
            _filter_style(uid, keys),
            f'<div class="quotecheck" id="{uid}" style="color:#1d1d1d;background:#fff">',
            f'<div class="qc-title">{_safe(title)}</div>' if title else "",
            f'<div class="qc-summary">{summary}</div>',
            picks,
            legend,
            f'<div class="qc-text" style="white-space:pre-wrap">{body}</div>',
            "</div>",
        ]
    )


def _uid(result: Result, number: int = 0) -> str:
    """An id for one rendered result, the same on every run (it names the filter's
    radio buttons, so two results on one page must not share it)."""
    import hashlib  # here, not at the top: it loads OpenSSL

    digest = hashlib.sha1(result.text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"qc{number}-{digest}"


def to_html(result: Result, title: str | None = None) -> str:
    """The article as self-contained HTML, each quotation highlighted in its speaker's colour.

    Each highlight ends with its speaker's name, as displaCy labels entities. Hovering
    a quotation shows its speaker, the sieve and rule that decided it, the cue and the
    mention (a pronoun with the person it was resolved to). Quotations without a
    speaker are hatched and marked ``?``; those that other speakers fit about as well
    (``attribution.candidates``) have a wavy underline. Reported speech
    (``attribute(text, reported=True)``) is underlined in a dark shade of its
    speaker's colour. The legend counts the quotations of each speaker and filters:
    click a speaker to fade everyone else's highlights (plain CSS, no script). Cue
    words are underlined with dots, the speaker's mentions carry the speaker's colour,
    stray quotation marks are red. Everything from the article is escaped, and there
    are no scripts, fonts or other external resources: this is what Jupyter shows for
    a :class:`Result`.

    >>> from quotecheck import attribute
    >>> page = to_html(attribute("<script>alert(1)</script> “Hi,” Ana Ruiz said."))
    >>> "<script>" in page, page.count('<mark class="qc-quote'), page.count(">Ana Ruiz</span>")
    (False, 1, 2)
    """
    return _fragment(result, title, style=True, uid=_uid(result))


def to_html_page(results: Iterable[tuple[str, Result]], title: str = "quotecheck") -> str:
    """A complete HTML document with one titled section per ``(name, result)`` pair.

    >>> from quotecheck import attribute
    >>> page = to_html_page([("a.txt", attribute("“Hi,” she said."))])
    >>> page.startswith("<!DOCTYPE html>"), page.count('class="qc-title"')
    (True, 1)
    """
    sections = "\n".join(_fragment(result, name, style=False, uid=_uid(result, number))
                         for number, (name, result) in enumerate(results))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_safe(title)}</title>{_STYLE}"
        "<style>body{margin:2em;background:#f6f6f6}.quotecheck{margin:0 auto 2em}"
        "@media (max-width:600px){body{margin:.5em}.quotecheck{padding:.75em}}</style>"
        f"</head><body>\n{sections}\n</body></html>\n"
    )
