"""Renderings: the HTML view (escaping, highlights, legend), to_rows, table and JSON Lines."""

from __future__ import annotations

import html
import os
import pickle
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from handbuilt import TEXT, built_result
from hypothesis import given
from hypothesis import strategies as st

from quotecheck import attribute
from quotecheck.models import Attribution, Quote, Result, Speaker
from quotecheck.render import (
    PALETTE,
    Record,
    contrast,
    quote_flags,
    speaker_colours,
    strong_colour,
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

    VOID = frozenset({"meta", "br", "link", "img", "input"})

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
    body = re.sub(r'<span class="qc-label"[^>]*>[^<]*</span>', "", body)  # speakers' names
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
    counts = {item.get("data-speaker") or item["data-key"]: item.get("data-count")
              for item in legend}
    # Grushko said two quotations; the nested ‘simple’ has no speaker of its own.
    assert counts == {"all": None, "3": "2", "8": "1", "none": "2", "stray": "1"}


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
    assert to_table(empty, width=80).splitlines()[2:] == [
        "(no quotations)", "0 quotations, 0 speakers, 0 unattributed, 0 flagged"]
    assert "0 quotations · 0 speakers" in to_html(empty)


def test_table_shows_speaker_confidence_and_flags() -> None:
    lines = to_table(built_result(), width=100).splitlines()
    assert lines[0].split() == ["para", "line", "quotation", "speaker", "conf", "flags"]
    rows = lines[2:-1]
    assert len(rows) == len(built_result().all_quotes()) == 5  # nested ones too
    assert rows[0].split()[:2] == ["2", "3"]  # paragraph 2, line 3
    assert "“We will not retreat,”" in rows[0] and 'Aleksandr V. "Sasha" Gr' in rows[0]
    assert "0.95" in rows[0] and "cue_adjacent" not in rows[0]
    assert rows[1].rstrip().endswith("ambiguous, review")
    assert rows[2].split()[2:] == ["‘simple’", "—", "—", "nested"]
    assert lines[-1] == "5 quotations, 2 speakers, 2 unattributed, 2 flagged, 1 stray mark"


def test_verbose_table_adds_offsets_and_rules() -> None:
    result = built_result()
    lines = to_table(result, width=120, verbose=True).splitlines()
    assert lines[0].split() == [
        "para", "line", "start", "end", "quotation", "speaker", "conf", "flags", "rule"]
    first = result.quotes[0]
    assert lines[2].split()[2:4] == [str(first.start), str(first.end)]
    assert lines[2].endswith("cue_adjacent/quote-verb-name")


@pytest.mark.parametrize("columns", [60, 80, 132, 200])
def test_table_wraps_quotations_to_the_terminal(
    columns: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))  # what shutil.get_terminal_size reads first
    result = attribute(SEED.read_text(encoding="utf-8"))
    table = to_table(result)
    body = table.splitlines()[:-1]  # the summary line is prose
    assert max(len(line) for line in body) <= columns
    words = " ".join(table.split())
    for quote in result.all_quotes():  # every word of every quotation, none cut off
        assert " ".join(quote.text.split()).split()[-1] in words
    if columns >= 132:
        longest = max(result.quotes, key=lambda q: len(q.text))
        assert len(table.splitlines()) < len(body) + 1 + len(longest.text) // 20


def test_table_and_html_count_the_same_quotations() -> None:
    result = attribute(SEED.read_text(encoding="utf-8"))
    rows = to_table(result, width=100).splitlines()[2:-1]
    starts = [row for row in rows if row[:4].strip()]  # a quotation's first line
    page = to_html(result)
    assert len(starts) == page.count('<mark class="qc-quote') == len(result.all_quotes())
    assert f"{len(result.all_quotes())} quotations" in page
    assert to_table(result).splitlines()[-1].startswith(f"{len(starts)} quotations")


def test_flags_mark_what_needs_a_second_look() -> None:
    text = "Tom Berg met Raj Mehta. “We agree,” he said.\n\nAna Ruiz said “it ‘never’ ends."
    flags = [quote_flags(q, depth) for q, depth in
             zip(attribute(text).all_quotes(), (0, 0, 1), strict=True)]
    assert flags == [("ambiguous", "review"), ("unclosed",), ("nested",)]
    low = Attribution(sieve="cue_adjacent", rule="quote-verb-name", confidence=0.5)
    speaker = built_result().speakers[0]
    quote = Quote(start=0, end=4, text="Go", open_mark="“", close_mark="”",
                  speaker=speaker, attribution=low)
    assert quote_flags(quote) == ("review",)
    assert quote_flags(quote.model_copy(update={"attribution": None, "speaker": None})) == ()


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


def _command(*argv: str, columns: int = 100) -> subprocess.CompletedProcess[str]:
    """``python -m quotecheck …`` as a user runs it, output to a pipe."""
    environment = {**os.environ, "COLUMNS": str(columns)}
    return subprocess.run(
        [sys.executable, "-m", "quotecheck", *argv], capture_output=True, text=True,
        encoding="utf-8", cwd=ROOT, env=environment, timeout=60,
    )


def test_command_line_table_fits_the_terminal_and_hides_rules() -> None:
    done = _command("--format", "table", str(SEED), columns=100)
    assert done.returncode == 0 and done.stderr == ""
    lines = done.stdout.splitlines()
    assert max(len(line) for line in lines[:-1]) <= 100
    assert "cue_adjacent" not in done.stdout and lines[-1].endswith("flagged")
    verbose = _command("--format", "table", "--verbose", str(SEED), columns=200)
    assert "cue_adjacent/" in verbose.stdout and "start" in verbose.stdout.splitlines()[0]


def test_palette_keeps_text_readable_and_highlights_visible() -> None:
    """WCAG AA: the article's text on every highlight at least 4.5:1; each highlight
    stands out from the white page (1.35:1), and its dark shade (the underline of
    reported speech) is at least 4.5:1 on white, for the palette and the speakers
    past it."""
    extra = Result(text="", speakers=tuple(Speaker(id=n, name=f"S{n}") for n in range(60)))
    colours = list(speaker_colours(extra).values())
    assert colours[: len(PALETTE)] == list(PALETTE) and len(set(colours)) == 60
    for colour in colours:
        assert contrast("#1d1d1d", colour) >= 4.5, colour
        assert contrast("#ffffff", colour) >= 1.35, colour
        assert contrast("#ffffff", strong_colour(colour)) >= 4.5, colour
    assert contrast("#ffffff", "#b03a2e") >= 4.5  # stray marks: white on red
    assert contrast("#595959", "#ffffff") >= 4.5  # the legend's counts


def test_each_highlight_is_labelled_with_its_speaker() -> None:
    page = to_html(built_result())
    labels = re.findall(r'<span class="qc-label" data-speaker="(\d+)"[^>]*>([^<]*)</span>'
                        r"</mark>", page)
    assert labels == [("3", 'Aleksandr V. &quot;Sasha&quot; Grushko')] * 2 + [
        ("8", "Wendy R. Sherman &lt;b&gt;")]


def test_a_pronoun_hover_names_the_person_it_resolves_to() -> None:
    marks = _parse(to_html(built_result())).marks
    assert 'mention: he (pronoun) = Aleksandr V. "Sasha" Grushko, named as Mr. Grushko' in (
        marks[1]["title"] or "")
    page = to_html(attribute("Ana Ruiz arrived late. “We are ready,” she said."))
    assert 'title="she = Ana Ruiz"' in page and "mention: she (pronoun) = Ana Ruiz" in page


def test_the_legend_filters_by_speaker_without_a_script() -> None:
    page = to_html(built_result())
    assert "<script" not in page
    uid = re.search(r'<div class="quotecheck" id="([^"]+)"', page)
    assert uid is not None
    picks = re.findall(rf'<input type="radio" class="qc-pick" name="{uid[1]}" '
                       rf'id="{uid[1]}-(\w+)"', page)
    assert picks == ["all", "3", "8", "none"]
    assert all(f'<label for="{uid[1]}-{key}">' in page for key in picks)
    # once a speaker is picked, the others' highlights fade
    assert (f'#{uid[1]}-3:checked~.qc-text mark.qc-quote:not([data-speaker="3"])' in page)
    two = to_html_page([("a", built_result()), ("b", built_result())])
    assert len(set(re.findall(r'<div class="quotecheck" id="([^"]+)"', two))) == 2


def test_the_legend_has_stray_marks_and_reported_speech() -> None:
    legend = {item.get("data-key"): item for item in _parse(to_html(built_result())).legend}
    assert legend["stray"]["data-count"] == "1"
    result = attribute("“Ready,” said Ana Ruiz. Tom Berg said that the plan was dead.",
                       reported=True)
    legend = {item.get("data-key"): item for item in _parse(to_html(result)).legend}
    assert legend["reported"]["data-count"] == "1"


def test_reported_speech_is_underlined_in_its_speakers_colour() -> None:
    result = attribute("“Ready,” said Ana Ruiz. Tom Berg said that the plan was dead.",
                       reported=True)
    assert [item.text for item in result.reported] == ["the plan was dead"]
    page = to_html(result)
    markup = _parse(page)
    assert len(markup.marks) == 1  # reported speech is no highlight
    colour = speaker_colours(result)[result.reported[0].speaker.id]  # type: ignore[union-attr]
    match = re.search(r'<span class="qc-reported" data-reported="0" data-speaker="(\d+)" '
                      r'style="([^"]*)" title="([^"]*)">the plan was dead<span class="qc-label"',
                      page)
    assert match is not None
    assert f"underline solid {strong_colour(colour)}" in match[2] and "background" not in match[2]
    assert match[3].startswith("reported speech (indirect)\nTom Berg")
    assert _article_text(page) == result.text
    assert "1 reported (underlined)" in page


@given(st.text(alphabet="ab .,“”\"'\n", max_size=120))
def test_any_text_with_reported_speech_renders_well_formed(text: str) -> None:
    text = "Ana Ruiz said that " + text
    result = attribute(text, reported=True)
    markup = to_html(result)
    assert len(_parse(markup).marks) == len(result.all_quotes())
    assert len(_article_text(markup)) == len(text)


def test_to_frame_has_fixed_columns_and_dtypes() -> None:
    pandas = pytest.importorskip("pandas")
    from quotecheck.render import ROW_DTYPES, to_frame

    seed = attribute(SEED.read_text(encoding="utf-8"))
    frame = seed.to_frame()
    assert list(frame.columns) == list(to_rows(seed)[0]) == list(ROW_DTYPES)
    assert {c: str(t) for c, t in frame.dtypes.items()} == ROW_DTYPES
    assert frame["start"].tolist() == [q.start for q in seed.all_quotes()]
    empty = to_frame(attribute("No quotations in this one."))
    assert len(empty) == 0 and {c: str(t) for c, t in empty.dtypes.items()} == ROW_DTYPES
    # an article without quotations must not turn offsets into floats
    both = pandas.concat([empty, frame, to_frame(attribute(""))], ignore_index=True)
    assert str(both.dtypes["start"]) == "int64" and str(both.dtypes["end"]) == "int64"
    assert str(both.dtypes["parent"]) == "Int64" and both["parent"].isna().sum() > 0


def test_batch_frame_of_many_articles() -> None:
    pytest.importorskip("pandas")
    from quotecheck.batch import attribute_many, to_frame

    texts = ["No quotes.", SEED.read_text(encoding="utf-8"), "“Hi,” she said."]
    frame = to_frame(attribute_many(texts, processes=1), ids=["x", "seed", 3])
    seed = attribute(texts[1])
    assert list(frame.columns[:2]) == ["article", "index"]
    assert frame["article"].tolist() == ["seed"] * len(seed.all_quotes()) + ["3"]
    assert str(frame.dtypes["start"]) == "int64" and str(frame.dtypes["article"]) == "string"
    by_position = to_frame(attribute(t) for t in texts)
    assert by_position["article"].tolist()[-1] == 2
    assert str(by_position.dtypes["article"]) == "int64"
    assert len(to_frame([])) == 0


def test_to_frame_without_pandas_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if it were not installed
    with pytest.raises(ImportError, match="pip install pandas"):
        attribute("“Go,” she said.").to_frame()
