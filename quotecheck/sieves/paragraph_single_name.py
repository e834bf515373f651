"""``paragraph_single_name``: the only person named around a cue-less quotation."""

from __future__ import annotations

from ..quotes import QuoteSpan
from .base import Context, Decision
from .continuation import is_speech_like
from .conversation import addresses, people_named

__all__ = ["paragraph_single_name"]

def paragraph_single_name(quote: QuoteSpan, ctx: Context) -> Decision | None:
    """A cue-less quotation whose paragraph names one person only: that person spoke.

    Also a quotation that opens a paragraph right after a paragraph with no
    quotation that names exactly one person (Jones took the podium. ¶ “…”).
    Speculative: low confidence.

    >>> from quotecheck import attribute
    >>> r = attribute("Why did Kiara Perkins come? “It is Warhol. He is a legend.”")
    >>> r.quotes[0].speaker.name, r.quotes[0].attribution.rule
    ('Kiara Perkins', 'single-name')
    """
    index = ctx.position(quote)
    if ctx.cues[index] or not is_speech_like(quote, ctx):
        return None
    paragraph = ctx.quote_paragraphs[index][0]
    lo, hi = ctx.paragraphs[paragraph]
    people = people_named(ctx, lo, quote.start)
    if len(people) == 1:
        if addresses(ctx, index, people[0]):
            return None  # “Amory.” calls Amory: somebody else speaks
        _, sentence_end = ctx.sentences[ctx.sentence_of(quote.start)]
        if any(person != people[0]
               for person in people_named(ctx, quote.end, max(quote.end, sentence_end))):
            return None  # Ruiz “…” last year, said Ana Lorrin: the name is only the topic
        return Decision(people[0], "single-name")
    if people or quote.start != lo or paragraph == 0:
        return None
    previous_lo, previous_hi = ctx.paragraphs[paragraph - 1]
    if index > 0 and ctx.quotes[index - 1].end > previous_lo and not ctx.terms[index - 1] \
            and (ctx.dialogue or ctx.speech_like[index - 1]):
        # the previous paragraph holds a quotation: dialogue_turns decides (in news, a
        # phrase quoted in the narration is no turn: What “go” means was unclear, ¶ “…”)
        return None
    people = people_named(ctx, previous_lo, previous_hi)
    if len(people) == 1:
        if _described_subject(ctx, previous_hi):
            return None  # "The clerk began by saying that Mrs. Ortiz …"
        if addresses(ctx, index, people[0]):
            return None  # “Amory.” calls Amory: somebody else speaks
        if any(person != people[0] for person in people_named(ctx, quote.end, hi)):
            return None  # “…,” Ana Lorrin's deputy said: the paragraph names its own
        return Decision(people[0], "previous-paragraph-name")
    if not people and _question(ctx, previous_lo, previous_hi):
        return _interviewee(ctx, index, paragraph)
    return None


def _described_subject(ctx: Context, end: int) -> bool:
    """Whether the sentence that ends at ``end`` opens with a description of a person
    (its subject, whom ``narrative_subject`` will weigh)."""
    start = ctx.sentences[ctx.sentence_of(end - 1)][0]
    mention = ctx.analysis.mention_at(start)
    if mention is None:
        words = ctx.text[start:start + 40].split()
        if len(words) > 1 and words[0].lower() in ("but", "and", "then", "so"):
            mention = ctx.analysis.mention_at(ctx.text.find(words[1], start))
    return mention is not None and mention.kind == "description" and not mention.possessive \
        and mention.entity >= 0 and ctx.entities[mention.entity].kind == "unnamed"


def _question(ctx: Context, lo: int, hi: int) -> bool:
    """A short paragraph with no quotation that asks a question: an interviewer's."""
    paragraph = ctx.text[lo:hi].rstrip()
    return paragraph.endswith("?") and len(paragraph) < 300 and not any(
        mark in paragraph for mark in "“”\"«»")


def _interviewee(ctx: Context, index: int, paragraph: int) -> Decision | None:
    """An answer after an interviewer's question: the one person named before the
    questions began, or the speaker of the answers before (“What surprised you?” ¶
    “How slow everything is.”)."""
    back = paragraph - 1
    while back >= 0 and paragraph - back <= 12:
        lo, hi = ctx.paragraphs[back]
        if _question(ctx, lo, hi):
            back -= 1
            continue
        earlier = [i for i in range(index - 1, max(-1, index - 6), -1)
                   if ctx.quote_paragraphs[i][0] == back]
        if earlier:  # an answer before: the same person answers again
            decision = ctx.decisions[earlier[0]]
            if decision is None or decision.speaker is None:
                return None
            return Decision(decision.speaker, "interview-answer")
        people = people_named(ctx, lo, hi)
        if len(people) == 1:
            return Decision(people[0], "interview-answer")
        return None
    return None
