"""Shared helper: turn a cue whose subject is a name or description into a decision."""

from __future__ import annotations

from ..clauses import Cue, Subject
from ..entities import AMBIGUOUS, title_fits
from ..lexicon.titles import EPITHET_NOUNS, PERSON_NOUNS, ROLE_KINDS
from .base import Context, Decision
from .pronoun_carryover import resolve_pronoun

__all__ = ["decide_named"]


def _anaphoric(ctx: Context, subject: Subject, index: int,
               paragraph: int | None = None) -> tuple[int, int] | None:
    """The person a definite description first seen here points back to.

    News calls a person it has just named by an epithet: "Dani Costa scored the
    winner. “It is only three points,” the 24-year-old said." A description with
    "the" that introduces no one new (its first mention is this one) refers to the
    salient person of the sentence or the one before, when gender allows.
    """
    words = subject.text.lower().split()
    if len(words) < 2 or words[0] != "the" or not (
            words[-1] in PERSON_NOUNS or words[-1] in EPITHET_NOUNS
            or words[-1].endswith("-year-old")):
        return None  # "the Home Office letter" is no person
    mention = subject.mention
    if mention is not None and mention.entity >= 0:
        first = ctx.entities[mention.entity].mentions
        if first and ctx.analysis.mentions[first[0]].start < subject.start:
            return None  # introduced before: "a spokesman … the spokesman said"
    resolved = resolve_pronoun(ctx, subject.start, subject.gender, index, paragraph=paragraph)
    if resolved is None:
        return None
    entity, antecedent, rivals = resolved
    if antecedent is None or rivals or ctx.entities[entity].kind != "person":
        return None
    if not title_fits(ctx.entities[entity].titles, subject.text):
        return None  # "the president" is not Vice President Mendes
    if ctx.sentence_of(antecedent.start) < ctx.sentence_of(subject.start) - 3:
        return None
    return entity, antecedent.start


def _by_role(ctx: Context, subject: Subject) -> tuple[int, int] | None:
    """The one person named earlier with this role in apposition: "Maria Lopez, the
    city's chief engineer, …" and later "the engineer said" (her, not someone new)."""
    words = subject.text.split()
    if len(words) < 2 or words[0].lower() != "the":
        return None
    head = words[-1].lower()
    people = [person for person in ctx.analysis.by_role.get(head, ())
              or ctx.analysis.by_role.get(ROLE_KINDS.get(head, ""), ())
              if ctx.entities[person].mentions and ctx.analysis.mentions[
                  ctx.entities[person].mentions[0]].start < subject.start]
    if len(people) != 1:
        return None  # nobody, or two engineers: the description stays a description
    first = ctx.analysis.mentions[ctx.entities[people[0]].mentions[0]]
    return people[0], first.start


def decide_named(cue: Cue, ctx: Context, index: int,
                 paragraph: int | None = None) -> Decision | None:
    """A decision for a cue whose subject is a name or a description.

    A name that fits two people (two Smiths) gives an ambiguous decision with no
    speaker and both as candidates (or, when the article is far more about one, that one
    at a lower confidence and the other as a candidate); a definite description new to
    the text points back to the person just named (``the 24-year-old``); any other
    description gives an unnamed speaker.
    """
    subject = cue.subject
    if subject is None or subject.kind == "pronoun":
        return None
    if subject.kind == "name":
        entity = ctx.entity_of(subject)
        rivals = subject.mention.rivals if subject.mention is not None else ()
        if entity == AMBIGUOUS:
            return Decision(None, "name-ambiguous", cue=cue, mention=subject,
                            candidates=rivals)
        if entity is None:
            return None
        if rivals:  # a namesake settled by salience: likely, not certain
            return Decision(entity, cue.rule, cue=cue, mention=subject, candidates=rivals)
        return Decision(entity, cue.rule, cue=cue, mention=subject)
    anaphoric = _by_role(ctx, subject) or _anaphoric(ctx, subject, index, paragraph)
    if anaphoric is not None:
        entity, antecedent = anaphoric
        return Decision(entity, cue.rule, cue=cue, mention=subject,
                        via=(antecedent, antecedent))
    if subject.mention is not None and subject.mention.entity >= 0:
        return Decision(subject.mention.entity, cue.rule, cue=cue,
                        mention=subject)
    return Decision(None, cue.rule, cue=cue, mention=subject,
                    description=subject.description or subject.text)
