"""``dialogue_turns``: a paragraph that is only a quotation continues or answers."""

from __future__ import annotations

from ..quotes import QuoteSpan
from .base import Context, Decision
from .continuation import is_speech_like

__all__ = ["addressee_of", "dialogue_turns", "last_speaker_in_paragraph"]

# A quotation-only paragraph shorter than this many words is a conversational turn.
_TURN_WORDS = 30
# At most this many names are read around a turn (a bound for hostile input).
_MENTIONS = 60
# How many paragraphs back the other side of a conversation is looked for.
_PARTNER_PARAGRAPHS = 9


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


def _partner(ctx: Context, paragraph: int, index: int, speaker: int) -> tuple[int, int] | None:
    """The other side of a conversation with ``speaker``: whom the speaker addressed by
    name (“Good night, Sir John”), else the last other speaker in the paragraphs just
    before, else the last other person named there. Returns ``(entity, position of the
    evidence)``."""
    turn = last_speaker_in_paragraph(ctx, paragraph - 1, index)
    addressed = addressee_of(ctx, turn, speaker) if turn is not None else None
    if addressed is not None:
        return addressed
    for back in range(2, _PARTNER_PARAGRAPHS):
        if paragraph - back < 0:
            break
        earlier = last_speaker_in_paragraph(ctx, paragraph - back, index)
        if earlier is not None:
            decision = ctx.decisions[earlier]
            if decision is not None and decision.speaker is not None \
                    and decision.speaker != speaker:
                return decision.speaker, ctx.quotes[earlier].start
    analysis = ctx.analysis
    lowest = ctx.paragraphs[max(0, paragraph - 3)][0]
    cursor = analysis.before(ctx.quotes[index].start) - 1
    stop = max(-1, cursor - _MENTIONS)
    while cursor > stop and analysis.mentions[cursor].start >= lowest:
        mention = analysis.mentions[cursor]
        entity = mention.entity
        if not mention.in_quote and entity >= 0 and entity != speaker \
                and ctx.entities[entity].kind in ("person", "unnamed"):
            return entity, mention.start
        cursor -= 1
    return None


def addressee_of(ctx: Context, turn: int, speaker: int,
                 loose: bool = False) -> tuple[int, int] | None:
    """A name the quotation ``turn`` addresses, set off by commas at the start, early
    on or at the end of the words: “Harry, you must…”, “I think, Watson, that…” or
    “…, Katharine?”. ``loose`` also accepts a single capitalised word never seen
    speaking (good enough to name a described speaker, not to pick a partner)."""
    quote = ctx.quotes[turn]
    text = ctx.text
    if len(text[quote.inner_start:quote.inner_end].split()) < 3:
        return None  # “Pip, sir.”: as likely a name given in answer as one addressed
    analysis = ctx.analysis
    cursor = analysis.before(quote.inner_start)
    stop = min(len(analysis.mentions), cursor + _MENTIONS)
    while cursor < stop and analysis.mentions[cursor].start < quote.inner_end:
        mention = analysis.mentions[cursor]
        cursor += 1
        if mention.entity < 0 or mention.entity == speaker or mention.kind == "description":
            continue
        kind = ctx.entities[mention.entity].kind
        if kind != "person" and not (loose and kind == "unknown") \
                and not ctx.spoke_before(mention.entity, turn):
            continue  # “Trafalgar, mother.”: a place is nobody to answer
        before = text[max(quote.inner_start, mention.start - 2):mention.start]
        after = text[mention.end:mention.end + 1]
        at_start = mention.start == quote.inner_start
        at_end = quote.inner_end - mention.end <= 1
        early = len(text[quote.inner_start:mention.start].split()) <= 5
        if (at_start and after == ",") or (before.endswith(", ") and (
                after in (".", "?", "!") or (after == "," and (at_end or early)))):
            return mention.entity, mention.start
    return None


def dialogue_turns(quote: QuoteSpan, ctx: Context) -> Decision | None:
    """A cue-less paragraph that opens with a quotation: the talk goes on.

    After a paragraph whose last quotation was attributed to X, a long quotation is
    X going on (``next-paragraph``, as news continues a speaker's words); a short
    one is a turn in a conversation, so it goes to X's partner, the other speaker
    of the paragraphs just before (``alternation``).

    >>> from quotecheck import attribute
    >>> text = ("“Seventeen years,” said Ambassador Ana Ruiz.\\n\\n“They represent our hopes and"
    ...         " our resilience despite a conflict that has lasted for all of their lives, and"
    ...         " nothing will stop them now.”")
    >>> r = attribute(text)
    >>> r.quotes[1].speaker.name, r.quotes[1].attribution.rule
    ('Ana Ruiz', 'next-paragraph')
    >>> r = attribute("“Is it far?” asked John Hale.\\n\\n“Not far,” said Mary Cole.\\n\\n“Good.”")
    >>> r.quotes[2].speaker.name, r.quotes[2].attribution.rule
    ('John Hale', 'alternation')
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
    decision = ctx.decisions[previous]
    if decision is None or decision.speaker is None:
        return None
    via = (ctx.quotes[previous].start, ctx.quotes[previous].end)
    words = len(ctx.text[quote.inner_start:quote.inner_end].split())
    if ctx.dialogue or (words < _TURN_WORDS and _in_conversation(ctx, previous, paragraph)):
        partner = _partner(ctx, paragraph, index, decision.speaker)
        if partner is not None:
            entity, evidence = partner
            return Decision(entity, "alternation", 0.5, via=(evidence, evidence))
        if not ctx.settling and _undecided_before(ctx, index, paragraph):
            return None  # a partner may yet be found: wait for the next pass
    return Decision(decision.speaker, "next-paragraph", 0.65, via=via)


def _undecided_before(ctx: Context, index: int, paragraph: int) -> bool:
    """Whether a quotation in the paragraphs a partner is looked for in is undecided."""
    lowest = paragraph - _PARTNER_PARAGRAPHS
    for earlier in range(index - 1, max(-1, index - 20), -1):
        if ctx.quote_paragraphs[earlier][0] < lowest:
            break
        if ctx.decisions[earlier] is None and ctx.speech_like[earlier] \
                and not ctx.terms[earlier]:
            return True
    return False


def _asks(ctx: Context, turn: int) -> bool:
    quote = ctx.quotes[turn]
    return ctx.text[quote.inner_start:quote.inner_end].rstrip(" ,.!—–-").endswith("?")


def _in_conversation(ctx: Context, previous: int, paragraph: int) -> bool:
    """Whether the turn before belongs to an exchange rather than a speech going on.

    It does when it asks a question, addresses someone by name, or answers the
    question asked in the paragraph before it. (In news, a quotation-only paragraph
    after a speaker's words is that speaker going on, even after other speakers'
    turns.)
    """
    if _asks(ctx, previous):
        return True
    decision = ctx.decisions[previous]
    if decision is None or decision.speaker is None:
        return False
    if addressee_of(ctx, previous, decision.speaker) is not None:
        return True
    if paragraph < 2:
        return False
    asked = last_speaker_in_paragraph(ctx, paragraph - 2, previous)
    if asked is None or not _asks(ctx, asked):
        return False
    other = ctx.decisions[asked]
    return other is not None and other.speaker is not None and other.speaker != decision.speaker
