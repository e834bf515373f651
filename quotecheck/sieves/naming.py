"""Shared helper: turn a cue whose subject is a name or description into a decision."""

from __future__ import annotations

from ..clauses import Cue
from ..entities import AMBIGUOUS
from .base import Context, Decision

__all__ = ["decide_named"]


def decide_named(cue: Cue, ctx: Context, confidence: float) -> Decision | None:
    """A decision for a cue whose subject is a name or a description.

    A name that fits two people (two Smiths) gives an ambiguous decision with no
    speaker; a description with no name gives an unnamed speaker.
    """
    subject = cue.subject
    if subject is None or subject.kind == "pronoun":
        return None
    if subject.kind == "name":
        entity = ctx.entity_of(subject)
        if entity == AMBIGUOUS:
            return Decision(None, "name-ambiguous", 0.2, cue=cue, mention=subject)
        if entity is None:
            return None
        return Decision(entity, cue.rule, confidence, cue=cue, mention=subject)
    if subject.mention is not None and subject.mention.entity >= 0:
        return Decision(subject.mention.entity, cue.rule, confidence * 0.9, cue=cue,
                        mention=subject)
    return Decision(None, cue.rule, confidence * 0.9, cue=cue, mention=subject,
                    description=subject.description or subject.text)
