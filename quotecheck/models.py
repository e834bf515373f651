"""Typed, frozen result models: what :func:`quotecheck.attribute` returns.

Every span is a half-open ``[start, end)`` character offset into the caller's
string. Quote spans include their quotation marks.

>>> span = Span(start=3, end=8)
>>> span.start, span.end
(3, 8)
>>> Span.model_validate_json(span.model_dump_json()) == span
True
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, Literal, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    ValidationError,
    model_serializer,
)
from pydantic_core import PydanticSerializationError

__all__ = [
    "Attribution",
    "Change",
    "ChangeKind",
    "Edit",
    "Finding",
    "Gender",
    "Language",
    "Mention",
    "MentionKind",
    "Quote",
    "Reported",
    "ReportedKind",
    "Result",
    "Severity",
    "Span",
    "Speaker",
    "SpeakerKind",
    "StrayMark",
    "Token",
    "TokenKind",
    "Verification",
    "VerificationStatus",
]

TokenKind = Literal[
    "word",
    "number",
    "punctuation",
    "open_quote",
    "close_quote",
    "apostrophe",
    "stray_quote",
    "symbol",
    "markup",
    "paragraph_break",
]
MentionKind = Literal["name", "pronoun", "description", "organisation"]
SpeakerKind = Literal["person", "organisation", "group", "unnamed"]
Gender = Literal["male", "female", "unknown"]
StrayReason = Literal["unclosed", "unopened", "ambiguous"]
ReportedKind = Literal["indirect", "mixed"]
Language = Literal["en", "other"]


class _Frozen(BaseModel):
    # defer_build: each model's validator is built on first use, not at import time,
    # which keeps ``import quotecheck`` fast (a dozen schemas cost ~70 ms).
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    def model_post_init(self, context: Any, /) -> None:
        # pydantic keeps a set of the names given on every instance (728 bytes for a
        # Quote's): instances given the same names share one. Frozen models never
        # change it in place (a copy gets its own set), so sharing is safe.
        given = self.__pydantic_fields_set__
        object.__setattr__(self, "__pydantic_fields_set__",
                           _FIELD_SETS.setdefault(frozenset(given), given))


# Sets of given field names, shared by the instances given those names (see above);
# at most one per set of names a model has.
_FIELD_SETS: dict[frozenset[str], set[str]] = {}


# A str holding a surrogate code point (U+D800 to U+DFFF) has no faithful JSON
# spelling: a lone one is not Unicode (pydantic refuses it, many readers replace it)
# and a high one before a low one reads back as the one character they encode. Such a
# string, and one that starts with NUL (so that reading back is never in doubt), is
# written as NUL, then the string with every backslash doubled and every surrogate
# as the six plain characters \uXXXX (lower-case hex): valid JSON, read by any reader.
_ENCODED_MARK = "\x00"
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_TO_ESCAPE_RE = re.compile(r"[\\\ud800-\udfff]")
_ESCAPED_RE = re.compile(r"\\\\|\\u[0-9a-f]{4}")


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    return "\\\\" if char == "\\" else f"\\u{ord(char):04x}"


def _unescape_char(match: re.Match[str]) -> str:
    escape = match.group()
    return "\\" if escape == "\\\\" else chr(int(escape[2:], 16))


def encode_json_text(text: str) -> str:
    """``text`` as a JSON string value should hold it (see the comment above).

    >>> encode_json_text("plain"), encode_json_text("a\\ud800\\udc00 b\\\\")
    ('plain', '\\x00a\\\\ud800\\\\udc00 b\\\\\\\\')
    >>> decode_json_text(encode_json_text("a\\ud800\\udc00 b\\\\")) == "a\\ud800\\udc00 b\\\\"
    True
    """
    if not text.startswith(_ENCODED_MARK) and not _SURROGATE_RE.search(text):
        return text
    return _ENCODED_MARK + _TO_ESCAPE_RE.sub(_escape_char, text)


def decode_json_text(text: str) -> str:
    """The str :func:`encode_json_text` wrote as ``text``."""
    if not text.startswith(_ENCODED_MARK):
        return text
    return _ESCAPED_RE.sub(_unescape_char, text[1:])


def _map_strings(data: Any, function: Callable[[str], str]) -> Any:
    """``data`` (JSON values) with ``function`` applied to every string value."""
    if isinstance(data, str):
        return function(data)
    if isinstance(data, list):
        return [_map_strings(item, function) for item in data]
    if isinstance(data, dict):
        return {key: _map_strings(value, function) for key, value in data.items()}
    return data


class _JSONText(_Frozen):
    """A model whose JSON holds any ``str`` faithfully, surrogates included."""

    def model_dump_json(self, **kwargs: Any) -> str:
        """JSON as pydantic writes it; strings with surrogate code points (which
        pydantic refuses, or which JSON would merge into one character) are written
        as :func:`encode_json_text` says, so that every text reads back as it was.

        >>> from quotecheck import attribute
        >>> broken = attribute("“a \\ud800 b,” he said.")
        >>> Result.model_validate_json(broken.model_dump_json()) == broken
        True
        """
        try:
            dumped = super().model_dump_json(**kwargs)
        except PydanticSerializationError:
            dumped = None
        if dumped is not None and '"\\u0000' not in dumped:
            return dumped
        indent = kwargs.pop("indent", None)
        kwargs.pop("ensure_ascii", None)
        data = _map_strings(self.model_dump(mode="json", **kwargs), encode_json_text)
        separators = (",", ":") if indent is None else (",", ": ")
        return json.dumps(data, indent=indent, ensure_ascii=False, separators=separators)

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **kwargs: Any) -> Self:
        """Read a model back from :meth:`model_dump_json`, encoded strings included
        (and older JSON holding lone surrogates as escapes, which :mod:`json` reads)."""
        text = json_data if isinstance(json_data, str) else bytes(json_data).decode(
            "utf-8", "surrogatepass")
        if '"\\u0000' in text:
            try:
                data = json.loads(text)
            except ValueError:
                return super().model_validate_json(json_data, **kwargs)
            return cls.model_validate(_map_strings(data, decode_json_text), **kwargs)
        try:
            return super().model_validate_json(json_data, **kwargs)
        except ValidationError as error:
            if not any(e["type"] == "json_invalid" for e in error.errors()):
                raise
            try:
                data = json.loads(text)
            except ValueError:
                raise error from None
            return cls.model_validate(data, **kwargs)


class Span(_Frozen):
    """A half-open character span ``[start, end)`` into the input text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Token(_Frozen):
    """One token of the input, with its exact offsets and its kind."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    kind: TokenKind


class StrayMark(_Frozen):
    """A quotation mark that does not take part in a balanced quotation.

    ``unclosed``: it opened a quotation that never closed (the quotation is still
    reported, ending at its paragraph, with ``closed=False``). ``unopened``: a
    closing mark with nothing to close. ``ambiguous``: a straight mark that reads
    neither as a quotation mark nor as an apostrophe (an inch mark, say), a mark
    nested too deep to record, or one of a pair that quotes nothing (``""``).

    Stray marks of one reason that touch (``“““``, debris from a content system) are
    one run: ``mark`` is always ``text[start:end]`` and ``count`` the marks in it, so
    a million stray marks in a row cost one model, not a million.
    """

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    mark: str
    reason: StrayReason
    count: int = Field(default=1, ge=1)


class Mention(_Frozen):
    """A span of text that refers to a speaker: a name, a pronoun or a description."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    kind: MentionKind


class Speaker(_Frozen):
    """Who said a quotation.

    ``name`` is the fullest name the article gives (``"Aleksandr V. Grushko"``, never
    ``"he"`` or ``"Mr. Grushko"`` when the full name appears), or the description of
    an unnamed speaker (``"a State Department spokeswoman"``).
    """

    id: int = Field(ge=0)
    name: str
    kind: SpeakerKind = "person"
    gender: Gender = "unknown"
    titles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


class Attribution(_Frozen):
    """Provenance of one decision: which sieve and rule, on what evidence.

    ``cue`` is the reporting verb or phrase (``said``, ``according to``), ``mention``
    the words that named the speaker at the decision point (``he``, ``Mr. Grushko``),
    ``via`` the antecedent a pronoun or a continuation was resolved through, and
    ``addressee`` whom the words were addressed to (``told Reuters``), and
    ``candidates`` the other speakers that fit about as well (an ambiguous "he said"),
    by name.
    """

    sieve: str
    rule: str
    confidence: float = Field(ge=0.0, le=1.0)
    cue: Span | None = None
    cue_text: str | None = None
    mention: Mention | None = None
    via: Span | None = None
    addressee: str | None = None
    candidates: tuple[str, ...] = ()


class Quote(_Frozen):
    """One quotation: where it is, what it says, who said it and why we think so.

    ``start``/``end`` include the quotation marks; ``text`` is the quoted words
    without their outer marks. ``closed`` is ``False`` when the closing mark was
    missing and the quotation was ended at its paragraph. ``paragraphs`` counts the
    paragraphs a multi-paragraph quotation runs over. ``nested`` holds the
    quotations inside this one.
    """

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    open_mark: str
    close_mark: str | None = None
    closed: bool = True
    paragraphs: int = Field(default=1, ge=1)
    nested: tuple[Quote, ...] = ()
    speaker: Speaker | None = None
    attribution: Attribution | None = None

    @property
    def span(self) -> Span:
        """The quotation's span, marks included."""
        return Span(start=self.start, end=self.end)


class Reported(_Frozen):
    """One attribution of reported speech: what was said, not wholly in quotation marks.

    ``start``/``end`` span the reported content (what was said, not the reporting
    clause: “the city would not raise taxes” in *Mayor Ana Ruiz said that the city
    would not raise taxes*); ``text`` is that content. ``kind`` is ``indirect`` for a
    paraphrase, or ``mixed`` when the content holds quotations, whose indices into
    :attr:`Result.quotes` are ``quotes``. ``speaker`` and ``attribution`` mean what
    they mean for a :class:`Quote`.
    """

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    kind: ReportedKind = "indirect"
    quotes: tuple[int, ...] = ()
    speaker: Speaker | None = None
    attribution: Attribution | None = None

    @property
    def span(self) -> Span:
        """The reported content's span."""
        return Span(start=self.start, end=self.end)


class Result(_JSONText):
    """Everything :func:`quotecheck.attribute` found in one text.

    ``quotes`` are the outermost quotations in document order (nested ones hang off
    their parent's ``nested``); ``speakers`` are the speakers of at least one
    quotation, in order of first quotation; ``stray_marks`` accounts for every
    quotation mark that is not part of a balanced quotation. ``reported`` holds the
    reported speech (``attribute(text, reported=True)``; empty otherwise), whose
    speakers are in ``speakers`` too, after those of the quotations.

    ``language`` is ``"en"`` when the text around the quotations is English, and
    ``"other"`` when it is not (``Le maire a dit: «…»``): the quotations are still
    found, but no speaker is named, since the cues, names and pronouns quotecheck
    reads are English (see ``quotecheck.language``).
    """

    text: str
    quotes: tuple[Quote, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    stray_marks: tuple[StrayMark, ...] = ()
    reported: tuple[Reported, ...] = Field(default=(), repr=False)
    language: Language = Field(default="en", repr=False)

    @model_serializer(mode="wrap")
    def _without_empty_reported(self, handler: SerializerFunctionWrapHandler) -> Any:
        # a result read without ``reported=True``, of an English text, is written as it
        # always was
        data = handler(self)
        if isinstance(data, dict):
            if not self.reported:
                data.pop("reported", None)
            if self.language == "en":
                data.pop("language", None)
        return data

    def all_quotes(self) -> list[Quote]:
        """Every quotation, nested ones included, in document order.

        >>> from quotecheck import attribute
        >>> r = attribute("He said “it was ‘fine’ then.”")
        >>> [q.text for q in r.all_quotes()]
        ['it was ‘fine’ then.', 'fine']
        """
        out: list[Quote] = []
        stack = list(reversed(self.quotes))
        while stack:
            quote = stack.pop()
            out.append(quote)
            stack.extend(reversed(quote.nested))
        return out

    def to_rows(self) -> list[dict[str, str | int | float | bool | None]]:
        """One flat dict per quotation, for ``pandas.DataFrame`` (see ``render.to_rows``).

        >>> from quotecheck import attribute
        >>> [row["text"] for row in attribute("“Go,” she said.").to_rows()]
        ['Go,']
        """
        from .render import to_rows

        return to_rows(self)

    def to_frame(self) -> Any:
        """The rows of :meth:`to_rows` as a ``pandas.DataFrame`` with fixed columns and
        dtypes (see ``render.to_frame``); needs pandas, which quotecheck does not install.

        >>> from quotecheck import attribute
        >>> attribute("“Go,” she said.").to_frame()["text"].tolist()
        ['Go,']
        """
        from .render import to_frame

        return to_frame(self)

    def _repr_html_(self) -> str:
        """Jupyter's rendering: the article with its quotations highlighted by speaker."""
        from .render import to_html

        return to_html(self)


# -- copy-desk checks and quotation verification (issue 7) -----------------------------

Severity = Literal["error", "warning", "info"]
VerificationStatus = Literal["exact", "altered", "not_found"]
ChangeKind = Literal["added", "dropped", "replaced", "ellipsis", "bracket"]


class Edit(_Frozen):
    """Replace ``[start, end)`` of the text with ``text`` (a suggested fix)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Finding(_JSONText):
    """One problem :func:`quotecheck.check` found, at ``[start, end)`` in the article.

    ``code`` is stable (``QC101``…) and switches the check off when passed in
    ``disable``; ``name`` is the same check as a readable slug. ``fixes`` are the
    edits that would mend a mechanical problem (punctuation, quotation marks), all
    or none; they are suggestions, never applied to the caller's text.
    """

    code: str
    name: str
    severity: Severity
    message: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    fixes: tuple[Edit, ...] = ()

    @property
    def span(self) -> Span:
        """The text the finding points at."""
        return Span(start=self.start, end=self.end)


class Change(_Frozen):
    """One word-level difference between a quotation and its source.

    ``quoted`` holds the quotation's words and ``source`` the source's words at that
    point (either may be empty). ``quote_start``/``quote_end`` are offsets into the
    quotation string, ``source_start``/``source_end`` into the source string.
    ``allowed`` is true for what style permits: an ellipsis standing for dropped
    words, a ``[bracketed]`` insertion, or (``dropped``) the attribution that
    interrupts a quotation in an earlier article or a transcript's time code.
    """

    kind: ChangeKind
    quoted: str
    source: str
    quote_start: int = Field(ge=0)
    quote_end: int = Field(ge=0)
    source_start: int = Field(ge=0)
    source_end: int = Field(ge=0)
    allowed: bool = False


class Verification(_Frozen):
    """What :func:`quotecheck.verify` found for one quotation in one source.

    ``status`` is ``exact`` when the words match (after folding case, accents,
    ligatures, quotation marks and spacing, and allowing ellipses and brackets),
    ``altered`` when a close match has word changes, and ``not_found`` otherwise.
    ``start``/``end`` are the best-matching span of the source (``None`` when
    nothing matched at all); ``score`` is the share of quoted words found there.
    ``changes`` lists the alterations, ``allowed`` the permitted edits.
    """

    status: VerificationStatus
    quotation: str
    start: int | None = None
    end: int | None = None
    matched: str | None = None
    score: float = Field(default=0.0, ge=0.0, le=1.0)
    changes: tuple[Change, ...] = ()
    allowed: tuple[Change, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the quotation is in the source as quoted (style edits allowed)."""
        return self.status == "exact"
