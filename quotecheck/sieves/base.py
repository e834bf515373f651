"""What every sieve shares: the analysed article (``Context``) and a ``Decision``.

A sieve is a plain function ``(quote, ctx) -> Decision | None``: ``None`` means
"not mine". Sieves read ``ctx`` and never change it; the runner in
:mod:`quotecheck.pipeline` records each decision and stamps its provenance.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from ..clauses import Cue, Subject
from ..coref import Cast
from ..entities import AMBIGUOUS, Entity, EntityAnalysis
from ..models import StrayMark
from ..quotes import QuoteSpan

__all__ = ["Context", "Decision", "Sieve"]


@dataclass(slots=True)
class Decision:
    """A sieve's answer for one quotation.

    ``speaker`` is an entity index, or ``None`` when the sieve found the quotation
    ambiguous (then ``candidates`` lists the entities that fit equally). A
    description with no name (``a State Department spokeswoman``) comes as
    ``description`` and becomes an unnamed speaker. A decision carries no
    confidence: the runner measures it (:mod:`quotecheck.confidence`).
    """

    speaker: int | None
    rule: str
    cue: Cue | None = None
    mention: Subject | None = None
    via: tuple[int, int] | None = None
    candidates: tuple[int, ...] = ()
    description: str | None = None


@dataclass(slots=True)
class Context:
    """The analysed article, read-only for sieves."""

    text: str
    paragraphs: list[tuple[int, int]]
    sentences: list[tuple[int, int]]
    quotes: list[QuoteSpan]
    quote_sentences: list[tuple[int, int]]
    quote_paragraphs: list[tuple[int, int]]
    analysis: EntityAnalysis
    cues: list[list[Cue]]
    terms: list[bool]  # a name or term, not speech: no sieve attributes it
    decisions: list[Decision | None] = field(default_factory=list)
    # entity -> index of its first decided quotation (the runner keeps it)
    spoken: dict[int, int] = field(default_factory=dict)

    def spoke_before(self, entity: int, index: int) -> bool:
        """Whether ``entity`` is the speaker of a decided quotation before ``index``."""
        return self.spoken.get(entity, index) < index
    index: dict[int, int] = field(default_factory=dict)
    sentence_starts: list[int] = field(default_factory=list)
    stray_marks: list[StrayMark] = field(default_factory=list)
    speech_like: list[bool] = field(default_factory=list)
    dialogue: bool = False  # the register of fiction: many short quotation-only paragraphs
    fiction: bool = False  # dialogue told like fiction (no dateline, few digits): register.py
    cast: Cast | None = None  # the characters, in fiction only (coref/cast.py)
    settling: bool = False  # the last pass: a sieve that was waiting for others decides now

    @property
    def entities(self) -> list[Entity]:
        return self.analysis.entities

    def position(self, quote: QuoteSpan) -> int:
        """Index of ``quote`` in document order."""
        return self.index[quote.start]

    def primary_cue(self, index: int) -> Cue | None:
        """The most precise usable cue of a quotation: one with a subject, or a
        continuing participle."""
        for cue in self.cues[index]:
            if cue.subject is not None or cue.place == "continuing":
                return cue
        return None

    def sentence_of(self, position: int) -> int:
        """Index of the sentence that holds ``position``."""
        return max(0, bisect_right(self.sentence_starts, position) - 1)

    def entity_of(self, subject: Subject) -> int | None:
        """The entity a name subject refers to; ``None`` if unknown, ``AMBIGUOUS`` if two fit."""
        if subject.mention is None:
            return None
        entity = subject.mention.entity
        if entity == AMBIGUOUS:
            return AMBIGUOUS
        return entity if entity >= 0 else None

    def previous_decided(self, index: int) -> tuple[int, Decision] | None:
        """The nearest earlier quotation with a speaker, and its decision."""
        for earlier in range(index - 1, max(-1, index - 12), -1):
            decision = self.decisions[earlier]
            if decision is not None and decision.speaker is not None:
                return earlier, decision
        return None


Sieve = Callable[[QuoteSpan, Context], Decision | None]
