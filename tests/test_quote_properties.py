"""The quotation finder on generated news text whose quotations are known in advance.

A composite strategy writes paragraphs of narration and quotations in every style,
with apostrophes everywhere a reporter puts them (``it’s``, ``Russia’s``, ``the
allies’ demands``, ``the ’90s``, ``rock ’n’ roll``, ``O’Brien``) and a nested
quotation of the other weight inside some of them, and records where each quotation
is. The finder must give exactly those spans, nested ones under their parent.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from quotecheck import Quote, find_quotes
from quotecheck.tokens import sentence_bounds

pytestmark = pytest.mark.property

WORDS = ["the", "talks", "ended", "Moscow", "officials", "we", "will", "not", "retreat",
         "NATO", "Europe", "security", "and", "but", "never", "again", "Geneva"]
CURLY_APOSTROPHES = ["it’s", "Russia’s", "the allies’ demands", "the ’90s", "rock ’n’ roll",
                     "O’Brien", "don’t", "the Joneses’ house", "’em"]
STRAIGHT_APOSTROPHES = ["it's", "Russia's", "the allies' demands", "the '90s", "rock 'n' roll",
                        "O'Brien", "don't", "the Joneses' house"]
CUES = ["he said", "she said", "said Mr. O’Brien", "Ms. Sherman said", "officials said"]

# (opening mark, closing mark, nested opening, nested closing, apostrophe style)
STYLES = [
    ("\u201c", "\u201d", "\u2018", "\u2019", "curly"),
    ("\u2018", "\u2019", "\u201c", "\u201d", "curly"),
    ('"', '"', "'", "'", "straight"),
    ("\u00ab", "\u00bb", "\u2039", "\u203a", "curly"),
    ("\u201e", "\u201c", "\u201a", "\u2018", "curly"),
    ("\u201c", "\u201d", "'", "'", "straight"),
    ('"', '"', "\u2018", "\u2019", "curly"),
]


@dataclass
class Article:
    text: str = ""
    # (start, end, parent (start, end) or None), in document order
    quotes: list[tuple[int, int, tuple[int, int] | None]] = field(default_factory=list)

    def write(self, piece: str) -> None:
        self.text += piece


@st.composite
def phrases(draw: st.DrawFn, apostrophes: list[str]) -> str:
    parts = draw(st.lists(st.sampled_from(WORDS) | st.sampled_from(apostrophes),
                          min_size=1, max_size=6))
    return " ".join(parts)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    article = Article()
    paragraphs = draw(st.integers(1, 4))
    for index in range(paragraphs):
        if index:
            article.write("\n\n")
        for sentence in range(draw(st.integers(1, 3))):
            if sentence:
                article.write(" ")
            opener, closer, inner_open, inner_close, kind = draw(st.sampled_from(STYLES))
            apostrophes = CURLY_APOSTROPHES if kind == "curly" else STRAIGHT_APOSTROPHES
            if draw(st.booleans()):
                apostrophes = CURLY_APOSTROPHES + STRAIGHT_APOSTROPHES  # writers mix them
            if draw(st.booleans()):
                article.write(draw(phrases(apostrophes)).capitalize() + ". ")
            start = len(article.text)
            article.write(opener + draw(phrases(apostrophes)).capitalize())
            if index + 1 < paragraphs and sentence == 0 and draw(st.booleans()):
                # runs on: the next paragraph reopens the mark
                article.write(".\n\n" + opener + draw(phrases(apostrophes)).capitalize())
            nested: tuple[int, int] | None = None
            if draw(st.booleans()):
                article.write(" ")
                inner_start = len(article.text)
                article.write(inner_open + draw(phrases(apostrophes)) + inner_close)
                nested = (inner_start, len(article.text))
                # a comma after the nested closer: "talks’ talks" would be a possessive
                article.write(", " + draw(phrases(apostrophes)))
            punctuation = draw(st.sampled_from([",", ".", "?", "!", "…", ""]))
            article.write(punctuation + closer)
            end = len(article.text)
            article.quotes.append((start, end, None))
            if nested:
                article.quotes.append((*nested, (start, end)))
            # with no punctuation, "the allies’ demands’ officials said" is a possessive
            cues = CUES if punctuation else [c for c in CUES if c != "officials said"]
            article.write(" " + draw(st.sampled_from(cues)) + ".")
    return article


def _found(quotes: tuple[Quote, ...], parent: tuple[int, int] | None = None
           ) -> list[tuple[int, int, tuple[int, int] | None]]:
    out: list[tuple[int, int, tuple[int, int] | None]] = []
    for quote in quotes:
        out.append((quote.start, quote.end, parent))
        out.extend(_found(quote.nested, (quote.start, quote.end)))
    return out


@given(articles())
def test_known_quotations_are_found_exactly(article: Article) -> None:
    found = _found(find_quotes(article.text))
    assert found == article.quotes, article.text


@given(articles(), st.sampled_from(["", "Headline\n\n", "BRUSSELS — It’s the allies’ turn.\n\n"]))
def test_a_quote_free_prefix_shifts_every_span(article: Article, prefix: str) -> None:
    shift = len(prefix)
    found = _found(find_quotes(prefix + article.text))
    assert found == [(s + shift, e + shift, p and (p[0] + shift, p[1] + shift))
                     for s, e, p in article.quotes]


_PIECES = st.sampled_from(["“", "”", "‘", "’", '"', "'", ". ", "? ", "! ", ", ", " ", "\n\n",
                           "Mr. ", "U.S. ", "He said", "the allies’", "A", "b", "No. 5"])


@given(articles() | st.lists(_PIECES, max_size=40).map("".join))
def test_no_sentence_starts_inside_a_one_paragraph_quotation(text: object) -> None:
    text = text.text if isinstance(text, Article) else text
    assert isinstance(text, str)
    starts = [start for start, _ in sentence_bounds(text)]
    for quote in find_quotes(text):
        if quote.paragraphs == 1:
            inside = [s for s in starts if quote.start < s < quote.end]
            assert not inside, (text, quote.start, quote.end, inside)


@given(articles(), st.data())
def test_a_missing_closer_stays_in_its_paragraph(article: Article, data: st.DataObject) -> None:
    """Delete the closing mark of one quotation: every quotation of the other
    paragraphs is found as before, and a curly double quotation is flagged unclosed
    (unless the next paragraph opens with the same mark: that is a run-on quotation)."""
    text = article.text
    singles = [(s, e) for s, e, parent in article.quotes
               if parent is None and "\n" not in text[s:e]]
    start, end = data.draw(st.sampled_from(singles))
    damaged = text[:end - 1] + text[end:]
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    # a next paragraph that opens with the same mark reads as a run-on quotation
    assume(not text.startswith(text[start], para_end + 2))

    def elsewhere(spans: list[tuple[int, int, tuple[int, int] | None]], shift: int
                  ) -> list[tuple[int, int]]:
        out = []
        for s, e, _ in spans:
            if e <= para_start or s >= para_end - shift:
                out.append((s + shift if s >= para_end - shift else s,
                            e + shift if s >= para_end - shift else e))
        return out

    found = _found(find_quotes(damaged))
    assert elsewhere(found, 1) == elsewhere(article.quotes, 0), damaged
    if text[start] == "\u201c":
        quote = next(q for q in find_quotes(damaged) if q.start == start)
        assert not quote.closed, damaged


_LOWER_WORDS = [w for w in WORDS if w.islower()]


@given(st.sampled_from(STYLES), st.lists(st.sampled_from(_LOWER_WORDS), min_size=1, max_size=5),
       st.lists(st.sampled_from(WORDS), min_size=1, max_size=5), st.sampled_from(CUES))
def test_a_fragment_does_not_run_on(style: tuple[str, str, str, str, str], fragment: list[str],
                                    sentence: list[str], cue: str) -> None:
    """A partial quotation (opened after a word, lower case) that never closes ends
    with its paragraph, even when the next paragraph opens with the same mark: that
    mark opens a quotation of its own (AP style closes a fragment at its paragraph)."""
    opener, closer = style[0], style[1]
    first = "The plan was " + opener + " ".join(fragment) + "."
    second = opener + " ".join(sentence).capitalize() + "," + closer
    text = first + "\n\n" + second + " " + cue + "."
    found = find_quotes(text)
    assert [(q.start, q.end, q.closed, q.paragraphs) for q in found] == [
        (len("The plan was "), len(first), False, 1),
        (len(first) + 2, len(first) + 2 + len(second), True, 1),
    ], text


@given(articles(), st.sampled_from(['<p class="story" id="s1">', "<div data-author='Ana Ruiz'>",
                                    '<tweet tweet-id="12345" tweet-author="@cityhall">']))
def test_marks_inside_markup_tags_are_not_quotations(article: Article, tag: str) -> None:
    """Wrapping an article in a tag whose attribute values are quoted shifts every
    quotation by the tag's length and adds none."""
    shift = len(tag)
    found = _found(find_quotes(tag + article.text + "</p>"))
    assert found == [(s + shift, e + shift, p and (p[0] + shift, p[1] + shift))
                     for s, e, p in article.quotes]
