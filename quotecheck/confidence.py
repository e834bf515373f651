"""Measured confidence: how often a decision like this one names the right speaker.

A sieve says who spoke and by which rule; it does not say how sure it is. The runner
reads facts about the decision (:func:`decision_features`: the sieve and rule, what
named the speaker, rival candidates, how far the evidence lies, a namesake, a turn with
no cue and the run of such turns before it, a speaker quoted once, a paragraph of
several speakers…), and :func:`confidence_of` reads their weights in
:data:`quotecheck.calibration_data.WEIGHTS`, which ``scripts/calibrate.py`` measured on
annotated news and fiction: one log-odds weight per value of each term (a feature, or
a pair of them), fitted together, each pulled toward nothing by a prior of
``calibration_data.PRIOR`` (chosen on held-out documents), so a value seen a few times
weighs little and one never seen weighs nothing: the rest of the situation stands for
it (the backoff).

A confidence of 0.8 means: of the attributions made in situations like this one on the
development articles, about 8 in 10 named the right speaker.

>>> features = Features("cue_adjacent", "quote-verb-name", "news", "name", "none", "same",
...                     "short", "none", "person", "cued", "unique", "few", "small", "one",
...                     "first")
>>> 0.9 < confidence_of(features) <= 1.0
True
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import NamedTuple

import regex

from .calibration_data import INTERCEPT, TERMS, WEIGHTS
from .clauses import Cue
from .lexicon.cues import SOURCE_PHRASES
from .sieves.base import Context, Decision

__all__ = ["FEATURE_NAMES", "Features", "Speakers", "confidence_of", "decision_features",
           "reported_features", "term_values"]

# Word counts at or under which a quotation is a fragment, a short or a medium remark.
_FRAGMENT_WORDS = 5
_SHORT_WORDS = 20
_MEDIUM_WORDS = 60
_LONG_CHARS = 480  # a quotation longer than this is long: read no further
# How many sentences back the evidence may lie and still be nearby.
_NEARBY_SENTENCES = 3
# Cue-less turns counted back (a run of this many or more is one value).
_LONG_RUN = 3
# Quotations each side whose speakers make the cast around a quotation.
_CAST_REACH = 8
# Quotations of one speaker up to which they are quoted "a few" times.
_FEW_TURNS = 3
# A source cited after the speaker's cue in the quotation's sentence (“…,” Ruiz said,
# according to the Daily Mail / Ruiz told the paper), looked for this far after it.
_CITED_REACH = 200
CITED_RE = regex.compile(r"\b(?:" + "|".join(
    regex.escape(phrase) for phrase in (*SOURCE_PHRASES, "reported", "told")) + r")\b")


class Features(NamedTuple):
    """The facts a decision's confidence is read from."""

    sieve: str  # the sieve that decided
    rule: str  # the rule it matched
    register: str  # "dialogue" (fiction, transcripts) or "news"
    evidence: str  # what named the speaker: name, description, pronoun, linked, none
    rivals: str  # other people who fit, near the quotation: none, one, several
    distance: str  # sentences back to the evidence: same, previous, nearby, far, none
    extent: str  # the quotation's length: fragment, short, medium, long
    source: str  # someone else credited in its clauses: other, cited, none
    kind: str  # the speaker: person, organisation, group, unnamed (a description), unknown
    run: str  # cued, or the number of cue-less turns right before this cue-less one
    namesake: str  # another person may bear the speaker's name: namesake, unique
    turns: str  # how often the speaker is quoted: once, few, many
    cast: str  # people speaking in the quotations around it: small, three, large
    mixed: str  # its paragraph quotes several speakers (mixed) or one
    first: str  # the speaker's first quotation (first) or a later one


FEATURE_NAMES: tuple[str, ...] = Features._fields


def _evidence(decision: Decision) -> str:
    """What the decision read the speaker from."""
    mention = decision.mention
    if mention is None:
        return "none"
    if mention.kind == "pronoun":
        return "pronoun"
    if decision.via is not None:
        return "linked"  # a description carried back to a name ("the 24-year-old")
    return "name" if mention.kind == "name" else "description"


# Names read for the rivals of a speaker: a sentence of a thousand names is not read on.
_RIVAL_MENTIONS = 64


def _rivals(ctx: Context, index: int, decision: Decision) -> str:
    """People other than the speaker named outside quotations from the sentence before
    the quotation to the end of its sentence, whose gender does not rule them out."""
    speaker = decision.speaker
    gender = ctx.entities[speaker].gender if speaker is not None else "unknown"
    first, last = ctx.quote_sentences[index]
    lo = ctx.sentences[max(0, first - 1)][0]
    hi = ctx.sentences[last][1]
    analysis = ctx.analysis
    others: set[int] = set(decision.candidates) - {speaker} if speaker is not None else set()
    mentions = analysis.mentions
    first_mention = analysis.before(lo)
    # (no slice, which would copy the rest; at most _RIVAL_MENTIONS names are read)
    for position in range(first_mention, min(len(mentions), first_mention + _RIVAL_MENTIONS)):
        mention = mentions[position]
        if mention.start >= hi or len(others) > 1:
            break  # (two are "several")
        entity = mention.entity
        if entity < 0 or entity == speaker or mention.in_quote:
            continue
        other = ctx.entities[entity]
        if other.kind not in ("person", "unknown"):
            continue
        if "unknown" not in (gender, other.gender) and gender != other.gender:
            continue
        others.add(entity)
    return "none" if not others else ("one" if len(others) == 1 else "several")


def _distance(ctx: Context, index: int, decision: Decision) -> str:
    """How many sentences back the evidence (the antecedent, the earlier quotation, the
    cue) lies: in the quotation's own sentence, the one before, two or three back, or
    further; ``none`` when the decision read no evidence (the one name of a paragraph)."""
    cue: Cue | None = decision.cue
    if decision.via is not None:
        evidence = decision.via[0]
    elif cue is not None:
        evidence = cue.start
    else:
        return "none"
    back = ctx.quote_sentences[index][0] - ctx.sentence_of(evidence)
    if back <= 0:
        return "same"
    return "previous" if back == 1 else ("nearby" if back <= _NEARBY_SENTENCES else "far")


def _extent(ctx: Context, index: int) -> str:
    """A ``fragment`` of a few words, a ``short`` remark, a ``medium`` or a ``long`` one
    (counted to a bound: a quotation of a thousand words is read no further)."""
    quote = ctx.quotes[index]
    inner = ctx.text[quote.inner_start:min(quote.inner_end, quote.inner_start + _LONG_CHARS)]
    words = len(inner.split())
    if words <= _FRAGMENT_WORDS:
        return "fragment"
    return "short" if words <= _SHORT_WORDS else ("medium" if words <= _MEDIUM_WORDS else "long")


def _source(ctx: Context, index: int, decision: Decision) -> str:
    """Whether the quotation's clauses credit someone else too: ``other`` when one of its
    cues names another person (“…,” Ruiz said, as Berg told reporters), ``cited`` when
    its sentence goes on to a source (“…,” Ruiz said, according to the Daily Mail), else
    ``none``. Gold annotation credits the source in both, so such speakers are less sure."""
    for cue in ctx.cues[index]:
        subject = cue.subject
        if subject is None or subject.kind == "pronoun":
            continue
        entity = ctx.entity_of(subject) if subject.kind == "name" else (
            subject.mention.entity if subject.mention is not None else None)
        if entity is not None and entity >= 0 and entity != decision.speaker:
            return "other"
    quote = ctx.quotes[index]
    end = ctx.sentences[ctx.quote_sentences[index][1]][1]
    if CITED_RE.search(ctx.text, quote.end, min(end, quote.end + _CITED_REACH)):
        return "cited"
    return "none"


def _run(ctx: Context, index: int) -> str:
    """A quotation with a cue of its own (``cued``), or how many turns with no cue come
    right before this one with none (``0`` … ``3``): the longer the run, the likelier
    the count of turns has slipped."""
    if ctx.cues[index]:
        return "cued"
    run, paragraph = 0, ctx.quote_paragraphs[index][0]
    earlier = index - 1
    while earlier >= 0 and run < _LONG_RUN and not ctx.cues[earlier] \
            and ctx.quote_paragraphs[earlier][0] >= paragraph - run - 1:
        run += 1
        earlier -= 1
    return str(run)


def _namesake(decision: Decision) -> str:
    """Whether another person may bear the speaker's name (the engine's candidates, or
    namesakes of the mention that named the speaker)."""
    mention = decision.mention
    if decision.candidates or (mention is not None and mention.mention is not None
                               and mention.mention.rivals):
        return "namesake"
    return "unique"


class Speakers:
    """Who spoke where, read once per article: each speaker's number of quotations and
    first quotation, and the speakers of each paragraph (what :func:`decision_features`
    reads about the other decisions, without a pass over all of them per quotation).

    >>> from quotecheck.pipeline import decide
    >>> ctx, _ = decide("“Go,” said Ana Ruiz. “Now,” said Tom Berg.")
    >>> speakers = Speakers(ctx)
    >>> speakers.turns[ctx.decisions[0].speaker], speakers.by_paragraph[0] > 1
    (1, True)
    """

    __slots__ = ("by_paragraph", "first", "turns")

    def __init__(self, ctx: Context) -> None:
        self.turns: dict[int, int] = {}
        self.first: dict[int, int] = {}
        paragraphs: dict[int, set[int]] = {}
        for index, decision in enumerate(ctx.decisions):
            if decision is None or decision.speaker is None:
                continue
            speaker = decision.speaker
            self.turns[speaker] = self.turns.get(speaker, 0) + 1
            self.first.setdefault(speaker, index)
            paragraphs.setdefault(ctx.quote_paragraphs[index][0], set()).add(speaker)
        self.by_paragraph = {paragraph: len(found) for paragraph, found in paragraphs.items()}


def _cast(ctx: Context, index: int) -> str:
    """How many people speak in the quotations around this one: a ``small`` cast of
    one or two, ``three``, or a ``large`` one."""
    lo, hi = max(0, index - _CAST_REACH), min(len(ctx.decisions), index + _CAST_REACH + 1)
    people = {d.speaker for d in ctx.decisions[lo:hi] if d is not None and d.speaker is not None}
    return "small" if len(people) <= 2 else ("three" if len(people) == 3 else "large")


def _turns(count: int) -> str:
    """A speaker quoted ``once``, a ``few`` times (up to three) or ``many`` times."""
    return "once" if count <= 1 else ("few" if count <= _FEW_TURNS else "many")


def decision_features(ctx: Context, index: int, sieve: str, decision: Decision,
                      speakers: Speakers | None = None) -> Features:
    """The facts about one decision that its confidence is read from (``speakers``, the
    article's :class:`Speakers`, is read once per article by a caller that scores many).

    >>> from quotecheck.pipeline import decide
    >>> ctx, decided_by = decide("“We will not retreat from this,” said Ana Ruiz.")
    >>> decision_features(ctx, 0, decided_by[0] or "", ctx.decisions[0])  # doctest: +ELLIPSIS
    Features(sieve='cue_adjacent', rule='quote-verb-name', register='news', evidence='name', ...)
    """
    speakers = speakers if speakers is not None else Speakers(ctx)
    speaker = decision.speaker
    kind = ctx.entities[speaker].kind if speaker is not None else "none"
    return Features(
        sieve=sieve,
        rule=decision.rule,
        register="dialogue" if ctx.dialogue else "news",
        evidence=_evidence(decision),
        rivals=_rivals(ctx, index, decision),
        distance=_distance(ctx, index, decision),
        extent=_extent(ctx, index),
        source=_source(ctx, index, decision),
        kind=kind,
        run=_run(ctx, index),
        namesake=_namesake(decision),
        turns=_turns(speakers.turns.get(speaker, 0)) if speaker is not None else "none",
        cast=_cast(ctx, index),
        mixed="mixed" if speakers.by_paragraph.get(ctx.quote_paragraphs[index][0], 0) > 1
        else "one",
        first="first" if speaker is not None and speakers.first.get(speaker) == index
        else "later",
    )


def reported_features(ctx: Context, reader: str, decision: Decision) -> Features:
    """The facts about one attribution of reported speech that its confidence is read
    from: as a quotation's, with the rivals the engine itself found, the evidence always
    in the content's sentence, and ``reported`` for the facts only quotations have.

    >>> from quotecheck.pipeline import decide
    >>> ctx, _ = decide("Ana Ruiz said that the city would not raise taxes.")
    >>> from quotecheck.sieves.base import Decision
    >>> reported_features(ctx, "reported_speech", Decision(None, "X-verb-content")).evidence
    'none'
    """
    rivals = set(decision.candidates) - {decision.speaker}
    speaker = decision.speaker
    return Features(
        sieve=reader,
        rule=decision.rule,
        register="dialogue" if ctx.dialogue else "news",
        evidence=_evidence(decision),
        rivals="none" if not rivals else ("one" if len(rivals) == 1 else "several"),
        distance="same",
        extent="reported",
        source="reported",
        kind=ctx.entities[speaker].kind if speaker is not None else "none",
        run="reported",
        namesake=_namesake(decision),
        turns="reported",
        cast="reported",
        mixed="reported",
        first="reported",
    )


def term_values(features: Features) -> Iterator[tuple[str, str]]:
    """The table's key for each term of ``features``: a feature's name and value, or, for
    a term of two features (``sieve+evidence``), both names and both values.

    >>> dict(term_values(Features("cue_adjacent", "quote-verb-name", "news", "name",
    ...      *["none"] * 11)))["sieve+evidence"]
    'cue_adjacent+name'
    """
    for term in TERMS:
        yield "+".join(term), "+".join(getattr(features, name) for name in term)


def confidence_of(features: Features) -> float:
    """The measured chance that a decision with these features names the right speaker:
    the log-odds of the table's ``INTERCEPT`` plus the weight of each of its terms' values
    (a value the data never saw weighs nothing: the rest of the situation stands for it).

    >>> unseen = Features(*["unheard-of"] * len(FEATURE_NAMES))
    >>> confidence_of(unseen) == 1 / (1 + math.exp(-INTERCEPT))
    True
    """
    odds = INTERCEPT
    for key in term_values(features):
        cell = WEIGHTS.get(key)
        if cell is not None:
            odds += cell[0]
    return 1.0 / (1.0 + math.exp(-odds))
