"""After the sieves: described speakers get the names dialogue gives them.

A speaker the text only describes (“the woman with the umbrella”) or the narrator of a
first-person text is often named in the conversation itself: another speaker addresses
them (“Good night, Lady Anne”), or they name themselves (“I am Doctor Marsh”). This
pass reads those names and moves the description's quotations to them.

>>> from quotecheck import attribute
>>> text = ("“Good morning,” said the woman with the umbrella.\\n\\n"
...         "“Good morning to you, Lady Anne,” said the porter.")
>>> [q.speaker.name for q in attribute(text).quotes]
['Lady Anne', 'the porter']
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

import regex

from .entities import Entity, occurrences, read_name, surname_key
from .lexicon.cues import NARRATOR_NAMING
from .lexicon.titles import EPITHET_HEADS
from .lexicon.words import FUNCTION_WORDS
from .patterns import NARRATOR_NAME_RE, SELF_NAME_AFTER_RE, SELF_NAME_RE
from .sieves.base import Context
from .sieves.conversation import addressee_of
from .sieves.pronoun_carryover import NARRATOR

__all__ = ["name_described_speakers"]


def _named_entity(ctx: Context, start: int, end: int, people: dict[str, list[int]],
                  any_name: bool = False) -> int | None:
    """The person the name at ``start:end`` is (a new entity if the text has none);
    None when it reads as no person or fits two. ``any_name`` takes a lone capitalised
    word too (“I called myself Pip”: the phrase says it is a name)."""
    reading = read_name(ctx.text, start, end)
    if reading is None or reading.kind not in ("person", "unknown"):
        return None
    if reading.kind == "unknown" and not (any_name or reading.honorific or reading.title):
        return None
    key = surname_key(reading.tokens)
    known = people.get(key, [])
    if len(known) > 1:
        return None
    if known:
        return known[0]
    entity = Entity(id=len(ctx.entities), kind="person", surname=key,
                    name=reading.name if len(reading.tokens) > 1 or not reading.title
                    else reading.text,
                    titles=[reading.title] if reading.title else [])
    ctx.entities.append(entity)
    people[key] = [entity.id]
    return entity.id


def _self_named(ctx: Context, index: int, people: dict[str, list[int]]) -> int | None:
    """The entity a quotation's speaker names themself as (“I am Doctor Marsh”)."""
    quote = ctx.quotes[index]
    match = SELF_NAME_RE.search(ctx.text, quote.inner_start, quote.inner_end)
    inner = ctx.text[quote.inner_start:quote.inner_end]
    if match is None and ("hat" in inner or "name" in inner):  # that’s who I am, is my name
        # (the name-first form is looked for only where its words occur)
        match = SELF_NAME_AFTER_RE.search(ctx.text, quote.inner_start, quote.inner_end)
    if match is None:
        return None
    return _named_entity(ctx, match.start("name"), match.end("name"), people)


# The main word of each narrator-naming phrase (its longest that is not a function
# word), as written and capitalised: the phrases are looked for only around these
# (derived, so the lexicon stays the one list).
_NARRATOR_ANCHORS = tuple(sorted({
    form for phrase in NARRATOR_NAMING
    for word in [max(phrase.split(), key=lambda w: (w not in FUNCTION_WORDS, len(w)))]
    for form in (word, word.capitalize())}))


def _narrator_named(ctx: Context, people: dict[str, list[int]]) -> int | None:
    """The name a first-person narration gives its narrator (“So, I called myself
    Pip”), outside any quotation; the first such name that reads as a person."""
    starts = [quote.start for quote in ctx.quotes]
    text = ctx.text
    # the regex runs only around the phrases' anchor words (over a whole novel, run
    # everywhere, it would cost a tenth of the time of attribution)
    anchors = sorted({position for word in _NARRATOR_ANCHORS
                      for position in occurrences(text, word)})
    found: dict[int, regex.Match[str]] = {}
    for anchor in anchors:  # (a phrase starts at most 16 characters before its anchor)
        match = NARRATOR_NAME_RE.search(text, max(0, anchor - 16), min(len(text), anchor + 120))
        if match is not None:
            found.setdefault(match.start(), match)
    for _, match in sorted(found.items()):
        inside = bisect_right(starts, match.start()) - 1
        if inside >= 0 and ctx.quotes[inside].end > match.start():
            continue  # “Call me Ishmael,” said someone: that speaker, not the narrator
        named = _named_entity(ctx, match.start("name"), match.end("name"), people,
                              any_name=True)
        if named is not None:
            return named
    return None


def _new_to(ctx: Context, described: int, named: int) -> bool:
    """Whether the description brings in someone new (“broke in a thin, elderly
    gentleman”) after the named person was already in the narration: then the two
    are different people."""
    entity = ctx.entities[described]
    if not entity.mentions or not entity.name.lower().startswith(("a ", "an ")):
        return False
    first = ctx.analysis.mentions[entity.mentions[0]].start
    mentions = ctx.analysis.mentions
    return any(not mentions[number].in_quote and mentions[number].start < first
               for number in ctx.entities[named].mentions[:50])


_BYLINE_RE = regex.compile(r"[Bb]y[ \t]++(?P<name>\p{Lu}[\p{L}\p{M}’'.\-]*+"
                           r"(?:[ \t]++\p{Lu}[\p{L}\p{M}’'.\-]*+){1,3}+)")


def _byline(ctx: Context, people: dict[str, list[int]]) -> int | None:
    """The reporter a byline names (“By Priya Raman | The Circuit Board”): the “I” of a
    first-person news story. Only a byline among the first paragraphs counts."""
    for lo, hi in ctx.paragraphs[:4]:
        match = _BYLINE_RE.match(ctx.text, lo, min(hi, lo + 80))
        if match is not None:
            return _named_entity(ctx, match.start("name"), match.end("name"), people)
    return None


def name_described_speakers(ctx: Context) -> None:
    """Give a described speaker the name the text gives them in dialogue.

    When X says “Good night, Sir John” and the turn next to it was decided for a
    speaker the text only describes (“the man with the basket”, or the narrator of a
    first-person text), that speaker is Sir John; a described speaker who says “I am
    Parson Tringham” is Parson Tringham. Every quotation decided for the description
    moves to the name, which gains the description as an alias.
    """
    mapping = _one_name_each(_naming_votes(ctx))
    if ctx.dialogue:
        for described, named in _epithet_speakers(ctx).items():
            mapping.setdefault(described, named)
    for described, named in mapping.items():
        alias = ctx.entities[described].name
        if alias not in ctx.entities[named].aliases:
            ctx.entities[named].aliases.append(alias)
    for decision in ctx.decisions:
        if decision is not None and decision.speaker in mapping:
            decision.speaker = mapping[decision.speaker]


def _naming_votes(ctx: Context) -> dict[int, Counter[int]]:
    """For each described speaker, votes for the names the text may give them."""
    votes: dict[int, Counter[int]] = {}
    people: dict[str, list[int]] = {}
    for entity in ctx.entities:
        if entity.kind == "person" and entity.surname:
            people.setdefault(entity.surname, []).append(entity.id)
    narrators = [e.id for e in ctx.entities if e.kind == "unnamed" and e.name == NARRATOR]
    if narrators:
        named = _byline(ctx, people) or _narrator_named(ctx, people)
        if named is not None:
            votes.setdefault(narrators[0], Counter())[named] += 3
    for index, decision in enumerate(ctx.decisions):
        if decision is None or decision.speaker is None:
            continue
        if ctx.entities[decision.speaker].kind == "unnamed":
            named_self = _self_named(ctx, index, people)
            if named_self is not None:
                votes.setdefault(decision.speaker, Counter())[named_self] += 2
        addressed = addressee_of(ctx, index, decision.speaker, loose=True)
        if addressed is not None:
            _vote_neighbours(ctx, index, decision.speaker, addressed[0], votes)
    return votes


def _vote_neighbours(ctx: Context, index: int, speaker: int, addressed: int,
                     votes: dict[int, Counter[int]]) -> None:
    """A turn next to one that addresses ``addressed`` votes its described speaker that name."""
    paragraph = ctx.quote_paragraphs[index][0]
    for other in (index - 1, index + 1):
        if not 0 <= other < len(ctx.quotes):
            continue
        if abs(ctx.quote_paragraphs[other][0] - paragraph) != 1:
            continue
        neighbour = ctx.decisions[other]
        if neighbour is None or neighbour.speaker is None:
            continue
        if neighbour.speaker in (speaker, addressed):
            continue
        if ctx.entities[neighbour.speaker].kind == "unnamed" \
                and not _new_to(ctx, neighbour.speaker, addressed):
            votes.setdefault(neighbour.speaker, Counter())[addressed] += 1


def _one_name_each(votes: dict[int, Counter[int]]) -> dict[int, int]:
    """Description → name, one name for one description; a tie leaves both unnamed.

    >>> _one_name_each({7: Counter({1: 2}), 8: Counter({1: 1}), 9: Counter({2: 1})})
    {7: 1, 9: 2}
    """
    # one name for one description: where two descriptions claim a name, the one
    # addressed by it more often keeps it, and a tie leaves both unnamed
    best: dict[int, tuple[int, int]] = {}
    ties: set[int] = set()
    for described, counter in votes.items():
        named, count = counter.most_common(1)[0]
        if named in best and best[named][1] == count:
            ties.add(named)
        elif named not in best or best[named][1] < count:
            best[named] = (described, count)
            ties.discard(named)
    return {described: named for named, (described, _) in best.items() if named not in ties}


def _epithet_speakers(ctx: Context) -> dict[int, int]:
    """In fiction, a speaker known only by an epithet (“the old lady”) is the one named
    speaker of that gender, if the story has only one: Aunt Polly. The epithet must be
    definite from its first mention (nobody introduced as "an old lady"), with an
    adjective, and the two must never speak to each other."""
    speakers: dict[int, list[int]] = {}
    for index, decision in enumerate(ctx.decisions):
        if decision is not None and decision.speaker is not None:
            speakers.setdefault(decision.speaker, []).append(index)
    named: dict[str, list[int]] = {}
    for entity in speakers:
        person = ctx.entities[entity]
        if person.kind == "person" and person.gender in ("male", "female") \
                and person.name != NARRATOR:
            named.setdefault(person.gender, []).append(entity)
    found: dict[int, int] = {}
    for entity in speakers:
        described = ctx.entities[entity]
        if described.kind != "unnamed" or not described.mentions \
                or described.gender not in ("male", "female"):
            continue
        first = ctx.analysis.mentions[described.mentions[0]].text.split()
        if len(first) < 3 or first[0] not in ("the", "The") \
                or first[-1].lower() not in EPITHET_HEADS:
            continue
        people = named.get(described.gender, [])
        if len(people) == 1 and not _talk_together(ctx, speakers[entity], people[0]):
            found[entity] = people[0]
    return found


def _talk_together(ctx: Context, turns: list[int], other: int) -> bool:
    """Whether one of ``turns`` sits in the paragraph next to a turn of ``other``."""
    for index in turns:
        paragraph = ctx.quote_paragraphs[index][0]
        for near in (index - 1, index + 1):
            if 0 <= near < len(ctx.quotes) and abs(
                    ctx.quote_paragraphs[near][0] - paragraph) == 1:
                decision = ctx.decisions[near]
                if decision is not None and decision.speaker == other:
                    return True
    return False
