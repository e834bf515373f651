"""Tokens and sentences with exact offsets, aware of news English.

Tokens are lossless: they cover every non-space character, in order, and the gaps
between them are whitespace only. Quotation marks are classified by the quotation
finder (opening, closing, apostrophe, stray), so ``Russia’s`` and ``’90s`` keep their
apostrophes. Sentences do not break after honorifics (``Mr.``), titles (``Gov.``),
initials (``Aleksandr V. Grushko``), abbreviations (``No. 10``; ``Jan.`` and ``U.S.``
unless a capitalised function word follows), decimals, or inside a quotation. A
period, ``?`` or ``!`` before a closing mark ends the sentence when a capital follows,
unless a name and a reporting verb do (“Why now?” Mr. Stoltenberg asked.).

>>> [t.text for t in tokenize("Mr. Grushko’s “no.”")]
['Mr.', 'Grushko’s', '“', 'no', '.', '”']
>>> text = "Mr. Putin met Aleksandr V. Grushko in the U.S. on Jan. 5. “Stop. Now,” he said."
>>> [text[s:e] for s, e in sentence_bounds(text)]
['Mr. Putin met Aleksandr V. Grushko in the U.S. on Jan. 5.', '“Stop. Now,” he said.']
"""

from __future__ import annotations

import unicodedata

import regex

from .layout import paragraph_bounds
from .lexicon.cues import CUE_VERBS
from .lexicon.words import FUNCTION_WORDS
from .models import Span, Token, TokenKind
from .patterns import (
    ATTRIBUTION_AFTER_RE,
    MAYBE_FINAL_ABBREVIATIONS,
    NON_FINAL_ABBREVIATIONS,
    SENTENCE_END_RE,
    WORD_RE,
)
from .quotes import MarkRole, QuoteSpan, markup_tags, scan_marks

__all__ = ["find_sentences", "sentence_bounds", "tokenize"]

_ROLE_KIND: dict[str, TokenKind] = {
    "open": "open_quote",
    "reopen": "open_quote",
    "close": "close_quote",
    "apostrophe": "apostrophe",
    "stray": "stray_quote",
}
_CLOSERS = frozenset("”’\"'»›)]」』")
_OPENERS = frozenset("“‘\"'«»‹„‚([「『")
# Abbreviations that stand for "number" and take their period only before one.
_NUMBER_SIGNS = frozenset({"no", "nos"})
# Capitalised words that start a sentence and are nobody's surname: after a single
# capital letter and a period ("a grade of A. Then …") they end the sentence, where
# any other word is the rest of a name (Aleksandr V. Grushko).
_AFTER_LETTER_OPENERS = frozenset({
    "a", "after", "an", "and", "at", "but", "he", "her", "his", "if", "in", "it", "its",
    "on", "our", "she", "that", "the", "their", "then", "there", "these", "they", "this",
    "those", "we", "when", "while",
})
_PREVIOUS_WORD_RE = regex.compile(r"(\w[\w.\-’']*+)\.$")


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens with exact, half-open offsets.

    >>> [(t.text, t.kind) for t in tokenize("It’s 3.5%.\\n\\n‘Yes’")]
    [('It’s', 'word'), ('3.5%', 'number'), ('.', 'punctuation'), ('\\n\\n', 'paragraph_break'),
     ('‘', 'open_quote'), ('Yes', 'word'), ('’', 'close_quote')]
    >>> [(t.text, t.kind) for t in tokenize('<a href="x">Go</a>')]
    [('<a href="x">', 'markup'), ('Go', 'word'), ('</a>', 'markup')]
    """
    if not isinstance(text, str):
        raise TypeError(f"tokenize() expects text as str, not {type(text).__name__}")
    paragraphs = paragraph_bounds(text)
    _, roles = scan_marks(text, paragraphs)
    role_at = {r.start: r for r in roles}
    tags = markup_tags(text)
    tag_index = para_index = position = 0
    tokens: list[Token] = []
    while position < len(text):
        token: Token
        if para_index + 1 < len(paragraphs) and position >= paragraphs[para_index][1]:
            # a paragraph break: the whitespace between two paragraphs
            token = _token(text, paragraphs[para_index][1], paragraphs[para_index + 1][0],
                           "paragraph_break")
            para_index += 1
        elif position in role_at:
            role = role_at[position]
            token = _token(text, role.start, role.end, _ROLE_KIND[role.role])
        else:
            while tag_index < len(tags) and tags[tag_index][0] < position:
                tag_index += 1
            match = WORD_RE.search(text, position)
            if match is None:
                break
            start = match.start()
            if tag_index < len(tags) and tags[tag_index][0] <= start:
                # a markup tag (<a href="…">): one token, its marks are markup
                token = _token(text, *tags[tag_index], "markup")
            elif para_index + 1 < len(paragraphs) and start >= paragraphs[para_index][1]:
                position = paragraphs[para_index][1]
                continue
            elif start > position and start in role_at:
                position = start  # a classified quotation mark: the branch above takes it
                continue
            else:
                token = _word_token(text, match, role_at)
        tokens.append(token)
        position = token.end
    return tokens


def _token(text: str, start: int, end: int, kind: TokenKind) -> Token:
    """The token of ``text[start:end]`` (built without validation: the offsets are ours)."""
    return Token.model_construct(start=start, end=end, text=text[start:end], kind=kind)


def _word_token(text: str, match: regex.Match[str], role_at: dict[int, MarkRole]) -> Token:
    """A word, number, punctuation or symbol token from a match of ``WORD_RE``.

    >>> _word_token("Mr. Ruiz", WORD_RE.search("Mr. Ruiz"), {}).text
    'Mr.'
    """
    start, end = match.start(), match.end()
    kind: TokenKind
    if match.lastgroup == "number":
        kind = "number"
    elif match.lastgroup == "word":
        kind = "word"
        end = _cut_at_mark(role_at, start, end)
        if (end < len(text) and text[end] == "."
                and _takes_period(text[start:end], text[end + 1:end + 3])):
            end += 1  # Mr., U.S., O.S.C.E., the V. of Aleksandr V. Grushko
    else:
        kind = "punctuation" if unicodedata.category(text[start]).startswith("P") else "symbol"
    return _token(text, start, end, kind)


def _is_abbreviation(word: str, following: str) -> bool:
    """``Mr``, ``Gov``, ``Jan``, ``vs``: a word whose period does not end a sentence.

    Capitalised words only, except the few abbreviations written in lower case, so
    that "said no." still ends its sentence; ``No.`` only before a number (``No. 10``),
    so that “No.” does. ``following`` is the text right after the period.
    """
    lower = word.lower()
    if lower in _NUMBER_SIGNS:
        return word[:1].isupper() and following.lstrip()[:1].isdigit()
    return lower in NON_FINAL_ABBREVIATIONS and (word[:1].isupper() or lower in ("vs", "cf"))


def _takes_period(word: str, following: str) -> bool:
    return ("." in word or (len(word) == 1 and word.isupper())
            or _is_abbreviation(word, following)
            or (word[:1].isupper() and word.lower() in MAYBE_FINAL_ABBREVIATIONS))


def _cut_at_mark(role_at: dict[int, MarkRole], start: int, end: int) -> int:
    """A word stops before a quotation mark the finder classified (not apostrophes)."""
    for index in range(start + 1, end):
        role = role_at.get(index)
        if role is not None and role.role != "apostrophe":
            return index
    return end


def _previous_word(text: str, lo: int, period: int) -> str:
    start = period
    while start > lo and not text[start - 1].isspace() and period - start < 40:
        start -= 1
    return text[start:period].lstrip("“‘\"'(«[")


def _head_word(text: str, start: int) -> str:
    """The lower-cased word at ``start``, without leading marks or a trailing comma."""
    following = text[start:start + 20].split(maxsplit=1)
    return following[0].strip("“‘\"'«(,").lower() if following else ""


def _attribution_follows(text: str, start: int, hi: int, run: str) -> bool:
    """“Why now?” Mr. Stoltenberg asked: a name and a cue verb finish the sentence.

    After a period (“We are done.” Mr. Smith said.) the cue must end the clause too,
    so that “…done.” Mr. Smith said the talks had failed still breaks.
    """
    match = ATTRIBUTION_AFTER_RE.match(text, start, hi)
    if match is None or match.group("verb") not in CUE_VERBS:
        return False
    if "?" in run or "!" in run:
        return True
    rest = text[match.end():hi].lstrip()
    return not rest or rest[0] in ".,;:"


def _is_boundary(text: str, lo: int, hi: int, run_start: int, run_end: int, next_start: int,
                 after_quote: bool) -> bool:
    """Whether the end run ``text[run_start:run_end]`` ends a sentence.

    ``after_quote``: the run ends a quotation, whose closing mark lies before
    ``next_start``.
    """
    following = text[next_start]
    if not (following.isupper() or following.isdigit() or following in _OPENERS):
        return False
    run = text[run_start:run_end]
    if after_quote and following.isupper() and _attribution_follows(text, next_start, hi, run):
        return False
    if run != ".":
        return True
    word = _previous_word(text, lo, run_start)
    lower = word.lower()
    if not word:
        return True
    if len(word) == 1 and word.isupper():
        # an initial (Aleksandr V. Grushko), unless a sentence plainly starts after it
        return _head_word(text, next_start) in _AFTER_LETTER_OPENERS
    if _is_abbreviation(word, text[run_end:next_start + 1]):
        return False
    if lower in MAYBE_FINAL_ABBREVIATIONS or "." in word:
        # U.S., O.S.C.E., Inc.: a sentence ends only before a capitalised function word
        return _head_word(text, next_start) in FUNCTION_WORDS
    return True


def sentence_bounds(text: str, paragraphs: list[tuple[int, int]] | None = None,
                    quotes: list[QuoteSpan] | None = None) -> list[tuple[int, int]]:
    """Sentences as ``(start, end)`` pairs; no sentence crosses a paragraph.

    A period inside a quotation never ends the sentence; one just before the closing
    mark does when a capitalised word follows the mark.
    """
    if paragraphs is None:
        paragraphs = paragraph_bounds(text)
    if quotes is None:
        quotes, _ = scan_marks(text, paragraphs)
    bounds: list[tuple[int, int]] = []
    quote_index = 0
    n_quotes = len(quotes)
    for lo, hi in paragraphs:
        start = lo
        for match in SENTENCE_END_RE.finditer(text, lo, hi):
            run_start, end = match.start(), match.end()
            after_quote = False
            while quote_index < n_quotes and quotes[quote_index].end <= run_start:
                quote_index += 1
            if quote_index < n_quotes and quotes[quote_index].start < run_start:
                quote = quotes[quote_index]
                inside = end
                while inside < quote.inner_end and text[inside].isspace():
                    inside += 1  # (not a slice to the quotation's end: it may be long)
                if inside < quote.inner_end:
                    continue  # strictly inside a quotation
                end = quote.end
                after_quote = True
            while end < hi and text[end] in _CLOSERS:
                end += 1
            next_start = end
            while next_start < hi and text[next_start].isspace():
                next_start += 1
            if next_start >= hi or next_start == end:
                continue
            if _is_boundary(text, lo, hi, run_start, match.end(), next_start, after_quote):
                bounds.append((start, end))
                start = next_start
        if start < hi:
            bounds.append((start, hi))
    return bounds


def find_sentences(text: str) -> list[Span]:
    """Sentence spans of ``text`` (see :func:`sentence_bounds`).

    >>> [s.start for s in find_sentences("He left. Ms. Sherman stayed.")]
    [0, 9]
    """
    if not isinstance(text, str):
        raise TypeError(f"find_sentences() expects text as str, not {type(text).__name__}")
    return [Span(start=s, end=e) for s, e in sentence_bounds(text)]
