"""``continuation``: a quotation with no cue of its own keeps the speaker who is talking."""

from __future__ import annotations

from ..quotes import QuoteSpan
from .base import Context, Decision
from .naming import decide_named
from .pronoun_carryover import resolve_pronoun

__all__ = ["continuation", "is_speech_like"]


def is_speech_like(quote: QuoteSpan, ctx: Context) -> bool:
    """Whether a cue-less quotation reads as someone's words rather than a term
    (see :func:`quotecheck.clauses.is_speech_like`, read once per quotation)."""
    return ctx.speech_like[ctx.position(quote)]


def continuation(quote: QuoteSpan, ctx: Context) -> Decision | None:
    """The same speaker keeps going.

    - ``continuing-cue``: a participle or colon carries on the last quotation
      (“…,” he said, adding: “…”);
    - ``previous-sentence-cue``: a quotation opens a sentence right after a sentence
      whose reporting clause named a speaker (…, said X. “…”);
    - ``same-paragraph``: an attributed quotation earlier in the paragraph;
    - ``next-paragraph``: a paragraph that is only a quotation, after a paragraph
      whose last quotation was attributed (and no conversation is alternating).

    >>> from quotecheck import attribute
    >>> r = attribute("“We won,” said Ana Ruiz. “Now we rest.”")
    >>> r.quotes[1].speaker.name, r.quotes[1].attribution.rule
    ('Ana Ruiz', 'same-paragraph')
    """
    index = ctx.position(quote)
    cue = ctx.primary_cue(index)
    if cue is not None and cue.place == "continuing":
        decision = _continue_from_previous(index, ctx, cue.rule)
        if decision is None:
            # no earlier quotation: the subject of the sentence carries the participle
            later = [c for c in ctx.cues[index] if c.subject is not None]
            if later:
                decision = decide_named(later[0], ctx, index)
        return decision
    if cue is not None and cue.place == "previous_sentence" and cue.subject is not None:
        if cue.subject.kind == "pronoun":
            resolved = resolve_pronoun(ctx, cue.subject.start, cue.subject.gender, index)
            if resolved is None:
                return None
            entity, antecedent, _ = resolved
            via = (antecedent.start, antecedent.end) if antecedent is not None else None
            return Decision(entity, cue.rule, cue=cue, mention=cue.subject, via=via)
        return decide_named(cue, ctx, index)
    if ctx.cues[index] or not is_speech_like(quote, ctx):
        return None  # a cue whose subject we could not read: no guessing
    paragraph = ctx.quote_paragraphs[index][0]
    previous = ctx.previous_decided(index)
    if previous is None:
        return None
    earlier, decision = previous
    if ctx.quote_paragraphs[earlier][1] == paragraph:
        return Decision(decision.speaker, "same-paragraph",
                        via=(ctx.quotes[earlier].start, ctx.quotes[earlier].end))
    return None


def _continue_from_previous(index: int, ctx: Context, rule: str) -> Decision | None:
    previous = ctx.previous_decided(index)
    if previous is None:
        return None
    earlier, decision = previous
    if ctx.quote_paragraphs[earlier][1] != ctx.quote_paragraphs[index][0]:
        return None
    return Decision(decision.speaker, rule,
                    via=(ctx.quotes[earlier].start, ctx.quotes[earlier].end))
