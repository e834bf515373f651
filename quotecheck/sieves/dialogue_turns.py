"""``dialogue_turns``: a paragraph that is only a quotation continues or answers."""

from __future__ import annotations

from ..quotes import QuoteSpan
from .base import Context, Decision
from .continuation import is_speech_like

__all__ = ["dialogue_turns", "last_speaker_in_paragraph"]


def last_speaker_in_paragraph(ctx: Context, paragraph: int, before: int) -> int | None:
    """Index of the last quotation before ``before`` that sits in ``paragraph`` and has
    a speaker, or ``None``."""
    for earlier in range(before - 1, max(-1, before - 20), -1):
        first, last = ctx.quote_paragraphs[earlier]
        if last < paragraph:
            return None
        decision = ctx.decisions[earlier]
        if first <= paragraph <= last and decision is not None and decision.speaker is not None:
            return earlier
    return None


def dialogue_turns(quote: QuoteSpan, ctx: Context) -> Decision | None:
    """A cue-less paragraph that opens with a quotation: the talk goes on.

    After a paragraph whose last quotation was attributed to X, the same X keeps
    talking (``next-paragraph``), unless the two paragraphs before were a
    conversation between Y and X, in which case it is Y's turn (``alternation``).

    >>> from quotecheck import attribute
    >>> text = "“Seventeen years,” said Ambassador Ana Ruiz.\\n\\n“They represent our hopes.”"
    >>> r = attribute(text)
    >>> r.quotes[1].speaker.name, r.quotes[1].attribution.rule
    ('Ana Ruiz', 'next-paragraph')
    """
    index = ctx.position(quote)
    if ctx.cues[index] or not is_speech_like(quote, ctx):
        return None
    paragraph = ctx.quote_paragraphs[index][0]
    if paragraph == 0 or quote.start != ctx.paragraphs[paragraph][0]:
        return None
    previous = last_speaker_in_paragraph(ctx, paragraph - 1, index)
    if previous is None:
        return None
    speaker = ctx.decisions[previous]
    assert speaker is not None
    via = (ctx.quotes[previous].start, ctx.quotes[previous].end)
    previous_opens = ctx.quotes[previous].start == ctx.paragraphs[paragraph - 1][0] or any(
        ctx.quotes[i].start == ctx.paragraphs[paragraph - 1][0] for i in range(
            max(0, previous - 3), previous))
    if paragraph >= 2 and previous_opens:
        before = last_speaker_in_paragraph(ctx, paragraph - 2, previous)
        other = ctx.decisions[before] if before is not None else None
        if other is not None and other.speaker is not None and other.speaker != speaker.speaker:
            return Decision(other.speaker, "alternation", 0.55,
                            via=(ctx.quotes[before].start, ctx.quotes[before].end))  # type: ignore[index]
    return Decision(speaker.speaker, "next-paragraph", 0.65, via=via)
