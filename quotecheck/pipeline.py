"""``attribute(text)``: paragraphs → quotes → sentences → entities → cues → sieves → models.

Everything before the last step works on offsets, tuples and slotted dataclasses;
the frozen pydantic models are built once, at the end.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from sys import intern
from typing import TYPE_CHECKING

from .clauses import is_speech_like, is_term
from .confidence import Speakers, confidence_of, decision_features, reported_features
from .coref import build_cast
from .coreference import name_described_speakers
from .entities import Entity, analyse_entities
from .language import is_english
from .layout import paragraph_bounds
from .lexicon.titles import FEMALE_ROLE_NOUNS, GROUP_NOUNS, MALE_ROLE_NOUNS
from .lexicon.verbs import Lexicon
from .models import Attribution, Mention, Quote, Reported, Result, Span, Speaker
from .quotes import QuoteSpan, scan_quotes
from .register import is_dialogue, is_fiction
from .rules import find_cues
from .sieves import DEFAULT_SIEVES, SIEVE_NAMES
from .sieves.base import Context, Decision, Sieve
from .tokens import sentence_bounds

if TYPE_CHECKING:
    from .reported import ReportedSpan

__all__ = ["analyse", "attribute", "decide"]

# How many times the sieves run over the quotations still undecided.
_PASSES = 3

_SPEAKER_KIND = {"person": "person", "unknown": "person", "organisation": "organisation",
                 "unnamed": "unnamed", "group": "group"}


def _spans_index(bounds: list[tuple[int, int]], quotes: list[QuoteSpan]) -> list[tuple[int, int]]:
    """For each quotation, the indices of the first and last bound it touches."""
    starts = [b[0] for b in bounds]
    out = []
    for quote in quotes:
        first = max(0, bisect_right(starts, quote.start) - 1)
        last = max(first, bisect_right(starts, quote.end - 1) - 1)
        out.append((first, last))
    return out


def analyse(text: str, lexicon: Lexicon | None = None) -> Context:
    """Everything the sieves read, before any sieve runs.

    >>> ctx = analyse("“Go,” said Ana Ruiz.")
    >>> len(ctx.quotes), ctx.cues[0][0].rule
    (1, 'quote-verb-name')
    """
    paragraphs = paragraph_bounds(text)
    quotes, stray = scan_quotes(text, paragraphs)
    sentences = sentence_bounds(text, paragraphs, quotes)
    quote_spans = [(q.start, q.end) for q in quotes]
    analysis = analyse_entities(text, paragraphs, sentences, quote_spans)
    quote_sentences = _spans_index(sentences, quotes)
    quote_paragraphs = _spans_index(paragraphs, quotes)
    cues = find_cues(text, quotes, sentences, quote_sentences, paragraphs, quote_paragraphs,
                     analysis, lexicon)
    starts = [sentences[quote_sentences[i][0]][0] for i in range(len(quotes))]
    terms = [is_term(text, q, starts[i]) for i, q in enumerate(quotes)]
    speech = [is_speech_like(text, q, starts[i], terms[i]) for i, q in enumerate(quotes)]
    dialogue = is_dialogue(paragraphs, [q.start for q in quotes], [bool(c) for c in cues])
    fiction = is_fiction(text, paragraphs, dialogue)
    return Context(
        text=text, paragraphs=paragraphs, sentences=sentences, quotes=quotes,
        quote_sentences=quote_sentences, quote_paragraphs=quote_paragraphs, analysis=analysis,
        cues=cues, terms=terms, speech_like=speech, decisions=[None] * len(quotes),
        index={q.start: i for i, q in enumerate(quotes)},
        sentence_starts=[s[0] for s in sentences], stray_marks=stray, dialogue=dialogue,
        fiction=fiction, cast=build_cast(text, analysis) if fiction else None,
    )


def _select(sieves: Iterable[str] | None) -> tuple[tuple[str, Sieve], ...]:
    if sieves is None:
        return DEFAULT_SIEVES
    wanted = list(sieves)
    unknown = [name for name in wanted if name not in SIEVE_NAMES]
    if unknown:
        raise ValueError(f"unknown sieve(s) {unknown}; known: {', '.join(SIEVE_NAMES)}")
    registry = dict(DEFAULT_SIEVES)
    return tuple((name, registry[name]) for name in wanted)


def _unnamed_entity(ctx: Context, description: str, known: dict[str, int]) -> int:
    """An entity for a speaker the article describes but does not name."""
    key = " ".join(description.lower().split())
    if key in known:
        return known[key]
    words = key.split()
    gender = "unknown"
    if any(w in MALE_ROLE_NOUNS for w in words):
        gender = "male"
    elif any(w in FEMALE_ROLE_NOUNS for w in words):
        gender = "female"
    plural = bool(words) and (words[-1] in GROUP_NOUNS or (
        words[-1].endswith("s") and not words[-1].endswith("ss")))
    kind = "group" if plural else "unnamed"
    entity = Entity(id=len(ctx.entities), name=" ".join(description.split()), kind=kind,
                    gender=gender)
    ctx.entities.append(entity)
    known[key] = entity.id
    return entity.id


def _run(ctx: Context, sieves: tuple[tuple[str, Sieve], ...]) -> list[str | None]:
    """Run each sieve over the undecided quotations in order; record who decided.

    A decision can open the way for another (a dialogue turn needs the turn before
    it), so the sieves run again over what is still undecided, until nothing changes
    (at most ``_PASSES`` times), then once more with ``ctx.settling`` set, in which a
    sieve that was waiting for other decisions takes its best guess.
    """
    decided_by: list[str | None] = [None] * len(ctx.quotes)
    unnamed: dict[str, int] = {}
    # a quotation with no cue that reads as no one's words (a term, a scare quote) is
    # nothing any sieve decides: leave it out of every pass
    open_quotes = [i for i in range(len(ctx.quotes))
                   if not ctx.terms[i] and (ctx.cues[i] or ctx.speech_like[i])]
    for _ in range(_PASSES + 1):
        changed = False
        for name, sieve in sieves:
            for index in open_quotes:
                if ctx.decisions[index] is not None:
                    continue
                decision = sieve(ctx.quotes[index], ctx)
                if decision is None:
                    continue
                if decision.speaker is None and decision.description:
                    decision.speaker = _unnamed_entity(ctx, decision.description, unnamed)
                if decision.speaker is not None and decision.mention is not None:
                    _learn(ctx, decision)
                ctx.decisions[index] = decision
                if decision.speaker is not None and index < ctx.spoken.get(
                        decision.speaker, len(ctx.quotes)):
                    ctx.spoken[decision.speaker] = index
                decided_by[index] = name
                changed = True
        if not changed:
            if ctx.settling:
                break
            ctx.settling = True  # one last pass, in which no sieve waits any more
    return decided_by


def _learn(ctx: Context, decision: Decision) -> None:
    """What a decision teaches about its speaker: gender from a pronoun, a role."""
    assert decision.speaker is not None and decision.mention is not None
    entity = ctx.entities[decision.speaker]
    mention = decision.mention
    if mention.kind == "pronoun" and entity.gender == "unknown" and mention.gender != "unknown":
        entity.gender = mention.gender
    if mention.description and mention.kind == "name":
        role = mention.description.strip()
        if role not in entity.titles:
            entity.titles.append(role)
    if entity.kind == "unknown":
        entity.kind = "person"


def _speaker_models(ctx: Context, more: Iterable[Decision | None] = ()) -> dict[int, Speaker]:
    """The speakers of the quotations in order, then those of ``more`` (reported speech)."""
    order: dict[int, Speaker] = {}
    for decision in [*ctx.decisions, *more]:
        if decision is None or decision.speaker is None or decision.speaker in order:
            continue
        entity = ctx.entities[decision.speaker]
        order[decision.speaker] = Speaker(
            id=len(order), name=" ".join(entity.name.split()),
            kind=_SPEAKER_KIND.get(entity.kind, "person"),
            gender=entity.gender if entity.gender in ("male", "female") else "unknown",
            titles=tuple(dict.fromkeys(" ".join(t.split()) for t in entity.titles)),
            aliases=tuple(dict.fromkeys(" ".join(a.split()) for a in entity.aliases)),
        )
    return order


def _attribution(ctx: Context, index: int, name: str, decision: Decision,
                 who: Speakers) -> Attribution:
    """The provenance of quotation ``index``, with its measured confidence (``who``: the
    article's speakers, read once)."""
    return _stamp(ctx, name, decision,
                  confidence_of(decision_features(ctx, index, name, decision, who)))


def _stamp(ctx: Context, name: str, decision: Decision, confidence: float) -> Attribution:
    text = ctx.text
    cue = decision.cue
    mention = decision.mention
    # the short strings every quotation repeats ("said", "he", the rule) are shared
    return Attribution(
        sieve=name, rule=intern(decision.rule), confidence=round(confidence, 3),
        cue=Span(start=cue.start, end=cue.end) if cue is not None else None,
        cue_text=intern(text[cue.start:cue.end]) if cue is not None else None,
        mention=Mention(start=mention.start, end=mention.end,
                        text=intern(text[mention.start:mention.end]),
                        kind="pronoun" if mention.kind == "pronoun" else (
                            "description" if mention.kind == "description" else (
                                "organisation" if mention.mention is not None
                                and mention.mention.kind == "organisation" else "name")))
        if mention is not None else None,
        via=Span(start=decision.via[0], end=decision.via[1]) if decision.via else None,
        addressee=cue.addressee if cue is not None else None,
        candidates=tuple(ctx.entities[c].name for c in decision.candidates),
    )


def _quote_model(ctx: Context, span: QuoteSpan, speakers: dict[int, Speaker],
                 index: int | None, decided_by: str | None, who: Speakers) -> Quote:
    text = ctx.text
    nested = tuple(_quote_model(ctx, child, speakers, None, None, who)
                   for child in span.children)
    speaker = None
    attribution = None
    decision = ctx.decisions[index] if index is not None else None
    if index is not None and decision is not None and decided_by is not None:
        attribution = _attribution(ctx, index, decided_by, decision, who)
        if decision.speaker is not None:
            speaker = speakers[decision.speaker]
    return Quote(
        start=span.start, end=span.end, text=text[span.inner_start:span.inner_end],
        open_mark=intern(span.open_mark), closed=span.closed,
        close_mark=intern(span.close_mark) if span.close_mark is not None else None,
        paragraphs=span.paragraphs, nested=nested, speaker=speaker, attribution=attribution,
    )


def decide(text: str, *, sieves: Iterable[str] | None = None,
           lexicon: Lexicon | None = None) -> tuple[Context, list[str | None]]:
    """Analyse ``text`` and run the sieves: the context with every decision, and the
    name of the sieve that decided each quotation (``None`` where none did).

    What :func:`attribute` builds its result from; ``scripts/calibrate.py`` reads the
    decisions' features from it.

    >>> ctx, decided_by = decide("“Go,” said Ana Ruiz.")
    >>> decided_by, ctx.decisions[0].rule
    (['cue_adjacent'], 'quote-verb-name')
    """
    ctx = analyse(text, lexicon)
    decided_by = _run(ctx, _select(sieves))
    name_described_speakers(ctx)
    return ctx, decided_by


def _reported_models(ctx: Context, found: list[ReportedSpan],
                     speakers: dict[int, Speaker]) -> tuple[Reported, ...]:
    return tuple(
        Reported(start=item.start, end=item.end, text=ctx.text[item.start:item.end],
                 kind="mixed" if item.quotes else "indirect", quotes=item.quotes,
                 speaker=speakers[item.decision.speaker]
                 if item.decision.speaker is not None else None,
                 attribution=_stamp(ctx, item.reader, item.decision, confidence_of(
                     reported_features(ctx, item.reader, item.decision))))
        for item in found)


def attribute(text: str, *, sieves: Iterable[str] | None = None,
              reported: bool = False, lexicon: Lexicon | None = None) -> Result:
    """Find every quotation in ``text`` and name its speaker.

    ``sieves`` picks and orders the rules by name (default: all of
    :data:`quotecheck.sieves.DEFAULT_SIEVES`). The text is never changed: every
    offset points into the string you passed. ``reported`` also reads reported
    (indirect) speech into ``Result.reported`` (see :mod:`quotecheck.reported`).
    Speakers are named only in English text: in another language the quotations are
    found and ``Result.language`` is ``"other"`` (see :mod:`quotecheck.language`).
    ``lexicon`` extends the reporting verbs without editing the package
    (``Lexicon.default().with_cue_verbs("riff")``); the default is the package's.

    >>> r = attribute("“It was frank,” Wendy R. Sherman said. “Very frank,” Ms. Sherman added.")
    >>> [(q.text, q.speaker.name) for q in r.quotes]
    [('It was frank,', 'Wendy R. Sherman'), ('Very frank,', 'Wendy R. Sherman')]
    >>> attribute("")
    Result(text='', quotes=(), speakers=(), stray_marks=())
    """
    if not isinstance(text, str):
        raise TypeError(f"attribute() expects text as str, not {type(text).__name__}")
    chosen = None if sieves is None else tuple(sieves)
    _select(chosen)
    if not text:
        return Result(text=text)
    ctx, decided_by = decide(text, sieves=chosen, lexicon=lexicon)
    english = is_english(text, [(q.start, q.end) for q in ctx.quotes])
    if not english:  # the cues and names read are English: find quotations, name no one
        ctx.decisions = [None] * len(ctx.quotes)
        decided_by = [None] * len(ctx.quotes)
    found: list[ReportedSpan] = []
    if reported and english:
        from .reported import find_reported  # loaded on first use: import stays fast

        found = find_reported(ctx)
    if found:
        unnamed: dict[str, int] = {}
        for item in found:
            decision = item.decision
            if decision.speaker is None and decision.description:
                decision.speaker = _unnamed_entity(ctx, decision.description, unnamed)
    speakers = _speaker_models(ctx, (item.decision for item in found))
    who = Speakers(ctx)
    quotes = tuple(_quote_model(ctx, q, speakers, i, decided_by[i], who)
                   for i, q in enumerate(ctx.quotes))
    return Result(text=text, quotes=quotes, speakers=tuple(speakers.values()),
                  stray_marks=tuple(ctx.stray_marks),
                  reported=_reported_models(ctx, found, speakers),
                  language="en" if english else "other")
