"""Conversation helpers the dialogue sieves share: turns, partners, vocatives."""

from __future__ import annotations

from ..lexicon.cues import CUE_VERBS
from ..lexicon.titles import ADDRESS_TERMS, GROUP_ADDRESS_TERMS
from ..lexicon.words import INTERJECTIONS
from .base import Context

__all__ = ["PARTNER_PARAGRAPHS", "addressed_group", "addressee_of", "addresses", "called_by_name",
           "interviewee", "last_speaker_in_paragraph", "partner_of", "people_named"]

# At most this many names are read around a turn (a bound for hostile input).
_MENTIONS = 60
# How many paragraphs back the other side of a conversation is looked for.
PARTNER_PARAGRAPHS = 9


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


def partner_of(ctx: Context, paragraph: int, index: int, speaker: int) -> tuple[int, int] | None:
    """The other side of a conversation with ``speaker``: whom the speaker addressed by
    name (“Good night, Sir John”), else the last other speaker in the paragraphs just
    before, else the last other person named there. Returns ``(entity, position of the
    evidence)``."""
    turn = last_speaker_in_paragraph(ctx, paragraph - 1, index)
    addressed = addressee_of(ctx, turn, speaker) if turn is not None else None
    if addressed is not None:
        return addressed
    for back in range(2, PARTNER_PARAGRAPHS):
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
                and not mention.possessive \
                and ctx.entities[entity].kind in ("person", "unnamed"):
            return entity, mention.start  # (not "her sister's note": she is not there)
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
    words = text[quote.inner_start:min(quote.inner_end, quote.inner_start + 80)].split(None, 3)
    if len(words) == 1:
        return called_by_name(ctx, turn, speaker)
    if len(words) < 3 and not (len(words) == 2 and words[0].rstrip(",").lower() in INTERJECTIONS):
        return None  # “Pip, sir.”: as likely a name given in answer (not “Hulloa, Emma!”)
    analysis = ctx.analysis
    cursor = analysis.before(quote.inner_start)
    stop = min(len(analysis.mentions), cursor + _MENTIONS)
    while cursor < stop and analysis.mentions[cursor].start < quote.inner_end:
        mention = analysis.mentions[cursor]
        cursor += 1
        if mention.entity < 0 or mention.entity == speaker or mention.kind == "description":
            continue
        before = text[max(quote.inner_start, mention.start - 2):mention.start]
        after = text[mention.end:mention.end + 1]
        at_start = mention.start == quote.inner_start
        at_end = quote.inner_end - mention.end <= 1
        if not ((at_start and after == ",") or (before.endswith(", ") and (
                after in (".", "?", "!") or (after == "," and (at_end or len(text[
                    max(quote.inner_start, mention.start - 60):mention.start].split()) <= 5
                    and mention.start - quote.inner_start <= 60))))):
            continue  # not set off as a vocative (after == ",": early in the words)
        surface = text[mention.start:mention.end].lower()
        if surface in CUE_VERBS or surface in ADDRESS_TERMS or surface in INTERJECTIONS:
            continue  # “Say, what do you want?”: an imperative; “Ma, …”: no name
        kind = ctx.entities[mention.entity].kind
        if kind != "person" and not (loose and kind == "unknown") \
                and not ctx.spoke_before(mention.entity, turn):
            continue  # “Trafalgar, mother.”: a place is nobody to answer
        return mention.entity, mention.start
    return None


def called_by_name(ctx: Context, turn: int, speaker: int) -> tuple[int, int] | None:
    """“Amory.” / “TOM!”: a turn that is only a person's name calls that person, unless
    it answers a question (“What's your name?” ¶ “Pip.”)."""
    quote = ctx.quotes[turn]
    mention = ctx.analysis.mention_at(quote.inner_start)
    if mention is None or mention.entity < 0 or mention.entity == speaker \
            or ctx.text[mention.end:quote.inner_end].strip(" .!?,") \
            or ctx.entities[mention.entity].kind != "person":
        return None
    if turn > 0:
        before = ctx.quotes[turn - 1]
        if ctx.text[before.inner_start:before.inner_end].rstrip(" ,.!—–-").endswith("?"):
            return None
    return mention.entity, mention.start


def addresses(ctx: Context, turn: int, person: int) -> bool:
    """Whether the quotation ``turn`` addresses ``person`` by name: then it is not theirs
    (“Amory.”, “I think, Watson, that …”)."""
    called = addressee_of(ctx, turn, -1)
    return called is not None and called[0] == person


def addressed_group(ctx: Context, turn: int) -> str | None:
    """The group a quotation addresses, set off by commas or opening it: “How much,
    gentlemen, for this lot?”, “Boys, listen.” (lower-cased), or ``None``."""
    quote = ctx.quotes[turn]
    inner = ctx.text[quote.inner_start:min(quote.inner_end, quote.inner_start + 300)]
    words = inner.split()
    for number, word in enumerate(words[:40]):
        bare = word.rstrip(",.!?;:—–-").lower()
        if bare not in GROUP_ADDRESS_TERMS or bare == word.lower():
            continue  # (a vocative ends in a comma or a stop)
        if number == 0 or words[number - 1].endswith(",") or (
                number > 1 and words[number - 1].lower() == "and"
                and words[number - 2].rstrip(",").lower() in GROUP_ADDRESS_TERMS):
            return bare
    return None


def people_named(ctx: Context, start: int, end: int) -> list[int]:
    """Person entities named outside quotations in ``[start, end)``, first mention order
    (at most the last ``_MENTIONS`` names are read: a bound for hostile input)."""
    analysis = ctx.analysis
    found: list[int] = []
    cursor = max(analysis.before(start), analysis.before(end) - _MENTIONS)
    while cursor < len(analysis.mentions) and analysis.mentions[cursor].start < end:
        mention = analysis.mentions[cursor]
        if (not mention.in_quote and mention.entity >= 0 and not mention.possessive
                and ctx.entities[mention.entity].kind == "person"
                and mention.entity not in found):
            found.append(mention.entity)  # (not "Kieran's mother": Kieran is not there)
        cursor += 1
    return found


def _marked(ctx: Context, paragraph: int, marks: tuple[str, ...]) -> bool:
    lo, hi = ctx.paragraphs[paragraph]
    return ctx.text[lo:min(hi, lo + 3)].startswith(marks)


def interviewee(ctx: Context, paragraph: int) -> int | None:
    """In a transcript of questions and answers ("Q: …" ¶ "A: …"), the person who gives
    the answer in ``paragraph``: the one person named in the narration before the first
    question, or ``None``."""
    if not _marked(ctx, paragraph, ("A:", "A.")):
        return None
    back = paragraph - 1
    while back >= 0 and paragraph - back <= 40 and _marked(ctx, back, ("Q:", "Q.", "A:", "A.")):
        back -= 1
    if back < 0 or back == paragraph - 1:
        return None
    people = people_named(ctx, *ctx.paragraphs[back])
    return people[0] if len(people) == 1 else None
