"""Reported (indirect) speech: who said what, with or without quotation marks.

A family of readers beside the sieves, run only by ``attribute(text, reported=True)``.
They read each sentence's reporting clause with the clause readers the quotations use
(the same cue lexicon, the same noun-phrase reader, the same entities), then find
what was said by the clause's grammar:

- ``reported_speech``: a reporting verb, with what was said after it (X said (that)
  …; X told Y (that) …; X warned that …) or before it (…, X said.; …, said X.);
- ``reported_source``: according to X, … / …, according to X.;
- ``reported_finding``: a document or a poll as the source (the report found that …;
  a poll showed …);
- ``reported_belief``: a belief or an intention attributed to a source (officials
  believe …; X wants …), of lower confidence.

A speaker is read as a quotation's is: a name through its entity, a description as an
unnamed speaker (or the person it points back to), a pronoun through the same
coreference as “…,” he said. A content wholly inside quotation marks is a quotation's,
not reported speech; a content that holds quotations is ``mixed``.

>>> from quotecheck import attribute
>>> r = attribute("Mayor Ana Ruiz said that the city would not raise taxes.", reported=True)
>>> item = r.reported[0]
>>> item.text, item.kind, item.speaker.name, item.attribution.rule
('the city would not raise taxes', 'indirect', 'Ana Ruiz', 'name-verb-content')
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .clauses import (
    Cue,
    Subject,
    _addressee,
    _clause_ends,
    _clause_subject,
    _main_subject,
    _noun_use,
    _passive,
    _rule,
    _second_verb,
    _source_at,
    _verb_like,
)
from .lexicon.cues import (
    CONTINUING_CUES,
    CUE_VERBS,
    DOCUMENT_NOUNS,
    NAMING_CUES,
    PARTICLE_CUES,
    SOURCE_PHRASES,
    WEAK_CUE_VERBS,
)
from .lexicon.grammar import DETERMINERS, PREPOSITIONS
from .lexicon.pronouns import SUBJECT_PRONOUNS
from .lexicon.reported import (
    BELIEF_VERBS,
    CONTENT_OPENERS,
    FINDING_VERBS,
    POLL_NOUNS,
    PREPOSITIONAL_CUES,
    STANCE_VERBS,
)
from .lexicon.words import CALENDAR_WORDS
from .phrases import (
    STOP_PUNCT,
    Reader,
    Word,
    WordCache,
    is_adverb,
    is_verb_at,
    noun_position,
    read_words_around,
)
from .sieves.base import Context, Decision
from .sieves.naming import decide_named
from .sieves.pronoun_carryover import resolve_pronoun

__all__ = ["READERS", "ReportedSpan", "find_reported"]

READERS: tuple[str, ...] = ("reported_speech", "reported_source", "reported_finding",
                            "reported_belief")
"""The readers of reported speech, most precise first (the ``sieve`` of each decision)."""

_SOURCE_FIRST = frozenset(phrase.split()[0] for phrase in SOURCE_PHRASES)
_PREPOSITIONAL_FIRST = frozenset(pair.split()[0] for pair in PREPOSITIONAL_CUES)
_HELD = BELIEF_VERBS | STANCE_VERBS  # the verbs of the lower-confidence belief reader
_CANDIDATES = CUE_VERBS | frozenset(PARTICLE_CUES) | _SOURCE_FIRST | FINDING_VERBS \
    | _HELD | _PREPOSITIONAL_FIRST
_SOURCES = DOCUMENT_NOUNS | POLL_NOUNS
# A quick test before a sentence's words are read one by one: a lower-case word a
# reader starts from, or a source phrase.
_CUE_SCAN = _CANDIDATES - _SOURCE_FIRST
_ANY_WORD_RE = re.compile(r"\w+")
_WEAK = (WEAK_CUE_VERBS | (frozenset(PARTICLE_CUES) - CUE_VERBS)
         | (_PREPOSITIONAL_FIRST - CUE_VERBS)) - FINDING_VERBS - _HELD
_SOURCE_RE = re.compile("|".join(
    re.escape(phrase).replace("\\ ", "[ \u00a0]") for phrase in SOURCE_PHRASES), re.IGNORECASE)
_MIN_CONTENT = 3  # words of content, at least, for a clause to report something
_REACH = 30  # words back a second verb looks for its subject (a bound for hostile input)
_OPENING = 16  # words of a sentence-opening subject, at most
_PER_SENTENCE = 24  # candidate words read per sentence, at most
_OPENERS = frozenset(["and", "but", "so", "yet", "also", ","])
# Words between a verb and what was said: "said again that …", "said later that …".
_ASIDES = frozenset(["again", "also", "earlier", "later", "previously", "repeatedly",
                     "today", "tonight", "yesterday"])
# Nouns of time after "this" or "last" between a verb and what was said: "said this
# week that …", "told reporters last month …".
_TIMES = CALENDAR_WORDS | frozenset(["afternoon", "evening", "month", "morning", "night",
                                     "week", "weekend", "year"])
# Words that open where, when or how something was said, not what: "said at a rally".
_NOT_CONTENT = (PREPOSITIONS - {"to"}) | frozenset(["as", "during", "inside", "outside",
                                                    "when", "while"])
# Words after a comma that open a clause of the reporter's, not more of what was said.
_BREAKS = frozenset(["according", "although", "and", "as", "because", "before", "but", "compared",
                     "even", "though", "when", "whereas", "which", "while"])
_BREAK_RE = re.compile(r";|(?<=[^,\s])\s*[—–]|,\s+(?:(?:" + "|".join(sorted(_BREAKS))
                       + r")\b|(?P<verb>[a-z]+ing)\b)")
_CUT = 80  # characters read past a sentence's last cue word, at most
_HEADLINE_SHARE = 8  # tenths of a sentence's words capitalised, at least, in a headline
_PHRASE = 12  # words of a phrase of where or when between a verb and "that", at most
_RELATIVE_WORDS = frozenset(["when", "where", "which", "who", "whom", "whose"])
# A second reporting verb of the same subject ends what the first reported: "X said
# the plan was dead and said the vote …", "…, but she told reporters …".
_SECOND_VERBS = frozenset(verb for verb in CUE_VERBS if not verb.endswith("ing"))
@dataclass(slots=True)
class ReportedSpan:
    """One attribution of reported speech, before it becomes a model."""

    start: int
    end: int
    quotes: tuple[int, ...]
    reader: str
    decision: Decision


@dataclass(slots=True)
class _Found:
    reader: str
    cue: Cue
    start: int  # the content
    end: int


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The content without the spaces and clause punctuation around it."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:—–-!?"):
        end -= 1
    return start, end


def _verb(words: list[Word], v: int, table: frozenset[str]) -> bool:
    """A word of ``table`` used as a verb: lower case, not after a determiner, a
    preposition or a possessive."""
    word = words[v]
    return word.lower in table and word.text.islower() and not noun_position(words, v)


def _told(reader: Reader, words: list[Word], v: int) -> str | None:
    """Whom the verb ``words[v]`` addressed (see ``clauses._addressee``), up to where
    what was said begins without ``that``: a determiner or a subject pronoun after the
    first word ("told reporters the plan …", "told aides she …")."""
    addressee = _addressee(reader, words, v)
    if addressee is None:
        return None
    end = words[v + 1].start + len(addressee)
    for j in range(v + 2, len(words)):
        if words[j].end > end:
            break
        if words[j].lower in DETERMINERS or words[j].lower in SUBJECT_PRONOUNS:
            return reader.text[words[v + 1].start:words[j - 1].end]
    return addressee


def _content_after(reader: Reader, words: list[Word], v: int, after: int) -> int:
    """Index of the first word of what was said after the verb ``words[v]``: past an
    addressee (told reporters), a time (said Tuesday) and ``that``."""
    addressee = _told(reader, words, v)
    if addressee is not None:
        while after < len(words) and words[after].end <= words[v + 1].start + len(addressee):
            after += 1
    k = after
    while k < len(words) and k - after < 4 and (
            words[k].lower in CALENDAR_WORDS or words[k].lower in _ASIDES or is_adverb(words[k])
            or (words[k].lower in ("on", "in", "last", "this") and k + 1 < len(words)
                and (words[k + 1].lower in CALENDAR_WORDS or (
                    words[k].lower in ("last", "this") and words[k + 1].lower in _TIMES)))
            or (k > after and words[k - 1].lower in ("last", "this")
                and words[k].lower in _TIMES)):
        k += 1
    if k < len(words) and words[k].lower in CONTENT_OPENERS:
        return k + 1 if words[k].lower == "that" else k
    if k < len(words) and words[k].lower in _NOT_CONTENT:
        that = _that_after_phrase(words, k)
        return that + 1 if that > 0 else -1  # "…,” she said at a rally: where, not what
    if k < len(words) and (words[k].text == ";" or words[k].text in STOP_PUNCT):
        return -1
    if k > after and k < len(words) and words[k].text == ",":
        return k + 1
    if k > after and k < len(words) and words[k].text[:1].isalnum():
        return k  # "said Thursday his biggest worry …"
    if after < len(words) and words[after].text in (",", ":"):
        return after + 1
    return after


def _that_after_phrase(words: list[Word], k: int) -> int:
    """Index of the ``that`` after a phrase of where, when or how something was said
    that opens at ``words[k]`` ("said in a statement on Friday that …", "said during
    the debate that …"), or -1 when the phrase is not followed by one."""
    for j in range(k + 1, min(len(words), k + _PHRASE)):
        word = words[j]
        if word.lower == "that":
            return j if j > k + 1 else -1
        if word.text in STOP_PUNCT or word.text in (",", ";", "—", "–") \
                or word.lower in _RELATIVE_WORDS or word.lower in CUE_VERBS:
            return -1
    return -1


def _clause_end(words: list[Word], begin: int, s_end: int, text: str = "",
                cut: bool = False) -> int:
    """Where what was said after a verb ends: the sentence end, or a break that opens
    another clause of the reporter's (“…, and has championed …”, “…, calling …”,
    “…; …”, “…, which …”). ``cut``: the words stop before the sentence does, and the
    rest of it is searched in ``text``."""
    for k in range(begin + _MIN_CONTENT, len(words) - 1):
        word = words[k]
        if word.text == ";" or (word.text in ("—", "–") and words[k - 1].text != ","):
            return word.start
        if word.text == "," and ((words[k + 1].lower in _BREAKS and not (
                k + 2 < len(words) and words[k + 2].lower == "that")) or (
                words[k + 1].lower.endswith("ing") and words[k + 1].text.islower()
                and words[k + 1].lower in CUE_VERBS)):
            return word.start  # (", but that …" goes on with what was said)
        if word.lower in ("and", "but") and _second_reporting_verb(words, k + 1):
            return words[k - 1].start if words[k - 1].text == "," else word.start
    if cut and words:
        for match in _BREAK_RE.finditer(text, words[-1].start, s_end):
            verb = match.group("verb")
            if verb is None or verb in CUE_VERBS:
                return match.start()
    return s_end


def _second_reporting_verb(words: list[Word], k: int) -> bool:
    """Whether ``words[k]`` opens a second reporting clause of the same subject: a
    reporting verb, after at most a subject pronoun ("and said", "but he told")."""
    if k < len(words) and words[k].lower in SUBJECT_PRONOUNS and words[k].text.islower():
        k += 1
    return k < len(words) and words[k].lower in _SECOND_VERBS and words[k].text.islower()


def _words_between(words: list[Word], lo: int, hi: int) -> int:
    """The words of ``words[lo:hi]``, a quotation counting as one."""
    return sum(1 for w in words[lo:hi] if w.text[:1].isalnum() or w.text == "“")


def _content_before(text: str, words: list[Word], clause: int) -> tuple[int, int] | None:
    """What was said before a reporting clause that starts at ``words[clause]``: the
    index of its last word plus one and where it ends, at a comma or a dash (…, X
    said.) or after a quotation that ends on a comma (… “a safe pair of hands,” X
    said.); ``None`` if there is no such break."""
    k = clause - 1
    if k < 1:
        return None
    if words[k].text in (",", "—", "–"):
        return k, words[k].start
    if words[k].text == "“" and text[words[k].start:words[k].end].rstrip("”’\"' ").endswith(","):
        return k + 1, words[k].end
    return None


def _trailing_subject(reader: Reader, words: list[Word],
                      v: int) -> tuple[Subject, int] | None:
    """The subject of a reporting clause that follows a comma and ends at the verb
    ``words[v]`` (“…, Rep. Ana Ruiz (D-Ohio), chair of the panel, said”; “…, political
    experts said”), and the index of that comma, when the noun-phrase reader going back
    from the verb cannot take it whole."""
    for k in range(max(0, v - _OPENING), v - 1):
        if words[k].text != ",":
            continue
        found = reader.forward(words, k + 1, stop_at_verb=True)
        if found is not None and found[0].kind != "pronoun" and (found[1] == v or (
                found[1] < v and words[found[1]].text in (",", "(")
                and not any(w.lower in CUE_VERBS for w in words[found[1]:v]))):
            return found[0], k
        plain = words[k + 1:v]
        if 0 < len(plain) <= 4 and all(w.text.isalpha() and w.text.islower()
                                       and w.lower not in PREPOSITIONS for w in plain) \
                and plain[-1].lower.endswith("s"):
            phrase = reader.text[plain[0].start:plain[-1].end]
            return Subject("description", plain[0].start, plain[-1].end, phrase,
                           description=phrase), k
    return None


def _closing_source(reader: Reader, words: list[Word],
                    i: int) -> tuple[Subject, int] | None:
    """The source that ends a sentence after “according to” when the noun-phrase
    reader cannot take it (“…, according to two people familiar with the talks.”):
    the few words up to the sentence end."""
    end = i
    while end < len(words) and end - i < 10 and (
            words[end].text == "“" or words[end].text not in STOP_PUNCT) \
            and words[end].text not in (",", ";"):
        end += 1
    if end == i or (end < len(words) and words[end].text not in STOP_PUNCT) or not (
            end == len(words) or words[end].text == "." and end + 1 >= len(words)):
        return None
    phrase = reader.text[words[i].start:words[end - 1].end]
    return Subject("description", words[i].start, words[end - 1].end, phrase,
                   description=phrase), end


def _opening_source(reader: Reader, words: list[Word],
                    i: int) -> tuple[Subject, int] | None:
    """The source after a sentence-opening “according to” when the noun-phrase reader
    cannot take it whole (“According to a summary of the inquiry, …”; “According to
    the log and the memo, …”): the few words up to the comma, and that comma's index."""
    for end in range(i + 1, min(len(words), i + _OPENING)):
        text = words[end].text
        if text == ",":
            phrase = reader.text[words[i].start:words[end - 1].end]
            return Subject("description", words[i].start, words[end - 1].end, phrase,
                           description=phrase), end
        if (text in STOP_PUNCT and text != "“") or text == ";":
            return None
    return None


def _opening_subject(reader: Reader, words: list[Word], v: int) -> Subject | None:
    """The subject of a clause that opens its sentence and runs to the verb
    ``words[v]``, when the noun-phrase reader cannot take it whole: the first person or
    organisation it names (“Rep. Ana Ruiz of Ohio, an ally of the mayor, said”), or a
    group counted or joined (“Six in 10 say”, “Doctors and nurses say”)."""
    if v == 0 or v > _OPENING:
        return None
    if any(w.text in STOP_PUNCT or w.text == "“" or w.lower in CUE_VERBS
           for w in words[:v]):
        return None
    for i in range(v):
        mention = reader.analysis.mention_at(words[i].start)
        if mention is not None and not mention.possessive \
                and mention.kind in ("person", "organisation") \
                and (i == 0 or words[i - 1].lower not in PREPOSITIONS):
            return Subject("name", mention.start, mention.end, mention.text, mention)
        if words[i].text == ",":
            break
    last = words[v - 1]
    counted = last.text.isdigit() or last.lower == "percent"  # "Six in 10 say"
    plural = (last.text.islower() or (v == 1 and last.text[1:].islower())) \
        and last.lower.endswith("s")  # ("Polls show …": capitalised as the first word)
    if v <= 6 and words[0].lower not in PREPOSITIONS and (plural or counted) and not any(
            w.text == "," for w in words[:v]):
        phrase = reader.text[words[0].start:last.end]
        return Subject("description", words[0].start, last.end, phrase,
                       description=phrase)
    return None


def _title_case(words: list[str]) -> bool:
    """Whether a sentence's words are mostly capitalised, as a headline's are
    (“Ana Ruiz Says The Bridge Will Close”): its reporting verb is capitalised too."""
    letters = [w for w in words if w[:1].isalpha()]
    return len(letters) >= _MIN_CONTENT + 2 and sum(
        1 for w in letters if w[:1].isupper()) * 10 >= len(letters) * _HEADLINE_SHARE


def _reader_for(verb: str) -> str:
    if verb in FINDING_VERBS:
        return "reported_finding"
    if verb in _HELD:
        return "reported_belief"
    return "reported_speech"


def _source_subject(subject: Subject) -> bool:
    """A document, a poll or an organisation, which can find or show."""
    if subject.kind == "name" and subject.mention is not None \
            and subject.mention.kind in ("organisation", "person"):
        return subject.mention.kind == "organisation"
    head = subject.text.split()[-1].lower()  # ("Polls show …": a noun capitalised first)
    return head in _SOURCES or (head.endswith("s") and head[:-1] in _SOURCES)  # "documents"


def _read_sentence(reader: Reader, words: list[Word], s_start: int,
                   s_end: int, cut: bool = False) -> list[_Found]:
    """The reporting clauses of one sentence, with the content each governs."""
    text = reader.text
    out: list[_Found] = []
    seen = 0
    previous: Subject | None = None
    v = 0
    n = len(words)
    headline: bool | None = None  # read when a capitalised cue word asks
    while v < n:
        word = words[v]
        if word.lower not in _CANDIDATES:
            v += 1
            continue
        seen += 1
        if seen > _PER_SENTENCE:
            break
        if headline is None and v > 0 and not word.text.islower():
            headline = _title_case([w.text for w in words])
        found = _read_cue(reader, words, v, previous, s_start, s_end, cut, bool(headline))
        if found is None:
            v += 1
            continue
        previous = found.cue.subject
        found.start, found.end = _trim(text, found.start, found.end)
        out.append(found)
        # go on after the clause's verb (…, X said, adding that …) or after the content
        resume = bisect_left([w.start for w in words], found.end) \
            if found.start > found.cue.start else v + 1
        v = max(v + 1, resume)
    return out


def _read_cue(reader: Reader, words: list[Word], v: int, previous: Subject | None,
              s_start: int, s_end: int, cut: bool = False,
              headline: bool = False) -> _Found | None:
    """The clause whose cue is ``words[v]``, if it reports something. ``cut``: the
    words stop before the sentence ends (see :func:`_clause_end`); ``headline``: the
    sentence is in title case, so a capitalised reporting verb is a verb."""
    word = words[v]
    n = len(words)
    source_end = _source_at(words, v)
    if source_end > 0:
        return _read_source(reader, words, v, source_end, s_start, s_end, cut)
    low = word.lower
    prepositional, speech, finding, belief = _cue_senses(words, v, headline)
    if not (speech or finding or belief) or (low in NAMING_CUES and not prepositional):
        return None
    if v > 0 and words[v - 1].lower in ("which", "to"):
        return None  # a relative clause of a thing, or an infinitive ("refused to say")
    if v > 0 and words[v - 1].lower == "who":
        return _relative_clause(reader, words, v, s_end, reader.text, cut)
    if _passive(words, v, max(0, v - 4)):
        return None  # "the plan was criticized", "she is said to": talked about, not talking
    after = v + 2 if prepositional or (low in PARTICLE_CUES and v + 1 < n
                                       and words[v + 1].lower == PARTICLE_CUES[low]) else v + 1
    subject, after, inverted, trailing = _cue_subject(reader, words, v, after, previous)
    if subject is None or _noun_use(words, v, subject):
        return None  # "a stock answer", "the sensitive emails": the cue word is a noun
    if finding and not _source_subject(subject):
        return None
    kind = _reader_for(low) if not speech else "reported_speech"
    if speech and low in BELIEF_VERBS:
        kind = "reported_belief"
    cue = Cue("in_sentence", "", word.start, words[after - 1].end if not inverted
              else word.end, subject)
    if not inverted:
        return _read_content(reader, words, v, after, trailing, kind, cue, subject,
                             (s_start, s_end), cut)
    if kind != "reported_speech":
        return None
    before = _content_before(reader.text, words, v)
    if before is None or _words_between(words, 0, before[0]) < _MIN_CONTENT:
        return None
    cue.rule = _rule("content-verb-X", subject)
    return _Found(kind, cue, s_start, before[1])


def _read_source(reader: Reader, words: list[Word], v: int, source_end: int,
                 s_start: int, s_end: int, cut: bool) -> _Found | None:
    """The clause of a source cue ("according to X") at ``words[v]``, and what it reports."""
    word = words[v]
    n = len(words)
    opening = all(w.lower in _OPENERS for w in words[:v])
    found = reader.forward(words, source_end, stop_at_verb=False) \
        or _closing_source(reader, words, source_end)
    if opening and (found is None or found[1] >= n or words[found[1]].text != ","):
        found = _opening_source(reader, words, source_end) or found
    if found is None:
        return None
    source, after = found
    cue = Cue("in_sentence", "", word.start, words[source_end - 1].end, source)
    if opening and after < n and words[after].text == ",":
        cue.rule = _rule("according-to-X-content", source)
        return _Found("reported_source", cue, words[after].end,
                      _clause_end(words, after + 1, s_end, reader.text, cut))
    before = _content_before(reader.text, words, v)
    if before is not None and after < n and words[after].text == "," \
            and _words_between(words, 0, before[0]) + _words_between(words, after, n) \
            >= _MIN_CONTENT:
        # "About noon, according to the log, the guards left.": the source sits
        # inside what was said
        cue.rule = _rule("content-according-to-X-content", source)
        return _Found("reported_source", cue, s_start, s_end)
    if before is not None and _words_between(words, 0, before[0]) >= _MIN_CONTENT:
        cue.rule = _rule("content-according-to-X", source)
        return _Found("reported_source", cue, s_start, before[1])
    return None


def _cue_senses(words: list[Word], v: int, headline: bool) -> tuple[bool, bool, bool, bool]:
    """Whether ``words[v]`` is a prepositional cue, and a verb of speech, finding or belief."""
    word = words[v]
    n = len(words)
    low = word.lower
    prepositional = v + 1 < n and f"{low} {words[v + 1].lower}" in PREPOSITIONAL_CUES \
        and word.text.islower() and not noun_position(words, v)
    speech = prepositional or is_verb_at(
        words, v, weak_ok=v + 1 < n and words[v + 1].lower in CONTENT_OPENERS) or (
        headline and v > 0 and word.text[:1].isupper() and low in CUE_VERBS
        and low not in WEAK_CUE_VERBS and not noun_position(words, v))
    finding = not speech and _verb(words, v, FINDING_VERBS)
    belief = not speech and not finding and _verb(words, v, _HELD)
    return prepositional, speech, finding, belief


def _cue_subject(reader: Reader, words: list[Word], v: int, after: int,
                 previous: Subject | None) -> tuple[Subject | None, int, bool, int]:
    """The subject of the cue ``words[v]``: ``(subject, after, inverted, trailing)``."""
    n = len(words)
    low = words[v].lower
    lo = max(0, v - _REACH)
    participle = low.endswith("ing") and v > 0 and words[v - 1].text == ","
    # "The paper endorsed Ana Ruiz, saying …": a participle's subject is the main
    # clause's, not the noun phrase before its comma
    subject = _main_subject(reader, words, v - 1) if participle else reader.backward(words, v, lo)
    inverted = False
    if subject is None and v > 0 and words[v - 1].text == "," and not (
            after < n and words[after].lower in CONTENT_OPENERS):
        found = reader.forward(words, after, stop_at_verb=False)
        if found is not None and (words[found[1] - 1].text == ","
                                  or _clause_ends(words, found[1])):
            subject, after, inverted = found[0], found[1], True
    if subject is None and _second_verb(words, v, lo):
        subject = previous or _clause_subject(reader, words, lo, v)
    trailing = -1
    if subject is None and not inverted:
        subject = _opening_subject(reader, words, v)
    if subject is None and not inverted:
        behind = _trailing_subject(reader, words, v)
        if behind is not None:
            subject, trailing = behind
    if subject is None and previous is not None and low in CONTINUING_CUES \
            and v > 0 and words[v - 1].text == ",":
        subject = previous  # "…, Ms. Ruiz said, adding that …"
    return subject, after, inverted, trailing


def _read_content(reader: Reader, words: list[Word], v: int, after: int, trailing: int,
                  kind: str, cue: Cue, subject: Subject, sentence: tuple[int, int],
                  cut: bool) -> _Found | None:
    """What a cue with its subject before it reports: the content after it, or before."""
    s_start, s_end = sentence
    word = words[v]
    n = len(words)
    begin = _content_after(reader, words, v, after)
    if 0 <= begin < n and words[begin - 1].text == "," and words[begin].lower in CUE_VERBS \
            and words[begin].lower.endswith("ing"):
        begin = -1  # "…, X said, adding that …": a second verb, not what was said
    cue.addressee = _told(reader, words, v)
    if word.lower in STANCE_VERBS:
        return _stance_content(words, begin, kind, cue, subject, s_end)
    if 0 <= begin < n and _words_between(words, begin, n) >= _MIN_CONTENT - (
            "“" in (w.text for w in words[begin:])):
        start = subject.start if subject.start < word.start else word.start
        clause = bisect_left([w.start for w in words], start) if trailing < 0 \
            else trailing + 1
        if begin < n and words[after - 1].end <= words[begin].start and (
                after < n and words[after].text == ",") and _content_before(
                reader.text, words, clause) is not None:
            # "The plan, she said, is dead.": the clause sits inside what was said
            cue.rule = _rule("content-X-verb-content", subject)
            return _Found(kind, cue, s_start, s_end)
        cue.rule = _rule("X-verb-content", subject)
        return _Found(kind, cue, words[begin].start,
                      _clause_end(words, begin, s_end, reader.text, cut))
    if kind == "reported_belief":
        return None  # (a document or a poll may close its sentence: "…, records show.")
    clause = bisect_left([w.start for w in words], subject.start) if trailing < 0 \
        else trailing + 1
    before = _content_before(reader.text, words, min(clause, v))
    if before is None or _words_between(words, 0, before[0]) < _MIN_CONTENT:
        return None
    cue.rule = _rule("content-X-verb", subject)
    return _Found(kind, cue, s_start, before[1])


def _time_at(words: list[Word], k: int) -> bool:
    """Whether a phrase of when opens at ``words[k]``: "Monday", "on Monday", "last
    week", "this month"."""
    low = words[k].lower
    if low in CALENDAR_WORDS:
        return True
    return low in ("on", "last", "this") and k + 1 < len(words) and (
        words[k + 1].lower in CALENDAR_WORDS
        or low != "on" and words[k + 1].lower in _TIMES)


def _stance_content(words: list[Word], begin: int, kind: str, cue: Cue, subject: Subject,
                    s_end: int) -> _Found | None:
    """What a verb of stance takes a stance on: its object, however short, up to the
    first comma or the sentence end ("the union rejected the offer, and …"); ``None``
    before an infinitive ("sought to win": an aim, read by no one as a report)."""
    if not 0 <= begin < len(words) or words[begin].lower == "to" \
            or not words[begin].text[:1].isalnum() and words[begin].text != "“":
        return None
    end = s_end
    for k in range(begin + 1, len(words)):
        if words[k].text in (",", ";", "—", "–") or words[k].text in STOP_PUNCT \
                and words[k].text != "“" or _time_at(words, k):
            end = words[k].start
            break
    cue.rule = _rule("X-verb-content", subject)
    return _Found(kind, cue, words[begin].start, end)


def _relative_clause(reader: Reader, words: list[Word], v: int, s_end: int, text: str,
                     cut: bool) -> _Found | None:
    """A reporting verb in a relative clause of a person ("Ana Ruiz, who said the plan
    was dead, left early"; "voters who say the economy comes first"): the speaker is
    the noun phrase before ``who``, and what was said ends where the main clause
    resumes at a comma and a verb."""
    low = words[v].lower
    if low in NAMING_CUES or v < 2 or not is_verb_at(
            words, v, weak_ok=v + 1 < len(words) and words[v + 1].lower in CONTENT_OPENERS):
        return None
    lo = max(0, v - _REACH)
    head = v - 2 if words[v - 2].text == "," else v - 1
    subject = reader.backward(words, head, lo)
    if subject is None or subject.kind == "pronoun":
        return None
    after = v + 1
    begin = _content_after(reader, words, v, after)
    if begin < 0 or begin >= len(words) or _words_between(words, begin, len(words)) < _MIN_CONTENT:
        return None
    end = _clause_end(words, begin, s_end, text, cut)
    for k in range(begin + _MIN_CONTENT, len(words) - 1):
        if words[k].start >= end:
            break
        if words[k].text == "," and _verb_like(words[k + 1]):
            end = words[k].start  # "…, who said the plan was dead, left early"
            break
    cue = Cue("in_sentence", _rule("X-who-verb-content", subject), words[v].start,
              words[v].end, subject)
    cue.addressee = _told(reader, words, v)
    return _Found(_reader_for(low) if low not in CUE_VERBS else "reported_speech", cue,
                  words[begin].start, end)


def _decide(ctx: Context, found: _Found, index: int, paragraph: int) -> Decision | None:
    """The speaker of a reported content, read as a quotation's would be; ``None`` for a
    first or second person ("I think …"), which is someone's own speech, not a report."""
    cue = found.cue
    subject = cue.subject
    assert subject is not None
    if subject.kind == "pronoun":
        word = subject.text.lower()
        if word in ("i", "we", "you"):
            return None  # the words of someone quoted, read inside their own speech
        plural = word in ("they", "it")
        resolved = resolve_pronoun(ctx, subject.start, SUBJECT_PRONOUNS[word][0], index,
                                   plural=plural, paragraph=paragraph)
        if resolved is None:
            return Decision(None, cue.rule, cue=cue, mention=subject)
        entity, antecedent, rivals = resolved
        via = (antecedent.start, antecedent.end) if antecedent is not None else None
        return Decision(entity, cue.rule, cue=cue,
                        mention=subject, via=via, candidates=rivals)
    decision = decide_named(cue, ctx, index, paragraph)
    if decision is None:
        return Decision(None, cue.rule, cue=cue, mention=subject)
    return decision


def _quotes_in(ctx: Context, starts: list[int], start: int, end: int) -> tuple[int, ...]:
    """Indices of the quotations that lie inside ``[start, end)``."""
    first = bisect_left(starts, start)
    out = []
    for i in range(first, len(ctx.quotes)):
        if ctx.quotes[i].start >= end:
            break
        if ctx.quotes[i].end <= end:
            out.append(i)
    return tuple(out)


def _whole_quotes(ctx: Context, starts: list[int], start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to take whole any quotation it cuts: a reported content
    holds a quotation whole or not at all."""
    q = bisect_right(starts, start) - 1
    if q >= 0 and ctx.quotes[q].start < start < ctx.quotes[q].end:
        start = ctx.quotes[q].start
    q = bisect_left(starts, end) - 1
    if q >= 0 and ctx.quotes[q].start < end < ctx.quotes[q].end:
        end = ctx.quotes[q].end
    return start, end


def _all_quoted(ctx: Context, starts: list[int], start: int, end: int) -> bool:
    """Whether every letter of ``text[start:end]`` is inside a quotation."""
    text = ctx.text
    k = max(0, bisect_right(starts, start) - 1)
    position = start
    while position < end:
        while k < len(ctx.quotes) and ctx.quotes[k].end <= position:
            k += 1
        if k < len(ctx.quotes) and ctx.quotes[k].start <= position:
            position = ctx.quotes[k].end
            continue
        stop = ctx.quotes[k].start if k < len(ctx.quotes) else end
        if any(ch.isalnum() for ch in text[position:min(stop, end)]):
            return False
        position = stop
    return True


def _may_report(ctx: Context, starts: list[int], start: int, end: int) -> int:
    """Where the words of the sentence ``text[start:end]`` need to be read to, or -1
    when it cannot report anything (a quick test before its words are read one by
    one): outside its quotations, it must have a word a reader starts from, or a
    source phrase, and words enough for a clause and a content. The words are read up
    to a little past the last such word; the rest of the sentence can only be content."""
    text = ctx.text
    words: list[str] = []
    source = False
    position = start
    q = max(0, bisect_right(starts, start) - 1)
    while position < end:
        while q < len(starts) and ctx.quotes[q].end <= position:
            q += 1
        stop = min(end, starts[q]) if q < len(starts) and starts[q] < end else end
        if stop > position:
            words.extend(_ANY_WORD_RE.findall(text, position, stop))
            source = source or _SOURCE_RE.search(text, position, stop) is not None
        position = max(stop, ctx.quotes[q].end) if stop < end else end
    if len(words) < _MIN_CONTENT + 2:
        return -1
    cues = _CUE_SCAN.intersection(words)
    headline = not cues and words[0][:1].isupper() and words[1][:1].isupper() \
        and words[-1][:1].isupper() and words[len(words) // 2][:1].isupper() \
        and _title_case(words)
    if headline:
        cues = _CUE_SCAN.intersection(word.lower() for word in words)
    if source or not cues:
        return end if source else -1
    if cues <= _WEAK:
        # a weak verb reports only before "that" (“he added that …”), a particle verb
        # only with its particle (“went on”)
        cues = frozenset(word for word, after in zip(words, words[1:], strict=False)
                         if word in cues and (after in CONTENT_OPENERS
                                              or after == PARTICLE_CUES.get(word)
                                              or f"{word} {after}" in PREPOSITIONAL_CUES))
        if not cues:
            return -1
    last = max(max(text.rfind(word, start, end), text.rfind(word.capitalize(), start, end)
                   if headline else -1) + len(word) for word in cues)
    return end if last + _CUT >= end else last + _CUT


def find_reported(ctx: Context) -> list[ReportedSpan]:
    """Every attribution of reported speech in the analysed article, in text order.

    Runs after the sieves, so that a pronoun can lean on the speakers they named.
    """
    text = ctx.text
    reader = Reader(text, ctx.analysis)
    cache = WordCache(text, ctx.sentences, ctx.quotes)
    starts = [q.start for q in ctx.quotes]
    paragraph_starts = [p[0] for p in ctx.paragraphs]
    out: list[ReportedSpan] = []
    for number, (s_start, s_end) in enumerate(ctx.sentences):
        limit = _may_report(ctx, starts, s_start, s_end)
        if limit < 0:
            continue
        cut = limit < s_end
        words = read_words_around(ctx.text, ctx.quotes, starts, s_start, limit) if cut \
            else cache.window(number, s_start, s_end)
        if len(words) < _MIN_CONTENT + 1:
            continue
        for found in _read_sentence(reader, words, s_start, s_end, cut):
            found.start, found.end = _whole_quotes(ctx, starts, found.start, found.end)
            if found.end <= found.start or _all_quoted(ctx, starts, found.start, found.end):
                continue
            index = bisect_left(starts, found.cue.start)
            paragraph = max(0, bisect_right(paragraph_starts, found.cue.start) - 1)
            decision = _decide(ctx, found, index, paragraph)
            if decision is None:
                continue
            out.append(ReportedSpan(found.start, found.end,
                                    _quotes_in(ctx, starts, found.start, found.end),
                                    found.reader, decision))
    return out
