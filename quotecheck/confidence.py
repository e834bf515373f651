"""Measured confidence: how often a decision like this one names the right speaker.

A sieve says who spoke and by which rule; it does not say how sure it is. The runner
reads a few facts about the decision (:func:`decision_features`), and
:func:`confidence_of` looks them up in :data:`quotecheck.calibration_data.COUNTS`,
the counts of right and decided attributions that ``scripts/calibrate.py`` measured on
annotated news and fiction. The key is a path from coarse to fine (the sieve first, then
the features in the order that best tells right from wrong on held-out documents, which
the script chooses and records as ``KEY_ORDER``); a cell with few examples
leans toward the cell above it (Beta smoothing), and a path the data never saw backs
off to the longest prefix it did.

A confidence of 0.8 means: of the attributions made in this situation on the
development articles, about 8 in 10 named the right speaker.

>>> features = Features("cue_adjacent", "quote-verb-name", "news", "name", "none", "near",
...                     "full")
>>> 0.5 < confidence_of(features) <= 1.0
True
"""

from __future__ import annotations

from typing import NamedTuple

from .calibration_data import COUNTS, KEY_ORDER, PRIOR_WEIGHTS
from .clauses import Cue
from .sieves.base import Context, Decision

__all__ = ["FEATURE_NAMES", "Features", "confidence_of", "decision_features", "key_of",
           "share_at"]

# A word count at or under which a quotation is a fragment, not a remark.
_FRAGMENT_WORDS = 5
_FRAGMENT_CHARS = 120  # a quotation longer than this is no fragment: read no further
# How many sentences back the evidence may lie and still be near.
_NEAR_SENTENCES = 1


class Features(NamedTuple):
    """The facts a decision's confidence is read from, coarsest first."""

    sieve: str  # the sieve that decided
    rule: str  # the rule it matched
    register: str  # "dialogue" (fiction, transcripts) or "news"
    evidence: str  # what named the speaker: name, description, pronoun, linked, none
    rivals: str  # other people who fit, near the quotation: none, one, several
    distance: str  # the evidence lies in the quotation's sentence (near) or further (far)
    extent: str  # a full remark or a fragment of a few words


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
    """Whether the evidence (the antecedent, the earlier quotation, the cue) lies in the
    quotation's own sentence or the one before it."""
    cue: Cue | None = decision.cue
    if decision.via is not None:
        evidence = decision.via[0]
    elif cue is not None:
        evidence = cue.start
    else:
        return "far"
    first = ctx.quote_sentences[index][0]
    return "near" if first - ctx.sentence_of(evidence) <= _NEAR_SENTENCES else "far"


def _extent(ctx: Context, index: int) -> str:
    """A ``fragment`` of a few words, a ``partial`` quotation woven into the writer's
    sentence (a word, not a colon or comma, comes right before it), or a ``full`` one."""
    quote = ctx.quotes[index]
    inner = ctx.text[quote.inner_start:min(quote.inner_end, quote.inner_start + _FRAGMENT_CHARS)]
    if len(inner.split()) <= _FRAGMENT_WORDS:
        return "fragment"
    sentence = ctx.sentences[ctx.quote_sentences[index][0]][0]
    before = ctx.text[max(sentence, quote.start - 20):quote.start].rstrip()
    return "partial" if before and before[-1].isalnum() else "full"


def decision_features(ctx: Context, index: int, sieve: str, decision: Decision) -> Features:
    """The facts about one decision that its confidence is read from.

    >>> from quotecheck.pipeline import decide
    >>> ctx, decided_by = decide("“We will not retreat from this,” said Ana Ruiz.")
    >>> decision_features(ctx, 0, decided_by[0] or "", ctx.decisions[0])  # doctest: +ELLIPSIS
    Features(sieve='cue_adjacent', rule='quote-verb-name', register='news', evidence='name', ...)
    """
    return Features(
        sieve=sieve,
        rule=decision.rule,
        register="dialogue" if ctx.dialogue else "news",
        evidence=_evidence(decision),
        rivals=_rivals(ctx, index, decision),
        distance=_distance(ctx, index, decision),
        extent=_extent(ctx, index),
    )


def reported_features(ctx: Context, reader: str, decision: Decision) -> Features:
    """The facts about one attribution of reported speech that its confidence is read
    from: as a quotation's, with the rivals the engine itself found, the evidence always
    in the content's sentence and the content a whole clause.

    >>> from quotecheck.pipeline import decide
    >>> ctx, _ = decide("Ana Ruiz said that the city would not raise taxes.")
    >>> from quotecheck.sieves.base import Decision
    >>> reported_features(ctx, "reported_speech", Decision(None, "X-verb-content")).evidence
    'none'
    """
    rivals = set(decision.candidates) - {decision.speaker}
    return Features(
        sieve=reader,
        rule=decision.rule,
        register="dialogue" if ctx.dialogue else "news",
        evidence=_evidence(decision),
        rivals="none" if not rivals else ("one" if len(rivals) == 1 else "several"),
        distance="near",
        extent="full",
    )


def key_of(features: tuple[str, ...]) -> tuple[str, ...]:
    """The features in the table's key order (``KEY_ORDER``, the order in which they
    best tell right from wrong on held-out documents, coarsest first).

    >>> key_of(Features("cue_adjacent", "quote-verb-name", "news", "name", "none", "near",
    ...                 "full"))[0]
    'cue_adjacent'
    """
    values = dict(zip(FEATURE_NAMES, features, strict=False))
    return tuple(values[name] for name in KEY_ORDER if name in values)


def share_at(key: tuple[str, ...]) -> float:
    """The smoothed share of right attributions at ``key`` (features in key order).

    Walks the key from the coarsest prefix to the finest; each cell's share is pulled
    toward its parent's by ``PRIOR_WEIGHTS[depth - 1]`` pseudo-examples, and the walk
    stops at the first prefix the calibration data never saw.

    >>> share_at(("no-such-sieve", "no-such-rule")) == share_at(())
    True
    """
    right, decided = COUNTS.get((), (0, 0))
    share = (right + 1) / (decided + 2)
    for depth in range(1, len(key) + 1):
        cell = COUNTS.get(tuple(key[:depth]))
        if cell is None:
            break
        right, decided = cell
        weight = PRIOR_WEIGHTS[min(depth, len(PRIOR_WEIGHTS)) - 1]
        share = (right + weight * share) / (decided + weight)
    return share


def confidence_of(features: tuple[str, ...]) -> float:
    """The measured share of right attributions among decisions with these features
    (given in the order of :class:`Features`).

    >>> confidence_of(("no-such-sieve", "no-such-rule")) == share_at(())
    True
    """
    return share_at(key_of(features))
