"""The cue rules: one named reader per shape of reporting clause, in one registry.

``find_cues`` reads, for each quotation, the cues that could name its speaker. It is a
loop over ``RULES``, the registry (markdown-it's ruler, CoreNLP's labelled sieves): each
:class:`CueRule` is one reader function with the literal rule ids it writes, the chain
that tries it, the place of the cue it finds, the sieve that decides on that cue, and one
example sentence. ``docs/rules.md``'s table of cue rules is written from the registry by
``scripts/build_rules_doc.py``.

A chain is tried in registry order and its first cue wins. A reader returns ``None``
when its shape is absent (the next reader is tried) and ``STOP`` when its shape is there
but names no one (the chain has no cue: “…,” said to be …). The steps of ``find_cues``
run the chains in order, from the most precise place to the most speculative: the words
right after the quotation, right before it, a colon, the sentence, the previous
paragraph, and last the readers that only speak when nothing else did.

>>> from quotecheck.pipeline import analyse
>>> ctx = analyse("“We will stay,” said the NATO secretary-general, Jens Stoltenberg.")
>>> cue = ctx.cues[0][0]
>>> cue.place, cue.rule, cue.subject.text
('tail', 'quote-verb-name', 'Jens Stoltenberg')
>>> rule = RULES_BY_ID["quote-verb-name"]
>>> rule.sieve, rule.place, rule.read.__name__
('cue_adjacent', 'tail', 'read_verb_first')
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import Enum

from .clauses import (
    _CANDIDATES,
    _CLAUSE_JOINS,
    _COORDINATED,
    _MAX_OBJECT,
    _RELATIVES,
    _WINDOW,
    Cue,
    _addressee,
    _bare_agent,
    _citation,
    _clause_ends,
    _clause_subject,
    _evaluating_at,
    _gerund_at,
    _group_subject,
    _infinitive_subject,
    _main_subject,
    _noun_use,
    _only_manner,
    _passive,
    _past_tense,
    _people,
    _personal,
    _personal_before,
    _pronoun_subject,
    _second_verb,
    _sentence_subject,
    _skip_parenthesis,
    _source,
    _source_at,
    _subordinate,
    _thing,
    _title_case,
    _view_at,
)
from .entities import EntityAnalysis, is_title_case
from .lexicon.cues import (
    ANNOUNCING_WORDS,
    CONTINUING_CUES,
    CUE_VERBS,
    FINDING_VERBS,
    HEADLINE_VERBS,
    NAMING_CUES,
    PARTIAL_CUE_VERBS,
    PARTICLE_CUES,
    PASSIVE_NAMING_VERBS,
    SPEECH_NOUNS,
    TELLING_VERBS,
)
from .lexicon.grammar import PASSIVE_MARKERS, PREPOSITIONS, TENSE_AUXILIARIES
from .lexicon.pronouns import OBJECT_SUBJECTS, POSSESSIVE_SUBJECTS, SUBJECT_PRONOUNS
from .lexicon.verbs import Lexicon
from .lexicon.words import CALENDAR_WORDS, FUNCTION_WORDS
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

__all__ = ["RULES", "RULES_BY_ID", "STOP", "CueRule", "QuoteState", "find_cues", "rules_table"]

_DASHES = ("—", "–", "―", "-")
# Sentence-final clauses that may cover one earlier quotation of their sentence.
_COVERING = 8


class Stop(Enum):
    """A reader's answer when its shape is there but names no one."""

    STOP = "stop"


STOP = Stop.STOP


@dataclass(slots=True)
class QuoteState:
    """What the readers of one quotation read: its windows of words and the cues so far."""

    text: str
    reader: Reader
    cache: WordCache
    quotes: list[QuoteSpan]
    sentences: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]]
    sentence_starts: list[int]
    index: int
    quote: QuoteSpan
    sentence_span: tuple[int, int]  # the first and last sentence the quotation touches
    paragraph_span: tuple[int, int]
    s_start: int  # where the quotation's first sentence starts
    s_end: int  # where its last sentence ends
    tail_end: int  # where the words after the quotation end
    paragraph_end: int
    tail_words: list[Word]
    open_clause: bool  # the quotation ends on a comma: “Aw,” …
    head_start: int
    head_words: list[Word]
    after_quote: bool  # the words before start at an earlier quotation's end
    sentence_words: list[Word]
    marked: bool  # a cue word sits in the sentence before the quotation
    cues: list[Cue] = field(default_factory=list)
    tail: Cue | None = None
    head: Cue | None = None


Read = Callable[[QuoteState], Cue | Stop | None]


@dataclass(frozen=True, slots=True)
class CueRule:
    """One cue rule: a reader and what the registry says about it."""

    ids: tuple[str, ...]  # the literal rule ids it writes, the one for a name first
    chain: str  # the step of find_cues that tries it
    place: str  # the place of the cue it finds (Cue.place)
    sieve: str  # the sieve that decides on that cue
    reads: str  # the words it reads
    example: str  # one sentence it reads
    read: Read


def _kind_rule(subject: Subject | None, name: str, pronoun: str, description: str) -> str:
    """The rule id for the kind of ``subject``: a name (or no subject), a pronoun, a
    description."""
    kind = "name" if subject is None else subject.kind
    return pronoun if kind == "pronoun" else description if kind == "description" else name


def _tail_start(words: list[Word]) -> int:
    """Index of the first word after the quotation, past commas and dashes."""
    i = 0
    while i < len(words) and words[i].text in (",", *_DASHES):
        i += 1
    return i


# --- the words after the quotation -------------------------------------------------


def read_dash_credit(state: QuoteState) -> Cue | Stop | None:
    """A name credited after a dash: “Never again.” — John Smith.

    >>> from quotecheck.pipeline import analyse
    >>> analyse("“Never again.” — John Smith").cues[0][0].rule
    'quote-dash-name'
    """
    words = state.tail_words
    i = _tail_start(words)
    if i == 0 or i >= len(words) or words[i - 1].text not in _DASHES:
        return None
    found = state.reader.forward(words, i, stop_at_verb=True)
    if found is not None and found[0].kind == "name" and (
            found[1] >= len(words) or words[found[1]].text in (",", ".")) \
            and not _citation(words, found[1], found[0]):
        return Cue("tail", "quote-dash-name", words[i - 1].start, words[i - 1].end, found[0])
    return None


def read_verb_first(state: QuoteState) -> Cue | Stop | None:
    """A reporting verb right after the quotation, then its subject: “…,” said Mr. X.

    >>> from quotecheck.pipeline import analyse
    >>> analyse("“We won,” said Ana Ruiz.").cues[0][0].rule
    'quote-verb-name'
    """
    words = state.tail_words
    i = _tail_start(words)
    lexicon = state.reader.lexicon
    if i >= len(words) or not cue_at(words, i, lexicon=lexicon):
        return None
    word = words[i]
    after = i + 2 if words[i].lower in PARTICLE_CUES and not is_cue(word, lexicon=lexicon) \
        else i + 1
    found = state.reader.forward(words, after, stop_at_verb=False)
    if found is None:
        return STOP
    subject = found[0]
    rule = _kind_rule(subject, "quote-verb-name", "quote-verb-pronoun", "quote-verb-description")
    return Cue("tail", rule, word.start, words[after - 1].end, subject)


def read_according_to_after(state: QuoteState) -> Cue | Stop | None:
    """A source phrase right after the quotation: “…,” according to the Herald.

    >>> from quotecheck.pipeline import analyse
    >>> analyse("“Prices will rise,” according to Ana Ruiz.").cues[0][0].rule
    'according-to'
    """
    words = state.tail_words
    i = _tail_start(words)
    source_end = _source_at(words, i) if i < len(words) else -1
    if source_end <= 0:
        return None
    found = state.reader.forward(words, source_end, stop_at_verb=False)
    if found is None:
        return STOP
    return Cue("tail", "according-to", words[i].start, words[source_end - 1].end, found[0])


def read_view_after(state: QuoteState) -> Cue | Stop | None:
    """Whose view the quotation gives, right after it: “dead on arrival,” in her view.

    >>> from quotecheck.pipeline import analyse
    >>> analyse("Ana Ruiz spoke. The bill was “dead on arrival,” in her view.").cues[0][0].rule
    'in-their-view'
    """
    words = state.tail_words
    i = _tail_start(words)
    view = _view_at(words, i) if i < len(words) else None
    if view is None:
        return None
    return Cue("tail", "in-their-view", words[i].start, words[view[0] - 1].end, view[1])


def read_unlisted_verb_first(state: QuoteState) -> Cue | Stop | None:
    """A past tense out of the lexicon right after a quotation that ends on a comma, then
    a person who ends the clause: “I just love the fair,” glowed Carol Milford. The verb
    is known by its place, not by its suffix alone, so the rule has ids of its own and a
    confidence measured apart from a listed verb's (“…,” galloped Ana Ruiz).

    >>> from quotecheck.pipeline import analyse
    >>> analyse("“I love the fair,” glowed Carol Milford.").cues[0][0].rule
    'quote-unlisted-verb-name'
    """
    words = state.tail_words
    i = _tail_start(words)
    if not state.open_clause or i >= len(words) or not _past_tense(words[i]):
        return None
    found = state.reader.forward(words, i + 1, stop_at_verb=False)
    if found is None or found[0].kind == "pronoun" or not _personal(found[0]) \
            or not _clause_ends(words, found[1]):
        return None
    subject = found[0]
    rule = "quote-unlisted-verb-description" if subject.kind == "description" \
        else "quote-unlisted-verb-name"
    return Cue("tail", rule, words[i].start, words[i].end, subject)


def _skip_prepositional(words: list[Word], subject: Subject, j: int) -> int:
    """Past a short phrase after a description: "a nurse at the clinic, speaking …, said"."""
    if subject.kind != "description" or j >= len(words) or words[j].lower not in PREPOSITIONS:
        return j
    k = j + 1
    while k < len(words) and k - j <= 5 and words[k].text not in (",", ".", ";") \
            and not is_cue(words[k]):
        k += 1
    if k < len(words) and (words[k].text == "," or cue_at(words, k)):
        return k  # ("a nurse at the clinic said")
    return j


def _segment_end(words: list[Word], j: int) -> int:
    """The comma or stop that ends the segment after the comma ``words[j]``; a state's
    abbreviation keeps its period ("Erie, Pa., said")."""
    k = j + 1
    while k < len(words) and k - j < 16 and (words[k].text not in (",", ".", ";") or (
            words[k].text == "." and k + 1 < len(words) and words[k + 1].text == ","
            and words[k - 1].text.istitle() and len(words[k - 1].text) <= 5)):
        k += 1
    return k


def _skip_segments(reader: Reader, words: list[Word], subject: Subject, j: int) -> int:
    """Past up to three segments set off by commas after the subject ("Cecelia Moss, 67,
    a retired nurse from Erie, Pa., said"); the first one after a name is its
    description."""
    segments = 0
    while j < len(words) and words[j].text == "," and subject.kind in ("name", "description") \
            and segments < 3:
        k = _segment_end(words, j)
        if not (k < len(words) and words[k].text == "," and (subject.kind == "name" or (
                words[j + 1].lower in ("who", "which", "whose")
                or words[j + 1].lower.endswith("ing")))):
            break
        if subject.kind == "name" and segments == 0:
            subject.description = reader.text[words[j + 1].start:words[k - 1].end]
        segments += 1
        j = k if subject.kind == "name" and k + 1 < len(words) \
            and not cue_at(words, k + 1) and not is_adverb(words[k + 1]) else k + 1
    return j


def _skip_relative(words: list[Word], subject: Subject, j: int) -> int:
    """Past a relative clause with no commas: "a man who lives nearby told reporters"."""
    if j >= len(words) or words[j].lower != "who" or subject.kind not in ("name", "description"):
        return j
    k = j + 1
    while k < len(words) and k - j <= 8 and words[k].text not in STOP_PUNCT \
            and words[k].text not in CLAUSE_END and not cue_at(words, k):
        k += 1
    if k < len(words) and cue_at(words, k) and k > j + 2:
        return k  # (the clause has a verb of its own before the reporting one)
    return j


def _skip_auxiliaries(words: list[Word], j: int) -> tuple[int, int]:
    """Past adverbs and auxiliaries before the verb ("his mother had replied", "she
    would say"): the index of the verb and how many words were passed."""
    skipped = 0
    while j < len(words) and skipped < 3 and (is_adverb(words[j]) or (
            words[j].lower in TENSE_AUXILIARIES and j + 1 < len(words)
            and words[j + 1].text.islower())):
        j += 1
        skipped += 1
    return j, skipped


def read_subject_first(state: QuoteState) -> Cue | Stop | None:
    """A subject right after the quotation, then its reporting verb: “…,” Mr. X said;
    “…,” Tom Berg, the spokesman, said. After a quotation that ends on a comma, a past
    tense out of the lexicon reports too, under ids of its own, after a name or a pronoun
    (“We will win,” Ms. Ruiz deadpanned: ``quote-name-unlisted-verb``).

    >>> from quotecheck.pipeline import analyse
    >>> analyse("“We won,” Ana Ruiz, the mayor, said.").cues[0][0].rule
    'quote-name-verb'
    """
    words, reader = state.tail_words, state.reader
    i = _tail_start(words)
    found = reader.forward(words, i, stop_at_verb=True) if i < len(words) else None
    if found is None:
        return None
    subject, j = found
    lexicon = reader.lexicon
    if state.open_clause and j < len(words) and _past_tense(words[j]) \
            and not cue_at(words, j, lexicon=lexicon) and subject.kind in ("name", "pronoun") \
            and _clause_ends(words, j + 1):
        unlisted = "quote-pronoun-unlisted-verb" if subject.kind == "pronoun" \
            else "quote-name-unlisted-verb"
        return Cue("tail", unlisted, words[j].start, words[j].end, subject)
    rule = _kind_rule(subject, "quote-name-verb", "quote-pronoun-verb", "quote-description-verb")
    j = _skip_parenthesis(words, j)  # "Sen. Rob Portman (R-Ohio) said"
    j = _skip_prepositional(words, subject, j)
    j = _skip_segments(reader, words, subject, j)
    j = _skip_relative(words, subject, j)
    j, skipped = _skip_auxiliaries(words, j)
    # a bare participle is no reporting clause: "…", the government recommending
    if j >= len(words) or not cue_at(words, j, lexicon=lexicon) or (
            words[j].lower.endswith("ing") and skipped == 0):
        return None
    verb = words[j]
    if j + 1 < len(words) and words[j + 1].text == ":":
        return None  # “We won.” Piotr Nowak replied: “…”: the clause introduces the next
    end = words[j + 1].end if not is_cue(verb, lexicon=lexicon) else verb.end  # "pointed out"
    return Cue("tail", rule, verb.start, end, subject, _addressee(reader, words, j))


def _tail_cue(state: QuoteState, words: list[Word], open_clause: bool = False) -> Cue | None:
    """The first cue of the chain ``after`` on ``words`` in place of the tail's."""
    return _first(replace(state, tail_words=words, open_clause=open_clause), "after")


def read_credit_paragraph(state: QuoteState) -> Cue | Stop | None:
    """A credit in a short paragraph of its own: “Never again.” ¶ — Greta Halvorsen.

    >>> from quotecheck.pipeline import analyse
    >>> analyse("“Never again.”\\n\\n— Greta Halvorsen").cues[0][0].rule
    'quote-dash-name'
    """
    text, paragraphs = state.text, state.paragraphs
    following = state.paragraph_span[1] + 1
    if following >= len(paragraphs) or text[state.quote.end:state.paragraph_end].strip(" ."):
        return None
    credit_lo, credit_hi = paragraphs[following]
    if credit_hi - credit_lo >= 60 or text[credit_lo] not in "—–―-":
        return None
    credit = _tail_cue(state, read_words(text, credit_lo, credit_hi))
    return credit if credit is not None and credit.rule == "quote-dash-name" else None


def read_passive_agent(state: QuoteState) -> Cue | Stop | None:
    """The agent of a passive verb of speech or judgement speaks: "The plan was
    described as “unworkable” by Senator Lee Park" (the words after the quotation start
    with "by"; those before it end with a form of *be*, adverbs, a past participle,
    "as").

    >>> from quotecheck.pipeline import analyse
    >>> analyse("The plan was described as “unworkable” by Senator Lee Park.").cues[0][0].rule
    'passive-agent'
    """
    tail = state.tail_words
    if not tail or tail[0].lower != "by":
        return None
    head = state.cache.window(state.sentence_span[0], max(state.s_start, state.quote.start - 80),
                              state.quote.start)
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
    found = state.reader.forward(tail, 1, stop_at_verb=False)
    speech = verb.lower in CUE_VERBS or verb.lower in PARTIAL_CUE_VERBS \
        or verb.lower in PASSIVE_NAMING_VERBS
    agent = found[0] if found is not None else _bare_agent(state.reader, tail) if speech else None
    if agent is None or agent.kind == "pronoun" or not (
            _personal(agent) or (speech and _people(agent))):
        return None
    return Cue("tail", "passive-agent", tail[0].start, tail[0].end, agent)


# --- the words before the quotation ------------------------------------------------


def read_source_before(state: QuoteState) -> Cue | Stop | None:
    """A source phrase or a view right before the quotation: according to X, “…”; in
    his words, “…”.

    >>> from quotecheck.pipeline import analyse
    >>> analyse("According to Ana Ruiz, “the talks were productive.”").cues[0][0].rule
    'according-to'
    """
    words, reader = state.head_words, state.reader
    n = len(words)
    for i in range(n - 1, max(-1, n - 14), -1):
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
    return None


def _inverted_between(state: QuoteState, v: int) -> Cue | None:
    """A verb first between two parts of a split quotation: “…,” said he, “…”."""
    words = state.head_words
    if not state.after_quote or not (v == 0 or (v == 1 and words[0].text in (",", "—", "–"))):
        return None
    found = state.reader.forward(words, v + 1, stop_at_verb=False)
    if found is None or not _only_manner(words[found[1]:]):
        return None
    subject = found[0]
    rule = _kind_rule(subject, "verb-name-quote", "verb-pronoun-quote", "verb-description-quote")
    return Cue("head", rule, words[v].start, words[v].end, subject)


def _verb_before_at(state: QuoteState, v: int) -> Cue | None:
    """The cue of a reporting verb at ``head_words[v]``, or None to look further left."""
    words, reader = state.head_words, state.reader
    word, n, lexicon = words[v], len(words), reader.lexicon
    if v > 0 and words[v - 1].lower == "to" and cue_at(words, v, lexicon=lexicon) \
            and v + 1 < n and words[v + 1].text in (":", ","):
        infinitive = _infinitive_subject(reader, words, v, 0)
        if infinitive is not None:  # "The memo goes on to say: “…”"
            rule = _kind_rule(infinitive, "name-verb-quote", "pronoun-verb-quote",
                              "description-verb-quote")
            return Cue("head", rule, word.start, word.end, infinitive)
    if not is_verb_at(words, v, lexicon=lexicon) or (word.lower in NAMING_CUES and v == n - 1
                                     and not _personal_before(reader, words, v, 0)):
        return None
    if any(w.text in STOP_PUNCT for w in words[v + 1:]):
        return None
    if word.lower in CONTINUING_CUES and (v == 0 or words[v - 1].text in (",", "and")):
        return Cue("continuing", "continuing-cue", word.start, word.end, None)
    subject = reader.backward(words, v, 0)
    if subject is not None and _subordinate(words, subject, 0):
        return None  # "…, as he finished, “…”": a subordinate clause reports nothing
    if _noun_use(words, v, subject) or _passive(words, v, 0):
        return None  # "He gave a stock answer: “…”", "The deal was derided as “…”"
    if subject is None:
        inverted = _inverted_between(state, v)
        if inverted is not None:
            return inverted
    if subject is None and _second_verb(words, v, 0):
        # a second verb of the clause's subject: "she lifted her voice and shouted:",
        # "He had taken the boy by the sleeve and was saying, …"
        subject = _clause_subject(reader, words, 0, v)
    rule = _kind_rule(subject, "name-verb-quote", "pronoun-verb-quote", "description-verb-quote")
    return Cue("head", rule, word.start, word.end, subject, _addressee(reader, words, v))


def read_verb_before(state: QuoteState) -> Cue | Stop | None:
    """A reporting clause that ends right before the quotation: Mr. X said: “…”; X told
    reporters that “…”; he called the meeting “…”; …, adding: “…” (a participle with no
    subject of its own continues). After an earlier quotation, a verb may come before
    its subject: “…,” said he, “…”.

    >>> from quotecheck.pipeline import analyse
    >>> analyse("Ana Ruiz told reporters: “We won.”").cues[0][0].rule
    'name-verb-quote'
    """
    n = len(state.head_words)
    for v in range(n - 1, max(-1, n - 2 - _MAX_OBJECT), -1):
        cue = _verb_before_at(state, v)
        if cue is not None:
            return cue
    return None


def read_announced(state: QuoteState) -> Cue | Stop | None:
    """“…addressed him as follows:”, “…had spoken thus:”: words that announce what
    follows make the verb before them a cue, whatever the verb.

    >>> from quotecheck.pipeline import analyse
    >>> analyse("Mrs. Holm addressed him as follows: “Sit.”").cues[0][0].rule
    'name-verb-quote'
    """
    words, reader = state.head_words, state.reader
    n = len(words)
    if n < 3 or words[-1].text not in (":", ",") or words[-2].lower not in ANNOUNCING_WORDS:
        return None
    end = n - 2
    if words[-2].lower == "follows" and words[-3].lower == "as":
        end = n - 3
    for v in range(end - 1, max(-1, end - 4), -1):
        word = words[v]
        if not (word.text.isalpha() and word.text.islower()) or word.lower in FUNCTION_WORDS:
            continue
        if not (_past_tense(word) or word.lower in CUE_VERBS):
            return None  # the verb must come within a word or two ("addressed him as follows")
        subject = reader.backward(words, v, 0)
        if subject is None and _second_verb(words, v, 0):
            subject = _clause_subject(reader, words, 0, v)
        if subject is None:
            return None
        rule = _kind_rule(subject, "name-verb-quote", "pronoun-verb-quote",
                          "description-verb-quote")
        return Cue("head", rule, word.start, word.end, subject)
    return None


# --- a colon right before the quotation --------------------------------------------


def _colon_before(state: QuoteState) -> bool:
    """Whether the words right before the quotation end on a colon no verb reports."""
    return state.head is None and bool(state.head_words) and state.head_words[-1].text == ":"


def read_colon_continuation(state: QuoteState) -> Cue | Stop | None:
    """A colon right after an earlier quotation of the sentence: “The first is
    simple”: “Pay the workers.” (the speaker goes on).

    >>> from quotecheck.pipeline import analyse
    >>> ctx = analyse("“Two demands,” said Ana Ruiz. “The first is simple”: “Pay us.”")
    >>> ctx.cues[2][0].rule
    'colon-continuation'
    """
    words = state.head_words
    if not _colon_before(state) or state.head_start <= state.s_start or len(words) > 2:
        return None
    return Cue("continuing", "colon-continuation", words[-1].start, words[-1].end, None)


def _colon_subject(reader: Reader, words: list[Word]) -> Cue | None:
    """Whoever a sentence that ends in a colon is about: a he or she among its first
    two words ("So he forestalled the next move:"), else the first person it names
    (Mr. X was blunt:)."""
    for word in words[:2]:
        if word.lower in ("he", "she") and word.text in (word.lower, word.lower.capitalize()):
            subject = Subject("pronoun", word.start, word.end, word.text,
                              gender=SUBJECT_PRONOUNS[word.lower][0])
            return Cue("colon", "pronoun-colon", word.start, word.end, subject)
    colon = _sentence_subject(reader, words)
    if colon is not None:
        colon.place, colon.rule = "colon", "name-colon"
    return colon


def read_colon_subject(state: QuoteState) -> Cue | Stop | None:
    """A colon with no verb: the person the sentence is about speaks (Mr. X was
    blunt: “…”).

    >>> from quotecheck.pipeline import analyse
    >>> analyse("Ana Ruiz was blunt: “We lost.”").cues[0][0].rule
    'name-colon'
    """
    if not _colon_before(state):
        return None
    return _colon_subject(state.reader, state.sentence_words)


# --- the sentence ------------------------------------------------------------------


def _reports_at(words: list[Word], v: int, evaluating: bool,
                lexicon: Lexicon | None = None) -> bool:
    """Whether ``words[v]`` is used as a verb of speech (a weak one only with "that":
    "He added that …"), or with ``evaluating`` a verb that communicates or evaluates."""
    if evaluating:
        return _evaluating_at(words, v)
    followed_by_that = v + 1 < len(words) and words[v + 1].lower == "that"
    return (is_verb_at(words, v, weak_ok=followed_by_that, lexicon=lexicon)
            or _gerund_at(words, v)) and words[v].lower not in NAMING_CUES


def _inverted_subject(reader: Reader, words: list[Word], v: int) -> Subject | None:
    """The subject after a verb that opens its clause: "…, said Poland’s deputy foreign
    minister, Marcin Przydacz." (not "…, cautioned that the models …": "that" opens what
    was said; the inverted subject ends its clause: "…, said the plan would" is none)."""
    word = words[v]
    if not (v == 0 or words[v - 1].text == ",") or word.lower.endswith("ing") \
            or word.lower in TELLING_VERBS:
        return None
    if v + 1 < len(words) and words[v + 1].lower == "that":
        return None
    found = reader.forward(words, v + 1, stop_at_verb=False)
    return found[0] if found is not None and (
        words[found[1] - 1].text == "," or _clause_ends(words, found[1])) else None


def _verb_subject(reader: Reader, words: list[Word], v: int,
                  subject: Subject | None) -> tuple[Subject | None, bool]:
    """The subject of the reporting verb ``words[v]``, when the words before it give
    none (``subject``), and whether the verb is a participle of the main clause's
    subject."""
    word = words[v]
    if subject is None:
        subject = _inverted_subject(reader, words, v)
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
        return subject, participle and subject is not None
    return subject, False


def _reporting_verb_at(reader: Reader, words: list[Word], v: int,
                       evaluating: bool) -> Cue | None:
    """The cue of a reporting word at ``words[v]`` with a subject it governs, or None."""
    word = words[v]
    source_end = _source_at(words, v)
    if source_end > 0:
        found = reader.forward(words, source_end, stop_at_verb=False)
        if found is None:
            return None
        return Cue("in_sentence", "according-to", word.start, words[source_end - 1].end,
                   found[0])
    view = _view_at(words, v)
    if view is not None:  # the plan, in her words, is “a gimmick”
        return Cue("in_sentence", "in-their-view", word.start, words[view[0] - 1].end, view[1])
    if not _reports_at(words, v, evaluating, reader.lexicon) or (
            v > 0 and words[v - 1].lower == "who"):
        return None  # ("a volunteer who asked not to be named said": a relative clause)
    subject = reader.backward(words, v, 0) or _group_subject(reader, words, v)
    if _noun_use(words, v, subject) or _passive(words, v, 0):
        return None
    subject, participle = _verb_subject(reader, words, v, subject)
    if participle and subject is not None:
        return Cue("in_sentence", "participle-subject", word.start, word.end, subject)
    if subject is None or (word.lower in FINDING_VERBS and not _source(subject)) or _thing(
            subject):
        return None  # "police found “suspicious” items": only a document or a group finds
    rule = _kind_rule(subject, "name-verb-partial", "pronoun-verb-partial",
                      "description-verb-partial")
    return Cue("in_sentence", rule, word.start, word.end, subject)


def _reporting_verb(reader: Reader, words: list[Word], evaluating: bool) -> Cue | None:
    """The first verb before the quotation with a subject it governs: a verb of speech,
    or with ``evaluating`` a verb that communicates or evaluates."""
    lexicon = reader.lexicon
    for v, word in enumerate(words):
        if word.lower not in _CANDIDATES and (
                lexicon is None or word.lower not in lexicon.cue_verbs):
            continue  # most words are no cue: one set lookup each
        cue = _reporting_verb_at(reader, words, v, evaluating)
        if cue is not None:
            return cue
    return None


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


def read_in_sentence(state: QuoteState) -> Cue | Stop | None:
    """The outermost reporting verb earlier in the sentence: X said that allies urged
    Russia to “…”; with a partial quotation, a verb that evaluates: Ruiz slammed the plan
    as a “fiasco”.

    >>> from quotecheck.pipeline import analyse
    >>> analyse("Ana Ruiz said that allies urged them to “stand firm.”").cues[0][0].rule
    'name-verb-partial'
    """
    if not state.marked:
        return None
    words = state.head_words
    partial = state.head is None and state.quote.start > state.s_start and not (
        words and words[-1].text == ":")
    return _in_sentence_cue(state.reader, state.sentence_words, partial)


def read_coordinated(state: QuoteState) -> Cue | Stop | None:
    """A quotation joined to the one before it by "and" or "or": X called the plan
    “reckless” and “doomed to fail” (one speaker for both).

    >>> from quotecheck.pipeline import analyse
    >>> ctx = analyse("The plan was “reckless” and “doomed,” Ana Ruiz said.")
    >>> ctx.cues[1][-1].rule
    'coordinated-quote'
    """
    words = state.head_words
    if state.head is not None or not state.after_quote \
            or [w.lower for w in words] not in _COORDINATED:
        return None
    return Cue("continuing", "coordinated-quote", words[-1].start, words[-1].end, None)


def _participle_wanted(state: QuoteState) -> bool:
    """Whether the cue before the quotation has no subject of its own (…, adding: “…”)."""
    head = state.head
    return head is not None and (head.subject is None or head.place == "continuing")


def read_participle_main(state: QuoteState) -> Cue | Stop | None:
    """A participle, or a verb after a parenthetical, with no subject of its own: the
    main clause's subject speaks ("The memo, sent to Ruiz, called it “vital”").

    >>> from quotecheck.pipeline import analyse
    >>> analyse("Ana Ruiz spoke for an hour, adding: “We won.”").cues[0][-1].rule
    'participle-subject'
    """
    head, words = state.head, state.sentence_words
    if head is None or not _participle_wanted(state) or not words \
            or words[0].start != state.s_start:
        return None
    at = bisect_left([w.start for w in words], head.start)
    if not (0 < at < len(words)) or not (head.place == "continuing" or words[
            at].lower.endswith("ing") or words[at - 1].text == ","):
        return None
    main = _main_subject(state.reader, words, at)
    if main is None or main.kind == "pronoun":
        return None
    return Cue("in_sentence", "participle-subject", main.start, main.end, main)


def read_participle_sentence(state: QuoteState) -> Cue | Stop | None:
    """A participle with no subject of its own and no main clause before it: the first
    person the sentence names speaks, or the person or group that opens it.

    >>> from quotecheck.pipeline import analyse
    >>> analyse("Officials defended the plan, insisting: “It works.”").cues[0][-1].rule
    'participle-subject'
    """
    if not _participle_wanted(state):
        return None
    words = state.sentence_words
    return _sentence_subject(state.reader, words, opens=bool(
        words) and words[0].start == state.s_start)


# --- the paragraph before ----------------------------------------------------------


def read_paragraph_intro(state: QuoteState) -> Cue | Stop | None:
    """A paragraph that ends with "X stated:" (or a comma) introduces the quotation that
    opens the next one.

    >>> from quotecheck.pipeline import analyse
    >>> analyse("Ana Ruiz stated:\\n\\n“We won.”").cues[0][0].rule
    'paragraph-intro'
    """
    text, paragraphs = state.text, state.paragraphs
    p_index = state.paragraph_span[0]
    if state.quote.start != paragraphs[p_index][0] or p_index == 0:
        return None
    prev_lo, prev_hi = paragraphs[p_index - 1]
    if text[prev_hi - 1] not in ":,":
        return None
    prev_words = read_words(text, max(prev_lo, prev_hi - _WINDOW), prev_hi)
    intro = _first(replace(state, head_words=prev_words, after_quote=False), "before")
    if intro is None and text[prev_hi - 1] == ":":
        # "So she headed off the question before it came:" ¶ “…”
        closing = state.sentences[bisect_left(state.sentence_starts, prev_hi) - 1]
        intro = _colon_subject(state.reader, read_words(
            text, max(closing[0], prev_lo, prev_hi - _WINDOW), prev_hi))
    if intro is None or intro.subject is None:
        return None
    intro.place, intro.rule = "paragraph_intro", "paragraph-intro"
    return intro


# --- when nothing else names anyone ------------------------------------------------


def read_closing_clause(state: QuoteState) -> Cue | Stop | None:
    """A short reporting clause after the sentence's last comma covers a partial
    quotation before it: So are a “small handful” of firms, Ruiz said.

    >>> from quotecheck.pipeline import analyse
    >>> analyse("So are a “small handful” of firms, Ana Ruiz said.").cues[0][0].rule
    'sentence-final-cue'
    """
    quote, words = state.quote, state.tail_words
    if state.tail_end != state.s_end or quote.start <= state.s_start \
            or _title_case(state.text[quote.inner_start:quote.inner_end]):
        return None
    comma = max((k for k, w in enumerate(words) if w.text == ","), default=-1)
    if comma <= 0 or len(words) - comma > 8:
        return None
    clause = _tail_cue(state, words[comma:])
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


def read_framing(state: QuoteState) -> Cue | Stop | None:
    """“For Ms. Walsh, the bill is …”, “To him, it was …”: a sentence that opens with
    whose view it gives, a person named or a pronoun, then a comma.

    >>> from quotecheck.pipeline import analyse
    >>> analyse("For Karen Walsh, the bill is “dead on arrival.”").cues[0][0].rule
    'for-name-view'
    """
    words = state.sentence_words
    if not words or words[0].start != state.s_start or len(words) < 3 \
            or words[0].lower not in ("for", "to"):
        return None
    owner = words[1]
    if owner.lower in OBJECT_SUBJECTS and words[2].text == ",":
        return Cue("in_sentence", "for-pronoun-view", words[0].start, words[0].end,
                   _pronoun_subject(owner, OBJECT_SUBJECTS[owner.lower]))
    found = state.reader.forward(words, 1, stop_at_verb=False)
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


def read_owned_speech(state: QuoteState) -> Cue | Stop | None:
    """A noun of speech owned by a name or a pronoun: Ana Ruiz rejected Tom Berg's claim
    that the plan was “a fantasy.” (the owner said it).

    >>> from quotecheck.pipeline import analyse
    >>> analyse("The plan rested on Tom Berg's claim that it was “a fantasy.”").cues[0][0].rule
    'possessive-noun-partial'
    """
    return _owned_speech(state.reader, state.sentence_words) if state.marked else None


def read_headline(state: QuoteState) -> Cue | Stop | None:
    """A headline that opens with a person's name, then a colon or a capitalised
    reporting verb, before the quotation: "Ruiz: Budget Plan Is ‘Dead On Arrival’",
    "Ana Ruiz Says Plan ‘Dead On Arrival’". (“Report: …” names no one.)

    >>> from quotecheck.pipeline import analyse
    >>> ctx = analyse("Ana Ruiz Says Plan ‘Dead On Arrival.’\\n\\nAna Ruiz spoke on Sunday.")
    >>> cue = ctx.cues[0][0]
    >>> cue.rule, cue.subject.text
    ('headline-name-verb', 'Ana Ruiz')
    """
    if state.paragraph_span[0] > 1:
        return None
    reader, quote = state.reader, state.quote
    lo, hi = state.paragraphs[state.paragraph_span[0]]
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


def read_previous_sentence(state: QuoteState) -> Cue | Stop | None:
    """A quotation that opens a sentence may continue the previous sentence's reporting
    clause: "…, said Marcin Przydacz. “What Russia has left …”".

    >>> from quotecheck.pipeline import analyse
    >>> ctx = analyse("The talks failed, said Ana Ruiz. “We will try again.”")
    >>> ctx.cues[0][0].rule
    'previous-sentence-cue'
    """
    first = state.sentence_span[0]
    if first == 0 or state.s_start != state.quote.start:
        return None
    prev_lo, prev_hi = state.sentences[first - 1]
    index = state.index
    if prev_lo < state.paragraphs[state.paragraph_span[0]][0] or (
            index > 0 and state.quotes[index - 1].end > prev_lo):
        return None
    previous = _in_sentence_cue(state.reader, state.cache.window(
        first - 1, max(prev_lo, prev_hi - _WINDOW), prev_hi))
    if previous is None or previous.subject is None:
        return None
    previous.place, previous.rule = "previous_sentence", "previous-sentence-cue"
    return previous


# --- the registry ------------------------------------------------------------------

_AFTER = "the words after the quotation, to the sentence's end"
_BEFORE = "the words before the quotation, from the sentence's start or an earlier quotation"
_SENTENCE = "the sentence's words before the quotation"

# fmt: off
RULES: tuple[CueRule, ...] = (
    # the words right after the quotation: the first that reads a cue is the tail
    CueRule(("quote-dash-name",), "after", "tail", "cue_adjacent", _AFTER,
            "“Never again.” — John Smith", read_dash_credit),
    CueRule(("quote-verb-name", "quote-verb-pronoun", "quote-verb-description"), "after",
            "tail", "cue_adjacent", _AFTER, "“We will stay,” said Tom Berg.",
            read_verb_first),
    CueRule(("according-to",), "after", "tail", "cue_adjacent", _AFTER,
            "“Prices will rise,” according to the Valley Courier.", read_according_to_after),
    CueRule(("in-their-view",), "after", "tail", "pronoun_carryover", _AFTER,
            "The bill was “dead on arrival,” in her view.", read_view_after),
    CueRule(("quote-unlisted-verb-name", "quote-unlisted-verb-description"), "after", "tail",
            "cue_adjacent", _AFTER, "“I just love the fair,” glowed Carol Milford.",
            read_unlisted_verb_first),
    CueRule(("quote-name-verb", "quote-pronoun-verb", "quote-description-verb",
             "quote-name-unlisted-verb", "quote-pronoun-unlisted-verb"), "after",
            "tail", "cue_adjacent", _AFTER,
            "“Our position is clear,” Tom Berg, the spokesman, said.", read_subject_first),
    # when nothing right after the quotation reads: a credit paragraph, a passive's agent
    CueRule(("quote-dash-name",), "credit", "tail", "cue_adjacent",
            "a short paragraph after the quotation's, opening with a dash",
            "“Never again.” ¶ — Greta Halvorsen", read_credit_paragraph),
    CueRule(("passive-agent",), "agent", "tail", "cue_adjacent",
            "“by” after the quotation, a passive verb before it",
            "The plan was described as “unworkable” by Senator Lee Park.", read_passive_agent),
    # the words right before the quotation: the first that reads a cue is the head
    CueRule(("according-to", "in-their-view"), "before", "head", "cue_adjacent", _BEFORE,
            "According to Ana Ruiz, “the talks were productive.”",
            read_source_before),
    CueRule(("name-verb-quote", "pronoun-verb-quote", "description-verb-quote",
             "verb-name-quote", "verb-pronoun-quote", "verb-description-quote",
             "continuing-cue"), "before", "head, continuing", "cue_adjacent", _BEFORE,
            "Mr. Berg told reporters that “the moment of truth is here.”",
            read_verb_before),
    CueRule(("name-verb-quote", "pronoun-verb-quote", "description-verb-quote"), "before",
            "head", "cue_adjacent", _BEFORE, "Mrs. Holm addressed him as follows: “Sit.”",
            read_announced),
    # a colon right before the quotation that no verb reports
    CueRule(("colon-continuation",), "colon", "continuing", "continuation",
            "a colon right after an earlier quotation of the sentence",
            "“Two demands,” said Ana Ruiz. “The first is simple”: “Pay us.”",
            read_colon_continuation),
    CueRule(("name-colon", "pronoun-colon"), "colon", "colon", "colon_intro", _SENTENCE,
            "Mr. Berg was blunt: “We are not moving.”", read_colon_subject),
    # the sentence: the outermost reporter before the quotation
    CueRule(("name-verb-partial", "pronoun-verb-partial", "description-verb-partial",
             "according-to", "in-their-view", "participle-subject", "possessive-noun-partial"),
            "sentence", "in_sentence", "cue_in_sentence", _SENTENCE,
            "Ana Ruiz said that her allies urged the council to “stand firm.”",
            read_in_sentence),
    CueRule(("coordinated-quote",), "sentence", "continuing", "continuation",
            "“and” or “or” between an earlier quotation and this one",
            "“We lost,” and “we will be back,” said Ana Ruiz.", read_coordinated),
    # a participle before the quotation with no subject of its own: the sentence's subject
    CueRule(("participle-subject",), "participle", "in_sentence", "cue_in_sentence", _SENTENCE,
            "Ana Ruiz defended the record while promising a “full review.”",
            read_participle_main),
    CueRule(("participle-subject",), "participle", "in_sentence", "cue_in_sentence", _SENTENCE,
            "The transport secretary has defended the plan, insisting: “It works.”",
            read_participle_sentence),
    # the paragraph before, ending on a colon or a comma
    CueRule(("paragraph-intro",), "intro", "paragraph_intro", "colon_intro",
            "the previous paragraph, when it ends on a colon or a comma",
            "Mr. Berg stated: ¶ “We are not moving.”", read_paragraph_intro),
    # only when no rule above read a cue
    CueRule(("sentence-final-cue",), "fallback", "sentence_final", "cue_in_sentence",
            "the short clause after the sentence's last comma",
            "So are a “small handful” of firms, Ana Ruiz said.", read_closing_clause),
    CueRule(("for-name-view", "for-pronoun-view"), "fallback", "in_sentence", "cue_in_sentence",
            "the sentence's opening words",
            "For Senator Karen Walsh, the bill is “dead on arrival.”", read_framing),
    CueRule(("possessive-noun-partial",), "fallback", "in_sentence", "cue_in_sentence",
            _SENTENCE, "Ana Ruiz rejected Tom Berg's claim that the plan was “a fantasy.”",
            read_owned_speech),
    CueRule(("headline-name-colon", "headline-name-verb"), "fallback", "colon", "colon_intro",
            "the headline, the article's first short paragraph",
            "Ruiz: Budget Plan Is ‘Dead On Arrival’ ¶ Ana Ruiz spoke on Sunday.", read_headline),
    CueRule(("previous-sentence-cue",), "fallback", "previous_sentence", "continuation",
            "the sentence before, in the same paragraph",
            "The talks failed, said Ana Ruiz. “We will try again.”", read_previous_sentence),
)
# fmt: on

_CHAINS: dict[str, tuple[CueRule, ...]] = {}
for _rule_entry in RULES:
    _CHAINS[_rule_entry.chain] = (*_CHAINS.get(_rule_entry.chain, ()), _rule_entry)

# The first registry entry that writes each id.
RULES_BY_ID: dict[str, CueRule] = {}
for _rule_entry in RULES:
    for _id in _rule_entry.ids:
        RULES_BY_ID.setdefault(_id, _rule_entry)


def _first(state: QuoteState, chain: str) -> Cue | None:
    """The first cue the readers of ``chain`` read, in registry order."""
    for rule in _CHAINS[chain]:
        found = rule.read(state)
        if found is STOP:
            return None
        if found is not None:
            return found
    return None


# --- the steps of find_cues --------------------------------------------------------


def _step_tail(state: QuoteState) -> None:
    """The clause right after the quotation; else a credit paragraph; else an agent."""
    for chain in ("after", "credit", "agent"):
        state.tail = _first(state, chain)
        if state.tail is not None:
            state.cues.append(state.tail)
            return


def _step_head(state: QuoteState) -> None:
    """The clause right before the quotation; it goes first after "according to" (X told
    reporters that “…,” according to agencies)."""
    head = state.head = _first(state, "before")
    if head is None:
        return
    tail = state.tail
    if tail is not None and tail.rule == "according-to" and head.subject is not None:
        state.cues.insert(0, head)
    else:
        state.cues.append(head)


def _step_colon(state: QuoteState) -> None:
    colon = _first(state, "colon")
    if colon is not None:
        state.cues.append(colon)


def _outermost_first(state: QuoteState, inner: Cue) -> None:
    """Put the sentence's outermost reporter before the head: X said that allies urged
    Russia to “…” (no quotation between them, and no second clause: "Officials deny it,
    but Mr. Putin has warned of a “military-technical” response")."""
    head, cues = state.head, state.cues
    if head is None or inner.start >= head.start or inner.subject is None \
            or head not in cues or head.place == "continuing":
        return
    if any(inner.start < w.start < head.start and (
            w.text == "“" or w.lower in _CLAUSE_JOINS or w.lower in _RELATIVES)
           for w in state.sentence_words):
        return
    cues.remove(head)
    cues.insert(cues.index(inner), head)
    cues.remove(inner)
    cues.insert(cues.index(head), inner)


def _step_in_sentence(state: QuoteState) -> None:
    """The outermost reporter of the sentence; else, for a participle with no subject,
    the sentence's subject."""
    inner = _first(state, "sentence")
    if inner is None:
        inner = _first(state, "participle")
        if inner is not None:
            state.cues.append(inner)
        return
    state.cues.append(inner)
    if inner.rule != "coordinated-quote":
        _outermost_first(state, inner)


def _step_intro(state: QuoteState) -> None:
    intro = _first(state, "intro")
    if intro is not None:
        state.cues.append(intro)


def _step_fallback(state: QuoteState) -> None:
    if not state.cues:
        found = _first(state, "fallback")
        if found is not None:
            state.cues.append(found)


_STEPS: tuple[Callable[[QuoteState], None], ...] = (
    _step_tail, _step_head, _step_colon, _step_in_sentence, _step_intro, _step_fallback)


def _tail_window(text: str, cache: WordCache, quotes: list[QuoteSpan], index: int,
                 sentences: list[tuple[int, int]], last_sentence: int,
                 paragraph_end: int, opens_sentence: bool) -> tuple[int, list[Word]]:
    """Where the words after the quotation end, and the words: up to the next quotation
    or the sentence end, or a short next sentence that holds only the clause (“Stop!”
    John cried.), not after a partial quotation that ends a sentence."""
    quote = quotes[index]
    s_end = sentences[last_sentence][1]
    tail_end = s_end
    if index + 1 < len(quotes) and quotes[index + 1].start < tail_end:
        tail_end = quotes[index + 1].start
    if tail_end <= quote.end + 1 and last_sentence + 1 < len(sentences) and opens_sentence:
        following = sentences[last_sentence + 1]
        if following[0] - quote.end < 4 and following[1] - following[0] < 60 \
                and following[1] <= paragraph_end:
            tail_end = following[1]
    tail_words = cache.window(last_sentence, quote.end, min(tail_end, quote.end + _WINDOW))
    if tail_end > s_end:
        tail_words = tail_words + cache.window(last_sentence + 1, s_end, tail_end)
    return tail_end, tail_words


def _quote_state(text: str, reader: Reader, cache: WordCache, quotes: list[QuoteSpan],
                 index: int, sentences: list[tuple[int, int]],
                 paragraphs: list[tuple[int, int]], sentence_starts: list[int],
                 sentence_span: tuple[int, int], paragraph_span: tuple[int, int]) -> QuoteState:
    """The windows of words around ``quotes[index]`` that the readers read."""
    quote = quotes[index]
    first_sentence, last_sentence = sentence_span
    s_start, s_end = sentences[first_sentence][0], sentences[last_sentence][1]
    paragraph_end = paragraphs[paragraph_span[1]][1]
    opens_sentence = quote.start == s_start or (
        index > 0 and quotes[index - 1].end >= s_start
        and not text[quotes[index - 1].end:quote.start].strip(" ,;:—–-\n"))
    tail_end, tail_words = _tail_window(text, cache, quotes, index, sentences, last_sentence,
                                        paragraph_end, opens_sentence)
    last = quote.inner_end - 1
    while last > quote.inner_start and text[last].isspace():
        last -= 1
    head_start = max(s_start, quote.start - _WINDOW)
    if index > 0 and quotes[index - 1].end > head_start:
        head_start = quotes[index - 1].end
    window_start = max(s_start, quote.start - _WINDOW)
    return QuoteState(
        text=text, reader=reader, cache=cache, quotes=quotes, sentences=sentences,
        paragraphs=paragraphs, sentence_starts=sentence_starts, index=index, quote=quote,
        sentence_span=sentence_span, paragraph_span=paragraph_span, s_start=s_start,
        s_end=s_end, tail_end=tail_end, paragraph_end=paragraph_end, tail_words=tail_words,
        open_clause=quote.closed and text[last] == ",", head_start=head_start,
        head_words=cache.window(first_sentence, head_start, quote.start),
        after_quote=index > 0 and head_start == quotes[index - 1].end,
        sentence_words=cache.window(first_sentence, window_start, quote.start),
        marked=cache.has_marked(first_sentence, window_start, quote.start))


def _cover_earlier(out: list[list[Cue]], tails: list[Cue | None],
                   quote_sentences: list[tuple[int, int]]) -> None:
    """The clause that ends a sentence covers the sentence's earlier quotations that have
    no cue of their own: “Significant differences” remained, and “…,” said X. The
    nearest clause comes first, and only the nearest ``_COVERING`` of them: one pass
    from the end, not one walk back per clause."""
    later: list[Cue] = []  # tails with a subject after this quotation in its sentence
    for index in range(len(tails) - 1, -1, -1):
        if index + 1 < len(tails) and quote_sentences[index + 1][1] != quote_sentences[index][1]:
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


def find_cues(text: str, quotes: list[QuoteSpan], sentences: list[tuple[int, int]],
              quote_sentences: list[tuple[int, int]], paragraphs: list[tuple[int, int]],
              quote_paragraphs: list[tuple[int, int]], analysis: EntityAnalysis,
              lexicon: Lexicon | None = None) -> list[list[Cue]]:
    """For each quotation, its cues in order of precision (possibly none): the steps run
    the registry's chains in order over the quotation's windows of words. ``lexicon``
    extends the package's reporting verbs (``Lexicon.default().with_cue_verbs(…)``)."""
    reader = Reader(text, analysis, lexicon)
    candidates = _CANDIDATES if lexicon is None else _CANDIDATES | lexicon.cue_verbs
    cache = WordCache(text, sentences, quotes, candidates)
    sentence_starts = [s[0] for s in sentences]
    out: list[list[Cue]] = []
    tails: list[Cue | None] = []
    for index in range(len(quotes)):
        state = _quote_state(text, reader, cache, quotes, index, sentences, paragraphs,
                             sentence_starts, quote_sentences[index], quote_paragraphs[index])
        for step in _STEPS:
            step(state)
        out.append(state.cues)
        tails.append(state.tail)
    _cover_earlier(out, tails, quote_sentences)
    return out


def rules_table() -> str:
    """The table of cue rules for ``docs/rules.md``: one row per reader, in registry
    order (``scripts/build_rules_doc.py`` writes it there).

    >>> rules_table().splitlines()[2].split(" | ")[:3]
    ['| after', '`quote-dash-name`', '`read_dash_credit`']
    """
    rows = ["| chain | rule ids | reader | place | sieve | reads | example |",
            "|---|---|---|---|---|---|---|"]
    for rule in RULES:
        ids = ", ".join(f"`{rule_id}`" for rule_id in rule.ids)
        rows.append(f"| {rule.chain} | {ids} | `{rule.read.__name__}` | {rule.place} "
                    f"| `{rule.sieve}` | {rule.reads} | {rule.example} |")
    return "\n".join(rows) + "\n"
