"""Hypothesis properties: quotecheck never crashes, never lies about offsets, loses no mark.

Two families of input:

* ``hostile_text``: any string at all (every Unicode category, lone surrogates, NUL,
  every line end), biased towards the characters quotecheck cares about (quotation
  marks, line ends, periods, cue words, honorifics), so that short examples still hit
  the interesting paths.
* ``articles``: news paragraphs assembled from templates (“…,” said Maria Lopez. /
  Maria Lopez said: “…”), with names drawn from a pool and cue verbs from
  :mod:`quotecheck.lexicon.cues`, for the metamorphic properties on speakers.

`make test` runs each property with the ``default`` profile (about 60 examples);
`make fuzz` runs them with the ``fuzz`` profile (10,000 examples each).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from quotecheck import Quote, Result, attribute, find_quotes
from quotecheck.layout import paragraph_bounds
from quotecheck.lexicon.cues import ADDRESSEE_VERBS, CUE_VERBS
from quotecheck.lexicon.pronouns import FIRST_PERSON, PRONOUN_GENDER, SUBJECT_PRONOUNS
from quotecheck.lexicon.quotemarks import MIXED_CLOSERS, QUOTE_PAIRS
from quotecheck.patterns import MARK_RE
from quotecheck.quotes import scan_marks
from quotecheck.sieves import SIEVE_NAMES
from quotecheck.tokens import sentence_bounds, tokenize

pytestmark = pytest.mark.property

# --------------------------------------------------------------------------------------
# Strategies
# --------------------------------------------------------------------------------------

_ALL_MARKS = sorted(set(QUOTE_PAIRS) | {c for cs in QUOTE_PAIRS.values() for c in cs})
# Characters that are quotation marks on their own (``''`` and ```` are made of these
# or of backticks, which are marks only when doubled).
MARK_CHARS = frozenset(m for m in _ALL_MARKS if len(m) == 1)

_FRAGMENTS = [
    *_ALL_MARKS,
    "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\r\r", "\u2028", "\u2029", "\x0b", "\x0c",
    " ", "  ", "\t", "\u00a0", ". ", ", ", ": ", "; ", "! ", "? ", "…", "—", "-",
    "said", "says", "told reporters", "according to", "he", "she", "they", "it",
    "Mr.", "Ms.", "Dr.", "Mr. Mr.", "U.S.", "O.S.C.E.", "Jan.", "V.", "3.5", "’90s",
    "it’s", "Russia’s", "allies’", "rock ’n’ roll", "'em", "12\"", "o'clock",
    "<a href=\"", "<tweet author='", "\">", ">",
    "Maria Lopez", "Aleksandr V. Grushko", "NATO", "the Kremlin",
    "\x00", "\ud800", "\udfff", "\u200b", "\u200d", "\ufeff", "\u202e", "\u0301",
    "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "😀",
    "👩‍👩‍👧", "\U0001f1fa\U0001f1f8",
]

# Every code point hypothesis knows, lone surrogates (category Cs) included.
_ANY_CHAR = st.characters(codec=None, exclude_categories=())

hostile_text: st.SearchStrategy[str] = st.lists(
    st.one_of(st.text(_ANY_CHAR, max_size=6), st.sampled_from(_FRAGMENTS)),
    max_size=40,
).map("".join)

# Cue verbs that read well in "“…,” said X." and "X said: “…”": past-tense forms.
CUES: tuple[str, ...] = tuple(
    sorted(v for v in CUE_VERBS if v.endswith("ed") and v not in ADDRESSEE_VERBS)
)
assert CUES, "lexicon.cues has no past-tense cue verbs"

FEMALE_GIVEN = ("Maria", "Aisha", "Ingrid", "Keiko", "Fatima", "Olga", "Chloe", "Priya")
MALE_GIVEN = ("Tomas", "Kwame", "Dmitri", "Hiroshi", "Pedro", "Samuel", "Lars", "Omar")
SURNAMES = ("Lopez", "Okafor", "Lindqvist", "Tanaka", "Haddad", "Novak", "Fischer",
            "Mensah", "Kowalski", "Brennan", "Achterberg", "Quispe")
_WORDS = ("we", "will", "rebuild", "the", "bridge", "this", "is", "not", "over", "a",
          "plan", "for", "everyone", "talks", "ended", "late", "without", "deal", "and",
          "nobody", "expected", "more", "prices", "rose", "again", "in", "spring",
          "that", "was", "our", "only", "choice", "they", "can", "wait")
_PREFIX_WORDS = tuple(w for w in _WORDS if w not in SUBJECT_PRONOUNS and w not in FIRST_PERSON)


@dataclass(frozen=True)
class Person:
    given: str
    last: str
    gender: str  # "male" | "female"

    @property
    def name(self) -> str:
        return f"{self.given} {self.last}"

    @property
    def honorific(self) -> str:
        return "Mr." if self.gender == "male" else "Ms."

    @property
    def pronoun(self) -> str:
        return "he" if self.gender == "male" else "she"


@dataclass(frozen=True)
class Article:
    text: str
    people: tuple[Person, ...]


def _sentence(words: list[str]) -> str:
    return " ".join(words).capitalize()


@st.composite
def people(draw: st.DrawFn, size: int) -> tuple[Person, ...]:
    """``size`` people with distinct given names and surnames."""
    lasts = draw(st.lists(st.sampled_from(SURNAMES), min_size=size, max_size=size, unique=True))
    out = []
    used: set[str] = set()
    for last in lasts:
        gender = draw(st.sampled_from(("male", "female")))
        pool = MALE_GIVEN if gender == "male" else FEMALE_GIVEN
        given = draw(st.sampled_from([g for g in pool if g not in used]))
        used.add(given)
        out.append(Person(given, last, gender))
    return tuple(out)


@st.composite
def paragraphs(draw: st.DrawFn, cast: tuple[Person, ...], last: Person | None) -> str:
    """One paragraph from a template: a quotation with a cue and a speaker, or filler."""
    quote = _sentence(draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8)))
    verb = draw(st.one_of(st.just("said"), st.sampled_from(CUES)))
    person = draw(st.sampled_from(cast))
    templates = [
        f"“{quote},” said {person.name}.",
        f"“{quote},” {person.name} {verb}.",
        f"{person.name} {verb}: “{quote}.”",
        f"“{quote},” {person.honorific} {person.last} {verb}.",
        f"{person.honorific} {person.last} {verb} that the plan was “{quote.lower()}”.",
        f"“{quote},” said {person.name}. “{quote}.”",
        _sentence(draw(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=10))) + ".",
    ]
    if last is not None:
        templates.append(f"“{quote},” {last.pronoun} {verb}.")
    return draw(st.sampled_from(templates))


@st.composite
def articles(draw: st.DrawFn) -> Article:
    """A short news article: 1–6 paragraphs about 1–3 people, separated by blank lines."""
    cast = draw(people(draw(st.integers(1, 3))))
    n = draw(st.integers(1, 6))
    out: list[str] = []
    last: Person | None = None
    for _ in range(n):
        paragraph = draw(paragraphs(cast, last))
        out.append(paragraph)
        named = [p for p in cast if p.last in paragraph]
        last = named[-1] if named else last
    return Article("\n\n".join(out), cast)


prefix_paragraphs: st.SearchStrategy[str] = st.lists(
    st.sampled_from(_PREFIX_WORDS), min_size=1, max_size=12
).map(lambda words: "The " + " ".join(words) + ".\n\n")

# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------


def _spans(model: BaseModel) -> Iterator[BaseModel]:
    """Every model inside ``model`` (itself included) that has ``start`` and ``end``."""
    stack: list[object] = [model]
    while stack:
        item = stack.pop()
        if isinstance(item, BaseModel):
            if hasattr(item, "start") and hasattr(item, "end"):
                yield item
            stack.extend(getattr(item, name) for name in type(item).model_fields)
        elif isinstance(item, tuple | list):
            stack.extend(item)


def _close_len(quote: Quote) -> int:
    return len(quote.close_mark) if quote.closed and quote.close_mark else 0


def _speakers(result: Result) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in result.all_quotes()]


def _shape(result: Result) -> list[tuple[int, int, str | None]]:
    return [(q.start, q.end, q.speaker.name if q.speaker else None) for q in result.all_quotes()]


# --------------------------------------------------------------------------------------
# Any string
# --------------------------------------------------------------------------------------


@given(hostile_text)
def test_never_raises_and_every_span_in_range(text: str) -> None:
    result = attribute(text)
    assert result.text == text
    for span in _spans(result):
        start, end = span.start, span.end  # type: ignore[attr-defined]
        assert 0 <= start <= end <= len(text), span
        if hasattr(span, "text") and not isinstance(span, Quote | Result):
            assert span.text == text[start:end], span  # Mention, Token
    for quote in result.all_quotes():
        assert 0 <= quote.start < quote.end <= len(text)


@given(hostile_text)
def test_quote_spans_start_on_an_opening_mark_and_match_their_text(text: str) -> None:
    for quote in attribute(text).all_quotes():
        assert quote.open_mark in QUOTE_PAIRS, quote
        assert text.startswith(quote.open_mark, quote.start), quote
        if quote.closed:
            assert quote.close_mark is not None
            closers = QUOTE_PAIRS[quote.open_mark] + MIXED_CLOSERS.get(quote.open_mark, ())
            assert quote.close_mark in closers, quote
            assert text[quote.end - len(quote.close_mark):quote.end] == quote.close_mark
        else:
            assert quote.close_mark is None
        inner = text[quote.start + len(quote.open_mark):quote.end - _close_len(quote)]
        assert quote.text == inner, quote
        assert quote.paragraphs >= 1


@given(hostile_text)
def test_quotes_nest_or_are_disjoint(text: str) -> None:
    result = attribute(text)
    quotes = result.all_quotes()
    for i, a in enumerate(quotes):
        for b in quotes[i + 1:]:
            disjoint = a.end <= b.start or b.end <= a.start
            nested = (a.start <= b.start and b.end <= a.end) or (
                b.start <= a.start and a.end <= b.end)
            assert disjoint or nested, (a, b)
    # document order, and each child strictly inside its parent's marks
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    for parent in quotes:
        for child in parent.nested:
            assert parent.start + len(parent.open_mark) <= child.start
            assert child.end <= parent.end - _close_len(parent)
    tops = result.quotes
    assert all(a.end <= b.start for a, b in zip(tops, tops[1:], strict=False))


@given(hostile_text)
@example('<a href="">')  # marks inside a markup tag
@example('<a\n\nhref="x">')  # no tag across a paragraph break
def test_nothing_lost_every_mark_is_accounted_for(text: str) -> None:
    """Every quotation-mark character is an open/close mark, a reopening mark, a
    stray mark, an apostrophe or part of a markup tag: a caller can always tell why it
    made no quotation."""
    result = attribute(text)
    tokens = tokenize(text)
    covered: dict[int, str] = {}

    def cover(start: int, end: int, why: str) -> None:
        for index in range(start, end):
            covered.setdefault(index, why)

    for quote in result.all_quotes():
        cover(quote.start, quote.start + len(quote.open_mark), "open")
        close = _close_len(quote)
        cover(quote.end - close, quote.end, "close")
    for stray in result.stray_marks:
        assert text[stray.start:stray.end] == stray.mark, stray
        # a run of marks: exactly the marks the scanner read there, one stray token each
        # (a doubled ‘‘ it split into two single marks is two)
        assert stray.count == sum(t.kind == "stray_quote" and stray.start <= t.start < stray.end
                                  for t in tokens), stray
        assert len(MARK_RE.findall(stray.mark)) <= stray.count, stray
        assert "".join(MARK_RE.findall(stray.mark)) == stray.mark, stray
        cover(stray.start, stray.end, "stray")
    _, roles = scan_marks(text)
    multi = [q for q in result.all_quotes() if q.paragraphs > 1]
    for role in roles:
        if role.role == "apostrophe":
            cover(role.start, role.end, "apostrophe")
        elif role.role == "reopen":
            assert any(q.start < role.start < q.end for q in multi), role
            cover(role.start, role.end, "reopen")
    for token in tokens:
        if token.kind == "markup":  # <a href="…">: the marks are the tag's
            cover(token.start, token.end, "markup")
    for index, char in enumerate(text):
        if char in MARK_CHARS:
            assert index in covered, (index, char)
    for match in MARK_RE.finditer(text):
        assert all(i in covered for i in range(match.start(), match.end())), match


@given(hostile_text)
@example('<a href="">')  # marks inside a markup tag
@example('<a\n\nhref="x">')  # no tag across a paragraph break
def test_tokens_agree_with_the_quotation_finder(text: str) -> None:
    """Token kinds tell a caller what each mark is: the stray tokens are the stray marks,
    a closed quotation starts on an opening-quote token, and every mark character sits
    in a quotation-mark token, inside a word (it’s) or in a markup tag (<a href="">)."""
    result = attribute(text)
    tokens = tokenize(text)
    # a run of touching stray marks is one stray mark and one token per mark
    assert {i for t in tokens if t.kind == "stray_quote" for i in range(t.start, t.end)} == {
        i for m in result.stray_marks for i in range(m.start, m.end)}
    assert sum(t.kind == "stray_quote" for t in tokens) == sum(
        m.count for m in result.stray_marks)
    opens = {t.start for t in tokens if t.kind == "open_quote"}
    assert {q.start for q in result.all_quotes() if q.closed} <= opens
    mark_kinds = ("open_quote", "close_quote", "apostrophe", "stray_quote")
    covered: set[int] = set()
    for token in tokens:
        if token.kind in mark_kinds:
            assert MARK_RE.fullmatch(token.text), token
        if token.kind in (*mark_kinds, "word", "markup"):
            covered.update(range(token.start, token.end))
    assert all(i in covered for i, c in enumerate(text) if c in MARK_CHARS)


# Bidi controls, surrogates side by side and alone, NUL first: what JSON could garble.
_JSON_FRAGMENTS = ["\ud800\udc00", "\udbff\udc00", "\udfff\ud800", "\ud800", "\udc00",
                   "\x00", "\\", "\\u0000", "\\ud800", "\u202e", "\u2066", "\u2069", "\u200f",
                   "\u061c", "“", "”", "said", "Ana Ruiz", " "]
json_text = st.lists(st.one_of(st.text(_ANY_CHAR, max_size=4), st.sampled_from(_JSON_FRAGMENTS)),
                     max_size=30).map("".join)


@given(json_text)
@example("\udbff\udc00")
@example("\x00“a,” he said.")
@example("“\ud800\udc00,” said Ana Ruiz. \\ud800")
def test_deterministic_and_json_round_trip(text: str) -> None:
    first, second = attribute(text), attribute(text)
    assert first == second
    dumped = first.model_dump_json()
    assert dumped == second.model_dump_json()
    dumped.encode("utf-8")  # valid Unicode: any JSON reader takes it
    assert Result.model_validate_json(dumped) == first
    assert Result.model_validate_json(dumped.encode("utf-8")) == first
    assert Result.model_validate_json(first.model_dump_json(indent=2)) == first


@given(json_text)
@example("“\udbff\udc00 we will rebuild the bridge” Mr. Olsen and Ms. Ruiz said")
def test_findings_json_round_trip(text: str) -> None:
    from quotecheck import Finding, check

    for finding in check(text):
        dumped = finding.model_dump_json()
        dumped.encode("utf-8")
        assert Finding.model_validate_json(dumped) == finding


def test_adjacent_surrogates_stay_two_code_points() -> None:
    # JSON reads "\\ud800\\udc00" as U+10000: Result writes them so they stay apart
    result = attribute("“a \udbff\udc00 b,” he said.")
    back = Result.model_validate_json(result.model_dump_json())
    assert back.text == "“a \udbff\udc00 b,” he said." and back == result
    astral = attribute("“a \U0010fc00 b,” he said.")
    assert Result.model_validate_json(astral.model_dump_json()).text == astral.text


def test_json_round_trip_with_lone_surrogate() -> None:
    # pydantic refuses to encode a lone surrogate; Result falls back on json, which escapes it
    result = attribute("He said “a \ud800 b” today.")
    assert Result.model_validate_json(result.model_dump_json()) == result
    assert Result.model_validate_json(result.model_dump_json(indent=2)) == result
    assert '"text":"\\u0000He said' in result.model_dump_json()  # compact, as pydantic writes
    # JSON of earlier versions (lone surrogates as escapes) still reads
    assert Result.model_validate_json(
        '{"text": "\\ud800", "quotes": [], "speakers": [], "stray_marks": []}').text == "\ud800"
    assert Result.model_validate_json(attribute("plain").model_dump_json()).text == "plain"
    with pytest.raises(ValidationError):
        Result.model_validate_json('{"text": 3}')
    with pytest.raises(ValidationError):
        Result.model_validate_json("{not json")


@given(hostile_text)
def test_speakers_are_named_and_listed(text: str) -> None:
    result = attribute(text)
    ids = {s.id for s in result.speakers}
    for quote in result.all_quotes():
        if quote.speaker is not None:
            assert quote.speaker.id in ids, quote
            name = quote.speaker.name.strip()
            assert name, quote
            assert name.lower() not in PRONOUN_GENDER, quote  # never a bare pronoun
            assert name.lower() not in SUBJECT_PRONOUNS, quote
        if quote.attribution is not None:
            assert quote.attribution.sieve in SIEVE_NAMES, quote
            assert 0.0 <= quote.attribution.confidence <= 1.0, quote
            cue = quote.attribution.cue
            if cue is not None and quote.attribution.cue_text is not None:
                assert text[cue.start:cue.end] == quote.attribution.cue_text, quote


@given(hostile_text)
def test_find_quotes_agrees_with_attribute(text: str) -> None:
    found = [(q.start, q.end, q.text) for q in find_quotes(text)]
    assert found == [(q.start, q.end, q.text) for q in attribute(text).quotes]


# --------------------------------------------------------------------------------------
# Tokens, sentences and paragraphs
# --------------------------------------------------------------------------------------


@given(hostile_text)
def test_tokenizer_is_lossless_and_ordered(text: str) -> None:
    tokens = tokenize(text)
    position = 0
    for token in tokens:
        assert position <= token.start < token.end <= len(text), token
        assert text[token.start:token.end] == token.text, token
        assert text[position:token.start].isspace() or position == token.start, token
        if token.kind == "paragraph_break":
            assert token.text.isspace(), token
        position = token.end
    assert text[position:].isspace() or position == len(text)


@given(hostile_text)
def test_paragraphs_and_sentences_are_ordered_and_trimmed(text: str) -> None:
    paras = paragraph_bounds(text)
    position = 0
    for start, end in paras:
        assert position <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        position = end
    sentences = sentence_bounds(text)
    position = 0
    for start, end in sentences:
        assert position <= start < end <= len(text), (start, end)
        assert any(lo <= start and end <= hi for lo, hi in paras), (start, end)
        position = end


# --------------------------------------------------------------------------------------
# Metamorphic properties on assembled articles
# --------------------------------------------------------------------------------------


@given(articles())
def test_article_quotes_found(article: Article) -> None:
    result = attribute(article.text)
    assert len(result.quotes) == article.text.count("“")
    assert all(q.closed for q in result.all_quotes())
    assert not result.stray_marks


@given(articles())
def test_straight_double_quotes_give_the_same_speakers(article: Article) -> None:
    straight = article.text.replace("“", '"').replace("”", '"')
    assert _shape(attribute(straight)) == _shape(attribute(article.text))


@given(prefix_paragraphs, articles())
def test_prefix_paragraph_shifts_offsets_and_keeps_speakers(prefix: str, article: Article
                                                            ) -> None:
    before = attribute(article.text)
    after = attribute(prefix + article.text)
    shift = len(prefix)
    assert _shape(after) == [(s + shift, e + shift, n) for s, e, n in _shape(before)]
    assert [(m.start + shift, m.end + shift) for m in before.stray_marks] == [
        (m.start, m.end) for m in after.stray_marks]


@given(prefix_paragraphs, hostile_text, hostile_text)
def test_prefix_paragraph_shifts_quotes_of_any_text(prefix: str, head: str, tail: str) -> None:
    # the blank line in `text` keeps the paragraph rules the same with or without prefix
    text = head.lstrip() + "\n\n" + tail
    before = attribute(text)
    after = attribute(prefix + text)
    shift = len(prefix)
    assert [(q.start + shift, q.end + shift, q.text) for q in before.all_quotes()] == [
        (q.start, q.end, q.text) for q in after.all_quotes()]
    assert [(m.start + shift, m.reason) for m in before.stray_marks] == [
        (m.start, m.reason) for m in after.stray_marks]


@given(articles())
def test_crlf_line_ends_keep_every_speaker(article: Article) -> None:
    lf = attribute(article.text)
    crlf = attribute(article.text.replace("\n", "\r\n"))
    assert _speakers(crlf) == _speakers(lf)
    assert [q.text.replace("\n", "\r\n") for q in lf.all_quotes()] == [
        q.text for q in crlf.all_quotes()]


@given(hostile_text)
def test_crlf_line_ends_keep_every_quote(text: str) -> None:
    assume("\r" not in text)
    lf = attribute(text)
    crlf = attribute(text.replace("\n", "\r\n"))
    assert [q.text.replace("\n", "\r\n") for q in lf.all_quotes()] == [
        q.text for q in crlf.all_quotes()]


@given(articles(), st.data())
def test_renaming_a_speaker_renames_it_in_the_result(article: Article, data: st.DataObject
                                                     ) -> None:
    old = data.draw(st.sampled_from(article.people))
    pool = MALE_GIVEN if old.gender == "male" else FEMALE_GIVEN
    taken = {p.given for p in article.people} | {p.last for p in article.people}
    new_given = data.draw(st.sampled_from([g for g in pool if g not in taken]))
    new_last = data.draw(st.sampled_from([s for s in SURNAMES if s not in taken]))

    def rename(text: str) -> str:
        text = re.sub(rf"\b{old.given}\b", new_given, text)
        return re.sub(rf"\b{old.last}\b", new_last, text)

    before = _speakers(attribute(article.text))
    after = _speakers(attribute(rename(article.text)))
    assert after == [rename(name) if name else None for name in before]


@given(people(2), st.integers(0, 4), st.integers(0, 4))
def test_a_shared_surname_names_one_namesake_and_lists_the_other(
        pair: tuple[Person, ...], more_first: int, more_second: int) -> None:
    """A bare surname two people share names one of them, with the other as a candidate,
    or nobody, with both as candidates; never a third person, never itself a rival."""
    first, second = pair
    assume(first.given[:3].lower() != second.given[:3].lower())
    one, other = f"{first.given} {first.last}", f"{second.given} {first.last}"
    sentences = [f"{one} and {other} arrived on Monday."]
    sentences += [f"Later {one} met the press."] * more_first
    sentences += [f"Later {other} met the press."] * more_second
    text = " ".join(sentences) + f"\n\n“We are ready,” {first.last} said."
    quote = attribute(text).quotes[-1]
    attribution = quote.attribution
    assert attribution is not None
    if quote.speaker is None:
        assert set(attribution.candidates) == {one, other}
    else:
        assert quote.speaker.name in (one, other)
        assert list(attribution.candidates) == [other if quote.speaker.name == one else one]


# Role phrases a speaker's name can sit at the right edge of: an organisation, a party,
# a title and its "of" phrase, a capitalised title run, a company and its officer.
_ROLE_PHRASES = ("Harborline Energy spokeswoman", "former secretary of state",
                 "Senate Majority Whip", "Quillfeather supporter", "county commissioner",
                 "Brightwell Inc. CEO", "State spokesman", "Secretary of State")


@given(people(1), st.sampled_from(_ROLE_PHRASES), st.booleans())
def test_a_role_phrase_before_a_name_keeps_the_speaker(cast: tuple[Person, ...], role: str,
                                                       inverted: bool) -> None:
    person = cast[0]
    bare = (f"“We will appeal,” said {person.name}." if inverted
            else f"“We will appeal,” {person.name} said.")
    text = bare.replace(person.name, f"{role} {person.name}")
    assert _speakers(attribute(text)) == _speakers(attribute(bare)) == [person.name]
