"""``pronoun_carryover``: “…,” he said → the most salient earlier person of that gender."""

from __future__ import annotations

from ..entities import NameMention
from ..quotes import QuoteSpan
from .base import Context, Decision

__all__ = ["pronoun_carryover", "resolve_pronoun"]

# How far back a pronoun looks: paragraphs, and name mentions at most.
_PARAGRAPHS_BACK = 3
_MENTIONS_BACK = 40


def _compatible(ctx: Context, entity: int, gender: str, plural: bool) -> bool:
    if entity < 0:
        return False
    candidate = ctx.entities[entity]
    if plural:
        return candidate.kind in ("organisation", "group")
    if candidate.kind not in ("person", "unknown"):
        return False
    if candidate.kind == "unknown" and not _has_spoken(ctx, entity):
        return False
    return candidate.gender in ("unknown", gender) or gender == "unknown"


def _has_spoken(ctx: Context, entity: int) -> bool:
    return any(d is not None and d.speaker == entity for d in ctx.decisions)


def resolve_pronoun(ctx: Context, position: int, gender: str, index: int,
                    plural: bool = False) -> tuple[int, NameMention | None, tuple[int, ...]] | None:
    """The entity a pronoun at ``position`` most likely refers to.

    Walks back over the names before ``position`` (outside quotations, within a few
    paragraphs). The first compatible name points at its sentence; the subject of
    that sentence (its first compatible name) wins, unless the last speaker is named
    in that sentence too. Returns ``(entity, antecedent mention, rivals)``.
    """
    analysis = ctx.analysis
    paragraph = ctx.quote_paragraphs[index][0]
    lowest = ctx.paragraphs[max(0, paragraph - _PARAGRAPHS_BACK)][0]
    last = ctx.previous_decided(index)
    last_speaker = last[1].speaker if last is not None else None
    if last is not None and ctx.quotes[last[0]].start < lowest:
        last_speaker = None
    found: NameMention | None = None
    cursor = analysis.before(position) - 1
    steps = 0
    while cursor >= 0 and steps < _MENTIONS_BACK:
        mention = analysis.mentions[cursor]
        if mention.start < lowest:
            break
        if not mention.in_quote and _compatible(ctx, mention.entity, gender, plural):
            found = mention
            break
        cursor -= 1
        steps += 1
    if found is None:
        if last_speaker is not None and _compatible(ctx, last_speaker, gender, plural):
            return last_speaker, None, ()
        return None
    sentence = ctx.sentences[ctx.sentence_of(found.start)]
    in_sentence: list[NameMention] = []
    cursor = analysis.before(sentence[0])
    while cursor < len(analysis.mentions) and analysis.mentions[cursor].start < min(
            sentence[1], position):
        mention = analysis.mentions[cursor]
        if not mention.in_quote and _compatible(ctx, mention.entity, gender, plural):
            in_sentence.append(mention)
        cursor += 1
    entities = [m.entity for m in in_sentence] or [found.entity]
    if last_speaker is not None and last_speaker in entities:
        chosen = last_speaker
    else:
        chosen = entities[0]
    antecedent = next((m for m in in_sentence if m.entity == chosen), found)
    rivals = tuple(sorted({e for e in entities if e != chosen}))
    return chosen, antecedent, rivals


def pronoun_carryover(quote: QuoteSpan, ctx: Context) -> Decision | None:
    """A pronoun beside a reporting verb names the most salient earlier person.

    Salience: a name in the same or an earlier sentence, of a matching gender
    (from honorifics, roles and pronouns already linked), preferring the subject of
    its sentence and the last speaker. Without a named antecedent the quotation has
    no speaker: a speaker is never a bare pronoun.

    >>> from quotecheck import attribute
    >>> r = attribute("Ms. Ana Ruiz spoke first. “We will rebuild,” she said.")
    >>> r.quotes[0].speaker.name, r.quotes[0].attribution.rule
    ('Ana Ruiz', 'quote-verb-pronoun')
    """
    index = ctx.position(quote)
    cue = ctx.primary_cue(index)
    if cue is None or cue.subject is None or cue.subject.kind != "pronoun":
        return None
    subject = cue.subject
    word = subject.text.lower()
    if word == "it":
        return None
    resolved = resolve_pronoun(ctx, subject.start, subject.gender, index, plural=word == "they")
    if resolved is None:
        return None
    entity, antecedent, rivals = resolved
    via = (antecedent.start, antecedent.end) if antecedent is not None else None
    confidence = 0.8 if not rivals else 0.5
    return Decision(entity, cue.rule, confidence, cue=cue, mention=subject, via=via,
                    candidates=rivals)
