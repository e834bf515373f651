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
import html
import sys
from collections.abc import Iterable
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict

from .models import Attribution, Quote, Reported, Result, Speaker

__all__ = [
    "PALETTE",
    "Record",
    "RowValue",
    "speaker_colours",
    "to_html",
    "to_html_page",
    "to_jsonl",
    "to_rows",
    "to_table",
]

RowValue = str | int | float | bool | None

# Light backgrounds that keep dark text readable, one per speaker in order of first
# quotation (ColorBrewer Set3, its grey left out since grey means "no speaker", and its
# red and blue lightened so that long quotations stay easy to read).
# fmt: off
PALETTE = (
    "#8dd3c7",
    "#ffffb3",
    "#bebada",
    "#fbb4ae",
    "#a6cee3",
    "#fdb462",
    "#b3de69",
    "#fccde5",
    "#bc80bd",
    "#ccebc5",
    "#ffed6f",
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


def to_table(result: Result, width: int = 60) -> str:
    """One line per outermost quotation: offsets, quoted words, speaker and deciding rule;
    then, below a rule, one line per reported content when the result has some.

    An unattributed quotation shows ``—`` as its speaker; a text without quotations
    says so. Quoted words longer than
    ``width`` are clipped with ``…``; runs of white space print as one space.

    >>> from quotecheck import attribute
    >>> print(to_table(attribute("“Go,” she said."), width=10))  # doctest: +ELLIPSIS
    start   end  quote       speaker                   rule
    ...
        0     5  Go,         ...
    """
    header = f"{'start':>5} {'end':>5}  {'quote':<{width}}  {'speaker':<24}  rule"
    lines = [header, "-" * len(header)]
    for quote in result.quotes:
        speaker = quote.speaker.name if quote.speaker else "—"
        rule = quote.attribution.sieve + "/" + quote.attribution.rule if quote.attribution else ""
        lines.append(
            f"{quote.start:>5} {quote.end:>5}  {_clip(quote.text, width):<{width}}  "
            f"{_clip(speaker, 24):<24}  {rule}".rstrip()
        )
    if not result.quotes:
        lines.append("(no quotations)")
    if result.reported:  # read with reported=True: the reported speech after a rule
        lines.append("-" * len(header))
        for item in result.reported:
            speaker = item.speaker.name if item.speaker else "—"
            rule = item.attribution.sieve + "/" + item.attribution.rule \
                if item.attribution else ""
            lines.append(
                f"{item.start:>5} {item.end:>5}  {_clip(item.text, width):<{width}}  "
                f"{_clip(speaker, 24):<24}  {rule}".rstrip()
            )
    return "\n".join(lines)


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
    {4: '#8dd3c7', 9: '#ffffb3'}
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
            hue = (position * 137.508) % 360
            colours[speaker_id] = f"hsl({hue:.0f}, 70%, 78%)"
    return colours


_STYLE = """<style>
.quotecheck{font:16px/1.6 Georgia,'Times New Roman',serif;color:#1d1d1d;background:#fff;
max-width:46em;padding:1em 1.25em;border:1px solid #ddd;border-radius:6px}
.quotecheck .qc-title{font:600 1.1em/1.3 system-ui,sans-serif;margin:0 0 .3em}
.quotecheck .qc-summary{font:13px/1.4 system-ui,sans-serif;color:#555;margin:0 0 .6em}
.quotecheck .qc-legend{font:13px/1.4 system-ui,sans-serif;list-style:none;margin:0 0 1em;
padding:.5em 0;border-bottom:1px solid #ddd;display:flex;flex-wrap:wrap;gap:.3em 1.2em}
.quotecheck .qc-legend li{margin:0;white-space:nowrap}
.quotecheck .qc-swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;
vertical-align:-.1em;margin-right:.35em;border:1px solid rgba(0,0,0,.25)}
.quotecheck .qc-count{color:#666}
.quotecheck .qc-text{white-space:pre-wrap;overflow-wrap:break-word}
.quotecheck mark.qc-quote{color:inherit;border-radius:3px;padding:1px 0;cursor:help;
-webkit-box-decoration-break:clone;box-decoration-break:clone}
.quotecheck mark.qc-quote mark.qc-quote{box-shadow:0 0 0 1px rgba(0,0,0,.45)}
.quotecheck mark.qc-none,.quotecheck .qc-swatch.qc-none{background-image:repeating-linear-gradient(
135deg,#eee 0 4px,#fff 4px 8px)}
.quotecheck mark.qc-none::after{content:"?";font:700 .7em system-ui,sans-serif;
color:#b03a2e;vertical-align:super;margin-left:1px}
.quotecheck .qc-cue{text-decoration:underline dotted #444;text-underline-offset:3px}
.quotecheck .qc-mention{font-weight:600}
.quotecheck .qc-stray{background:#b03a2e;color:#fff;border-radius:2px;cursor:help}
</style>"""


# What must survive a notebook viewer that drops <style> elements is set inline: the
# speaker colours, the no-speaker outline, swatches, stray marks, line breaks, and dark
# text on white.
_NO_SPEAKER = "background-color:transparent;outline:1px dashed #b03a2e;outline-offset:-1px"
_SWATCH = "display:inline-block;width:.9em;height:.9em;"
_STRAY = "background:#b03a2e;color:#fff"
_UNCERTAIN = "text-decoration:underline wavy #b03a2e;text-underline-offset:4px"


def _uncertain(quote: Quote) -> bool:
    """Whether other speakers fit the quotation about as well as the one chosen."""
    return quote.attribution is not None and bool(quote.attribution.candidates)


def _safe(text: str) -> str:
    return text.translate(_ESCAPES)


def _hover(quote: Quote) -> str:
    """The tooltip of one highlighted quotation: speaker, rule, cue, mention."""
    speaker = quote.speaker
    attribution = quote.attribution
    if speaker is None:
        lines = ["no speaker found"]
    else:
        name = speaker.name + (f" ({', '.join(speaker.titles)})" if speaker.titles else "")
        lines = [name]
    if attribution is not None:
        lines.append(
            f"rule: {attribution.sieve} / {attribution.rule}"
            f" · confidence {attribution.confidence:.2f}"
        )
        if attribution.cue_text:
            lines.append(f"cue: {attribution.cue_text}")
        if attribution.mention is not None:
            lines.append(f"mention: {attribution.mention.text} ({attribution.mention.kind})")
        if attribution.addressee:
            lines.append(f"addressed to: {attribution.addressee}")
        if attribution.candidates:
            label = "also possible" if speaker is not None else "ambiguous between"
            lines.append(f"{label}: {', '.join(attribution.candidates)}")
    if not quote.closed:
        lines.append("unclosed: ended at its paragraph")
    return "\n".join(lines)


class _Interval(NamedTuple):
    start: int
    end: int
    rank: int  # at one start, lower ranks open first (outside): quotes by depth, then the rest

    open_tag: str
    close_tag: str


_DECORATION = 1 << 30  # the rank of cues, mentions and stray marks: inside any quote


def _quote_intervals(walk: list[_Placed], colours: dict[int, str]) -> list[_Interval]:
    intervals = []
    for placed in walk:
        quote = placed.quote
        if quote.speaker is None:
            css, style, who = "qc-quote qc-none", f' style="{_NO_SPEAKER}"', "none"
        else:
            colour = colours[quote.speaker.id]
            css, style, who = "qc-quote", f' style="background:{colour}"', str(quote.speaker.id)
            if _uncertain(quote):
                css, style = "qc-quote qc-uncertain", f' style="background:{colour};{_UNCERTAIN}"'
        open_tag = (
            f'<mark class="{css}" data-quote="{placed.position}" data-speaker="{who}"{style}'
            f' title="{_safe(_hover(quote))}">'
        )
        intervals.append(_Interval(quote.start, quote.end, placed.depth, open_tag, "</mark>"))
    return intervals


def _decorations(
    result: Result, walk: list[_Placed], colours: dict[int, str]
) -> list[_Interval]:
    """Cue words, speaker mentions and stray marks, except where they would cross a quote."""
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
    for placed in walk:
        attribution, speaker = placed.quote.attribution, placed.quote.speaker
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
            tag = (
                f'<span class="qc-mention" style="box-shadow:inset 0 -.3em 0 {colour}"'
                f' title="{_safe(speaker.name)}">'
            )
            interval = _Interval(mention.start, mention.end, _DECORATION, tag, "</span>")
            found.setdefault((mention.start, mention.end), interval)
    bounds = sorted({b for placed in walk for b in (placed.quote.start, placed.quote.end)})
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
    result: Result, walk: list[_Placed], colours: dict[int, str]
) -> tuple[str, int]:
    counts: dict[int, int] = dict.fromkeys(colours, 0)
    names: dict[int, str] = {s.id: s.name for s in result.speakers}
    unattributed = 0
    for placed in walk:
        speaker = placed.quote.speaker
        if speaker is None:
            unattributed += 1
        else:
            counts[speaker.id] += 1
            names.setdefault(speaker.id, speaker.name)
    items = [
        f'<li data-speaker="{speaker_id}" data-count="{counts[speaker_id]}">'
        f'<span class="qc-swatch" style="{_SWATCH}background:{colour}"></span>'
        f'{_safe(names[speaker_id])} <span class="qc-count">×{counts[speaker_id]}</span></li>'
        for speaker_id, colour in colours.items()
    ]
    if unattributed:
        items.append(
            f'<li data-speaker="none" data-count="{unattributed}">'
            f'<span class="qc-swatch qc-none" style="{_SWATCH}{_NO_SPEAKER}"></span>'
            f'no speaker found <span class="qc-count">×{unattributed}</span></li>'
        )
    return '<ul class="qc-legend">' + "".join(items) + "</ul>", unattributed


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def _fragment(result: Result, title: str | None, style: bool) -> str:
    walk = _walk(result)
    colours = speaker_colours(result, walk)
    legend, unattributed = _legend(result, walk, colours)
    total = len(walk)
    uncertain = sum(1 for placed in walk if _uncertain(placed.quote))
    summary = (
        f"{_plural(total, 'quotation')} · {_plural(len(colours), 'speaker')}"
        f" · {unattributed} without a speaker"
        + (f" · {uncertain} uncertain (wavy underline)" if uncertain else "")
        + (f" · {_plural(len(result.stray_marks), 'stray mark')}" if result.stray_marks else "")
    )
    intervals = _quote_intervals(walk, colours) + _decorations(result, walk, colours)
    body = _highlight(result.text, intervals)
    return "".join(
        [
            _STYLE if style else "",
            '<div class="quotecheck" style="color:#1d1d1d;background:#fff">',
            f'<div class="qc-title">{_safe(title)}</div>' if title else "",
            f'<div class="qc-summary">{summary}</div>',
            legend,
            f'<div class="qc-text" style="white-space:pre-wrap">{body}</div>',
            "</div>",
        ]
    )


def to_html(result: Result, title: str | None = None) -> str:
    """The article as self-contained HTML, each quotation highlighted in its speaker's colour.

    Hovering a quotation shows its speaker, the sieve and rule that decided it, the cue
    and the mention. Quotations without a speaker are hatched and marked ``?``; those
    that other speakers fit about as well (``attribution.candidates``) have a wavy
    underline; a legend counts the quotations of each speaker. Cue words are underlined
    with dots and the speaker's mentions carry the speaker's colour. Everything from the
    article is escaped, and there are no scripts, fonts or other external resources:
    this is what Jupyter shows for a :class:`Result`.

    >>> from quotecheck import attribute
    >>> page = to_html(attribute("<script>alert(1)</script> “Hi,” she said."))
    >>> "<script>" in page, page.count('<mark class="qc-quote')
    (False, 1)
    """
    return _fragment(result, title, style=True)


def to_html_page(results: Iterable[tuple[str, Result]], title: str = "quotecheck") -> str:
    """A complete HTML document with one titled section per ``(name, result)`` pair.

    >>> from quotecheck import attribute
    >>> page = to_html_page([("a.txt", attribute("“Hi,” she said."))])
    >>> page.startswith("<!DOCTYPE html>"), page.count('class="qc-title"')
    (True, 1)
    """
    sections = "\n".join(_fragment(result, name, style=False) for name, result in results)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{_safe(title)}</title>{_STYLE}"
        "<style>body{margin:2em;background:#f6f6f6}.quotecheck{margin:0 auto 2em}</style>"
        f"</head><body>\n{sections}\n</body></html>\n"
    )
