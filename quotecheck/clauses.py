"""Reporting clauses: for each quotation, the cues that could name its speaker.

A cue is a reporting verb (``said``, ``told``, ``warned``) or phrase (``according
to``) with the subject it governs: a name, a pronoun or a description. This module
reads the words around each quotation in a bounded window, so the whole pass is
linear in the text. It finds, in order of precision:

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

from .entities import EntityAnalysis, is_title_case
from .lexicon.cues import (
    ADDRESSEE_VERBS,
    ANNOUNCING_WORDS,
    CONTINUING_CUES,
    CUE_VERBS,
    DOCUMENT_NOUNS,
    FINDING_VERBS,
    HEADLINE_VERBS,
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
    TELLING_VERBS,
    TERM_NOUNS,
    TITLE_LEAD_WORDS,
    VIEW_NOUNS,
)
from .lexicon.grammar import DETERMINERS, PASSIVE_MARKERS, PREPOSITIONS, TENSE_AUXILIARIES
from .lexicon.pronouns import OBJECT_SUBJECTS, POSSESSIVE_SUBJECTS, SUBJECT_PRONOUNS
from .lexicon.titles import GROUP_NOUNS, PERSON_NOUNS
from .lexicon.words import CALENDAR_WORDS, FUNCTION_WORDS, NON_PERSON_HEADS
from .phrases import (
    CLAUSE_END,
    STOP_PUNCT,
    Reader,
    Subject,
    Word,
    WordCache,
    cue_at,
    is_adverb,
    is_cue,
    is_verb_at,
    read_words,
)
from .quotes import QuoteSpan

__all__ = ["Cue", "Subject", "Word", "find_cues", "is_speech_like", "is_term"]

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
# Sentence-final clauses that may cover one earlier quotation of their sentence.
_COVERING = 8


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


def _framing(reader: Reader, words: list[Word]) -> Cue | None:
    """“For Ms. Walsh, the bill is …”, “To him, it was …”: a sentence that opens with
    whose view it gives, a person named or a pronoun, then a comma."""
    if len(words) < 3 or words[0].lower not in ("for", "to"):
        return None
    owner = words[1]
    if owner.lower in OBJECT_SUBJECTS and words[2].text == ",":
        return Cue("in_sentence", "for-pronoun-view", words[0].start, words[0].end,
                   _pronoun_subject(owner, OBJECT_SUBJECTS[owner.lower]))
    found = reader.forward(words, 1, stop_at_verb=False)
    if found is None or found[0].kind != "name" or found[0].mention is None \
            or found[0].mention.kind != "person" or found[1] >= len(words) \
            or words[found[1]].text != ",":
        return None
    return Cue("in_sentence", "for-name-view", words[0].start, words[0].end, found[0])


def _owned_speech(reader: Reader, words: list[Word]) -> Cue | None:
    """A noun of speech owned by a name or a pronoun before the quotation: “Tom Berg's
    claim that …”, “her warning that …”. The owner said the quoted words."""
    for k in range(len(words) - 1, 0, -1):
        noun = words[k]
        if noun.lower not in SPEECH_NOUNS:
            continue
        owner = words[k - 1]
        if owner.lower in POSSESSIVE_SUBJECTS and owner.lower != "my":
            return Cue("in_sentence", "possessive-noun-partial", noun.start, noun.end,
                       _pronoun_subject(owner, POSSESSIVE_SUBJECTS[owner.lower]))
        if not owner.lower.endswith(("’s", "'s")):
            continue
        mention = reader.analysis.mention_ending_at(owner.end - 2) \
            or reader.analysis.mention_ending_at(owner.end)
        if mention is None or mention.kind not in ("person", "organisation", "unknown"):
            continue
        subject = Subject("name", mention.start, mention.end, mention.text, mention)
        return Cue("in_sentence", "possessive-noun-partial", noun.start, noun.end, subject)
    return None


def _past_tense(word: Word) -> bool:
    """A lower-case word that reads as a past-tense verb (“glowed”, “fleered”)."""
    return len(word.text) > 4 and word.text.endswith("ed") and word.text.isalpha() \
        and word.text.islower() and word.lower not in FUNCTION_WORDS


def _tail_cue(reader: Reader, words: list[Word], open_clause: bool = False) -> Cue | None:
    """A reporting clause that starts right after the quotation.

    ``open_clause``: the quotation ends on a comma (“Aw,” …), so the sentence goes on
    with its reporting clause; any past-tense verb there reports (“…,” glowed Carol),
    in or out of the lexicon.
    """
    i = 0
    while i < len(words) and words[i].text in (",", "—", "–", "―", "-"):
        i += 1
    if i >= len(words):
        return None
    word = words[i]
    if i > 0 and words[i - 1].text in ("—", "–", "―", "-"):
        # a dash attribution: “Never again.” — John Smith
        found = reader.forward(words, i, stop_at_verb=True)
        if found is not None and found[0].kind == "name" and (
                found[1] >= len(words) or words[found[1]].text in (",", ".")) \
                and not _citation(words, found[1], found[0]):
            return Cue("tail", "quote-dash-name", words[i - 1].start, words[i - 1].end, found[0])
    if cue_at(words, i):
        after = i + 2 if words[i].lower in PARTICLE_CUES and not is_cue(word) else i + 1
        found = reader.forward(words, after, stop_at_verb=False)
        if found is not None:
            subject, _ = found
            return Cue("tail", _rule("quote-verb-X", subject), word.start,
                       words[after - 1].end, subject)
        return None
    source_end = _source_at(words, i)
    if source_end > 0:
        found = reader.forward(words, source_end, stop_at_verb=False)
        if found is not None:
            return Cue("tail", "according-to", word.start, words[source_end - 1].end, found[0])
        return None
    view = _view_at(words, i)
    if view is not None:  # “dead on arrival,” in her view
        return Cue("tail", "in-their-view", word.start, words[view[0] - 1].end, view[1])
    if open_clause and _past_tense(word):
        found = reader.forward(words, i + 1, stop_at_verb=False)
        if found is not None and found[0].kind != "pronoun" and _personal(found[0]) \
                and _clause_ends(words, found[1]):
            return Cue("tail", _rule("quote-verb-X", found[0]), word.start, word.end,
                       found[0])
    found = reader.forward(words, i, stop_at_verb=True)
    if found is None:
        return None
    subject, j = found
    if open_clause and j < len(words) and _past_tense(words[j]) and not cue_at(words, j) \
            and _personal(subject) and _clause_ends(words, j + 1):
        return Cue("tail", _rule("quote-X-verb", subject), words[j].start, words[j].end,
                   subject)
    j = _skip_parenthesis(words, j)  # "Sen. Rob Portman (R-Ohio) said"
    if subject.kind == "description" and j < len(words) and words[j].lower in PREPOSITIONS:
        # "a nurse at the clinic, speaking on condition of anonymity, said"
        k = j + 1
        while k < len(words) and k - j <= 5 and words[k].text not in (",", ".", ";") \
                and not is_cue(words[k]):
            k += 1
        if k < len(words) and (words[k].text == "," or cue_at(words, k)):
            j = k  # ("a nurse at the clinic said")
    segments = 0
    while j < len(words) and words[j].text == "," and subject.kind in ("name", "description") \
            and segments < 3:
        # "Cecelia Moss, 67, a retired nurse from Erie, Pa., said": up to three segments
        k = j + 1
        while k < len(words) and k - j < 16 and (words[k].text not in (",", ".", ";") or (
                words[k].text == "." and k + 1 < len(words) and words[k + 1].text == ","
                and words[k - 1].text.istitle() and len(words[k - 1].text) <= 5)):
            k += 1  # (a state's abbreviation keeps its period: "Erie, Pa., said")
        if not (k < len(words) and words[k].text == "," and (subject.kind == "name" or (
                words[j + 1].lower in ("who", "which", "whose")
                or words[j + 1].lower.endswith("ing")))):
            break
        if subject.kind == "name" and segments == 0:
            subject.description = reader.text[words[j + 1].start:words[k - 1].end]
        segments += 1
        j = k if subject.kind == "name" and k + 1 < len(words) \
            and not cue_at(words, k + 1) and not is_adverb(words[k + 1]) else k + 1
    if j < len(words) and words[j].lower == "who" and subject.kind in ("name", "description"):
        # "a man who lives nearby told reporters": a relative clause with no commas
        k = j + 1
        while k < len(words) and k - j <= 8 and words[k].text not in STOP_PUNCT \
                and words[k].text not in CLAUSE_END and not cue_at(words, k):
            k += 1
        if k < len(words) and cue_at(words, k) and k > j + 2:
            j = k  # (the clause has a verb of its own before the reporting one)
    skipped = 0
    while j < len(words) and skipped < 3 and (is_adverb(words[j]) or (
            words[j].lower in TENSE_AUXILIARIES and j + 1 < len(words)
            and words[j + 1].text.islower())):
        j += 1  # "his mother had replied", "she would say", "he was saying"
        skipped += 1
    # a bare participle is no reporting clause: "…", the government recommending
    if j < len(words) and cue_at(words, j) and not (
            words[j].lower.endswith("ing") and skipped == 0):
        verb = words[j]
        if j + 1 < len(words) and words[j + 1].text == ":":
            return None  # “We won.” Piotr Nowak replied: “…”: the clause introduces the next
        end = words[j + 1].end if not is_cue(verb) else verb.end  # "pointed out"
        addressee = _addressee(reader, words, j)
        return Cue("tail", _rule("quote-X-verb", subject), verb.start, end, subject,
                   addressee)
    return None


def _citation(words: list[Word], j: int, subject: Subject) -> bool:
    """Whether a name credited after a dash is a source, not a speaker: a web address
    (“— Gazette.com”) or a name and a date (“— Valley Courier, March 3”).

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


def _passive_agent(reader: Reader, tail: list[Word], head: list[Word]) -> Cue | None:
    """The agent of a passive verb of speech or judgement speaks: "The plan was
    described as “unworkable” by Senator Lee Park" (``tail`` starts with "by",
    ``head`` ends with the passive: a form of *be*, adverbs, a past participle, "as")."""
    k = len(head) - 1
    if k >= 0 and head[k].lower == "as":
        k -= 1
    if k < 1:
        return None
    verb = head[k]
    if not (verb.text.isalpha() and verb.text.islower() and (
            verb.lower.endswith("ed") or verb.lower in CUE_VERBS)):
        return None
    m = k - 1
    while m > 0 and is_adverb(head[m]) and head[m].lower not in PASSIVE_MARKERS:
        m -= 1
    if head[m].lower not in PASSIVE_MARKERS or head[m].lower in ("also", "often", "sometimes"):
        return None
    found = reader.forward(tail, 1, stop_at_verb=False)
    speech = verb.lower in CUE_VERBS or verb.lower in PARTIAL_CUE_VERBS \
        or verb.lower in PASSIVE_NAMING_VERBS
    agent = found[0] if found is not None else _bare_agent(reader, tail) if speech else None
    if agent is None or agent.kind == "pronoun" or not (
            _personal(agent) or (speech and _people(agent))):
        return None
    return Cue("tail", "passive-agent", tail[0].start, tail[0].end, agent)


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


def _closing_clause(reader: Reader, words: list[Word]) -> Cue | None:
    """A short reporting clause after the sentence's last comma (“…, Ruiz said.”, “…,
    his aides said Friday.”): the words after the quotation, ``words``, hold it."""
    comma = max((k for k, w in enumerate(words) if w.text == ","), default=-1)
    if comma <= 0 or len(words) - comma > 8:
        return None
    clause = _tail_cue(reader, words[comma:])
    if clause is None or clause.subject is None or clause.rule.startswith("quote-verb"):
        return None  # (a verb first after a comma is no clause of its own: "…, said to be")
    verb = bisect_left([w.start for w in words], clause.start)
    rest = [w for w in words[verb + 1:] if w.text not in STOP_PUNCT]
    if rest and not (len(rest) <= 4 and (rest[0].lower in CALENDAR_WORDS or is_adverb(rest[0])
                                         or rest[0].lower in PREPOSITIONS)
                     and not any(w.text in CLAUSE_END for w in rest)):
        return None  # the clause ends the sentence: "…, Ruiz said on Tuesday."
    return Cue("sentence_final", "sentence-final-cue", clause.start, clause.end,
               clause.subject, clause.addressee)


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


def _head_cue(reader: Reader, words: list[Word], lo: int,
              after_quote: bool = False) -> Cue | None:
    """A reporting clause that ends right before the quotation.

    ``after_quote``: the words start at the end of an earlier quotation, so a verb
    that opens them may come before its subject (“…,” said he, “…”).
    """
    n = len(words)
    # according to X, “…” / in the words of X, “…”
    for i in range(n - 1, max(lo - 1, n - 14), -1):
        source_end = _source_at(words, i)
        if source_end > 0:
            found = reader.forward(words, source_end, stop_at_verb=False)
            if found is not None and found[1] >= n - 3:
                return Cue("head", "according-to", words[i].start, words[source_end - 1].end,
                           found[0])
        view = _view_at(words, i)
        if view is not None and view[0] >= n - 2:  # in his words, “…”
            return Cue("head", "in-their-view", words[i].start, words[view[0] - 1].end,
                       view[1])
    for v in range(n - 1, max(lo - 1, n - 2 - _MAX_OBJECT), -1):
        word = words[v]
        if v > lo and words[v - 1].lower == "to" and cue_at(words, v) \
                and v + 1 < n and words[v + 1].text in (":", ","):
            infinitive = _infinitive_subject(reader, words, v, lo)
            if infinitive is not None:  # "The memo goes on to say: “…”"
                return Cue("head", _rule("X-verb-quote", infinitive), word.start, word.end,
                           infinitive)
        if not is_verb_at(words, v) or (word.lower in NAMING_CUES and v == n - 1
                                         and not _personal_before(reader, words, v, lo)):
            continue
        between = words[v + 1:]
        if any(w.text in STOP_PUNCT for w in between):
            continue
        if word.lower in CONTINUING_CUES and (v == lo or words[v - 1].text in (",", "and")):
            return Cue("continuing", "continuing-cue", word.start, word.end, None)
        subject = reader.backward(words, v, lo)
        if subject is not None and _subordinate(words, subject, lo):
            continue  # "…, as he finished, “…”": a subordinate clause reports nothing
        if _noun_use(words, v, subject):
            continue  # "He gave a stock answer: “…”"
        if _passive(words, v, lo):
            continue  # "The deal was derided as “…”": the deal is talked about
        if subject is None and after_quote and (v == lo or (
                v == lo + 1 and words[lo].text in (",", "—", "–"))):
            # verb first, between two parts of a split quotation: “…,” said he, “…”
            found = reader.forward(words, v + 1, stop_at_verb=False)
            if found is not None and _only_manner(words[found[1]:]):
                subject = found[0]
                return Cue("head", _rule("verb-X-quote", subject), word.start, word.end,
                           subject)
        if subject is None and _second_verb(words, v, lo):
            # a second verb of the clause's subject: "she lifted her voice and shouted:",
            # "He had taken the boy by the sleeve and was saying, …"
            subject = _clause_subject(reader, words, lo, v)
        addressee = _addressee(reader, words, v)
        return Cue("head", _rule("X-verb-quote", subject), word.start, word.end, subject,
                   addressee)
    return _announced(reader, words, lo)


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


def _announced(reader: Reader, words: list[Word], lo: int) -> Cue | None:
    """“…addressed him as follows:”, “…had spoken thus:”: words that announce what
    follows make the verb before them a cue, whatever the verb."""
    n = len(words)
    if n - lo < 3 or words[-1].text not in (":", ",") or words[-2].lower not in ANNOUNCING_WORDS:
        return None
    end = n - 2
    if words[-2].lower == "follows" and words[-3].lower == "as":
        end = n - 3
    for v in range(end - 1, max(lo - 1, end - 4), -1):
        word = words[v]
        if not (word.text.isalpha() and word.text.islower()) or word.lower in FUNCTION_WORDS:
            continue
        if not (_past_tense(word) or word.lower in CUE_VERBS):
            return None  # the verb must come within a word or two ("addressed him as follows")
        subject = reader.backward(words, v, lo)
        if subject is None and _second_verb(words, v, lo):
            subject = _clause_subject(reader, words, lo, v)
        if subject is None:
            return None
        return Cue("head", _rule("X-verb-quote", subject), word.start, word.end, subject)
    return None


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


def _in_sentence_cue(reader: Reader, words: list[Word], partial: bool = False) -> Cue | None:
    """The outermost reporting verb before the quotation, with a subject it governs.

    ``partial``: the quotation sits inside the sentence, so when no verb of speech
    reports it, a verb that communicates or evaluates does (“Ruiz slammed the plan as
    a “fiasco””), and a verb of finding does when a document or a group finds (“a new
    poll found “deep unease””); a noun of speech owned by someone after that verb
    still names its owner (“Ruiz rejected Berg's claim that …”).
    """
    found = _reporting_verb(reader, words, False)
    if found is None and partial:
        found = _reporting_verb(reader, words, True)
        if found is not None:
            after = bisect_left([w.start for w in words], found.end)
            owned = _owned_speech(reader, words[after:])
            if owned is not None:
                return owned
    if found is not None:
        relative = _relative_reporter(reader, words, found.end, partial)
        if relative is not None:
            return relative
    return found


_RELATIVES = frozenset(["which", "whom", "whose"])


def _relative_reporter(reader: Reader, words: list[Word], after: int,
                       partial: bool) -> Cue | None:
    """A reporter of its own inside a relative clause after the main verb: the
    quotation sits in that clause ("Ruiz slammed the program, which the mayor says is
    “reckless”", "…, which the inquiry found “reckless”"): the last relative pronoun
    after ``after``, followed by a verb with a subject in the relative clause."""
    k = len(words) - 1
    while k >= 0 and words[k].start >= after and words[k].lower not in _RELATIVES:
        k -= 1
    if k < 0 or words[k].start < after or words[k].text != words[k].lower \
            or k == 0 or words[k - 1].text != ",":
        return None
    clause = words[k + 1:]
    found = _reporting_verb(reader, clause, False)
    if found is None and partial:
        found = _reporting_verb(reader, clause, True)
    if found is None or found.subject is None or found.rule == "participle-subject":
        return None
    return found


def _reporting_verb(reader: Reader, words: list[Word], evaluating: bool) -> Cue | None:
    """The first verb before the quotation with a subject it governs: a verb of speech,
    or with ``evaluating`` a verb that communicates or evaluates."""
    for v, word in enumerate(words):
        if word.lower not in _CANDIDATES:
            continue  # most words are no cue: one set lookup each
        source_end = _source_at(words, v)
        if source_end > 0:
            found = reader.forward(words, source_end, stop_at_verb=False)
            if found is not None:
                return Cue("in_sentence", "according-to", word.start,
                           words[source_end - 1].end, found[0])
            continue
        view = _view_at(words, v)
        if view is not None:  # the plan, in her words, is “a gimmick”
            return Cue("in_sentence", "in-their-view", word.start, words[view[0] - 1].end,
                       view[1])
        followed_by_that = v + 1 < len(words) and words[v + 1].lower == "that"
        if evaluating:
            if not _evaluating_at(words, v):
                continue
        elif (not is_verb_at(words, v, weak_ok=followed_by_that) and not _gerund_at(words, v)) \
                or word.lower in NAMING_CUES:
            continue  # (a weak verb reports only with "that": "He added that …")
        if v > 0 and words[v - 1].lower == "who":
            continue  # "a volunteer who asked not to be named said": inside a relative clause
        subject = reader.backward(words, v, 0) or _group_subject(reader, words, v)
        if _noun_use(words, v, subject) or _passive(words, v, 0):
            continue
        if subject is None and (v == 0 or words[v - 1].text == ",") \
                and not word.lower.endswith("ing") and word.lower not in TELLING_VERBS:
            # verb first: "…, said Poland’s deputy foreign minister, Marcin Przydacz."
            # (not "…, cautioned that the models …": "that" opens what was said)
            found = reader.forward(words, v + 1, stop_at_verb=False) if not (
                v + 1 < len(words) and words[v + 1].lower == "that") else None
            # the inverted subject ends its clause ("…, said the plan would" is no inversion)
            subject = found[0] if found is not None and (
                words[found[1] - 1].text == "," or _clause_ends(words, found[1])) else None
        if subject is None and _second_verb(words, v, 0):
            # a second verb of the sentence's subject: "X declined to comment but said"
            subject = _clause_subject(reader, words, 0, v)
        if subject is None and v > 0 and (words[v - 1].text == "," or _gerund_at(words, v)):
            # a participle or a gerund with no subject of its own: "Ruiz has clashed
            # with Berg, saying she was “appalled”", "Ruiz began by saying …"; a verb
            # after a parenthesis: "The memo, sent to Berg, concluded that …"
            participle = word.lower.endswith("ing")
            subject = _main_subject(reader, words, v - 1 if participle else v)
            if subject is not None and subject.kind == "pronoun":
                subject = None
            if subject is not None and participle:
                return Cue("in_sentence", "participle-subject", word.start, word.end, subject)
        if subject is not None and word.lower in FINDING_VERBS and not _source(subject):
            continue  # "police found “suspicious” items": only a document or a group finds
        if subject is not None and evaluating and subject.kind == "description" \
                and _thing(subject):
            continue
        if subject is not None and not _thing(subject):
            return Cue("in_sentence", _rule("X-verb-partial", subject), word.start, word.end,
                       subject)
    return None


def _headline_cue(reader: Reader, paragraph: tuple[int, int], quote: QuoteSpan) -> Cue | None:
    """A headline that opens with a person's name, then a colon or a capitalised
    reporting verb, before the quotation: "Ruiz: Budget Plan Is ‘Dead On Arrival’",
    "Ana Ruiz Says Plan ‘Dead On Arrival’". (“Report: …” names no one.)

    >>> from quotecheck.pipeline import analyse
    >>> ctx = analyse("Ana Ruiz Says Plan ‘Dead On Arrival.’\\n\\nAna Ruiz spoke on Sunday.")
    >>> cue = ctx.cues[0][0]
    >>> cue.rule, cue.subject.text
    ('headline-name-verb', 'Ana Ruiz')
    """
    lo, hi = paragraph
    if not is_title_case(reader.text, lo, hi) or quote.start - lo > 160:
        return None
    words = read_words(reader.text, lo, quote.start)
    found = reader._name_at(words, 0) if words else None
    if found is None and len(words) > 2 and words[0].text[:1].isupper():
        found = reader._name_at(words, 1)  # "NM Gov Ortega:": a state before the title
    if found is None or found[0].possessive or found[0].kind not in ("person", "unknown") \
            or found[1] >= len(words):
        return None
    mention, k = found
    entities = reader.analysis.entities
    if mention.kind == "unknown" and not (0 <= mention.entity < len(entities)
                                          and entities[mention.entity].kind == "person"):
        return None  # "Analysis: …": a single word must be a person the article names
    subject = Subject("name", mention.start, mention.end, mention.text, mention)
    if words[k].text == ":":
        return Cue("colon", "headline-name-colon", words[k].start, words[k].end, subject)
    if words[k].lower in HEADLINE_VERBS:
        return Cue("colon", "headline-name-verb", words[k].start, words[k].end, subject)
    return None


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
    head = subject.text.split()[-1].lower()
    return not (head in PERSON_NOUNS or head in GROUP_NOUNS or head in DOCUMENT_NOUNS
                or head in _SHARE_WORDS or head in NON_PERSON_HEADS
                or head.endswith(("ers", "ists", "ians")))


def _colon_subject(reader: Reader, words: list[Word]) -> Cue | None:
    """Whoever a sentence that ends in a colon is about: a he or she among its first
    two words ("So he forestalled the next move:"), else the first person it names
    (Mr. X was blunt:)."""
    for word in words[:2]:
        if word.lower in ("he", "she") and word.text in (word.lower, word.lower.capitalize()):
            subject = Subject("pronoun", word.start, word.end, word.text,
                              gender=SUBJECT_PRONOUNS[word.lower][0])
            return Cue("colon", _rule("X-colon", subject), word.start, word.end, subject)
    colon = _sentence_subject(reader, words)
    if colon is not None:
        colon.place, colon.rule = "colon", "name-colon"
    return colon


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


def _has_quote(quotes: list[QuoteSpan], index: int, start: int) -> bool:
    """Whether a quotation before ``quotes[index]`` ends after ``start``."""
    return index > 0 and quotes[index - 1].end > start


def find_cues(text: str, quotes: list[QuoteSpan], sentences: list[tuple[int, int]],
              quote_sentences: list[tuple[int, int]], paragraphs: list[tuple[int, int]],
              quote_paragraphs: list[tuple[int, int]],
              analysis: EntityAnalysis) -> list[list[Cue]]:
    """For each quotation, its cues in order of precision (possibly none)."""
    reader = Reader(text, analysis)
    cache = WordCache(text, sentences, quotes, _CANDIDATES)
    sentence_starts = [s[0] for s in sentences]
    out: list[list[Cue]] = []
    tails: list[Cue | None] = []
    n = len(quotes)
    for index, quote in enumerate(quotes):
        first_sentence, last_sentence = quote_sentences[index]
        s_start = sentences[first_sentence][0]
        s_end = sentences[last_sentence][1]
        cues: list[Cue] = []
        # tail: up to the next quotation or the sentence end (a new sentence may
        # hold only the clause: “Stop!” John cried.)
        tail_end = s_end
        if index + 1 < n and quotes[index + 1].start < tail_end:
            tail_end = quotes[index + 1].start
        paragraph_end = paragraphs[quote_paragraphs[index][1]][1]
        opens_sentence = quote.start == s_start or (
            index > 0 and quotes[index - 1].end >= s_start
            and not text[quotes[index - 1].end:quote.start].strip(" ,;:—–-\n"))
        if tail_end <= quote.end + 1 and last_sentence + 1 < len(sentences) and opens_sentence:
            # “Stop!” John cried.: the clause is a sentence of its own; not after a
            # partial quotation that ends a sentence with a cue of its own
            following = sentences[last_sentence + 1]
            if following[0] - quote.end < 4 and following[1] - following[0] < 60 \
                    and following[1] <= paragraph_end:
                tail_end = following[1]
        tail_words = cache.window(last_sentence, quote.end, min(tail_end, quote.end + _WINDOW))
        if tail_end > s_end:
            tail_words = tail_words + cache.window(last_sentence + 1, s_end, tail_end)
        last = quote.inner_end - 1
        while last > quote.inner_start and text[last].isspace():
            last -= 1
        open_clause = quote.closed and text[last] == ","
        tail = _tail_cue(reader, tail_words, open_clause)
        following_paragraph = quote_paragraphs[index][1] + 1
        if tail is None and following_paragraph < len(paragraphs) \
                and not text[quote.end:paragraph_end].strip(" ."):
            # a credit of its own: “Never again.” ¶ — Greta Halvorsen
            credit_lo, credit_hi = paragraphs[following_paragraph]
            if credit_hi - credit_lo < 60 and text[credit_lo] in "—–―-":
                credit = _tail_cue(reader, read_words(text, credit_lo, credit_hi))
                if credit is not None and credit.rule == "quote-dash-name":
                    tail = credit
        if tail is None and tail_words and tail_words[0].lower == "by":
            tail = _passive_agent(reader, tail_words, cache.window(
                first_sentence, max(s_start, quote.start - 80), quote.start))
        tails.append(tail)
        if tail is not None:
            cues.append(tail)
        head_start = max(s_start, quote.start - _WINDOW)
        if index > 0 and quotes[index - 1].end > head_start:
            head_start = quotes[index - 1].end
        head_words = cache.window(first_sentence, head_start, quote.start)
        after_quote = index > 0 and head_start == quotes[index - 1].end
        head = _head_cue(reader, head_words, 0, after_quote)
        if head is not None:
            if tail is not None and tail.rule == "according-to" and head.subject is not None:
                cues.insert(0, head)  # X told reporters that “…,” according to agencies
            else:
                cues.append(head)
        sentence_words = cache.window(first_sentence, max(s_start, quote.start - _WINDOW),
                                      quote.start)
        if head is None and head_words and head_words[-1].text == ":":
            if head_start > s_start and len(head_words) <= 2:
                cues.append(Cue("continuing", "colon-continuation", head_words[-1].start,
                                head_words[-1].end, None))
            else:
                colon = _colon_subject(reader, sentence_words)
                if colon is not None:
                    cues.append(colon)
        coordinated = head is None and after_quote and [
            w.lower for w in head_words] in _COORDINATED
        window_start = max(s_start, quote.start - _WINDOW)
        marked = cache.has_marked(first_sentence, window_start, quote.start)
        # a partial quotation no verb of speech reports: a verb that evaluates may
        partial = head is None and quote.start > s_start and not (
            head_words and head_words[-1].text == ":")
        inner = _in_sentence_cue(reader, sentence_words, partial) if marked else None
        if inner is None and coordinated:
            # X called the plan “reckless” and “doomed to fail”: one speaker for both
            cues.append(Cue("continuing", "coordinated-quote", head_words[-1].start,
                            head_words[-1].end, None))
        if inner is not None:
            cues.append(inner)
            if head is not None and inner.start < head.start and inner.subject is not None \
                    and head in cues and head.place != "continuing" \
                    and not any(inner.start < w.start < head.start and (
                        w.text == "“" or w.lower in _CLAUSE_JOINS or w.lower in _RELATIVES)
                                for w in sentence_words):
                # (no quotation between them, and no second clause: "Officials deny it,
                # but Mr. Putin has warned of a “military-technical” response")
                # the outermost reporter: X said that allies urged Russia to “…”
                cues.remove(head)
                cues.insert(cues.index(inner), head)
                cues.remove(inner)
                cues.insert(cues.index(head), inner)
        elif head is not None and (head.subject is None or head.place == "continuing"):
            # a participle with no subject of its own: the sentence's subject speaks
            participle = None
            at = bisect_left([w.start for w in sentence_words], head.start)
            if sentence_words and sentence_words[0].start == s_start and 0 < at < len(
                    sentence_words) and (head.place == "continuing" or sentence_words[
                        at].lower.endswith("ing") or sentence_words[at - 1].text == ","):
                # a participle, or a verb after a parenthetical ("The memo, sent to …,
                # called it “…”"): the main clause's subject
                main = _main_subject(reader, sentence_words, at)
                if main is not None and main.kind != "pronoun":
                    participle = Cue("in_sentence", "participle-subject", main.start,
                                     main.end, main)
            if participle is None:
                participle = _sentence_subject(reader, sentence_words, opens=bool(
                    sentence_words) and sentence_words[0].start == s_start)
            if participle is not None:
                cues.append(participle)
        # a paragraph that ends with "X stated:" introduces the next paragraph's quotation
        p_index = quote_paragraphs[index][0]
        para_start = paragraphs[p_index][0]
        if quote.start == para_start and p_index > 0:
            prev_lo, prev_hi = paragraphs[p_index - 1]
            if text[prev_hi - 1] in ":,":
                prev_words = read_words(text, max(prev_lo, prev_hi - _WINDOW), prev_hi)
                intro = _head_cue(reader, prev_words, 0)
                if intro is None and text[prev_hi - 1] == ":":
                    # "So she headed off the question before it came:" ¶ “…”
                    closing = sentences[bisect_left(sentence_starts, prev_hi) - 1]
                    intro = _colon_subject(reader, read_words(
                        text, max(closing[0], prev_lo, prev_hi - _WINDOW), prev_hi))
                if intro is not None and intro.subject is not None:
                    intro.place, intro.rule = "paragraph_intro", "paragraph-intro"
                    cues.append(intro)
        # "So are a “handful” of firms, Ruiz said.": a reporting clause set off by a comma
        # at the end of the sentence covers a partial quotation before it
        if not cues and tail_end == s_end and quote.start > s_start \
                and not _title_case(text[quote.inner_start:quote.inner_end]):
            final = _closing_clause(reader, tail_words)
            if final is not None:
                cues.append(final)
        # "For Ms. Walsh, the bill is “dead on arrival”": whose view the sentence gives
        if not cues and sentence_words and sentence_words[0].start == s_start:
            framing = _framing(reader, sentence_words)
            if framing is not None:
                cues.append(framing)
        # "… rejected Tom Berg's claim that the plan was “a fantasy”": the claim's owner
        if not cues and marked:
            owned = _owned_speech(reader, sentence_words)
            if owned is not None:
                cues.append(owned)
        # a headline: "Ruiz: Budget Plan Is ‘Dead On Arrival’", "Ana Ruiz Says Plan ‘…’"
        if not cues and quote_paragraphs[index][0] <= 1:
            headline = _headline_cue(reader, paragraphs[quote_paragraphs[index][0]], quote)
            if headline is not None:
                cues.append(headline)
        # a quotation that opens a sentence may continue the previous sentence's
        # reporting clause: "…, said Marcin Przydacz. “What Russia has left …”"
        if not cues and first_sentence > 0 and s_start == quote.start:
            prev_lo, prev_hi = sentences[first_sentence - 1]
            if prev_lo >= paragraphs[quote_paragraphs[index][0]][0] and not _has_quote(
                    quotes, index, prev_lo):
                previous = _in_sentence_cue(reader, cache.window(
                    first_sentence - 1, max(prev_lo, prev_hi - _WINDOW), prev_hi))
                if previous is not None and previous.subject is not None:
                    previous.place, previous.rule = "previous_sentence", "previous-sentence-cue"
                    cues.append(previous)
        out.append(cues)
    # the clause that ends a sentence covers the sentence's earlier quotations, the
    # nearest first (the nearest _COVERING of them: one pass, not one per clause)
    later: list[Cue] = []  # tails with a subject after this quotation in its sentence
    for index in range(n - 1, -1, -1):
        if index + 1 < n and quote_sentences[index + 1][1] != quote_sentences[index][1]:
            later = []
        own = [c for c in out[index] if c.subject is not None]
        if later and not any(c.place == "tail" for c in own) and not any(
                c.subject is not None and c.subject.kind in ("name", "pronoun")
                for c in own if c.place in ("head", "in_sentence")):
            out[index][:0] = [Cue("sentence_final", "sentence-final-cue", tail.start, tail.end,
                                  tail.subject, tail.addressee) for tail in later]
        tail = tails[index]
        if tail is not None and tail.subject is not None:
            later = [tail, *later[:_COVERING - 1]]
    return out
