"""``narrative_subject``: the person the narration was just about speaks next."""

from __future__ import annotations

from ..quotes import QuoteSpan
from .base import Context, Decision
from .conversation import addresses
from .pronoun_carryover import resolve_pronoun

__all__ = ["narrative_subject"]

_OPENING_PRONOUNS = {"he": "male", "she": "female"}
# A he or she within this many opening words is the sentence's subject ("After each
# question he tilted me…").
_SUBJECT_WORDS = 5
# At most this many names are read in the sentence (a bound for hostile input).
_MENTIONS = 60


def _subject_of(ctx: Context, sentence: int, index: int) -> tuple[int, int] | None:
    """The person a narrative sentence is about: a he or she among its first words
    (resolved), or the only person it names. Returns ``(entity, evidence position)``."""
    start, end = ctx.sentences[sentence]
    text = ctx.text
    opening = text[start:min(end, start + 60)].split()[:_SUBJECT_WORDS]
    for offset, word in enumerate(opening):
        pronoun = word.strip(",;:").lower()
        if pronoun not in _OPENING_PRONOUNS:
            if offset and word[:1].isupper():
                break  # a name comes first: read the names below
            continue
        position = text.find(word, start)
        resolved = resolve_pronoun(ctx, position, _OPENING_PRONOUNS[pronoun], index)
        if resolved is not None:
            entity, antecedent, rivals = resolved
            if not rivals:
                return entity, (antecedent.start if antecedent is not None else position)
        return None
    analysis = ctx.analysis
    people: list[tuple[int, int]] = []
    cursor = analysis.before(start)
    stop = min(len(analysis.mentions), cursor + _MENTIONS)
    while cursor < stop and analysis.mentions[cursor].start < end:
        mention = analysis.mentions[cursor]
        cursor += 1
        if mention.in_quote or mention.entity < 0:
            continue
        if ctx.entities[mention.entity].kind not in ("person", "unnamed"):
            continue
        if not people and len(text[start:mention.start].split()) <= 1 \
                and not mention.possessive:
            # it opens the sentence: its subject ("His aunt Polly stood …": Polly),
            # unless another is joined to it ("Tomas Velick and Ana Lorrin spoke")
            named = analysis.mentions[cursor] if cursor < stop else None
            gap = text[mention.end:named.start] if named is not None else ""
            if _joined(ctx, cursor, mention.end, end):
                return None
            if mention.kind == "description" and named is not None and named.entity >= 0 \
                    and not gap.strip() \
                    and ctx.entities[named.entity].kind in ("person", "unknown"):
                return named.entity, named.start
            return mention.entity, mention.start
        if all(mention.entity != entity for entity, _ in people):
            people.append((mention.entity, mention.start))
    return people[0] if len(people) == 1 else None


def _joined(ctx: Context, cursor: int, position: int, end: int) -> bool:
    """Whether a person named within the next 80 characters is joined to the subject
    by "and" or "or" ("Tomas Velick and Ana Lorrin spoke", "Ana Ruiz, the mayor, and
    Peter Olsen met")."""
    mentions = ctx.analysis.mentions
    limit = min(end, position + 80)
    while cursor < len(mentions) and mentions[cursor].start < limit:
        mention = mentions[cursor]
        gap = ctx.text[position:mention.start].split()
        if not mention.in_quote and ("and" in gap or "or" in gap):
            return True
        position = mention.end
        cursor += 1
    return False


def narrative_subject(quote: QuoteSpan, ctx: Context) -> Decision | None:
    """A cue-less quotation right after narration speaks for the narration's subject.

    "She waved me closer. “Bring the map over here.”": when the sentence just before
    (in the same paragraph, or ending the previous paragraph when that paragraph has no
    quotation) opens with he or she that resolves to one person without a rival, or
    names exactly one person, that person speaks. It runs after
    ``paragraph_single_name``, which takes the paragraphs that name one person only.

    >>> from quotecheck import attribute
    >>> r = attribute("Ms. Ana Ruiz met Mr. Tom Berg. She took the podium. “We will rebuild it.”")
    >>> r.quotes[0].speaker.name, r.quotes[0].attribution.rule
    ('Ana Ruiz', 'previous-sentence-subject')
    """
    index = ctx.position(quote)
    if ctx.cues[index] or not ctx.speech_like[index]:
        return None
    first_sentence = ctx.quote_sentences[index][0]
    if ctx.sentences[first_sentence][0] != quote.start or first_sentence == 0:
        return None  # the quotation must open its sentence
    paragraph = ctx.quote_paragraphs[index][0]
    para_start = ctx.paragraphs[paragraph][0]
    previous = first_sentence - 1
    prev_start, prev_end = ctx.sentences[previous]
    if index > 0 and ctx.quotes[index - 1].end > prev_start:
        return None  # the sentence before holds a quotation: continuation decides
    if quote.start == para_start:
        if paragraph == 0 or prev_end < ctx.paragraphs[paragraph - 1][0]:
            return None
        rule = "previous-paragraph-subject"
    else:
        rule = "previous-sentence-subject"
    found = _subject_of(ctx, previous, index)
    if found is None:
        return None
    entity, evidence = found
    if addresses(ctx, index, entity):
        return None  # the quotation calls that person by name: somebody else speaks
    return Decision(entity, rule, via=(evidence, evidence))
