"""Renderings: the HTML view (escaping, highlights, legend), to_rows, table and JSON Lines."""

from __future__ import annotations

import html
import pickle
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from handbuilt import TEXT, built_result
from hypothesis import given
from hypothesis import strategies as st

from quotecheck import attribute
from quotecheck.models import Attribution, Quote, Result
from quotecheck.render import (
    PALETTE,
    Record,
    speaker_colours,
    to_html,
    to_html_page,
    to_jsonl,
    to_rows,
    to_table,
)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "nato-russia-talks.txt"

class _Markup(HTMLParser):
    """Checks that tags nest properly; collects marks and legend items."""

    VOID = frozenset({"meta", "br", "link", "img"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.marks: list[dict[str, str | None]] = []
        self.legend: list[dict[str, str | None]] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "mark":
            self.marks.append(dict(attrs))
        if tag == "li":
            self.legend.append(dict(attrs))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def _parse(markup: str) -> _Markup:
    parser = _Markup()
    parser.feed(markup)
    parser.close()
    assert parser.errors == [] and parser.stack == []
    return parser


def _article_text(markup: str) -> str:
    """The article as a reader sees it: the qc-text block without its tags."""
    body = re.split(r'<div class="qc-text"[^>]*>', markup, maxsplit=1)[1]
    body = body.rsplit("</div></div>", 1)[0]
    return html.unescape(re.sub(r"<[^>]*>", "", body))


def test_html_escapes_the_article_and_the_names() -> None:
    page = to_html(built_result())
    assert "<script>" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Talks &amp; more." in page
    assert "Wendy R. Sherman &lt;b&gt;" in page
    assert 'Aleksandr V. &quot;Sasha&quot; Grushko' in page
    _parse(page)


def test_html_is_self_contained() -> None:
    page = to_html_page([("seed", attribute(SEED.read_text(encoding="utf-8")))])
    for external in ("http:", "https:", "src=", "<link", "@import", "url(", "<script"):
        assert external not in page


def test_one_highlight_per_quotation() -> None:
    result = built_result()
    markup = _parse(to_html(result))
    assert len(markup.marks) == len(result.all_quotes()) == 5
    assert [m["data-quote"] for m in markup.marks] == ["0", "1", "2", "3", "4"]
    assert [m["data-speaker"] for m in markup.marks] == ["3", "3", "none", "8", "none"]
    assert [m["class"] for m in markup.marks][:2] == ["qc-quote", "qc-quote qc-uncertain"]
    unattributed = [m for m in markup.marks if m["data-speaker"] == "none"]
    assert all(m["class"] == "qc-quote qc-none" for m in unattributed)


def test_highlights_carry_the_speaker_colour_and_provenance() -> None:
    result = built_result()
    marks = _parse(to_html(result)).marks
    colours = speaker_colours(result)
    assert colours == {3: PALETTE[0], 8: PALETTE[1]}
    assert marks[0]["style"] == f"background:{PALETTE[0]}"
    assert marks[3]["style"] == f"background:{PALETTE[1]}"
    assert marks[0]["title"] == (
        'Aleksandr V. "Sasha" Grushko (deputy foreign minister)\n'
        "rule: cue_adjacent / quote-verb-name · confidence 0.95\n"
        "cue: said\nmention: Mr. Grushko (name)"
    )
    assert "addressed to: reporters" in (marks[3]["title"] or "")
    assert (marks[1]["title"] or "").endswith("also possible: Jens Stoltenberg")
    assert marks[2]["title"] == "no speaker found"


def test_legend_counts_quotations_per_speaker() -> None:
    legend = _parse(to_html(built_result())).legend
    counts = {item["data-speaker"]: item["data-count"] for item in legend}
    # Grushko said two quotations; the nested ‘simple’ has no speaker of its own.
    assert counts == {"3": "2", "8": "1", "none": "2"}


def test_cues_mentions_and_stray_marks_are_marked() -> None:
    page = to_html(built_result())
    assert '<span class="qc-cue" title="cue: said">said</span>' in page
    assert '<span class="qc-cue" title="cue: called">called</span>' in page
    assert "Mr. Grushko</span>" in page and ">he</span>" in page
    assert 'title="stray quotation mark: unopened">”</span>' in page


def test_html_shows_the_article_unchanged() -> None:
    result = built_result()
    assert _article_text(to_html(result)) == result.text


def test_summary_line() -> None:
    summary = (
        "5 quotations · 2 speakers · 2 without a speaker · 1 uncertain (wavy underline)"
        " · 1 stray mark"
    )
    assert summary in to_html(built_result())


def test_crossing_spans_from_a_bad_hand_built_result_still_nest() -> None:
    text = "“one” and “two”"
    inner = Quote(start=2, end=12, text="x", open_mark="“")  # spills out of its parent
    outer = Quote(start=0, end=5, text="one", open_mark="“", nested=(inner,))
    second = Quote(start=10, end=15, text="two", open_mark="“")
    result = Result(text=text, quotes=(outer, second))
    markup = to_html(result)
    assert len(_parse(markup).marks) == 3
    assert _article_text(markup) == text


@given(st.text(max_size=300))
def test_any_text_renders_to_well_formed_html(text: str) -> None:
    markup = to_html(attribute(text))
    parsed = _parse(markup)
    assert len(parsed.marks) == len(attribute(text).all_quotes())
    shown = _article_text(markup)
    assert len(shown) == len(text)
    assert all(a == b or b == "\ufffd" for a, b in zip(text, shown, strict=True))


def test_repr_html_is_to_html() -> None:
    result = built_result()
    assert result._repr_html_() == to_html(result)


def test_to_rows_one_flat_row_per_quotation() -> None:
    result = built_result()
    rows = result.to_rows()
    assert rows == to_rows(result)
    assert len(rows) == 5
    assert len({tuple(row) for row in rows}) == 1  # the same keys, in the same order
    assert all(
        value is None or type(value) in (str, int, float, bool)
        for row in rows for value in row.values()
    )
    first, second, nested = rows[0], rows[1], rows[2]
    assert first["speaker"] == 'Aleksandr V. "Sasha" Grushko'
    assert first["speaker_titles"] == "deputy foreign minister"
    assert (first["sieve"], first["rule"]) == ("cue_adjacent", "quote-verb-name")
    assert first["cue"] == "said"
    assert TEXT[first["cue_start"] : first["cue_end"]] == "said"  # type: ignore[misc]
    assert first["mention"] == "Mr. Grushko" and first["mention_kind"] == "name"
    assert second["via_start"] == TEXT.index("Mr. Grushko")
    assert second["candidates"] == "Jens Stoltenberg" and first["candidates"] is None
    assert (nested["text"], nested["depth"], nested["parent"], nested["speaker"]) == (
        "simple", 1, 1, None,
    )
    assert rows[3]["addressee"] == "reporters"
    assert rows[4]["sieve"] is None and rows[4]["confidence"] is None
    assert pickle.loads(pickle.dumps(rows)) == rows


def test_to_rows_into_pandas() -> None:
    pandas = pytest.importorskip("pandas")
    result = attribute(SEED.read_text(encoding="utf-8"))
    frame = pandas.DataFrame(result.to_rows())
    assert len(frame) == len(result.all_quotes())
    assert list(frame["start"]) == [q.start for q in result.all_quotes()]
    assert (frame["end"] > frame["start"]).all()


def test_empty_result_renders() -> None:
    empty = attribute("")
    assert to_rows(empty) == []
    assert to_table(empty).splitlines()[2:] == ["(no quotations)"]
    assert "0 quotations · 0 speakers" in to_html(empty)


def test_table_shows_speaker_and_rule() -> None:
    table = to_table(built_result(), width=30)
    lines = table.splitlines()
    assert len(lines) == 2 + 4
    assert "Aleksandr V. \"Sasha\" Gr…" in lines[2] and "cue_adjacent/quote-verb-name" in lines[2]
    assert lines[5].split()[-2:] == ["quote", "—"]


def test_jsonl_round_trips_and_results_pickle() -> None:
    result = built_result()
    line = to_jsonl(result, id="story-1")
    assert "\n" not in line
    record = Record.model_validate_json(line)
    assert record.id == "story-1" and record.result == result
    assert pickle.loads(pickle.dumps(result)) == result
    seed = attribute(SEED.read_text(encoding="utf-8"))
    assert pickle.loads(pickle.dumps(seed)) == seed


def test_essential_styling_survives_without_the_style_element() -> None:
    """Some notebook viewers drop <style>: colours, outlines and line breaks are inline."""
    page = re.sub(r"<style>.*?</style>", "", to_html(built_result()), flags=re.DOTALL)
    markup = _parse(page)
    for mark in markup.marks:
        wanted = "outline" if mark["data-speaker"] == "none" else "background"
        assert wanted in (mark["style"] or "")
    assert '<div class="qc-text" style="white-space:pre-wrap">' in page


def test_an_ambiguous_quotation_without_a_speaker_names_the_candidates() -> None:
    text = "“Agreed,” he said."
    attribution = Attribution(
        sieve="pronoun_carryover", rule="quote-pronoun-verb", confidence=0.3,
        candidates=("Mr. Smith", "Mr. Jones"),
    )
    quote = Quote(start=0, end=9, text="Agreed,", open_mark="“", attribution=attribution)
    mark = _parse(to_html(Result(text=text, quotes=(quote,)))).marks[0]
    assert mark["data-speaker"] == "none"
    assert mark["title"] == (
        "no speaker found\nrule: pronoun_carryover / quote-pronoun-verb · confidence 0.30\n"
        "ambiguous between: Mr. Smith, Mr. Jones"
    )
    assert to_rows(Result(text=text, quotes=(quote,)))[0]["candidates"] == "Mr. Smith; Mr. Jones"
