"""``dialogue_run``: the turns of a conversation in fiction, decided together.

A run is a stretch of consecutive paragraphs that each hold a quotation. The turns
whose reporting clause names the speaker are fixed; every other turn's speaker is
chosen by scoring whole assignments of the run (a Viterbi search over pairs of
speakers, so that a turn sees the two before it) rather than by copying the turn
before, so that one wrong turn does not spread along the run.

The score (:data:`quotecheck.lexicon.dialogue.RUN_WEIGHTS`) reads: a new paragraph is
a new speaker; two speakers alternate (a turn is spoken by whoever spoke two turns
back); a name set off inside a turn is its addressee, who is not its speaker but
speaks the turn before or after; ``he`` or ``she`` beside the cue must fit the
speaker's gender (:func:`quotecheck.coref.settled_gender`); and the person the
narration of the paragraph names before the quotation is likely to speak.

It reads only the text, the cues and the entities, never another sieve's decision,
and only in the register of dialogue (:mod:`quotecheck.register`): a news result
never depends on it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..entities import AMBIGUOUS
from ..lexicon.dialogue import RUN_WEIGHTS
from ..quotes import QuoteSpan
from .base import Context, Decision
from .conversation import addressee_of, people_named
from .pronoun_carryover import NARRATOR

__all__ = ["dialogue_run", "decode_run"]

# How many turns on each side of a quotation are read, and candidates scored at most.
_REACH = 8
# A paragraph of narration shorter than this (in characters) does not end a run.
_GAP_LENGTH = 400
_CANDIDATES = 6
# A state that stands for the narrator ("…,” I said), and the first of the states that
# stand for a described speaker with no entity (each a different person).
_NARRATOR = -3
_OUTSIDER = -10
_IMPOSSIBLE = -1e9
# The run decides a turn only when its best assignment beats, by this much, every one
# that gives the turn to somebody else.
_MARGIN = 0.01
_FIRST_PERSON = frozenset(["i", "me", "my"])


@dataclass(slots=True)
class Turn:
    """A paragraph of the run: its first quotation, and what fixes or hints its speaker."""

    paragraph: int
    quote: int  # index of the paragraph's first quotation that is speech
    fixed: int | None = None  # the speaker its reporting clause names
    gender: str = ""  # "he" / "she" beside its cue: the speaker's gender
    addressee: int | None = None  # the person its words address by name
    narrated: int | None = None  # the first person the narration before it names
    free: bool = False  # no cue fixes it: the run decides it
    opens: bool = False  # its quotation opens the paragraph
    gap_before: bool = False  # a paragraph of narration comes between it and the turn before
    introduced: int | None = None  # that narration ends "…, Ana stopped to say," : Ana
    described: str = ""  # the description its cue names, when no entity has it
    described_gender: str = "unknown"


def _speech_quotes(ctx: Context, paragraph: int, near: int) -> list[int]:
    """The quotations that are speech and start in ``paragraph`` (``near`` is the index
    of a quotation close to it, where the search starts)."""
    lo, hi = ctx.paragraphs[paragraph]
    found = []
    number = near
    while number > 0 and ctx.quotes[number - 1].start >= lo:
        number -= 1
    while number < len(ctx.quotes) and ctx.quotes[number].start < hi:
        if ctx.quotes[number].start >= lo and not ctx.terms[number] and (
                ctx.cues[number] or ctx.speech_like[number]):
            found.append(number)
        number += 1
    return found


def _fixed_speaker(ctx: Context, index: int, outsider: int) -> tuple[int | None, str, bool]:
    """What the cue of quotation ``index`` says: ``(fixed speaker, pronoun gender,
    whether any cue is read)``; a description no entity has is ``outsider``."""
    cue = ctx.primary_cue(index)
    if cue is None or cue.subject is None:
        return None, "", bool(ctx.cues[index])
    subject = cue.subject
    if subject.kind == "pronoun":
        word = subject.text.lower()
        if word in _FIRST_PERSON:
            return _NARRATOR, "", True
        if subject.gender in ("male", "female") and word in ("he", "she", "him", "her"):
            return None, subject.gender, True
        return None, "", True
    entity = ctx.entity_of(subject)
    if entity is None or entity == AMBIGUOUS:
        return outsider, "", True  # a description with no entity: somebody else
    return entity, "", True


def _turn(ctx: Context, paragraph: int, near: int) -> Turn | None:
    """The paragraph as a turn, or ``None`` if it holds no speech (or two speakers)."""
    quotes = _speech_quotes(ctx, paragraph, near)
    if not quotes:
        return None
    first = quotes[0]
    turn = Turn(paragraph=paragraph, quote=first,
                opens=ctx.quotes[first].start == ctx.paragraphs[paragraph][0])
    speakers: set[int | str] = set()
    for number in quotes:
        fixed, gender, _ = _fixed_speaker(ctx, number, _OUTSIDER)
        if fixed == _OUTSIDER:
            subject = ctx.primary_cue(number).subject  # type: ignore[union-attr]
            assert subject is not None
            surface = " ".join((subject.description or subject.text).split())
            key = _description_key(surface)
            speakers.add(key)
            if turn.fixed is None:
                turn.fixed, turn.described = _OUTSIDER, surface
                turn.described_gender = subject.gender
        elif fixed is not None:
            speakers.add(fixed)
            turn.fixed = fixed if turn.fixed is None else turn.fixed
        if number == first:
            turn.gender = gender
    if len(speakers) > 1:
        return None  # “…,” said A. “…,” said B.: two turns in one paragraph
    _, _, cued = _fixed_speaker(ctx, first, 0)
    turn.free = turn.fixed is None and (not cued or bool(turn.gender))
    called = addressee_of(ctx, first, -1)
    if called is not None and ctx.entities[called[0]].kind == "person":
        turn.addressee = called[0]
    named = people_named(ctx, ctx.paragraphs[paragraph][0], ctx.quotes[first].start)
    turn.narrated = named[0] if named else None
    return turn


def _description_key(surface: str) -> str:
    """``the old man`` and ``an old man`` are one person to a run: the key without its
    article."""
    words = surface.lower().split()
    return " ".join(words[1:] if len(words) > 1 and words[0] in ("the", "a", "an") else words)


def _number_outsiders(turns: list[Turn]) -> dict[int, Turn]:
    """Give each description in the run a state of its own (one per key); returns the
    last turn that names each, by state."""
    states: dict[str, int] = {}
    named: dict[int, Turn] = {}
    for turn in turns:
        if turn.fixed == _OUTSIDER and turn.described:
            key = _description_key(turn.described)
            state = states.setdefault(key, _OUTSIDER - len(states))
            turn.fixed = state
            named[state] = turn
    return named


def _narration(ctx: Context, paragraph: int, near: int) -> bool:
    """Whether ``paragraph`` is narration only (no quotation starts in it) and short."""
    lo, hi = ctx.paragraphs[paragraph]
    if hi - lo > _GAP_LENGTH:
        return False
    number = near
    while number > 0 and ctx.quotes[number - 1].end > lo:
        number -= 1
    while number < len(ctx.quotes) and ctx.quotes[number].start < hi:
        if ctx.quotes[number].end > lo:
            return False
        number += 1
    return True


def _introducer(ctx: Context, paragraph: int, near: int) -> int | None:
    """The first person a paragraph of narration names, when it ends on a comma or a
    colon that leads into the quotation after it ("Ana stopped only to say,")."""
    lo, hi = ctx.paragraphs[paragraph]
    if ctx.text[lo:hi].rstrip()[-1:] not in (",", ":", "—", "-"):
        return None
    named = people_named(ctx, lo, hi)
    return named[0] if named else None


def _walk(ctx: Context, own: Turn, index: int, step: int) -> list[Turn]:
    """The turns after ``own`` (``step`` 1) or before it (-1), at most ``_REACH``, over
    at most one short paragraph of narration at a time."""
    paragraph = own.paragraph
    found: list[Turn] = []
    near = index
    gap = False
    current = paragraph + step
    while len(found) < _REACH and 0 <= current < len(ctx.paragraphs):
        turn = _turn(ctx, current, near)
        if turn is None:
            if gap or not _narration(ctx, current, near):
                break
            gap = True
            current += step
            continue
        if gap:
            later = turn if step > 0 else (found[-1] if found else own)
            later.gap_before = True
            later.introduced = _introducer(ctx, current - step, turn.quote)
        gap = False
        found.append(turn)
        near = turn.quote
        current += step
    return found


def _run_around(ctx: Context, index: int) -> tuple[list[Turn], int] | None:
    """The turns of the run around quotation ``index`` (at most ``_REACH`` on each
    side) and the position of its own turn among them."""
    paragraph = ctx.quote_paragraphs[index][0]
    own = _turn(ctx, paragraph, index)
    if own is None or own.quote != index or not own.free or own.gender or not own.opens:
        return None
    before = _walk(ctx, own, index, -1)
    after = _walk(ctx, own, index, 1)
    return [*reversed(before), own, *after], len(before)


def _candidates(ctx: Context, turns: list[Turn]) -> list[int]:
    """The people who may speak the run's free turns: those its cues name, those its
    turns address, those its narration names (nearest kinds first)."""
    found: list[int] = []
    for kind in ("fixed", "addressee", "narrated"):
        for turn in turns:
            person = getattr(turn, kind)
            if person is not None and person not in found and (
                    person < 0 or ctx.entities[person].kind in ("person", "unnamed")
                    and (ctx.cast is None or ctx.cast.is_character(person))):
                found.append(person)
    return found[:_CANDIDATES]


def _emission(ctx: Context, turn: Turn, person: int, outsiders: dict[int, Turn]) -> float:
    """How well ``person`` fits as the speaker of ``turn`` on its own."""
    if not turn.free:
        return 0.0 if turn.fixed is None or person == turn.fixed else _IMPOSSIBLE
    score = 0.0
    if turn.gender:
        if person == _NARRATOR:
            return _IMPOSSIBLE
        gender = outsiders[person].described_gender if person <= _OUTSIDER else \
            _gender(ctx, person)
        if gender == "unknown":
            score += RUN_WEIGHTS["gender-unknown"]
        elif gender != turn.gender:
            score += RUN_WEIGHTS["gender-clash"]
    if turn.addressee == person:
        score += RUN_WEIGHTS["addresses-self"]
    if turn.narrated == person:
        score += RUN_WEIGHTS["narrated-before"]
    if turn.introduced == person:
        score += RUN_WEIGHTS["introduced"]
    if person <= _OUTSIDER:
        score += RUN_WEIGHTS["described"]
    return score


def _gender(ctx: Context, person: int) -> str:
    return ctx.cast.genders[person] if ctx.cast is not None else "unknown"


def _transition(before: Turn, after: Turn, first: int, second: int) -> float:
    """The score of ``first`` speaking ``before`` and ``second`` the turn after it."""
    score = 0.0
    if first == second:
        score = RUN_WEIGHTS["same-speaker-after-narration" if after.gap_before
                            else "same-speaker"]
    if before.addressee is not None and before.addressee == second:
        score += RUN_WEIGHTS["addressee-answers"]
    if after.addressee is not None and after.addressee == first:
        score += RUN_WEIGHTS["addressee-answers"]
    return score


def _alternation(first: int, second: int, third: int) -> float:
    """The score of three speakers in a row: A B A is a conversation of two."""
    if third == first and third != second:
        return RUN_WEIGHTS["alternates"]
    if third not in (first, second):
        return RUN_WEIGHTS["third-speaker"]
    return 0.0


def decode_run(ctx: Context, turns: list[Turn], people: list[int],
               outsiders: dict[int, Turn], position: int) -> tuple[int, float] | None:
    """The speaker of turn ``position`` in the best assignment of speakers to ``turns``,
    and its margin: how much better that assignment scores than the best one that gives
    the turn to somebody else (``None`` if no assignment fits)."""
    options = [[turn.fixed] if not turn.free and turn.fixed is not None else people
               for turn in turns]
    scores = sorted(((_best_score(ctx, turns, [
        [person] if n == position else choices for n, choices in enumerate(options)],
        outsiders), person) for person in options[position]), reverse=True)
    if not scores or scores[0][0] <= _IMPOSSIBLE / 2:
        return None  # no assignment fits every fixed turn and every he or she
    runner_up = scores[1][0] if len(scores) > 1 else _IMPOSSIBLE
    return scores[0][1], scores[0][0] - runner_up


def _best_score(ctx: Context, turns: list[Turn], options: list[list[int]],
                outsiders: dict[int, Turn]) -> float:
    """The score of the best assignment that picks each turn's speaker from its options:
    a Viterbi search whose states are the speakers of the last two turns."""
    emissions = [{p: _emission(ctx, turn, p, outsiders) for p in options[n]}
                 for n, turn in enumerate(turns)]
    # state (speaker of turn n-1, speaker of turn n) -> score
    states: dict[tuple[int, int], float] = {(-1, p): emissions[0][p] for p in options[0]}
    for n in range(1, len(turns)):
        following: dict[tuple[int, int], float] = {}
        for (earlier, last), score in states.items():
            for person in options[n]:
                total = score + emissions[n][person] + _transition(
                    turns[n - 1], turns[n], last, person)
                if earlier != -1:
                    total += _alternation(earlier, last, person)
                key = (last, person)
                if key not in following or total > following[key]:
                    following[key] = total
        states = following
    return max(states.values())


def dialogue_run(quote: QuoteSpan, ctx: Context) -> Decision | None:
    """A turn with no named speaker, decided with the whole run of turns around it.

    Only in fiction (:func:`quotecheck.register.is_fiction`), for a quotation with no
    cue that opens its paragraph, when turns of the run before it and after it name
    their speakers (the run fills the turns between; beyond them the turn-by-turn
    sieves decide), and when one speaker fits better than any other (``run-turn``).

    >>> from quotecheck import attribute
    >>> text = ("“Where were you?” asked Mr. Tom Hale.\\n\\n“Out,” said Ana Ruiz.\\n\\n"
    ...         "“Where?”\\n\\n“Nowhere.”\\n\\n“Tell me.”\\n\\n“No,” said Ana Ruiz.")
    >>> r = attribute(text)
    >>> [q.speaker.name for q in r.quotes]
    ['Tom Hale', 'Ana Ruiz', 'Tom Hale', 'Ana Ruiz', 'Tom Hale', 'Ana Ruiz']
    >>> r.quotes[2].attribution.sieve, r.quotes[2].attribution.rule
    ('dialogue_run', 'run-turn')
    """
    if not ctx.fiction:
        return None
    index = ctx.position(quote)
    found = _run_around(ctx, index)
    if found is None:
        return None
    turns, position = found
    if not any(not t.free and t.fixed is not None for t in turns[:position]) or not any(
            not t.free and t.fixed is not None for t in turns[position + 1:]):
        return None  # the run fills turns between named ones; beyond them, the turn-by-turn sieves
    outsiders = _number_outsiders(turns)
    people = _candidates(ctx, turns)
    if not people:
        return None
    decoded = decode_run(ctx, turns, people, outsiders, position)
    if decoded is None or decoded[1] < _MARGIN:
        return None  # two speakers fit about as well: the turn-by-turn sieves decide
    speaker = decoded[0]
    rule = "run-turn"
    if speaker == _NARRATOR:
        return Decision(None, rule, description=NARRATOR)
    if speaker <= _OUTSIDER:
        return Decision(None, rule, description=outsiders[speaker].described)
    return Decision(speaker, rule)
