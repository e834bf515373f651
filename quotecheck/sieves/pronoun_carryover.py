"""``pronoun_carryover``: “…,” he said → the most salient earlier person of that gender."""

from __future__ import annotations

from ..clauses import Cue
from ..entities import NameMention, opens_sentence
from ..lexicon.cues import REPLY_CUES
from ..lexicon.pronouns import OBJECT_SUBJECTS, POSSESSIVE_SUBJECTS
from ..lexicon.titles import PERSON_NOUNS
from ..lexicon.words import NON_PERSON_HEADS
from ..quotes import QuoteSpan
from .base import Context, Decision
from .conversation import interviewee, last_speaker_in_paragraph, partner_of

__all__ = ["NARRATOR", "pronoun_carryover", "resolve_pronoun"]

# The speaker of “…,” I said: the first-person narrator, who has no name in the text.
NARRATOR = "the narrator"

# How far back a pronoun looks: paragraphs, and sentences at most.
_PARAGRAPHS_BACK = 6
_SENTENCES_BACK = 12
_MENTIONS = 60  # names read per sentence at most (a bound for hostile input)


def _compatible(ctx: Context, entity: int, gender: str, plural: bool, index: int) -> bool:
    if entity < 0:
        return False
    candidate = ctx.entities[entity]
    if candidate.name == NARRATOR:
        return False  # "he", "she" and "they" never point at the one who says "I"
    if plural:  # "they" or "it": an organisation or a group, never one person
        return candidate.kind in ("organisation", "group", "unknown") or (
            candidate.kind == "unnamed" and candidate.name.split()[-1].lower()
            in NON_PERSON_HEADS)  # "The company said …. It added: “…”"
    if candidate.kind not in ("person", "unknown", "unnamed"):
        return False
    if candidate.kind == "unknown" and not ctx.spoke_before(entity, index):
        return False  # a single capitalised word is a person once it has spoken
    return candidate.gender in ("unknown", gender) or gender == "unknown"


def _last_compatible_speaker(ctx: Context, index: int, lowest: int, gender: str,
                             plural: bool) -> int | None:
    """The speaker of the nearest earlier quotation who could be this pronoun."""
    for earlier in range(index - 1, max(-1, index - 12), -1):
        if ctx.quotes[earlier].start < lowest:
            return None
        decision = ctx.decisions[earlier]
        if decision is not None and decision.speaker is not None and _compatible(
                ctx, decision.speaker, gender, plural, index):
            return decision.speaker
    return None


def _subject_position(ctx: Context, mention: NameMention, sentence_start: int) -> bool:
    """Whether a name opens its sentence (at most two words before it)."""
    return len(ctx.text[sentence_start:mention.start].split()) <= 2


def _same_pronoun_before(ctx: Context, start: int, end: int, gender: str) -> bool:
    """Whether a pronoun of ``gender`` occurs in ``text[start:end]`` (its last 300
    characters at most: a bound for hostile input)."""
    words = ("he", "his", "him") if gender == "male" else ("she", "her", "hers")
    return any(w.strip(",.;:!?()").lower() in words
               for w in ctx.text[max(start, end - 300):end].split())


def _owned_by_pronoun(ctx: Context, mention: NameMention, gender: str) -> bool:
    """A description owned by a pronoun of ``gender``: "his father" for a "he"."""
    owner = ctx.text[mention.start:mention.start + 4]
    return mention.kind == "description" and owner[:3].lower() == (
        "his" if gender == "male" else "her") and owner[3:].isspace()


def _single_name_subject(ctx: Context, mention: NameMention, sentence_start: int) -> bool:
    """“But Tom did not wait. As he went out he said: …”: a single capitalised word
    that opens the sentence just before a "he" or "she", and a lower-case verb follows
    it, is the person the pronoun continues (not yet known to be a person)."""
    if mention.entity < 0 or ctx.entities[mention.entity].kind != "unknown":
        return False
    before = ctx.text[sentence_start:mention.start].split()
    if len(before) > 1 or (before and before[0].lower() not in ("but", "and", "then", "so")):
        return False
    after = ctx.text[mention.end:mention.end + 20].split()
    if not (after and after[0].isalpha() and after[0].islower()) or after[0] in PERSON_NOUNS:
        return False  # ("Eastfield manager Dean Whitlock": Eastfield only modifies)
    # a capital that only ever opens a sentence may be a common noun ("Reporters
    # pressed him"): the word must be capitalised somewhere a sentence does not start
    return bool(before) or any(
        not opens_sentence(ctx.text, ctx.analysis.mentions[number].start)
        for number in ctx.entities[mention.entity].mentions[:20])


def resolve_pronoun(ctx: Context, position: int, gender: str, index: int,
                    plural: bool = False, paragraph: int | None = None,
                    ) -> tuple[int, NameMention | None, tuple[int, ...]] | None:
    """The entity a pronoun at ``position`` most likely refers to.

    Walks back sentence by sentence (outside quotations, within a few paragraphs).
    The nearest sentence that names a compatible person decides, and within it the
    person who opens it (its subject) or, failing that, the first one named. A
    sentence that opens with the same pronoun continues a chain, so the walk goes
    on to the sentence whose subject started it ("Miguel was tall. He smoked. “…,”
    he said."). The last speaker wins when that sentence names him too. Returns
    ``(entity, antecedent mention, rivals)``. Outside a quotation (reported speech),
    ``index`` counts the quotations before ``position`` and ``paragraph`` is its own.
    """
    if paragraph is None:
        paragraph = ctx.quote_paragraphs[index][0]
    lowest = ctx.paragraphs[max(0, paragraph - _PARAGRAPHS_BACK)][0]
    last_speaker = _last_compatible_speaker(ctx, index, lowest, gender, plural)
    return _walk_back(ctx, position, gender, index, plural, lowest, last_speaker)


_Antecedent = tuple[int, NameMention | None, tuple[int, ...]]


def _walk_back(ctx: Context, position: int, gender: str, index: int, plural: bool,
               lowest: int, last_speaker: int | None) -> _Antecedent | None:
    """The sentence-by-sentence walk of :func:`resolve_pronoun`, down to ``lowest``."""
    sentence_index = ctx.sentence_of(position)
    chain = False
    unsure: tuple[int, list[NameMention]] | None = None
    extra = 0
    fallback: _Antecedent | None = None
    pronoun = ctx.text[position:position + 4].lower()
    for _ in range(_SENTENCES_BACK):
        if sentence_index < 0:
            break
        s_start, s_end = ctx.sentences[sentence_index]
        if s_end <= lowest:
            break
        names = _sentence_names(ctx, sentence_index, position, gender, plural, index)
        if unsure is None and names and gender != "unknown" \
                and _only_unsure_names(ctx, names, last_speaker):
            # “…,” she said, after "a new guest" (no gender known) with Mrs. Hall before:
            # look two sentences further for someone "she" surely fits (a named person
            # of unknown gender is no reason to look further: news names most people once)
            unsure, extra = (s_start, names), 2
            sentence_index -= 1
            continue
        if unsure is not None:
            sure = [m for m in names if ctx.entities[m.entity].gender == gender]
            if sure:
                rivals = tuple(sorted({m.entity for m in unsure[1]} - {sure[0].entity}))
                return sure[0].entity, sure[0], rivals
            extra -= 1
            if extra > 0:
                sentence_index -= 1
                continue
            if last_speaker is not None and ctx.entities[last_speaker].gender == gender:
                # nobody surer named, but the last speaker surely is a "he": him
                return last_speaker, None, ()
            (s_start, names), unsure = unsure, None  # nobody surer: the nearer ones
        if names:
            kept = _last_speaker_named(ctx, names, s_start, last_speaker)
            if kept is not None:
                return kept
            entities = [m.entity for m in names]
            first = (names[0].entity, names[0], tuple(sorted({e for e in entities
                                                               if e != entities[0]})))
            if _subject_position(ctx, names[0], s_start) or not chain:
                return first
            if fallback is None:
                fallback = first
        opener = ctx.text[s_start:s_start + 4].lower()
        if pronoun[:2] in ("he", "sh") and opener.startswith(pronoun.split()[0] + " "):
            chain = True
        sentence_index -= 1
    return _walk_end(unsure, fallback, last_speaker)


def _sentence_names(ctx: Context, sentence_index: int, position: int, gender: str,
                    plural: bool, index: int) -> list[NameMention]:
    """The people a sentence names before ``position``, outside quotations, who may fit."""
    analysis = ctx.analysis
    s_start, s_end = ctx.sentences[sentence_index]
    names: list[NameMention] = []
    cursor = max(analysis.before(s_start), analysis.before(min(s_end, position)) - _MENTIONS)
    near = sentence_index >= ctx.sentence_of(position) - 1
    own = s_start <= position < s_end
    while cursor < len(analysis.mentions) and analysis.mentions[cursor].start < min(
            s_end, position):
        mention = analysis.mentions[cursor]
        if own and ctx.text[max(s_start, mention.start - 3):mention.start] == "by ":
            cursor += 1  # "Asked by the judge whether …, he replied": not the judge
            continue
        if not mention.in_quote and (
                _compatible(ctx, mention.entity, gender, plural, index)
                or (near and not plural and gender != "unknown"
                    and _single_name_subject(ctx, mention, s_start))):
            names.append(mention)
        cursor += 1
    if names and gender != "unknown" and any(
            m.possessive or _owned_by_pronoun(ctx, m, gender) for m in names):
        # "he had observed Durbeyfield's name", "… about his father": after a "he" or
        # "his" of its own, a possessive name, or a relative of his, is not whom the
        # sentence is about
        names = [m for m in names
                 if not (m.possessive or _owned_by_pronoun(ctx, m, gender))
                 or not _same_pronoun_before(ctx, s_start, m.start, gender)]
    return names


def _only_unsure_names(ctx: Context, names: list[NameMention], last_speaker: int | None) -> bool:
    """Only unnamed people of unknown gender, none the last speaker: look further back."""
    return last_speaker not in {m.entity for m in names} \
        and all(ctx.entities[m.entity].gender == "unknown"
                and ctx.entities[m.entity].kind == "unnamed" for m in names)


def _last_speaker_named(ctx: Context, names: list[NameMention], s_start: int,
                        last_speaker: int | None) -> _Antecedent | None:
    """The last speaker, when the sentence names him and nobody else opens it."""
    if last_speaker is not None and last_speaker in [m.entity for m in names]:
        chosen = next(m for m in names if m.entity == last_speaker)
        first = names[0]
        if (not chosen.possessive or all(m.possessive for m in names)) and not (
                first.entity != last_speaker and not first.possessive
                and _subject_position(ctx, first, s_start)):
            # (not "Ilunga dismissed the minister's remarks": he is only owned;
            # not "Hartley, who has debated Raghunathan, concedes": she opens it)
            return last_speaker, chosen, ()
    return None


def _walk_end(unsure: tuple[int, list[NameMention]] | None, fallback: _Antecedent | None,
              last_speaker: int | None) -> _Antecedent | None:
    """When the walk ends undecided: the unsure names, the chain's start, the last speaker."""
    if unsure is not None:
        names = unsure[1]
        return names[0].entity, names[0], tuple(sorted({m.entity for m in names[1:]}
                                                       - {names[0].entity}))
    if fallback is not None:
        return fallback
    if last_speaker is not None:
        return last_speaker, None, ()
    return None


def pronoun_carryover(quote: QuoteSpan, ctx: Context) -> Decision | None:
    """A pronoun beside a reporting verb names the most salient earlier person.

    Salience: a name in the same or an earlier sentence, of a matching gender
    (from honorifics, roles and pronouns already linked), preferring the subject of
    its sentence and the last speaker. Without a named antecedent the quotation has
    no speaker: a speaker is never a bare pronoun.

    >>> from quotecheck import attribute
    >>> r = attribute("Ms. Ana Ruiz spoke first. “We will rebuild,” she said.")
    >>> r.quotes[0].speaker.name, r.quotes[0].attribution.rule
    ('Ana Ruiz', 'quote-pronoun-verb')
    """
    index = ctx.position(quote)
    cue = ctx.primary_cue(index)
    if cue is None or cue.subject is None or cue.subject.kind != "pronoun":
        return None
    subject = cue.subject
    word = subject.text.lower()
    word = POSSESSIVE_SUBJECTS.get(word) or OBJECT_SUBJECTS.get(word) or word  # her view: she
    if word == "i":
        answerer = interviewee(ctx, ctx.quote_paragraphs[index][0])
        if answerer is not None:  # “A: … I told him, “…”” : whoever gives the answers
            return Decision(answerer, cue.rule, cue=cue, mention=subject)
        # “…,” I said: the narrator of a first-person text
        return Decision(None, cue.rule, cue=cue, mention=subject, description=NARRATOR)
    resolved = resolve_pronoun(ctx, subject.start, subject.gender, index,
                               plural=word in ("they", "it"))
    if resolved is None:
        return None
    entity, antecedent, rivals = resolved
    via = (antecedent.start, antecedent.end) if antecedent is not None else None
    replier = _replier(ctx, cue, index, entity, subject.gender, word in ("they", "it"))
    if replier is not None:
        partner, evidence = replier
        return Decision(partner, cue.rule, cue=cue, mention=subject,
                        via=(evidence, evidence), candidates=(entity,))
    return Decision(entity, cue.rule, cue=cue, mention=subject, via=via,
                    candidates=rivals)


def _replier(ctx: Context, cue: Cue, index: int, entity: int, gender: str,
             plural: bool) -> tuple[int, int] | None:
    """“…?” Basil asked. ¶ “…,” he replied: whoever replies is not whoever spoke last.
    When the pronoun resolved to the last speaker and the cue is a reply, the other side
    of the conversation (if the pronoun fits them) speaks. Returns ``(entity, evidence)``."""
    if ctx.text[cue.start:cue.end].lower() not in REPLY_CUES:
        return None
    paragraph = ctx.quote_paragraphs[index][0]
    previous = last_speaker_in_paragraph(ctx, paragraph - 1, index)
    if previous is None:
        previous = last_speaker_in_paragraph(ctx, paragraph, index)
    decision = ctx.decisions[previous] if previous is not None else None
    if decision is None or decision.speaker != entity:
        return None
    partner = partner_of(ctx, paragraph, index, entity)
    if partner is None or not _compatible(ctx, partner[0], gender, plural, index):
        return None
    return partner
