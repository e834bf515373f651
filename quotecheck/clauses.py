"""Reporting clauses: the cue, and the tests of words the cue rules share.

A cue is a reporting verb (``said``, ``told``, ``warned``) or phrase (``according
to``) with the subject it governs: a name, a pronoun or a description. The readers
that find them are the registry of ``quotecheck.rules``; they read the words around
each quotation in a bounded window, so the whole pass is linear in the text, and
find, in order of precision:

- ``tail``: a clause right after the quotation, verb first (“…,” said Mr. X) or
  subject first (“…,” Mr. X said; “…,” Lukasz Jasina, the spokesman, said);
- ``head``: a clause right before it (Mr. X said: “…”; X told reporters that “…”;
  according to X, “…”; he called the meeting “…”);
- ``sentence_final``: the reporting clause that ends the sentence covers every
  quotation in it (“A” remained, and “B,” said X.);
- ``in_sentence``: the outermost reporting verb earlier in the sentence (X said
  that allies urged Russia to “…”);
- ``continuing``: a participle with no subject of its own (…, adding: “…”);
- ``colon``: a colon with no verb (Mr. X was blunt: “…”), and ``paragraph_intro``:
  the previous paragraph ends with a cue and a colon or comma.

>>> from quotecheck.pipeline import analyse
>>> ctx = analyse("“We will stay,” said the NATO secretary-general, Jens Stoltenberg.")
>>> cue = ctx.cues[0][0]
>>> cue.place, cue.rule, cue.subject.text
('tail', 'quote-verb-name', 'Jens Stoltenberg')
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import regex

from .lexicon.cues import (
    ADDRESSEE_VERBS,
    CUE_VERBS,
    DOCUMENT_NOUNS,
    FINDING_VERBS,
    INSCRIPTION_NOUNS,
    INSCRIPTION_VERBS,
    LABEL_NOUNS,
    NAMING_CUES,
    PARTIAL_CUE_VERBS,
    PARTIAL_PARTICLE_VERBS,
    PARTICLE_CUES,
    PASSIVE_NAMING_VERBS,
    SOURCE_PHRASES,
    SPEECH_NOUNS,
    TERM_NOUNS,
    TITLE_LEAD_WORDS,
    VIEW_NOUNS,
)
from .lexicon.grammar import DETERMINERS, PASSIVE_MARKERS, PREPOSITIONS, TENSE_AUXILIARIES
from .lexicon.pronouns import POSSESSIVE_SUBJECTS, SUBJECT_PRONOUNS
from .lexicon.titles import GROUP_NOUNS, PERSON_NOUNS
from .lexicon.words import CALENDAR_WORDS, FUNCTION_WORDS, NON_PERSON_HEADS
from .phrases import (
    CLAUSE_END,
    STOP_PUNCT,
    Reader,
    Subject,
    Word,
    cue_at,
    is_adverb,
    is_cue,
)
from .quotes import QuoteSpan

__all__ = ["Cue", "Subject", "Word", "is_speech_like", "is_term"]

_SOURCES = tuple(tuple(phrase.split()) for phrase in SOURCE_PHRASES)
_SOURCE_FIRST = frozenset(phrase[0] for phrase in _SOURCES)
# Words that can start an in-sentence cue: a reporting verb, a particle verb, a source,
# a noun of speech ("Berg's claim that …"), a verb that communicates or evaluates
# (for a partial quotation: "Ruiz slammed the plan as a “fiasco”").
_CANDIDATES = CUE_VERBS | frozenset(PARTICLE_CUES) | _SOURCE_FIRST | SPEECH_NOUNS \
    | PARTIAL_CUE_VERBS | FINDING_VERBS \
    | frozenset(pair.split()[0] for pair in PARTIAL_PARTICLE_VERBS)
_MAX_OBJECT = 6
# Words that join a second main clause, with a reporter of its own.
_CLAUSE_JOINS = frozenset(["but", "while", "whereas", "although", "though", "yet", ";"])
# The words that join two quotations of one speaker: “A” and “B”, “A,” or “B”.
_COORDINATED = (["and"], ["or"], [",", "and"], [",", "or"], ["but"], [",", "but"])
_WINDOW = 400  # characters of context read on each side of a quotation


@dataclass(slots=True)
class Cue:
    """One reporting cue for one quotation."""

    place: str  # tail | head | sentence_final | in_sentence | continuing | colon | paragraph_intro
    rule: str
    start: int
    end: int
    subject: Subject | None
    addressee: str | None = None


def _source_at(words: list[Word], i: int) -> int:
    """Index after a source phrase ("according to") that starts at ``words[i]``, or -1."""
    if words[i].lower not in _SOURCE_FIRST:
        return -1
    for phrase in _SOURCES:
        end = i + len(phrase)
        if end <= len(words) and all(words[i + k].lower == part
                                     for k, part in enumerate(phrase)):
            return end
    return -1


def _pronoun_subject(word: Word, pronoun: str) -> Subject:
    """The subject a possessive or object pronoun stands for (“her view”: she)."""
    return Subject("pronoun", word.start, word.end, word.text,
                   gender=SUBJECT_PRONOUNS[pronoun][0])


def _view_at(words: list[Word], i: int) -> tuple[int, Subject] | None:
    """“in her view”, “in his words” at ``words[i]``: the index after it, and the owner
    as a pronoun subject (“her” stands for “she”)."""
    if words[i].lower != "in" or i + 2 >= len(words):
        return None
    owner, noun = words[i + 1], words[i + 2]
    pronoun = POSSESSIVE_SUBJECTS.get(owner.lower)
    if pronoun is None or noun.lower not in VIEW_NOUNS:
        return None
    return i + 3, _pronoun_subject(owner, pronoun)


def _rule(prefix: str, subject: Subject | None, suffix: str = "") -> str:
    kind = "name" if subject is None else subject.kind
    kind = {"description": "description"}.get(kind, kind)
    return prefix.replace("X", kind) + suffix


def _past_tense(word: Word) -> bool:
    """A lower-case word that reads as a past-tense verb (“glowed”, “fleered”)."""
    return len(word.text) > 4 and word.text.endswith("ed") and word.text.isalpha() \
        and word.text.islower() and word.lower not in FUNCTION_WORDS


def _citation(words: list[Word], j: int, subject: Subject) -> bool:
    """Whether a name credited after a dash is a source, not a speaker: a web address
    (“— Gazette.com”) or a name and a date (“— Valley Courier, March 3”).

    >>> from quotecheck.phrases import read_words
    >>> words = read_words("— Valley Courier, March 3", 0, 25)
    >>> _citation(words, 3, Subject("name", 2, 16, "Valley Courier"))
    True
    """
    if words[j - 1].end > subject.end:
        return True  # the name is part of a longer word: "Gazette.com"
    return j + 1 < len(words) and words[j].text == "," and (
        words[j + 1].lower in CALENDAR_WORDS or words[j + 1].text.isdigit())
_BE_FORMS = frozenset(["am", "are", "be", "been", "being", "is", "was", "were"])


def _passive(words: list[Word], v: int, lo: int) -> bool:
    """Whether the verb ``words[v]`` is a passive participle ("was derided", "were
    widely described", "is told"): its subject is talked about, not talking. "quoted"
    is not ("was quoted as saying" names the speaker)."""
    word = words[v].lower
    if not (word.endswith(("ed", "en")) or word in ("told", "said", "shown")) \
            or word == "quoted":
        return False
    k = v - 1
    while k >= lo and v - k <= 3 and is_adverb(words[k]) and words[k].lower not in _BE_FORMS:
        k -= 1
    return k >= lo and words[k].lower in _BE_FORMS


def _people(subject: Subject) -> bool:
    """A description headed by a noun of people or groups (“critics”, “union leaders”)."""
    head = subject.text.split()[-1].lower()
    return subject.kind == "description" and (head in PERSON_NOUNS or head in GROUP_NOUNS
                                              or head.endswith(("ists", "ians")))


def _bare_agent(reader: Reader, tail: list[Word]) -> Subject | None:
    """A bare plural in lower case after "by": up to three words, the last a noun of
    people or groups, ending the phrase (“by union leaders on Monday”, “by
    critics.”)."""
    j = 1
    while j < len(tail) and j <= 3 and tail[j].text.isalpha() and tail[j].text.islower() \
            and tail[j].lower not in PREPOSITIONS and tail[j].lower not in FUNCTION_WORDS:
        j += 1
    if j == 1 or (j < len(tail) and tail[j].text.isalpha() and tail[j].lower not in PREPOSITIONS):
        return None
    head = tail[j - 1].lower
    if not (head.endswith("s") and (head in PERSON_NOUNS or head in GROUP_NOUNS
                                    or head.endswith(("ists", "ians")))):
        return None
    text = reader.text[tail[1].start:tail[j - 1].end]
    return Subject("description", tail[1].start, tail[j - 1].end, text, description=text)


def _personal(subject: Subject) -> bool:
    """Whether a subject can speak with any verb: a name, a pronoun, or a description
    of a person (“the old man”, not “the meeting” in “…,” ended the meeting)."""
    return subject.kind != "description" or (subject.mention is not None
                                             and subject.mention.kind == "description")


def _clause_ends(words: list[Word], j: int) -> bool:
    """Whether a short reporting clause can end at ``words[j]``: the sentence ends, or
    punctuation, an adverb of manner or a phrase of manner follows (“glowed Carol, …”,
    not an auxiliary: “…, saying it was”)."""
    return j >= len(words) or words[j].text in STOP_PUNCT or words[j].text in CLAUSE_END \
        or (words[j].lower.endswith("ly") and is_adverb(words[j])) \
        or words[j].lower in PREPOSITIONS


def _skip_parenthesis(words: list[Word], j: int) -> int:
    """Index after a short parenthesis that starts at ``words[j]``, or ``j``."""
    if j < len(words) and words[j].text == "(":
        k = j + 1
        while k < len(words) and k - j < 10 and words[k].text != ")":
            k += 1
        if k < len(words) and words[k].text == ")":
            return k + 1
    return j


def _addressee(reader: Reader, words: list[Word], v: int) -> str | None:
    if words[v].lower not in ADDRESSEE_VERBS or v + 1 >= len(words):
        return None
    j = v + 1
    if words[j].lower in PREPOSITIONS:
        return None  # "warned of an unspecified response": no one addressed
    while j < len(words) and j - v <= 4 and words[j].text not in CLAUSE_END \
            and words[j].text not in STOP_PUNCT and words[j].lower != "that" \
            and words[j].lower not in PREPOSITIONS and words[j].lower not in CALENDAR_WORDS:
        j += 1  # "told the Gazette on Sunday", "told reporters outside the building"
    if j == v + 1:
        return None
    return reader.text[words[v + 1].start:words[j - 1].end]


_SINGULAR_OPENERS = frozenset(["a", "an", "another", "each", "every", "her", "his", "its",
                               "my", "our", "that", "their", "this", "your"])


def _noun_use(words: list[Word], v: int, subject: Subject | None) -> bool:
    """Whether the cue word ``words[v]`` is a noun ending the description read as its
    subject: a bare form (“answer”, whose -s form is a verb too) after a singular noun
    phrase that a determiner or possessive opens (“a stock answer”, “her usual reply”;
    not “the officials say”)."""
    if subject is None or subject.kind != "description" or subject.mention is not None:
        return False
    word = words[v].lower
    if word + "s" not in CUE_VERBS and word + "es" not in CUE_VERBS:
        return False
    first = subject.text.split()[0].lower()
    last = words[v - 1].lower if v > 0 else ""
    return first in _SINGULAR_OPENERS and not last.endswith("s") and last not in GROUP_NOUNS


def _infinitive_subject(reader: Reader, words: list[Word], v: int, lo: int) -> Subject | None:
    """The subject of the verb that governs the infinitive ``to`` + ``words[v]``: "The
    memo goes on to say:", "She went on to write,", "Ruiz wanted to add:"."""
    k = v - 2
    if k >= lo and words[k].lower == "on":
        k -= 1
    if k < lo or not (words[k].text.isalpha() and words[k].text.islower()) \
            or words[k].lower in FUNCTION_WORDS:
        return None
    subject = reader.backward(words, k, lo)
    return subject if subject is not None and not _thing(subject) else None


def _second_verb(words: list[Word], v: int, lo: int) -> bool:
    """Whether ``words[v]`` follows "and" or "but" (and its auxiliaries: "and was
    saying"), as a second verb of one subject."""
    k = v - 1
    while k > lo and words[k].lower in TENSE_AUXILIARIES:
        k -= 1
    return k >= lo and k < v and words[k].lower in ("and", "but")


_CLAUSE_OPENERS = frozenset([",", ";", "and", "but", "then", "so"])


def _clause_subject(reader: Reader, words: list[Word], lo: int, v: int) -> Subject | None:
    """The subject of the clause whose second verb is ``words[v]``: the nearest subject
    before it that opens a clause and has a verb after it ("…, and Mrs. Adair quietly
    settled the matter by turning to him and remarking:" → Mrs. Adair)."""
    for i in range(v - 2, lo - 1, -1):
        if i > lo and words[i - 1].lower not in _CLAUSE_OPENERS:
            continue
        found = reader.forward(words, i, stop_at_verb=False)
        if found is None or found[1] >= v:
            continue
        after = words[found[1]].text
        if after.isalpha() and after.islower():
            return found[0]
    found = reader.forward(words, lo, stop_at_verb=True)  # "Gov. Elena Marsh, a Democrat, …"
    return found[0] if found is not None else None


def _only_manner(words: list[Word]) -> bool:
    """What may follow “said he” before the rest of a split quotation: punctuation,
    adverbs, or one short phrase of manner (“with some severity”, “waxing warm”)."""
    content = [w for w in words if w.text not in (",", ":", ";", "—", "–") and not is_adverb(w)]
    if not content:
        return True
    first = content[0]
    return len(content) <= 5 and words[-1].text in (",", ":", "—", "–") and (
        first.lower in PREPOSITIONS or first.lower.endswith("ing")) and not any(
        w.text in STOP_PUNCT or is_cue(w) for w in content[1:])


_SUBORDINATORS = frozenset(["after", "although", "as", "because", "before", "if", "since",
                            "though", "until", "when", "whenever", "while", "whilst"])


def _subordinate(words: list[Word], subject: Subject, lo: int) -> bool:
    """Whether ``subject`` opens a subordinate clause ("as he finished", "when she left")."""
    index = bisect_left([w.start for w in words], subject.start)
    return index - 1 >= lo and words[index - 1].lower in _SUBORDINATORS


def _personal_before(reader: Reader, words: list[Word], v: int, lo: int) -> bool:
    """“called” right before a quotation names a term unless a person does the calling."""
    subject = reader.backward(words, v, lo)
    return subject is not None and subject.kind in ("name", "pronoun") and (
        subject.mention is None or subject.mention.kind != "organisation")


def _evaluating_at(words: list[Word], v: int) -> bool:
    """A verb that communicates or evaluates (“slammed”, “talked up”, “cited”, or a
    verb of finding), used as a verb: lower case, not after a determiner, a
    preposition or a possessive; “called” too, which elsewhere names a term."""
    word = words[v]
    particle = words[v + 1].lower if v + 1 < len(words) else ""
    if not word.text.islower() or not (word.lower in PARTIAL_CUE_VERBS
                                       or word.lower in FINDING_VERBS
                                       or word.lower in NAMING_CUES
                                       or f"{word.lower} {particle}" in PARTIAL_PARTICLE_VERBS):
        return False
    previous = words[v - 1].lower if v > 0 else ""
    return not (previous in DETERMINERS or previous in PREPOSITIONS
                or previous.endswith(("’s", "'s")))


_RELATIVES = frozenset(["which", "whom", "whose"])


# Prepositions before a gerund of speech whose subject is the clause's: "began by
# saying", "before insisting" (not "without saying").
_GERUND_PREPOSITIONS = frozenset(["after", "before", "by", "upon", "when", "while"])


def _gerund_at(words: list[Word], v: int) -> bool:
    """A cue in -ing after a preposition that takes a gerund: "by saying", "before
    insisting"."""
    return v > 0 and words[v].lower.endswith("ing") and cue_at(words, v) \
        and words[v - 1].lower in _GERUND_PREPOSITIONS


def _source(subject: Subject) -> bool:
    """A subject that can find or show: a document, a poll, a group, an organisation
    (“a new poll”, “the study”, “most voters”, “the Gallup Organization”)."""
    if subject.kind == "name":
        return subject.mention is not None and subject.mention.kind == "organisation"
    if subject.kind != "description":
        return False
    head = subject.text.split()[-1].lower()
    return head in DOCUMENT_NOUNS or head in GROUP_NOUNS or head in _SHARE_WORDS


# Words that make a share of a group a subject: "21 percent said", "Most chanted".
_SHARE_WORDS = frozenset(["%", "all", "few", "half", "many", "most", "others", "percent",
                          "some", "third", "thirds", "quarter", "majority", "minority"])


def _group_subject(reader: Reader, words: list[Word], v: int) -> Subject | None:
    """A subject the noun-phrase reader leaves: a share of a group that opens its clause
    (“21 percent said”, “Some chanted”, “A majority of voters said”), or a newspaper
    named by “the” and one capitalised word (“The Post said”, “The Hill reported”)."""
    if v == 0:
        return None
    last = words[v - 1]
    k = v - 1
    if last.lower in _SHARE_WORDS:
        while k > 0 and v - k < 3 and (words[k - 1].text.isdigit() or words[k - 1].lower in (
                "a", "an", "the", "two", "one", "about", "nearly", "almost", "roughly")):
            k -= 1  # "21 percent", "a majority", "nearly two thirds"
        if k == v - 1 and last.lower in ("percent", "%", "third", "thirds", "quarter"):
            return None  # a share needs its number
        if k > 0 and words[k - 1].text not in CLAUSE_END and words[k - 1].lower not in (
                "and", "but", "while", "whereas"):
            return None  # (the share must open its clause: not "it lost some")
        text = reader.text[words[k].start:last.end]
        return Subject("description", words[k].start, last.end, text, description=text)
    if v >= 2 and last.text.isalpha() and last.text[:1].isupper() and last.text[1:].islower() \
            and words[v - 2].lower == "the" and reader.analysis.mention_at(last.start) is None \
            and (v == 2 or words[v - 3].text in CLAUSE_END):
        text = reader.text[words[v - 2].start:last.end]
        return Subject("description", words[v - 2].start, last.end, text, description=text)
    return None


def _thing(subject: Subject) -> bool:
    """A description that names no one who could speak (“the company's full-year earnings
    forecast”: the cue word is a noun): its head is no person, group, organisation or
    document."""
    if subject.kind != "description" or subject.mention is not None:
        return False
    if " of " in subject.text and subject.text.split()[-1][:1].isupper():
        return False  # an organisation's name: "The Department of Agriculture"
    head = subject.text.split()[-1].lower()
    return not (head in PERSON_NOUNS or head in GROUP_NOUNS or head in DOCUMENT_NOUNS
                or head in _SHARE_WORDS or head in NON_PERSON_HEADS
                or head.endswith(("ers", "ists", "ians")))


# Words that open a phrase or clause fronted before a sentence's subject ("Early in
# the campaign, …", "Still, …"), besides prepositions and subordinators.
_FRONTING_WORDS = frozenset(["also", "earlier", "early", "instead", "later", "late",
                             "meanwhile", "now", "so", "still", "then", "yet"])


def _fronted(reader: Reader, word: Word) -> bool:
    """Whether ``word`` opens a fronted phrase, not a subject: a preposition, a
    subordinator, an adverb, a participle ("Citing …", "Asked …") or a relative."""
    lower = word.lower
    if reader.analysis.mention_at(word.start) is not None:
        return False  # a name: "Reed", "Early" as a surname
    return lower in PREPOSITIONS or lower in _SUBORDINATORS or lower in _FRONTING_WORDS \
        or lower in ("who", "which", "whose", "whom", "where", "when") \
        or lower in CALENDAR_WORDS or lower.endswith("ly") \
        or (lower.endswith(("ing", "ed")) and word.text[1:].islower()
            and lower not in FUNCTION_WORDS and lower not in PERSON_NOUNS
            and lower not in GROUP_NOUNS)  # "Citing …", "Asked …"


def _main_subject(reader: Reader, words: list[Word], end: int) -> Subject | None:
    """The subject of the main clause before ``words[end]``, skipping fronted phrases
    and subordinate clauses: "Early in the race, Ruiz attacked Berg, calling him …" is
    Ruiz; "After Lee asked …, Park replied" is Park; "The memo, sent to Ruiz, called …"
    is the memo.

    The clauses set off by commas are read from the nearest back: a clause opens with a
    noun phrase followed by a lower-case verb; one that opens with a preposition, a
    subordinator or a participle is fronted or parenthetical and is passed over; a noun
    phrase alone that opens the sentence is its subject (an apposition followed).
    """
    starts = [0] + [k + 1 for k in range(end) if words[k].text in (",", ";", "—", "–")
                    and k + 1 < end]
    for i in reversed(starts):
        if _fronted(reader, words[i]):
            continue
        for j in range(i + 1, min(end, i + 10)):
            if words[j].text in CLAUSE_END or words[j].text in STOP_PUNCT:
                break
            if _verb_like(words[j]):
                subject = reader.backward(words, j, i)
                if subject is not None and subject.start == words[i].start:
                    mention = reader.analysis.mention_at(words[i].start)
                    if subject.kind == "description" and mention is not None \
                            and mention.kind == "description" and mention.end <= subject.end:
                        # "A federal judge on Friday blocked": the description's mention
                        return Subject("description", mention.start, mention.end,
                                       mention.text, mention, description=mention.text)
                    return subject
                break
        if i == 0:
            found = reader.forward(words, 0, stop_at_verb=True)
            if found is not None and found[1] < end and words[found[1]].text == "," \
                    and found[0].kind != "pronoun":
                return found[0]  # "The memo, sent to Ruiz, called it …"
    return None


def _verb_like(word: Word) -> bool:
    """A lower-case word that reads as a finite verb: a cue, a verb that evaluates, an
    auxiliary, or a past tense (“attacked”)."""
    lower = word.lower
    return word.text.isalpha() and word.text.islower() and (
        lower in CUE_VERBS or lower in PARTIAL_CUE_VERBS or lower in TENSE_AUXILIARIES
        or lower in ("is", "are") or _past_tense(word))


def _sentence_subject(reader: Reader, words: list[Word], opens: bool = False) -> Cue | None:
    """The first person named in the sentence, for a participle cue with no subject;
    with ``opens`` (the words start the sentence), also a description of a person or a
    group that opens it ("The transport secretary has defended …, insisting …")."""
    head = reader.analysis.mention_at(words[0].start) if opens and words else None
    if opens and words and (head is None or head.kind == "description"):
        end, noun = (head.end, head.text) if head is not None and head.kind == "description" \
            else (words[0].end, words[0].text) if words[0].lower in GROUP_NOUNS else (-1, "")
        after = next((w for w in words if w.start >= end), None) if end > 0 else None
        if after is not None and after.text.isalpha() and after.text.islower():
            subject = Subject("description", words[0].start, end, noun,
                              head if head is not None and head.kind == "description" else None,
                              description=noun)
            return Cue("in_sentence", "participle-subject", words[0].start, words[0].end,
                       subject)
    for i, word in enumerate(words):
        found = reader._name_at(words, i)
        if found is not None and _modifier(words, i, found[1]):
            continue  # "A Berg ad released Monday calls …": the name modifies the ad
        if found is not None and _person_follows(
                reader, words, found[1]):
            continue  # "Former Republican candidate Ana Ruiz was blunt:": a modifier
        if found is not None and not found[0].possessive and found[0].entity >= 0 and (
                reader.analysis.entities[found[0].entity].kind == "person"
                or (i <= 2 and found[0].kind == "unknown" and found[1] < len(words)
                    and words[found[1]].text.isalpha() and words[found[1]].text.islower())):
            mention = found[0]
            return Cue("in_sentence", "participle-subject", word.start, word.end,
                       Subject("name", mention.start, mention.end, mention.text, mention))
    return None


def _person_follows(reader: Reader, words: list[Word], j: int) -> bool:
    """Whether a person is named within the noun phrase that goes on at ``words[j]``
    (up to three lower-case nouns, then the name), before any verb or punctuation."""
    k = j
    while k < len(words) and k - j < 3 and words[k].text.isalpha() \
            and words[k].text.islower() and not _verb_like(words[k]) \
            and words[k].lower not in FUNCTION_WORDS:
        k += 1
    if k == j or k >= len(words):
        return False
    found = reader._name_at(words, k)
    return found is not None and found[0].entity >= 0 \
        and reader.analysis.entities[found[0].entity].kind == "person"


# A named agent right after a quotation: “…” by Senator Lee Park, by the Times.
_AGENT_RE = regex.compile(r"\s*+by\s++(?:the\s++)?+\p{Lu}")
def _modifier(words: list[Word], i: int, j: int) -> bool:
    """Whether the name ``words[i:j]`` modifies a noun: a determiner before it and a
    document after it ("the Park ad", "a Berg memo")."""
    after = words[j].lower if j < len(words) else ""
    return i > 0 and words[i - 1].lower in DETERMINERS and after in DOCUMENT_NOUNS


_TITLE_SMALL_WORDS = frozenset(["a", "an", "and", "at", "for", "in", "of", "on", "or", "the",
                                "to", "versus", "vs", "vs.", "with"])


def is_term(text: str, quote: QuoteSpan, sentence_start: int) -> bool:
    """A name or term, not speech: a robot named “Robogee”, the word “parole”.

    >>> text = 'The print called "Cowboys and Indians" hung there.'
    >>> from quotecheck.quotes import scan_quotes
    >>> is_term(text, scan_quotes(text)[0][0], 0)
    True
    """
    window = text[max(sentence_start, quote.start - 60):quote.start].split()
    before = window[-4:]
    if before and before[-1].endswith(":") and (
            any(w.strip(",:").lower() in LABEL_NOUNS for w in before)
            or before[-1].rstrip(":").lower() in NAMING_CUES - {"called"}):
        return True  # earned it a nickname among residents: “the Harp.”
    before = before[-3:]
    if not before or not before[-1][-1:].isalnum():
        return False  # nothing before, or punctuation: “…” opens a sentence or follows a colon
    agent = _AGENT_RE.match(text, quote.end) is not None  # … by Senator Lee Park
    if len(before) == 3 and before[-1].lower() == "as" \
            and before[-2].lower() in PASSIVE_NAMING_VERBS \
            and (before[0].lower() in PASSIVE_MARKERS or before[0].lower().endswith("ly")):
        return not agent  # what is popularly described as “quiet quitting”
    if len(before) == 3 and before[-1].lower() in ("the", "a", "an") and (
            before[-2].lower() in ("call", "calls") or (
            before[-2].lower() in NAMING_CUES and before[-2].lower() != "called")):
        return True  # what they call the “tanker mafia”, dubbed the “Iron Lady”
    before = before[-2:]
    last = before[-1].lower()
    previous = before[0] if len(before) == 2 else ""
    # a title: appeared on “Meet the Press”, told CNN’s “State of the Union”
    inner = text[quote.inner_start:quote.inner_end]
    title_words = inner.strip(" .,!?;:").split() if len(inner) < 120 else []
    title_case = 1 <= len(title_words) <= 8 and title_words[0][:1].isupper() and all(
        w[:1].isupper() or w in _TITLE_SMALL_WORDS for w in title_words)
    if title_case and (last in TITLE_LEAD_WORDS or (
            before[-1][:1].isupper() and last.endswith(("’s", "'s")))):
        return True
    if last in ("as", "by") and previous.lower() in ("known", "going", "go"):
        return True
    if last in TERM_NOUNS:
        return True
    if last in INSCRIPTION_VERBS and any(
            w.strip(",.;:").lower() in INSCRIPTION_NOUNS for w in window[-9:-1]):
        return True  # A banner over the stage reads “Ridgeway Forward.”
    if last in NAMING_CUES and last != "called":
        return True
    if last == "called" and previous:
        return previous.islower() and previous.isalpha() and previous not in SUBJECT_PRONOUNS \
            and previous not in ("she", "he", "they", "who") \
            and not (agent and previous in PASSIVE_MARKERS)  # was called “…” by Ana Ruiz
    return False


def _title_case(inner: str) -> bool:
    """Words in title case with no final punctuation: a title or a name (“Light and
    Stone in the Old City”, “Northern Light”), not speech."""
    words = inner.split()
    content = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
    capitalised = sum(1 for w in content if w[:1].isupper())
    return 2 <= len(words) <= 12 and bool(content) and capitalised * 10 >= len(content) * 8 \
        and not words[-1].endswith((".", "!", "?"))


def is_speech_like(text: str, quote: QuoteSpan, sentence_start: int, term: bool) -> bool:
    """Whether a quotation reads as someone's words rather than a term or a title.

    A quotation that opens its sentence, follows a colon or comma, or runs to more
    than three words is speech-like; a short one mid-sentence is a scare quote, and
    words in title case with no final punctuation are a title.

    >>> from quotecheck.quotes import scan_quotes
    >>> text = 'Fans saw "Andy Warhol: Photographs and Prints" and "pills" there.'
    >>> [is_speech_like(text, q, 0, False) for q in scan_quotes(text)[0]]
    [False, False]
    """
    if term:
        return False
    words = text[quote.inner_start:quote.inner_end].split()
    if _title_case(text[quote.inner_start:quote.inner_end]):
        return False  # a title in title case: “Light and Stone in the Old City,”
    if quote.start == sentence_start:
        return True
    before = text[max(sentence_start, quote.start - 3):quote.start].rstrip()
    if before.endswith((":", ",")):
        return True
    return len(words) > 3

