"""``dialogue_turns``: a paragraph that is only a quotation continues or answers."""

from __future__ import annotations

from ..lexicon.titles import ADDRESS_TERMS
from ..lexicon.words import INTERJECTIONS
from ..quotes import QuoteSpan
from .base import Context, Decision
from .continuation import is_speech_like
from .conversation import (
    PARTNER_PARAGRAPHS,
    addressed_group,
    addressee_of,
    called_by_name,
    last_speaker_in_paragraph,
    partner_of,
)

__all__ = ["dialogue_turns"]

# Rules that give a quotation to someone the narration just brought in.
_NARRATED = frozenset(["previous-paragraph-name", "previous-paragraph-subject"])
# A quotation-only paragraph shorter than this many words is a conversational turn.
_TURN_WORDS = 30
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
    if quote.start != ctx.paragraphs[paragraph][0]:
        return None
    addressed = _addressed_next(ctx, index, paragraph)
    if addressed is not None:
        entity, evidence = addressed
        return Decision(entity, "addressed-next", via=(evidence, evidence))
    if paragraph == 0:
        return None
    called = called_by_name(ctx, index, -1)
    if called is not None:
        # “Amory.”: a turn that only calls someone is the other side of their talk
        partner = partner_of(ctx, paragraph, index, called[0])
        if partner is not None:
            return Decision(partner[0], "calls-partner", via=(partner[1], partner[1]))
    previous = last_speaker_in_paragraph(ctx, paragraph - 1, index)
    if previous is None:
        return None
    decision = ctx.decisions[previous]
    if decision is None or decision.speaker is None:
        return None
    return _next_turn(ctx, quote, index, paragraph, previous, decision, decision.speaker)


def _next_turn(ctx: Context, quote: QuoteSpan, index: int, paragraph: int, previous: int,
               decision: Decision, speaker: int) -> Decision | None:
    """After X's turn (``decision``, for ``speaker``): X's partner answers, or X goes on."""
    via = (ctx.quotes[previous].start, ctx.quotes[previous].end)
    words = len(ctx.text[quote.inner_start:quote.inner_end].split())
    if (ctx.dialogue and (_bare_turn_near(ctx, index, paragraph) or _asks(ctx, previous))) or (
            words < _TURN_WORDS and _in_conversation(ctx, previous, paragraph)):
        if decision.rule in _NARRATED and not _asks(ctx, previous) \
                and addressee_of(ctx, previous, speaker) is None \
                and not _sounds_like_a_reply(ctx, index):
            # "Santoro sat alone at the table. ¶ “We stopped playing.” ¶ “I won't blame
            # the umpires.”": someone the narration brought in goes on
            return Decision(speaker, "next-paragraph", via=via)
        group = addressed_group(ctx, previous)
        if group is not None and ctx.entities[speaker].name.lower() != group:
            # “How much, gentlemen?” ¶ “Five hundred.”: one of the group answers
            return Decision(None, "alternation", via=via, description=group)
        partner = partner_of(ctx, paragraph, index, speaker)
        if partner is not None:
            entity, evidence = partner
            return Decision(entity, "alternation", via=(evidence, evidence))
        if not ctx.settling and _undecided_before(ctx, index, paragraph):
            return None  # a partner may yet be found: wait for the next pass
    return Decision(speaker, "next-paragraph", via=via)


def _addressed_next(ctx: Context, index: int, paragraph: int) -> tuple[int, int] | None:
    """“You naughty boy!” ¶ “Hulloa, Emma!” he said: the answer names whom it answers,
    so Emma spoke the turn before. Returns ``(entity, position of the name)``."""
    answer = index + 1
    if answer >= len(ctx.quotes) or ctx.quote_paragraphs[answer][0] != paragraph + 1:
        return None
    decision = ctx.decisions[answer]
    speaker = decision.speaker if decision is not None and decision.speaker is not None else -1
    addressed = addressee_of(ctx, answer, speaker)
    if addressed is None or addressed[0] == speaker:
        return None
    return addressed


def _bare_turn_near(ctx: Context, index: int, paragraph: int) -> bool:
    """Whether the quotation is in a run of turns: it, or a quotation in one of the two
    paragraphs before it, has no reporting clause at all. (A news article with a short
    exchange late on stays news everywhere else.)"""
    if not ctx.cues[index]:
        for earlier in range(index - 1, max(-1, index - 8), -1):
            first = ctx.quote_paragraphs[earlier][0]
            if first < paragraph - 2:
                break
            if first < paragraph and not ctx.cues[earlier] and ctx.speech_like[earlier]:
                return True
    return False


def _undecided_before(ctx: Context, index: int, paragraph: int) -> bool:
    """Whether a quotation in the paragraphs a partner is looked for in is undecided."""
    lowest = paragraph - PARTNER_PARAGRAPHS
    for earlier in range(index - 1, max(-1, index - 20), -1):
        if ctx.quote_paragraphs[earlier][0] < lowest:
            break
        if ctx.decisions[earlier] is None and ctx.speech_like[earlier] \
                and not ctx.terms[earlier]:
            return True
    return False


def _sounds_like_a_reply(ctx: Context, turn: int) -> bool:
    """“Oh, I am glad.”, “Very well, sir.”: a turn that opens with an interjection or
    addresses someone with a word of address answers somebody."""
    quote = ctx.quotes[turn]
    words = ctx.text[quote.inner_start:min(quote.inner_end, quote.inner_start + 200)].split()
    if not words:
        return False
    if words[0].strip(",.!?;:—–-").lower() in INTERJECTIONS:
        return True
    return any(w.strip(",.!?;:—–-").lower() in ADDRESS_TERMS and (
        w[-1:] in ",.!?" and number > 0 and words[number - 1].endswith(",")
        or number == 0 and w.endswith(",")) for number, w in enumerate(words))


def _asks(ctx: Context, turn: int) -> bool:
    quote = ctx.quotes[turn]
    return ctx.text[quote.inner_start:quote.inner_end].rstrip(" ,.!—–-").endswith("?")


def _one_sentence(ctx: Context, turn: int) -> bool:
    """Whether the quotation ``turn`` is one sentence: no stop inside it is followed by
    a capital (its first 400 characters: a bound for hostile input).

    >>> from quotecheck import attribute
    >>> text = ("Tomas Reyes sat beside her.\\n\\n“We lost. Are we finished?” Ana Ruiz"
    ...         " asked.\\n\\n“We fight on.”")
    >>> attribute(text).quotes[1].speaker.name
    'Ana Ruiz'
    """
    quote = ctx.quotes[turn]
    words = ctx.text[quote.inner_start:min(quote.inner_end, quote.inner_start + 400)].split()
    return not any(word[-1:] in ".!?" and following[:1].isupper()
                   for word, following in zip(words, words[1:], strict=False))


def _in_conversation(ctx: Context, previous: int, paragraph: int) -> bool:
    """Whether the turn before belongs to an exchange rather than a speech going on.

    It does when it asks a question, addresses someone by name, or answers the
    question asked in the paragraph before it. (In news, a quotation-only paragraph
    after a speaker's words is that speaker going on, even after other speakers'
    turns.)
    """
    if _asks(ctx, previous) and (ctx.dialogue or _one_sentence(ctx, previous)):
        return True  # (in news, “…. Are they small?” ends a speech on its own question)
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
