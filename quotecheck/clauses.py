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

from .entities import EntityAnalysis, NameMention
from .lexicon.cues import (
    ADDRESSEE_VERBS,
    CONTINUING_CUES,
    CUE_VERBS,
    DOCUMENT_NOUNS,
    NAMING_CUES,
    PARTICLE_CUES,
    SOURCE_PHRASES,
    TERM_NOUNS,
    TITLE_LEAD_WORDS,
    WEAK_CUE_VERBS,
)
from .lexicon.grammar import AUXILIARIES, DETERMINERS, PREPOSITIONS
from .lexicon.pronouns import SUBJECT_PRONOUNS
from .lexicon.titles import FEMALE_ROLE_NOUNS, GROUP_NOUNS, MALE_ROLE_NOUNS, PERSON_NOUNS
from .lexicon.words import FUNCTION_WORDS
from .quotes import QuoteSpan

__all__ = ["Cue", "Subject", "Word", "find_cues", "is_speech_like", "is_term"]

_WORD_RE = regex.compile(
    r"[DRI]-(?:\p{Lu}\p{Ll}*+\.?+)++"  # a party and a state: R-Ky., D-N.Y.
    r"|(?:\p{Lu}\.){2,}+"  # U.S., O.S.C.E.
    r"|[\p{L}\p{M}\p{N}]++(?:[’'\-.][\p{L}\p{M}\p{N}]++)*+"  # a word: it’s, secretary-general
    r"|[^\s\p{L}\p{M}\p{N}]"  # one mark of punctuation
)
_STOP_PUNCT = frozenset(".;!?“”\"«»()[]")
_CLAUSE_END = frozenset(",;:—–")
_SOURCES = tuple(tuple(phrase.split()) for phrase in SOURCE_PHRASES)
_SOURCE_FIRST = frozenset(phrase[0] for phrase in _SOURCES)
_MAX_DESCRIPTION = 8
# Words that end a description read around a verb: conjunctions, auxiliaries, negation.
_NOT_IN_DESCRIPTION = FUNCTION_WORDS - DETERMINERS - PREPOSITIONS - {"old", "young", "other"}
_MAX_OBJECT = 6
_WINDOW = 400  # characters of context read on each side of a quotation


@dataclass(slots=True)
class Word:
    start: int
    end: int
    text: str
    lower: str


@dataclass(slots=True)
class Subject:
    """Who a cue names: a ``name`` (with its mention), a ``pronoun`` or a ``description``."""

    kind: str
    start: int
    end: int
    text: str
    mention: NameMention | None = None
    gender: str = "unknown"
    description: str | None = None  # the role in an apposition: "the NATO secretary-general"


@dataclass(slots=True)
class Cue:
    """One reporting cue for one quotation."""

    place: str  # tail | head | sentence_final | in_sentence | continuing | colon | paragraph_intro
    rule: str
    start: int
    end: int
    subject: Subject | None
    addressee: str | None = None


def _words(text: str, lo: int, hi: int) -> list[Word]:
    return [Word(m.start(), m.end(), m.group(), m.group().lower())
            for m in _WORD_RE.finditer(text, lo, hi)]


class _WordCache:
    """The words of each sentence, read once; windows are slices of them.

    A quotation inside the sentence stands as one placeholder word (its opening
    mark), so a reporting verb quoted inside it is never read as a cue, and its words
    are never tokenized.
    """

    def __init__(self, text: str, sentences: list[tuple[int, int]],
                 quotes: list[QuoteSpan]) -> None:
        self.text = text
        self.sentences = sentences
        self.quotes = quotes
        self.quote_starts = [q.start for q in quotes]
        self.cache: dict[int, tuple[list[Word], list[int]]] = {}

    def _sentence(self, index: int) -> tuple[list[Word], list[int]]:
        found = self.cache.get(index)
        if found is None:
            lo, hi = self.sentences[index]
            words: list[Word] = []
            position = lo
            q = max(0, bisect_left(self.quote_starts, lo) - 1)
            while q < len(self.quotes) and self.quotes[q].start < hi:
                quote = self.quotes[q]
                q += 1
                if quote.end <= position:
                    continue
                if quote.start > position:
                    words.extend(_words(self.text, position, quote.start))
                words.append(Word(max(quote.start, lo), min(quote.end, hi), "“", "“"))
                position = min(quote.end, hi)
            if position < hi:
                words.extend(_words(self.text, position, hi))
            found = (words, [w.start for w in words])
            if len(self.cache) > 8:
                # quotations come in document order: forget the sentences left behind
                for old in [key for key in self.cache if key < index - 2]:
                    del self.cache[old]
            self.cache[index] = found
        return found

    def window(self, index: int, lo: int, hi: int) -> list[Word]:
        """Words of sentence ``index`` that lie in ``[lo, hi)``."""
        words, starts = self._sentence(index)
        return words[bisect_left(starts, lo):bisect_left(starts, hi)]


def _is_adverb(word: Word) -> bool:
    return word.lower in AUXILIARIES or (word.lower.endswith("ly") and len(word.lower) > 4
                                         and word.text.islower())


def _is_cue(word: Word, weak_ok: bool = True) -> bool:
    if word.lower not in CUE_VERBS or not word.text.islower():
        return False  # a capitalised "State" or "Post" is a name, not a verb
    return weak_ok or word.lower not in WEAK_CUE_VERBS


def _cue_at(words: list[Word], v: int, weak_ok: bool = True) -> bool:
    """A reporting verb at ``words[v]``, or a verb whose particle follows ("pointed out")."""
    if _is_cue(words[v], weak_ok):
        return True
    particle = PARTICLE_CUES.get(words[v].lower)
    return particle is not None and v + 1 < len(words) and words[v + 1].lower == particle


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


def _is_verb_at(words: list[Word], v: int, weak_ok: bool = True) -> bool:
    """A cue word used as a verb: not right after a determiner, preposition or
    possessive ("Russia’s demands", "secretary of state", "the reports")."""
    if not _cue_at(words, v, weak_ok) or not words[v].text.islower():
        return False
    if v == 0:
        return True
    previous = words[v - 1]
    return not (previous.lower in DETERMINERS or previous.lower in PREPOSITIONS
                or previous.lower.endswith(("’s", "'s")))


def _is_plain_noun(word: Word) -> bool:
    return word.text.isalpha() and word.text.islower() and word.lower not in FUNCTION_WORDS


def _role_gender(words: list[Word]) -> str:
    for word in words:
        if word.lower in MALE_ROLE_NOUNS:
            return "male"
        if word.lower in FEMALE_ROLE_NOUNS:
            return "female"
    return "unknown"


class _Reader:
    """Noun-phrase readers over a list of words, with the document's mentions."""

    def __init__(self, text: str, analysis: EntityAnalysis) -> None:
        self.text = text
        self.analysis = analysis

    def _name_at(self, words: list[Word], i: int) -> tuple[NameMention, int] | None:
        mention = self.analysis.mention_at(words[i].start)
        if mention is None or mention.kind == "organisation" and mention.possessive:
            return None
        j = i
        while j < len(words) and words[j].start < mention.end:
            j += 1
        return mention, j

    def forward(self, words: list[Word], i: int, stop_at_verb: bool) -> tuple[Subject, int] | None:
        """Read a subject starting at ``words[i]``; return it and the index after it."""
        if i >= len(words):
            return None
        word = words[i]
        if word.lower in SUBJECT_PRONOUNS and word.text in (word.lower, word.lower.capitalize()):
            gender = SUBJECT_PRONOUNS[word.lower][0]
            return Subject("pronoun", word.start, word.end, word.text, gender=gender), i + 1
        found = self._name_at(words, i)
        if found is not None and found[0].kind == "description":
            return self._description_forward(words, i, stop_at_verb)
        if found is not None and not found[0].possessive:
            mention, j = found
            modifier = j < len(words) and _is_plain_noun(words[j]) and not (
                stop_at_verb and _is_cue(words[j]))
            if not modifier or mention.kind == "person":
                return Subject("name", mention.start, mention.end, mention.text, mention), j
            # "Russian news agencies": the name modifies a description
            return self._description_forward(words, i, stop_at_verb)
        if word.lower in DETERMINERS or found is not None or word.lower in GROUP_NOUNS:
            return self._description_forward(words, i, stop_at_verb)
        # a role before a name: "team member Rodaba Noori", "curator Elaine Gustafon"
        j = i
        while j < len(words) and j - i < 4 and _is_plain_noun(words[j]) and not _is_cue(words[j]):
            j += 1
        if j > i and j < len(words):
            named = self._role_then_name(words, i, j)
            if named is not None:
                return named
            if stop_at_verb and _cue_at(words, j) and words[j - 1].lower in PERSON_NOUNS:
                # a bare role, as headlines write it: "…," union leader vows
                role = self.text[words[i].start:words[j - 1].end]
                return Subject("description", words[i].start, words[j - 1].end, role,
                               gender=_role_gender(words[i:j]), description=role), j
        return None

    def _role_then_name(self, words: list[Word], i: int,
                        j: int) -> tuple[Subject, int] | None:
        """A person named at ``words[j]`` after the role ``words[i:j]``: "team member
        Rodaba Noori"; the subject is the name, the role its description."""
        found = self._name_at(words, j)
        if found is None or found[0].kind != "person" or found[0].possessive:
            return None
        mention, k = found
        role = self.text[words[i].start:words[j - 1].end]
        return Subject("name", mention.start, mention.end, mention.text, mention,
                       description=role), k

    def _description_forward(self, words: list[Word], i: int,
                             stop_at_verb: bool) -> tuple[Subject, int] | None:
        j = i
        while j < len(words) and j - i < _MAX_DESCRIPTION:
            word = words[j]
            if j > i:
                role_name = self._role_then_name(words, i, j)  # "Privacy activist Max Schrems"
                if role_name is not None:
                    return role_name
            if word.text in _STOP_PUNCT or word.text in _CLAUSE_END:
                break
            if j > i and stop_at_verb and _is_cue(word):
                break
            if j > i and word.lower in ("who", "which", "that", "after", "before", "when",
                                        "as", "while", "in", "at", "on", "and", "but", "or"):
                break
            j += 1
        if j == i or (j - i == 1 and words[i].lower in DETERMINERS):
            return None
        description = self.text[words[i].start:words[j - 1].end]
        # a role before a name: "Republican leader Mitch McConnell"
        named = self.analysis.mention_ending_at(words[j - 1].end)
        if named is not None and named.kind == "person" and named.start > words[i].start \
                and not named.possessive:
            role = self.text[words[i].start:named.start].strip(" ,")
            return Subject("name", named.start, named.end, named.text, named,
                           description=role), j
        # a document speaks for its author: "a statement from the White House"
        for k in range(i + 1, j - 1):
            if words[k].lower in ("from", "by") and words[k - 1].lower in DOCUMENT_NOUNS:
                author = self._name_at(words, k + 1)
                if author is None and words[k + 1].lower == "the" and k + 2 < len(words):
                    author = self._name_at(words, k + 2)
                if author is not None and not author[0].possessive:
                    mention = author[0]
                    return Subject("name", mention.start, mention.end, mention.text,
                                   mention, description=description), j
        # an apposition: "the NATO secretary-general, Jens Stoltenberg"
        if j + 1 < len(words) and words[j].text == ",":
            found = self._name_at(words, j + 1)
            if found is not None and not found[0].possessive and found[0].kind != "organisation":
                mention, k = found
                subject = Subject("name", mention.start, mention.end, mention.text, mention,
                                  description=description)
                if k < len(words) and words[k].text == ",":
                    k += 1
                return subject, k
        if j == i + 1 and words[i].lower in GROUP_NOUNS:
            return Subject("description", words[i].start, words[i].end, description,
                           gender="unknown", description=description), j
        head = self.analysis.mention_at(words[i].start)
        if words[i].lower in ("the", "a") and head is None:
            # "the State Department said": an organisation, by its name
            named = self.analysis.mention_ending_at(words[j - 1].end)
            if named is not None and named.kind in ("organisation", "unknown") \
                    and named.start == words[i + 1].start:
                return Subject("name", named.start, named.end, named.text, named), j
        if words[i].lower not in DETERMINERS and head is None:
            return None
        if any(w.lower in _NOT_IN_DESCRIPTION for w in words[i + 1:j]):
            return None
        if head is not None and head.kind != "description":
            head = None
        return Subject("description", words[i].start, words[j - 1].end, description,
                       mention=head, gender=_role_gender(words[i:j]),
                       description=description), j

    def _subject_name(self, words: list[Word], j: int, lo: int) -> NameMention | None:
        """A name that ends at ``words[j]`` and is not the object of a preposition."""
        mention = self.analysis.mention_ending_at(words[j].end)
        if mention is None or mention.possessive:
            return None
        k = j
        while k >= lo and words[k].start >= mention.start:
            k -= 1
        if k >= lo and words[k].lower in PREPOSITIONS and not (
                words[k].lower == "with" and j + 1 < len(words)
                and words[j + 1].lower.endswith("ing")):
            return None  # "seen by Sky News says" (but "with Boswell stating:")
        return mention

    def backward(self, words: list[Word], v: int, lo: int) -> Subject | None:
        """Read the subject that ends right before ``words[v]`` (not before index ``lo``)."""
        j = v - 1
        skipped = 0
        while j >= lo and skipped < 3 and (_is_adverb(words[j]) or words[j].lower == "not"):
            j -= 1
            skipped += 1
        if j >= lo and words[j].text == ")":
            # "Sen. Rob Portman (R-Ohio) said": a parenthesis after the subject
            k = j - 1
            while k >= lo and j - k < 10 and words[k].text != "(":
                k -= 1
            if k > lo and words[k].text == "(":
                j = k - 1
        if j < lo:
            return None
        word = words[j]
        if word.lower in SUBJECT_PRONOUNS and word.text in (word.lower, word.lower.capitalize()):
            return Subject("pronoun", word.start, word.end, word.text,
                           gender=SUBJECT_PRONOUNS[word.lower][0])
        mention = self._subject_name(words, j, lo)
        if mention is not None:
            kind = "description" if mention.kind == "description" else "name"
            return Subject(kind, mention.start, mention.end, mention.text, mention,
                           description=mention.text if kind == "description" else None)
        if word.text == ",":
            return self._apposition_backward(words, j, lo)
        if _is_plain_noun(word) or word.lower in GROUP_NOUNS:
            # a description: "a State Department spokeswoman said", "Officials said"
            k = j
            while k > lo and j - k < _MAX_DESCRIPTION and words[k].lower not in DETERMINERS:
                previous = words[k - 1]
                if previous.text in _CLAUSE_END or previous.text in _STOP_PUNCT or (
                        previous.lower in _NOT_IN_DESCRIPTION):
                    break
                k -= 1
            # "The leader of the rail union": a noun phrase with an "of" after its head
            while words[k].lower in DETERMINERS and k - 2 > lo and words[k - 1].lower == "of" \
                    and _is_plain_noun(words[k - 2]):
                m = k - 2
                while m > lo and k - m < _MAX_DESCRIPTION and words[m].lower not in DETERMINERS \
                        and (_is_plain_noun(words[m - 1]) or words[m - 1].lower in DETERMINERS):
                    m -= 1
                if words[m].lower not in DETERMINERS:
                    break
                k = m
            if words[k].lower in DETERMINERS and words[k].lower not in ("that", "this") or (
                    k == j and word.lower in GROUP_NOUNS):
                text = self.text[words[k].start:word.end]
                return Subject("description", words[k].start, word.end, text,
                               gender=_role_gender(words[k:j + 1]), description=text)
        return None

    def _apposition_backward(self, words: list[Word], j: int, lo: int) -> Subject | None:
        """“X, the spokesman for Y, said”: skip up to three comma-separated segments
        back to the name they describe, preferring a person."""
        fallback: Subject | None = None
        # "Mr. Smith’s spokesman, John Doe, said": the segment is the name itself
        if j - 1 >= lo:
            named = self._subject_name(words, j - 1, lo)
            if named is not None and named.kind in ("person", "organisation"):
                first = j - 1
                while first > lo and words[first - 1].start >= named.start:
                    first -= 1
                if first > lo and words[first - 1].lower == "the":
                    first -= 1  # ", the Rail Delivery Group,"
                if first > lo and words[first - 1].text == ",":
                    return Subject("name", named.start, named.end, named.text, named)
        k = j
        for _ in range(3):
            k -= 1
            while k >= lo and j - k < 40 and words[k].text not in (",", ";", ":", "(", "—"):
                k -= 1
            if k <= lo or words[k].text != ",":
                break
            mention = self._subject_name(words, k - 1, lo)
            if mention is not None:
                inner = self.text[words[k + 1].start:words[j - 1].end] if k + 1 < j else None
                subject = Subject("name", mention.start, mention.end, mention.text, mention,
                                  description=inner)
                if mention.kind == "person":
                    return subject
                fallback = fallback or subject
        return fallback


def _rule(prefix: str, subject: Subject | None, suffix: str = "") -> str:
    kind = "name" if subject is None else subject.kind
    kind = {"description": "description"}.get(kind, kind)
    return prefix.replace("X", kind) + suffix


def _tail_cue(reader: _Reader, words: list[Word]) -> Cue | None:
    """A reporting clause that starts right after the quotation."""
    i = 0
    while i < len(words) and words[i].text in (",", "—", "–", "-"):
        i += 1
    if i >= len(words):
        return None
    word = words[i]
    if i > 0 and words[i - 1].text in ("—", "–"):
        # a dash attribution: “Never again.” — John Smith
        found = reader.forward(words, i, stop_at_verb=True)
        if found is not None and found[0].kind == "name" and (
                found[1] >= len(words) or words[found[1]].text in (",", ".")):
            return Cue("tail", "quote-dash-name", words[i - 1].start, words[i - 1].end, found[0])
    if _cue_at(words, i):
        after = i + 2 if words[i].lower in PARTICLE_CUES and not _is_cue(word) else i + 1
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
    found = reader.forward(words, i, stop_at_verb=True)
    if found is None:
        return None
    subject, j = found
    j = _skip_parenthesis(words, j)  # "Sen. Rob Portman (R-Ohio) said"
    if j < len(words) and words[j].text == "," and subject.kind == "name":
        k = j + 1
        while k < len(words) and k - j < 16 and words[k].text not in (",", ".", ";"):
            k += 1
        if k < len(words) and words[k].text == ",":
            subject.description = reader.text[words[j + 1].start:words[k - 1].end]
            j = k + 1
    skipped = 0
    while j < len(words) and skipped < 3 and _is_adverb(words[j]):
        j += 1
        skipped += 1
    # a bare participle is no reporting clause: "…", the government recommending
    if j < len(words) and _cue_at(words, j) and not (
            words[j].lower.endswith("ing") and skipped == 0):
        verb = words[j]
        end = words[j + 1].end if not _is_cue(verb) else verb.end  # "pointed out"
        addressee = _addressee(reader, words, j)
        return Cue("tail", _rule("quote-X-verb", subject), verb.start, end, subject,
                   addressee)
    return None


def _skip_parenthesis(words: list[Word], j: int) -> int:
    """Index after a short parenthesis that starts at ``words[j]``, or ``j``."""
    if j < len(words) and words[j].text == "(":
        k = j + 1
        while k < len(words) and k - j < 10 and words[k].text != ")":
            k += 1
        if k < len(words) and words[k].text == ")":
            return k + 1
    return j


def _addressee(reader: _Reader, words: list[Word], v: int) -> str | None:
    if words[v].lower not in ADDRESSEE_VERBS or v + 1 >= len(words):
        return None
    j = v + 1
    while j < len(words) and j - v <= 4 and words[j].text not in _CLAUSE_END \
            and words[j].text not in _STOP_PUNCT and words[j].lower != "that":
        j += 1
    if j == v + 1:
        return None
    return reader.text[words[v + 1].start:words[j - 1].end]


def _head_cue(reader: _Reader, words: list[Word], lo: int,
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
    for v in range(n - 1, max(lo - 1, n - 2 - _MAX_OBJECT), -1):
        word = words[v]
        if not _is_verb_at(words, v) or (word.lower in NAMING_CUES and v == n - 1
                                         and not _personal_before(reader, words, v, lo)):
            continue
        between = words[v + 1:]
        if any(w.text in _STOP_PUNCT for w in between):
            continue
        if word.lower in CONTINUING_CUES and (v == lo or words[v - 1].text in (",", "and")):
            return Cue("continuing", "continuing-cue", word.start, word.end, None)
        subject = reader.backward(words, v, lo)
        if subject is not None and _subordinate(words, subject, lo):
            continue  # "…, as he finished, “…”": a subordinate clause reports nothing
        if subject is None and after_quote and (v == lo or (
                v == lo + 1 and words[lo].text in (",", "—", "–"))):
            # verb first, between two parts of a split quotation: “…,” said he, “…”
            found = reader.forward(words, v + 1, stop_at_verb=False)
            if found is not None and all(w.text in (",", ":", ";", "—", "–") or _is_adverb(w)
                                         for w in words[found[1]:]):
                subject = found[0]
                return Cue("head", _rule("verb-X-quote", subject), word.start, word.end,
                           subject)
        if subject is None and v > lo and words[v - 1].lower in ("and", "but"):
            # a second verb of the clause's subject: "she lifted her voice and shouted:"
            found = reader.forward(words, lo, stop_at_verb=True)
            subject = found[0] if found is not None else None
        addressee = _addressee(reader, words, v)
        return Cue("head", _rule("X-verb-quote", subject), word.start, word.end, subject,
                   addressee)
    return None


_SUBORDINATORS = frozenset(["after", "although", "as", "because", "before", "if", "since",
                            "though", "until", "when", "whenever", "while", "whilst"])


def _subordinate(words: list[Word], subject: Subject, lo: int) -> bool:
    """Whether ``subject`` opens a subordinate clause ("as he finished", "when she left")."""
    index = bisect_left([w.start for w in words], subject.start)
    return index - 1 >= lo and words[index - 1].lower in _SUBORDINATORS


def _personal_before(reader: _Reader, words: list[Word], v: int, lo: int) -> bool:
    """“called” right before a quotation names a term unless a person does the calling."""
    subject = reader.backward(words, v, lo)
    return subject is not None and subject.kind in ("name", "pronoun") and (
        subject.mention is None or subject.mention.kind != "organisation")


def _in_sentence_cue(reader: _Reader, words: list[Word]) -> Cue | None:
    """The outermost reporting verb before the quotation, with a subject it governs."""
    for v, word in enumerate(words):
        source_end = _source_at(words, v)
        if source_end > 0:
            found = reader.forward(words, source_end, stop_at_verb=False)
            if found is not None:
                return Cue("in_sentence", "according-to", word.start,
                           words[source_end - 1].end, found[0])
            continue
        followed_by_that = v + 1 < len(words) and words[v + 1].lower == "that"
        if not _is_verb_at(words, v, weak_ok=followed_by_that) or word.lower in NAMING_CUES:
            continue  # (a weak verb reports only with "that": "He added that …")
        subject = reader.backward(words, v, 0)
        if subject is None and (v == 0 or words[v - 1].text == ","):
            # verb first: "…, said Poland’s deputy foreign minister, Marcin Przydacz."
            found = reader.forward(words, v + 1, stop_at_verb=False)
            subject = found[0] if found is not None else None
        if subject is None and v > 0 and words[v - 1].lower in ("and", "but"):
            # a second verb of the sentence's subject: "X declined to comment but said"
            found = reader.forward(words, 0, stop_at_verb=True)
            subject = found[0] if found is not None else None
        if subject is not None:
            return Cue("in_sentence", _rule("X-verb-partial", subject), word.start, word.end,
                       subject)
    return None


def _sentence_subject(reader: _Reader, words: list[Word]) -> Cue | None:
    """The first person named in the sentence, for a participle cue with no subject."""
    for i, word in enumerate(words):
        found = reader._name_at(words, i)
        if found is not None and not found[0].possessive and found[0].entity >= 0 and (
                reader.analysis.entities[found[0].entity].kind == "person"
                or (i <= 2 and found[0].kind == "unknown" and found[1] < len(words)
                    and words[found[1]].text.isalpha() and words[found[1]].text.islower())):
            mention = found[0]
            return Cue("in_sentence", "participle-subject", word.start, word.end,
                       Subject("name", mention.start, mention.end, mention.text, mention))
    return None


_TITLE_SMALL_WORDS = frozenset(["a", "an", "and", "at", "for", "in", "of", "on", "or", "the",
                                "to", "with"])


def is_term(text: str, quote: QuoteSpan, sentence_start: int) -> bool:
    """A name or term, not speech: a robot named “Robogee”, the word “parole”.

    >>> text = 'The print called "Cowboys and Indians" hung there.'
    >>> from quotecheck.quotes import scan_quotes
    >>> is_term(text, scan_quotes(text)[0][0], 0)
    True
    """
    before = _words(text, max(sentence_start, quote.start - 60), quote.start)
    if not before:
        return False
    last = before[-1].lower
    # a title: appeared on “Meet the Press”, told CNN’s “State of the Union”
    title_words = text[quote.inner_start:quote.inner_end].strip(" .,!?;:").split()
    title_case = 1 <= len(title_words) <= 8 and title_words[0][:1].isupper() and all(
        w[:1].isupper() or w in _TITLE_SMALL_WORDS for w in title_words)
    if title_case and (last in TITLE_LEAD_WORDS or (
            before[-1].text[:1].isupper() and before[-1].lower.endswith(("’s", "'s")))):
        return True
    if last in ("as", "by") and len(before) >= 2 and before[-2].lower in ("known", "going", "go"):
        return True
    if last in TERM_NOUNS:
        return True
    if last in NAMING_CUES and last != "called":
        return True
    if last == "called" and len(before) >= 2:
        previous = before[-2]
        return previous.text.islower() and previous.lower not in SUBJECT_PRONOUNS \
            and previous.lower not in ("she", "he", "they", "who")
    return False


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
    capitalised = sum(1 for w in words if w[:1].isupper())
    if len(words) >= 2 and capitalised * 10 >= len(words) * 7 and not words[-1].endswith(
            (".", "!", "?", ",")):
        return False  # a title in title case: “Andy Warhol: Photographs and Prints”
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
    reader = _Reader(text, analysis)
    cache = _WordCache(text, sentences, quotes)
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
        if tail_end <= quote.end + 1 and last_sentence + 1 < len(sentences):
            following = sentences[last_sentence + 1]
            if following[0] - quote.end < 4 and following[1] - following[0] < 60 \
                    and following[1] <= paragraph_end:
                tail_end = following[1]
        tail_words = cache.window(last_sentence, quote.end, min(tail_end, quote.end + _WINDOW))
        if tail_end > s_end:
            tail_words = tail_words + cache.window(last_sentence + 1, s_end, tail_end)
        tail = _tail_cue(reader, tail_words)
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
                colon = _sentence_subject(reader, sentence_words)
                if colon is not None:
                    colon.place, colon.rule = "colon", "name-colon"
                    cues.append(colon)
        inner = _in_sentence_cue(reader, sentence_words)
        if inner is not None:
            cues.append(inner)
            if head is not None and inner.start < head.start and inner.subject is not None \
                    and head in cues and head.place != "continuing":
                # the outermost reporter: X said that allies urged Russia to “…”
                cues.remove(head)
                cues.insert(cues.index(inner), head)
                cues.remove(inner)
                cues.insert(cues.index(head), inner)
        elif head is not None and (head.subject is None or head.place == "continuing"):
            # a participle with no subject of its own: the sentence's subject speaks
            participle = _sentence_subject(reader, sentence_words)
            if participle is not None:
                cues.append(participle)
        # a paragraph that ends with "X stated:" introduces the next paragraph's quotation
        p_index = quote_paragraphs[index][0]
        para_start = paragraphs[p_index][0]
        if quote.start == para_start and p_index > 0:
            prev_lo, prev_hi = paragraphs[p_index - 1]
            if text[prev_hi - 1] in ":,":
                prev_words = _words(text, max(prev_lo, prev_hi - _WINDOW), prev_hi)
                intro = _head_cue(reader, prev_words, 0)
                if intro is not None and intro.subject is not None:
                    intro.place, intro.rule = "paragraph_intro", "paragraph-intro"
                    cues.append(intro)
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
    # the clause that ends a sentence covers the sentence's earlier quotations
    for index in range(n - 1, -1, -1):
        tail = tails[index]
        if tail is None or tail.subject is None:
            continue
        sentence = quote_sentences[index][1]
        earlier = index - 1
        while earlier >= 0 and quote_sentences[earlier][1] == sentence:
            own = [c for c in out[earlier] if c.subject is not None]
            if not any(c.place == "tail" for c in own) and not any(
                    c.subject is not None and c.subject.kind in ("name", "pronoun")
                    for c in own if c.place in ("head", "in_sentence")):
                covering = Cue("sentence_final", "sentence-final-cue", tail.start, tail.end,
                               tail.subject, tail.addressee)
                out[earlier].insert(0, covering)
            earlier -= 1
    return out
