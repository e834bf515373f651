"""Person and organisation mentions, clustered into entities.

Mentions come from capitalisation, honorifics, initials and titles, not from a
list of names: a capitalised run is read token by token, sentence-initial function
words and calendar words are dropped, an honorific (``Mr.``) or title
(``Ambassador``, ``Prime Minister``) is peeled off and kept, and what is left is a
person when it has an honorific or title or two to five name-shaped tokens, and an
organisation or place when a word such as ``Department`` or ``New`` marks it so.

Descriptions resting on a person noun (``the doctor``, ``a ministry spokeswoman``)
are mentions too, outside quotations; one in apposition to a name (``A police
spokesman, Tom Berg,``) is that person from there on.

Mentions then cluster into entities by surname: ``Mr. Grushko`` joins
``Aleksandr V. Grushko``, whose name is the fullest form the text gives. A bare
surname shared by two people (``Mr. Smith`` with two Smiths) stays ambiguous.
Gender comes from honorifics and from he or she following the only person a sentence
names.

>>> text = "Aleksandr V. Grushko met NATO. Later Mr. Grushko spoke."
>>> analysis = analyse_entities(text, [(0, len(text))])
>>> for m in analysis.mentions:
...     print(m.text, "→", analysis.entities[m.entity].name)
Aleksandr V. Grushko → Aleksandr V. Grushko
NATO → NATO
Mr. Grushko → Aleksandr V. Grushko
>>> analysis.entities[analysis.mentions[0].entity].gender
'male'
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from .lexicon.cues import CUE_VERBS, HEADLINE_VERBS
from .lexicon.grammar import (
    NAME_CONNECTORS,
    NAME_SUFFIXES,
    PREDICATE_WORDS,
    RANK_MODIFIERS,
    TITLE_MODIFIERS,
)
from .lexicon.honorifics import FEMALE_HONORIFICS, HONORIFICS, MALE_HONORIFICS
from .lexicon.names import FAMILIAR_GIVEN_NAMES
from .lexicon.pronouns import PRONOUN_GENDER
from .lexicon.titles import (
    EPITHET_NOUNS,
    FEMALE_ROLE_NOUNS,
    GROUP_NOUNS,
    KIN_TITLES,
    MALE_ROLE_NOUNS,
    PERSON_NOUNS,
    ROLE_KINDS,
    TITLE_SURNAMES,
    TITLES,
)
from .lexicon.words import (
    CALENDAR_WORDS,
    DATE_LEAD_WORDS,
    FUNCTION_WORDS,
    MONTH_GIVEN_NAMES,
    NON_PERSON_HEADS,
    NON_PERSON_WORDS,
    NUMBER_WORDS,
    SENTENCE_ADVERBS,
)
from .patterns import word_trie

__all__ = [
    "AMBIGUOUS",
    "Entity",
    "EntityAnalysis",
    "NameMention",
    "analyse_entities",
    "is_title_case",
    "occurrences",
    "opens_sentence",
    "read_name",
    "surname_key",
    "title_fits",
]

AMBIGUOUS = -2  # entity index of a mention that fits two entities equally

# (a hyphen joins letters, "Mig-u-ell"; a double one is a dash: "Tom--a touch of")
_TOKEN = r"(?:(?:\p{Lu}\.)++|\p{Lu}[\p{L}\p{M}\p{N}’']*+(?:-[\p{L}\p{M}\p{N}’']++)*+\.?+)"
_CONNECTOR = "(?:" + "|".join(NAME_CONNECTORS) + r")[ \u00a0](?=\p{Lu})"
# Capitalised tokens joined by one space or one line end (never a blank line).
NAME_RUN_RE = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}’'\-])" + _TOKEN
    + r"(?:(?:[ \t\u00a0]|\r?\n)(?:" + _CONNECTOR + r")?+" + _TOKEN + r")*+"
)
# A description resting on a person noun: "the doctor", "a thin, elderly gentleman"
# (a line may break inside it, as in hard-wrapped text).
# Standard-library ``re`` here: with a literal first word it scans several times
# faster than ``regex`` does.
_POSSESSORS = ("his", "her", "my", "our", "their", "your")
_GAP = r"[ \u00a0\r\n]{1,2}"  # a space, or a line break inside a paragraph
DESCRIPTION_RE = re.compile(
    r"\b(?P<det>the|a|an|his|her|my|our|their|your|The|A|An|His|Her|My|Our|Their|Your)"
    + _GAP + r"(?:(?!(?:and|but|or|nor|my|his|her|their|our|your|the|an?|of|to|in|that|who"
    r"|for|with|at|on|from|by|as|than|into|about)\b)"
    r"[a-z\-]+,?" + _GAP + r"){0,3}(?P<noun>"
    + word_trie(PERSON_NOUNS)
    + r")\b(?:(?=[’']s\b)|(?![\-’']))"  # "my father's face": a possessive description
)
# "the child's nurse", "the doctor's young wife": a person noun owned by a description
# names the one owned (the part after the owner's possessive ending).
POSSESSED_RE = re.compile(
    r"[’']s" + _GAP + r"(?:(?!(?:and|but|or|of|to|in|that|who)\b)[a-z\-]+" + _GAP
    + r"){0,2}?(?P<noun>"
    + word_trie(PERSON_NOUNS)
    + r")\b(?:(?=[’']s\b)|(?![\-’']))"
)
_PRONOUN_RE = regex.compile(
    r"(?<![\w’'])(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im|[Hh]imself|[Hh]erself)(?![\w’'])"
)
_NONSPACE_RE = regex.compile(r"\S++")
_PARTY_STATE_RE = regex.compile(r"[DRI]-(?:\p{Lu}\p{Ll}*+\.?+)++,?+")
_POSSESSIVE_ENDINGS = ("’s", "'s", "’", "'")
_HONORIFIC_KEYS = {h.rstrip(".").lower() for h in HONORIFICS}
_MALE_KEYS = {h.rstrip(".").lower() for h in MALE_HONORIFICS}
_FEMALE_KEYS = {h.rstrip(".").lower() for h in FEMALE_HONORIFICS}
_TITLE_KEYS = {t.rstrip(".").lower() for t in TITLES}
_MAX_NAME_TOKENS = 5
_NAMESAKES = 8  # people of one surname compared with a new full name, at most
_APPOSITION_GAPS = frozenset([",", "himself,", "herself,"])
# Endings of occupations that no given name has: "Meteorologist", "Physician", "Economist".
_OCCUPATION_ENDINGS = ("ologist", "ician", "ist", "grapher")
# The rest of a role before the comma of its apposition: "the chief | of staff, | Mark Ellison".
_OF_PHRASE_GAP_RE = regex.compile(r"(?:of|for|at) [\w’'\- ]{1,40}+,")


@dataclass(slots=True)
class NameMention:
    """A capitalised run read as a name (the fast inner form of a mention)."""

    start: int
    end: int
    text: str  # the surface, honorific and title included, possessive excluded
    name: str  # without honorific, title or possessive
    tokens: tuple[str, ...]
    kind: str  # person | organisation | unknown | description
    honorific: str | None = None
    title: str | None = None
    possessive: bool = False
    entity: int = -1
    in_quote: bool = False  # inside a quotation: the speaker's words, not the narrative
    rivals: tuple[int, ...] = ()  # namesakes it may also name (all of them if AMBIGUOUS)


@dataclass(slots=True)
class Entity:
    """A person, organisation or described speaker, with every mention of it.

    ``kind`` is ``person``, ``organisation``, ``unknown`` (a single capitalised word
    that could be either) or ``unnamed`` (known only by a description)."""

    id: int
    name: str
    kind: str
    gender: str = "unknown"
    titles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    mentions: list[int] = field(default_factory=list)
    surname: str = ""
    first: str = ""
    votes: list[int] = field(default_factory=lambda: [0, 0])  # male, female
    things: int = 0  # "its" after it: "Plinth … laid off 40% of its employees"
    roles: list[str] = field(default_factory=list)  # head nouns of appositions: "engineer"


@dataclass(slots=True)
class EntityAnalysis:
    """Mentions in document order, the entities they refer to, and a position index."""

    mentions: list[NameMention]
    entities: list[Entity]
    starts: list[int]
    by_role: dict[str, list[int]] = field(default_factory=dict)  # "engineer" → people

    def mention_at(self, start: int) -> NameMention | None:
        """The mention that starts exactly at ``start``, if any."""
        index = bisect_right(self.starts, start) - 1
        if index >= 0 and self.mentions[index].start == start:
            return self.mentions[index]
        return None

    def mention_ending_at(self, end: int) -> NameMention | None:
        """The mention that ends exactly at ``end`` (possessive excluded), if any."""
        index = bisect_right(self.starts, end) - 1
        while index >= 0 and self.mentions[index].start >= end - 80:
            if self.mentions[index].end == end:
                return self.mentions[index]
            index -= 1
        return None

    def before(self, position: int) -> int:
        """Index of the first mention starting at or after ``position``."""
        return bisect_right(self.starts, position - 1)


# The base forms of reporting verbs ("ask", "tell"): as the first word of a sentence,
# an imperative, not part of the name after it.
_IMPERATIVES = frozenset(verb for verb in CUE_VERBS if verb + "s" in CUE_VERBS)
# What a sentence-opening word follows: a sentence end, an opening mark, a line end.
_SENTENCE_OPENERS = frozenset(".!?:;\n\r“‘\"'(—")


def _key(token: str) -> str:
    return token.rstrip(".").lower()


def _is_initial(token: str) -> bool:
    return len(token) == 2 and token[1] == "." and token[0].isupper()


def _split_run(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Split a capitalised run after sentence-final periods and possessives."""
    pieces: list[tuple[int, int, bool]] = []
    piece_start = start
    for match in _NONSPACE_RE.finditer(text[start:end]):
        token = match.group()
        token_end = start + match.end()
        final_period = False
        if token.endswith("."):
            key = _key(token)
            if not (_is_initial(token) or key in _HONORIFIC_KEYS or key in NAME_SUFFIXES
                    or (key in _TITLE_KEYS and (key not in TITLE_SURNAMES or token in TITLES))
                    or "." in token[:-1]):
                final_period = True
                token = token[:-1]
                token_end -= 1
        if token.endswith(_POSSESSIVE_ENDINGS) and len(token) > 2:
            cut = 2 if token.endswith(("’s", "'s")) else 1
            pieces.append((piece_start, token_end - cut, True))
            piece_start = token_end + final_period
        elif final_period:
            pieces.append((piece_start, token_end, False))
            piece_start = token_end + 1
    if piece_start < end:
        pieces.append((piece_start, end, False))
    return pieces


def opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a quotation or a paragraph."""
    index = start
    while index > 0 and start - index < 8 and text[index - 1] in " \t":
        index -= 1
    return index == 0 or text[index - 1] in _SENTENCE_OPENERS


def _read_name(text: str, start: int, end: int, possessive: bool) -> NameMention | None:
    """Classify one run piece as a person, organisation or unknown name."""
    tokens = _trim_run([
        (start + m.start(), start + m.end(), m.group())
        for m in _NONSPACE_RE.finditer(text[start:end])
    ])
    if not tokens or _PARTY_STATE_RE.fullmatch(tokens[0][2]):
        return None  # "R-Ky.", "D-N.Y.": a party and a state, not a name
    role_start = tokens[0][0]
    role_end = _strip_role(tokens)
    if len(tokens) == 1 and (_key(tokens[0][2]) in GROUP_NOUNS
                             or _key(tokens[0][2]) in PERSON_NOUNS
                             or _key(tokens[0][2]) in CUE_VERBS):
        # "Critics said", "Officials said": a common noun opening a sentence; "Asked
        # whether …, she said": a verb
        return None
    tokens = _after_institution(tokens)
    title = text[role_start:role_end] if role_end > 0 else None
    surface_start = role_start if role_end > 0 else tokens[0][0]
    honorific, named_title, tokens = _split_honorific_title(text, tokens)
    if named_title is not None:
        title = named_title
    if not tokens or (_key(tokens[-1][2]) in _TITLE_KEYS
                      and (_key(tokens[-1][2]) not in NAME_SUFFIXES or len(tokens) == 1)
                      and not _title_surname(tokens, honorific)):
        return None  # a bare title: "Prime Minister", "Afghan Ambassador" (not "Jane Smith MP")
    words = tuple(t[2] for t in tokens)
    if not (honorific or title):
        surface_start = tokens[0][0]
    name = text[tokens[0][0]:tokens[-1][1]]
    surface = text[surface_start:tokens[-1][1]]
    return NameMention(start=surface_start, end=tokens[-1][1], text=surface, name=name,
                       tokens=words, kind=_name_kind(words, honorific, title),
                       honorific=honorific, title=title, possessive=possessive)


def _trim_run(tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop sentence-initial function words and calendar words at either end: not names."""
    first = 0  # (counted, then cut once: popping the front of a long run is quadratic)
    while first < len(tokens) and (
            _key(tokens[first][2]) in FUNCTION_WORDS or _key(tokens[first][2]) in CALENDAR_WORDS
            or _key(tokens[first][2]) in SENTENCE_ADVERBS
            or _key(tokens[first][2]) in NUMBER_WORDS):
        first += 1
    del tokens[:first]
    while tokens and _key(tokens[-1][2]) in CALENDAR_WORDS:
        tokens.pop()
    return tokens


def _strip_role(tokens: list[tuple[int, int, str]]) -> int:
    """Pop role words before a name ("Striker Dani Costa"); the role's end, or -1."""
    role_end = -1
    while len(tokens) > 1 and _key(tokens[0][2]) in GROUP_NOUNS:
        role_end = tokens[0][1]
        tokens.pop(0)  # "Senators Ruiz and Park": a plural noun is no given name
    while len(tokens) > 2 and _key(tokens[0][2]) not in _TITLE_KEYS and (
            _key(tokens[0][2]) in PERSON_NOUNS or _key(tokens[0][2]) in EPITHET_NOUNS
            or _key(tokens[0][2]).endswith(_OCCUPATION_ENDINGS)):
        role_end = tokens[0][1]
        tokens.pop(0)  # "Striker Dani Costa", "Meteorologist Dan Foley": a role, not the name
    return role_end


def _after_institution(tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The name after an institution that opens the run ("Senate Majority Leader …")."""
    # an institution before a name: "Refugee Council Enver Solomon", "Senate Majority
    # Leader Chuck Schumer"
    for index in range(len(tokens) - 3, -1, -1):
        if _key(tokens[index][2]) in NON_PERSON_HEADS:
            rest = tokens[index + 1:]
            if all(t[2][:1].isupper() and (not t[2].isupper() or _is_initial(t[2]))
                   for t in rest):  # (an initial is a name's: "State Ana F. Ruiz")
                tokens = rest
            break
    return tokens


def _split_honorific_title(text: str, tokens: list[tuple[int, int, str]]
                           ) -> tuple[str | None, str | None, list[tuple[int, int, str]]]:
    """Take an opening honorific, or a title and an honorific after it, off the name."""
    honorific = None
    title = None
    # an honorific, or a title after any modifiers ("Shadow Home Secretary Yvette Cooper")
    # (an honorific opens the run: a middle initial "M." is no Monsieur)
    if len(tokens) > 1 and _key(tokens[0][2]) in _HONORIFIC_KEYS:
        honorific = tokens[0][2]
        tokens = tokens[1:]
    else:
        last_title = -1
        for index, (_, _, token) in enumerate(tokens[:-1]):
            key = _key(token)
            if key in _TITLE_KEYS:
                last_title = index  # "Chief Fire Officer Dan Hale": the last title word
            elif key not in TITLE_MODIFIERS and last_title >= 0 and index + 1 < len(tokens) \
                    and not any(_key(t[2]) in _TITLE_KEYS for t in tokens[index + 1:-1]):
                break
        if last_title >= 0:
            title = text[tokens[0][0]:tokens[last_title][1]]
            tokens = tokens[last_title + 1:]
            if _key(tokens[0][2]) in _HONORIFIC_KEYS and len(tokens) > 1:
                honorific = tokens[0][2]
                tokens = tokens[1:]
    return honorific, title, tokens


def _name_kind(words: tuple[str, ...], honorific: str | None, title: str | None) -> str:
    """The kind of a name: organisation, person or unknown.

    >>> _name_kind(("NATO",), None, None), _name_kind(("Jane", "Smith"), None, None)
    ('organisation', 'person')
    """
    keys = [_key(w) for w in words]
    if any(k in NON_PERSON_HEADS or k in NON_PERSON_WORDS for k in keys) and not honorific:
        return "organisation"
    if any(w.isupper() and len(w) > 1 and not _is_initial(w) and _key(w) not in NAME_SUFFIXES
           for w in words) and not honorific:
        return "organisation"  # NATO, BBC, BRUSSELS (not "Jane Smith MP")
    if any(c.isdigit() for w in words for c in w) or len(words) > _MAX_NAME_TOKENS:
        return "organisation"
    if honorific or title or len([w for w in words if not _is_initial(w)]) >= 2:
        return "person"
    return "unknown"


def _title_surname(tokens: list[tuple[int, int, str]], honorific: str | None) -> bool:
    """Whether the last token, a title word that is also a surname, is the surname:
    after an honorific ("Mr. Prince") or a given name ("Carol King"), not after a title
    word, a title modifier or a word of places ("Prime Minister", "Royal Duke")."""
    if _key(tokens[-1][2]) not in TITLE_SURNAMES:
        return False
    if honorific is not None:
        return len(tokens) == 1
    if len(tokens) < 2:
        return False
    given = tokens[-2][2]
    key = _key(given)
    return given[1:].islower() and given.isalpha() and key not in _TITLE_KEYS \
        and key not in TITLE_MODIFIERS and key not in NON_PERSON_WORDS \
        and key not in NON_PERSON_HEADS and not key.endswith(("ese", "ish"))


def _is_headline(text: str, lo: int, hi: int, first: bool = False) -> bool:
    """A short title-case paragraph with no final punctuation: "Talks Fail in Geneva";
    as the ``first`` of several paragraphs, whatever its final punctuation ("Talks Fail
    in Geneva."): its title-case words name nobody."""
    if hi - lo > 200 or (text[hi - 1] in ".!?:\"”’'" and not first) or text[lo] in "—–―-":
        return False  # (a dash opens a credit: "— Greta Halvorsen")
    words = text[lo:hi].split()
    if first and text[hi - 1] in ".!?:\"”’'" and any(
            w.strip("“‘\"'(—–-")[:1].islower() and w.lower() not in FUNCTION_WORDS
            for w in words):
        return False  # "Lena Brandt arrived on Sunday.": a sentence, not a headline
    capitalised = sum(1 for w in words if w[:1].isupper())
    return len(words) >= 3 and capitalised * 2 > len(words)


def is_title_case(text: str, lo: int, hi: int) -> bool:
    """A short paragraph whose longer words are nearly all capitalised, as a headline
    writes them: "Ruiz Says Budget Plan ‘Dead On Arrival.’"

    >>> is_title_case("Ruiz: Budget Plan Is ‘Dead On Arrival.’", 0, 38)
    True
    >>> is_title_case("Ruiz said the plan was dead.", 0, 28)
    False
    """
    if hi - lo > 200:
        return False
    words = [w.strip("“‘\"'(") for w in text[lo:hi].split()]
    long = [w for w in words if len(w) > 3 and w[:1].isalpha()]
    return len(long) >= 2 and sum(1 for w in long if w[:1].isupper()) * 5 >= len(long) * 4


def _mark_quoted(mentions: list[NameMention], quotes: list[tuple[int, int]]) -> None:
    index = 0
    for mention in mentions:
        while index < len(quotes) and quotes[index][1] <= mention.start:
            index += 1
        if index < len(quotes) and quotes[index][0] < mention.start:
            mention.in_quote = True


def _opens_with_quote(lo: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether a quotation of ``spans`` (sorted by ``starts``) opens the sentence at ``lo``."""
    index = bisect_left(starts, lo)
    return index < len(spans) and spans[index][0] <= lo + 1


def _in_spans(position: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    index = bisect_right(starts, position) - 1
    return index >= 0 and spans[index][0] < position < spans[index][1]


def _read_run(run: str) -> tuple[NameMention, ...]:
    """The names a capitalised run holds, with offsets relative to the run.

    A pure function of the run's text, so the readings of short runs are memoised
    ("The", "Mr. Grushko" and the other runs that repeat are read once); a long run
    (hostile input) is read afresh rather than kept. The templates are never changed:
    callers copy them into mentions of their own.
    """
    return _read_short_run(run) if len(run) <= 120 else _read_run_uncached(run)


@lru_cache(maxsize=8192)
def _read_short_run(run: str) -> tuple[NameMention, ...]:
    return _read_run_uncached(run)


def _read_run_uncached(run: str) -> tuple[NameMention, ...]:
    readings = []
    for start, end, possessive in _split_run(run, 0, len(run)):
        mention = _read_name(run, start, end, possessive)
        if mention is not None:
            readings.append(mention)
    return tuple(readings)


# Inside a quotation only names this close to its edges are read (a vocative:
# “Harry, you…” / “…, Basil?”); the rest are the speaker's words, not the narrative.
_QUOTE_EDGE = 40


def find_name_mentions(text: str, paragraphs: list[tuple[int, int]],
                       quotes: list[tuple[int, int]] | None = None) -> list[NameMention]:
    """Every capitalised run of ``text`` read as a name, in document order.

    With ``quotes`` (outermost quotation spans), runs deep inside a quotation are
    left out.
    """
    mentions: list[NameMention] = []
    spans = quotes or []
    q = 0
    headline: list[NameMention] = []  # names read in the article's headline
    opening: list[tuple[int, str, int]] = []  # runs opening a sentence with a plain word
    inside: set[str] = set()  # runs seen where no sentence opens
    for number, (lo, hi) in enumerate(paragraphs):
        if number == 0 and len(paragraphs) > 1 and _is_headline(text, lo, hi, True):
            headline = [m for m in find_name_mentions(text, [(lo, hi)], quotes)
                        if m.kind != "description"]
            continue
        if _is_headline(text, lo, hi):
            continue
        q = _paragraph_runs(text, (lo, hi), spans, q, mentions, opening, inside)
        _paragraph_descriptions(text, lo, hi, spans, mentions)
    if opening:
        _read_opening_runs(text, opening, inside, mentions)
    if headline:
        mentions.extend(_headline_names(headline, mentions))
    mentions.sort(key=lambda m: m.start)
    return _join_nicknames(text, mentions)


def _paragraph_runs(text: str, paragraph: tuple[int, int], spans: list[tuple[int, int]],
                    q: int, mentions: list[NameMention], opening: list[tuple[int, str, int]],
                    inside: set[str]) -> int:
    """Read the name runs of one paragraph; put off runs opening with a plain word."""
    lo, hi = paragraph
    titled = is_title_case(text, lo, hi)
    for match in NAME_RUN_RE.finditer(text, lo, hi):
        run = match.group()
        if titled:
            run = _before_headline_verb(run)
        while q < len(spans) and spans[q][1] <= match.start():
            q += 1
        if q < len(spans) and spans[q][0] + _QUOTE_EDGE < match.start() \
                and match.end() < spans[q][1] - _QUOTE_EDGE:
            continue
        base = match.start()
        space = run.find(" ")
        if 0 < space < len(run) - 1 and opens_sentence(text, base):
            if run[:space].lower() in _IMPERATIVES:
                # “Ask Bob Marsh …”: a reporting verb opens the sentence, the name
                # follows (not “the State Department”: mid-sentence the word belongs
                # to the name)
                run, base = run[space + 1:], base + space + 1
            elif _common_word_shape(run[:space]):
                opening.append((base, run, lo))  # read once every run is seen
                continue
        else:
            inside.add(run)
        _read_mentions(text, run, base, lo, mentions)
    return q


def _before_headline_verb(run: str) -> str:
    """In a title-case line, the run up to a headline's verb.

    >>> _before_headline_verb("Ana Ruiz Says Plan")
    'Ana Ruiz'
    """
    # "Ana Ruiz Says Plan …": a headline's verb ends the name
    verb = next((m for m in _NONSPACE_RE.finditer(run)
                 if m.start() > 0 and m.group().lower() in HEADLINE_VERBS), None)
    if verb is not None:
        run = run[:verb.start()].rstrip()
    return run


def _paragraph_descriptions(text: str, lo: int, hi: int, spans: list[tuple[int, int]],
                            mentions: list[NameMention]) -> None:
    """Add the descriptions ("the nurse", "an old man") outside quotations in a paragraph."""
    for gap_start, gap_end in _outside_quotes(lo, hi, spans):
        if not _may_hold_person_noun(text, gap_start, gap_end):
            continue
        for described in DESCRIPTION_RE.finditer(text, gap_start, gap_end):
            det = described.group("det").lower()
            if det in ("a", "an") and _predicate(text, described.start(), gap_start):
                continue  # "he was a quiet boy", "like a man": said of someone, nobody new
            noun = described.group("noun")
            key = f"{det} {noun}" if det in _POSSESSORS else noun
            end = described.end()
            owned = POSSESSED_RE.match(text, end, gap_end) \
                if text[end:end + 1] in ("’", "'") else None
            if owned is not None:  # "the child's nurse": the nurse, the child's one
                key, end = f"{noun}'s {owned.group('noun')}", owned.end()
            surface = text[described.start():end]
            mentions.append(NameMention(start=described.start(), end=end,
                                        text=surface, name=surface, tokens=(key,),
                                        kind="description",
                                        possessive=text[end:end + 1] in ("’", "'")))


# Every byte but a-z as a space: a person noun (all a-z) that a description ends on
# stands alone among the words of the text so translated. (A noun of other letters
# would turn the test off: ``None``.)
_LETTERS_ONLY = bytes(b if 97 <= b <= 122 else 32 for b in range(256))
_PERSON_NOUN_BYTES = frozenset(noun.encode("ascii") for noun in PERSON_NOUNS) if all(
    noun.isascii() and noun.isalpha() and noun.islower() for noun in PERSON_NOUNS) else None


def _may_hold_person_noun(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` may hold a description: a person noun as a word of its
    own. A quick test in C before ``DESCRIPTION_RE`` reads the text position by
    position; it never says no where the pattern matches.

    >>> _may_hold_person_noun("the old man’s hat", 0, 17), _may_hold_person_noun("a hat", 0, 5)
    (True, False)
    """
    if _PERSON_NOUN_BYTES is None:
        return True
    words = text[lo:hi].encode("ascii", "replace").translate(_LETTERS_ONLY).split()
    return not _PERSON_NOUN_BYTES.isdisjoint(words)


def _read_opening_runs(text: str, opening: list[tuple[int, str, int]], inside: set[str],
                       mentions: list[NameMention]) -> None:
    """Read the runs put off: drop an opening word the text also writes in lower case."""
    lower: dict[str, bool] = {}  # words looked for in lower case (a few per article)
    for base, run, lo in opening:
        space = run.find(" ")
        word, rest = run[:space].lower(), run[space + 1:]
        if word not in lower and len(lower) < _LOWER_LOOKUPS:
            lower[word] = _written_lower(text, word)
        if run not in inside and (lower.get(word, False) or (
                rest in inside and (" " in rest or word.endswith("ing")))):
            # "Interestingly Dana Keller …", "See Dana Keller …": a word the text also
            # writes in lower case opens the sentence, and is no part of the name; so
            # is a word before a name the text gives without it ("Comedian Dana
            # Keller" and "Dana Keller") or a participle ("Quoting Keller")
            run, base = rest, base + space + 1
        _read_mentions(text, run, base, lo, mentions)


_LOWER_LOOKUPS = 64  # distinct sentence-opening words looked for in lower case, at most


def _written_lower(text: str, word: str) -> bool:
    """Whether ``text`` writes ``word`` (lower case) as a word of its own after a space."""
    needle = " " + word
    at = text.find(needle)
    while at >= 0:
        if not text[at + len(needle):at + len(needle) + 1].isalpha():
            return True
        at = text.find(needle, at + len(needle))
    return False


_GIVEN_NAME_KEYS = frozenset(FAMILIAR_GIVEN_NAMES) | frozenset(FAMILIAR_GIVEN_NAMES.values())


def _common_word_shape(word: str) -> bool:
    """Whether ``word`` could be a common word capitalised by a sentence opening
    ("Interestingly", "See"): letters, lower case after the first, and no honorific,
    title, title modifier, month or familiar given name (Bill, Will)."""
    key = word.lower()
    return word[1:].isalpha() and word[1:].islower() and key not in _HONORIFIC_KEYS \
        and key not in _TITLE_KEYS and key not in TITLE_MODIFIERS \
        and key not in _GIVEN_NAME_KEYS and key not in MONTH_GIVEN_NAMES


def _read_mentions(text: str, run: str, base: int, lo: int,
                   mentions: list[NameMention]) -> None:
    """Append the name mentions of ``run`` (at ``base``, in the paragraph from ``lo``)."""
    if run.startswith(_MONTH_PREFIXES) and _month_given_name(text, base, run):
        # "June Albright": a month that is also a given name, then a surname
        words = tuple(run.split())
        mentions.append(NameMention(start=base, end=base + len(run), text=run,
                                    name=" ".join(words), tokens=words, kind="person"))
        return
    for template in _read_run(run):
        mention = NameMention(
            start=base + template.start, end=base + template.end, text=template.text,
            name=template.name, tokens=template.tokens, kind=template.kind,
            honorific=template.honorific, title=template.title,
            possessive=template.possessive)
        if mention.kind == "person" and not (mention.honorific or mention.title) \
                and text[max(lo, mention.start - 4):mention.start] == "the ":
            mention.kind = "unknown"  # the Happy Family, the Old Man: not a plain name
        mentions.append(mention)


def _headline_names(headline: list[NameMention], body: list[NameMention]) -> list[NameMention]:
    """The names a headline gives, cut to the names the article's body gives.

    Every word of a headline is capitalised, so its runs join names to the words
    around them ("Voters Are Warming To Dana Keller"): a run keeps each stretch of
    words that the body names as a full name, and otherwise only its last word.
    """
    known = {m.name for m in body if m.kind == "person" and len(m.tokens) > 1}
    kept: list[NameMention] = []
    for mention in headline:
        if len(mention.text.split()) == 1:
            kept.append(mention)
            continue
        words = [(mention.start + m.start(), mention.start + m.end(), m.group())
                 for m in _NONSPACE_RE.finditer(mention.text)]
        index, found = 0, False
        while index < len(words):
            stop = next((stop for stop in range(len(words), index + 1, -1)
                         if " ".join(w[2] for w in words[index:stop]) in known), 0)
            if stop:
                tokens = tuple(w[2] for w in words[index:stop])
                name = " ".join(tokens)
                kept.append(NameMention(start=words[index][0], end=words[stop - 1][1],
                                        text=name, name=name, tokens=tokens, kind="person",
                                        possessive=mention.possessive and stop == len(words)))
                index, found = stop, True
            else:
                index += 1
        if not found:
            start, end, word = words[-1]
            kept.append(NameMention(start=start, end=end, text=word, name=word, tokens=(word,),
                                    kind="unknown", possessive=mention.possessive))
    return kept


# A nickname in quotation marks inside a name: Liam ‘the Bull’ O’Rourke.
_NICKNAME_RE = regex.compile(r"[ \u00a0][“‘\"'][^“”‘’\"'.!?\n]{1,30}[”’\"'][ \u00a0]")


def _join_nicknames(text: str, mentions: list[NameMention]) -> list[NameMention]:
    """“Hawks captain Liam ‘the Bull’ O’Rourke”: two runs on either side of a quoted
    nickname are one person's name (the nickname itself is a quotation, a term, and the
    words inside it name nobody)."""
    if not any(mark in text for mark in "‘“"):
        return mentions
    joined: list[NameMention] = []
    index = 0
    while index < len(mentions):
        mention = mentions[index]
        index += 1
        if mention.kind not in ("person", "unknown") or mention.possessive \
                or len(mention.tokens) != 1 or text[mention.end:mention.end + 2] not in (
                    " ‘", " “", " \"", " '"):
            joined.append(mention)
            continue
        surname = next((ahead for ahead in range(index, min(len(mentions), index + 3))
                        if mentions[ahead].kind in ("person", "unknown")
                        and len(mentions[ahead].tokens) == 1
                        and mentions[ahead].start - mention.end <= 34
                        and _NICKNAME_RE.fullmatch(text, mention.end, mentions[ahead].start)),
                       None)
        if surname is None:
            joined.append(mention)
            continue
        other = mentions[surname]
        joined.append(NameMention(
            start=mention.start, end=other.end, text=text[mention.start:other.end],
            name=f"{mention.name} {other.name}", tokens=mention.tokens + other.tokens,
            kind="person", honorific=mention.honorific, title=mention.title,
            possessive=other.possessive))
        index = surname + 1
    return joined


def _predicate(text: str, start: int, lo: int) -> bool:
    """Whether the word before ``start`` (not before ``lo``) makes a predicate of what
    follows: "was a quiet boy", "as a child", "like a man"."""
    before = text[max(lo, start - 12):start].split()
    return bool(before) and before[-1].lower() in PREDICATE_WORDS


_MONTH_PREFIXES = tuple(month.capitalize() + " " for month in MONTH_GIVEN_NAMES)


def occurrences(text: str, word: str) -> list[int]:
    """Every position of ``word`` in ``text`` (a plain search, fast for rare words)."""
    positions = []
    position = text.find(word)
    while position >= 0:
        positions.append(position)
        position = text.find(word, position + 1)
    return positions


def _month_given_name(text: str, start: int, run: str) -> bool:
    """Whether ``run`` (at ``start``) is a month that is also a given name and a surname:
    "June Albright", not "in June Albright" or "June 5" (the word before it decides)."""
    words = run.split()
    if len(words) != 2 or _key(words[0]) not in MONTH_GIVEN_NAMES:
        return False
    surname = words[1].rstrip(".,")
    if not surname.isalpha() or _key(surname) in CALENDAR_WORDS or _key(surname) in _TITLE_KEYS:
        return False
    before = text[max(0, start - 12):start].split()
    return not before or before[-1].lower() not in DATE_LEAD_WORDS


def _outside_quotes(lo: int, hi: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``[lo, hi)`` outside the quotation ``spans`` (sorted, outermost)."""
    gaps: list[tuple[int, int]] = []
    index = bisect_right(spans, (lo, -1)) - 1
    index = max(index, 0)
    position = lo
    while index < len(spans) and spans[index][0] < hi:
        start, end = spans[index]
        index += 1
        if end <= position:
            continue
        if start > position:
            gaps.append((position, start))
        position = max(position, end)
    if position < hi:
        gaps.append((position, hi))
    return gaps


def read_name(text: str, start: int, end: int) -> NameMention | None:
    """Read ``text[start:end]`` as one name: honorific and title apart, and its kind.

    >>> m = read_name("I am Parson Tringham", 5, 20)
    >>> m.name, m.title, m.kind
    ('Tringham', 'Parson', 'person')
    """
    return _read_name(text, start, end, False)


def surname_key(tokens: tuple[str, ...]) -> str:
    """The clustering key of a name: its last token, suffixes (Jr., QC) aside."""
    return _surname(tokens)


def _surname(tokens: tuple[str, ...]) -> str:
    index = len(tokens) - 1
    while index > 0 and _key(tokens[index]) in NAME_SUFFIXES:
        index -= 1
    return _key(tokens[index])


def _close_spelling(a: str, b: str) -> bool:
    """Equal, an initial of the other, one familiar form of the other (Jack / John,
    Joe / Joseph), or one edit apart (Kristin / Kristen, Hilary / Hillary, Katrin /
    Katrine); a final "a" makes another name (Eric / Erica, Mario / Maria).

    >>> _close_spelling("hilary", "hillary"), _close_spelling("eric", "erica")
    (True, False)
    """
    if a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return True
    if FAMILIAR_GIVEN_NAMES.get(a, a) == FAMILIAR_GIVEN_NAMES.get(b, b):
        return True
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 4 or (
            a[-1] != b[-1] and "a" in (a[-1], b[-1])):
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:cut] + long[cut + 1:] == short for cut in range(len(long)))


@dataclass(slots=True)
class _Clusters:
    """The entities found so far and the indexes that link a new mention to one."""

    entities: list[Entity] = field(default_factory=list)
    by_surname: dict[str, list[int]] = field(default_factory=dict)
    by_first: dict[str, list[int]] = field(default_factory=dict)
    by_text: dict[str, int] = field(default_factory=dict)
    # where each full-name person is first named, and the titles each is given
    first_seen: dict[int, int] = field(default_factory=dict)
    titled: dict[int, set[str]] = field(default_factory=dict)
    by_title: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, int] = field(default_factory=dict)  # "clergyman" → the unnamed parson
    title_heads: set[str] = field(default_factory=set)
    spoken_of: set[int] = field(default_factory=set)  # entities named outside quotations so far

    def new_entity(self, mention: NameMention, kind: str) -> int:
        """Start an entity named by ``mention``; index a person by surname and first name."""
        entity = Entity(id=len(self.entities), name=mention.name, kind=kind)
        if kind == "person":
            entity.surname = _surname(mention.tokens)
            entity.first = _key(mention.tokens[0]) if len(mention.tokens) > 1 else ""
            self.by_surname.setdefault(entity.surname, []).append(entity.id)
            if entity.first:
                self.by_first.setdefault(entity.first, []).append(entity.id)
        self.entities.append(entity)
        return entity.id


def cluster_mentions(mentions: list[NameMention]) -> list[Entity]:
    """Group mentions into entities; set each mention's ``entity`` index."""
    clusters = _Clusters()
    # first pass: full names (two or more tokens) found anywhere define people
    for mention in mentions:
        if mention.kind == "person" and len(mention.tokens) >= 2:
            _cluster_full_name(mention, clusters)
    _index_titles(mentions, clusters)
    # second pass: honorific names, single tokens, descriptions and organisations
    for mention in mentions:
        if mention.entity >= 0:
            continue
        if mention.kind == "description":
            _cluster_description(mention, clusters)
            continue
        _cluster_other(mention, clusters)
    entities = clusters.entities
    _link_kin(mentions, entities)
    for number, mention in enumerate(mentions):
        if mention.entity >= 0:
            _add_to_entity(number, mention, entities[mention.entity])
    return entities


def _cluster_full_name(mention: NameMention, clusters: _Clusters) -> None:
    """Link a full name to a person of that surname and a close first name, or start one."""
    entities = clusters.entities
    surname = _surname(mention.tokens)
    first = _key(mention.tokens[0])
    match = -1
    for candidate in clusters.by_surname.get(surname, [])[:_NAMESAKES]:
        other = entities[candidate]
        if not other.first or _close_spelling(first, other.first):
            match = candidate
            break
    if match < 0:
        match = clusters.new_entity(mention, "person")
        clusters.first_seen[match] = mention.start
    mention.entity = match
    if mention.title:  # so "Sgt. Whitfield" can tell Sgt. Mark from Lt. Dana Whitfield
        clusters.titled.setdefault(match, set()).add(_key(mention.title.split()[-1]))
    if mention.honorific:  # known at once, so "Mr. Kessler" can tell two Kesslers apart
        honorific = _key(mention.honorific)
        if honorific in _MALE_KEYS:
            entities[match].votes[0] += 3
        elif honorific in _FEMALE_KEYS:
            entities[match].votes[1] += 3


def _index_titles(mentions: list[NameMention], clusters: _Clusters) -> None:
    """Index the role phrases of every titled mention already linked to an entity."""
    by_title = clusters.by_title
    for mention in mentions:
        if mention.title and mention.entity >= 0:
            for title_key in _title_phrases([_key(w) for w in mention.title.split()]):
                by_title.setdefault(title_key, mention.entity)
            title_key = _key(mention.title.split()[-1])
            if title_key in by_title and title_key in ROLE_KINDS:
                # Parson Tringham is also "the clergyman"
                by_title.setdefault(ROLE_KINDS[title_key], mention.entity)
    clusters.title_heads = {title.rsplit(" ", 1)[-1] for title in by_title}


def _cluster_description(mention: NameMention, clusters: _Clusters) -> None:
    """Link a description to the titled person, an earlier description, or someone new."""
    key = mention.tokens[0]
    linked = _titled_as(mention, clusters.by_title) \
        if key.rsplit(" ", 1)[-1] in clusters.title_heads else None
    if linked is not None:
        mention.entity = linked  # "the parson" → Parson Tringham
        return
    by_kind = clusters.by_kind
    index = clusters.by_text.get("\x00" + key)
    indefinite = mention.text.lower().startswith(("a ", "an "))
    if index is None and not indefinite:
        # "an elderly parson" … "the clergyman": the same person by a general noun
        index = by_kind.get(key) if key in by_kind else by_kind.get(
            ROLE_KINDS.get(key, ""))
    if index is None or indefinite:
        # (an indefinite description brings in someone new; "the …" later is them)
        index = clusters.new_entity(mention, "unnamed")
        noun = key.split()[-1]
        clusters.entities[index].gender = (
            "male" if noun in MALE_ROLE_NOUNS else
            "female" if noun in FEMALE_ROLE_NOUNS else "unknown")
        clusters.by_text["\x00" + key] = index
        if noun in ROLE_KINDS:
            by_kind[ROLE_KINDS[noun]] = index
    mention.entity = index


def _cluster_other(mention: NameMention, clusters: _Clusters) -> None:
    """Link a short name, an honorific name or an organisation, or start an entity."""
    key = _key(mention.tokens[-1]) if mention.kind != "organisation" else mention.name.lower()
    if mention.kind != "organisation" and len(mention.tokens) == 1 \
            and _cluster_single_token(mention, key, clusters):
        return
    entities = clusters.entities
    index = clusters.by_text.get(key)
    if index is None:
        kind = mention.kind
        index = clusters.new_entity(mention, "person" if kind == "person" else kind)
        clusters.by_text[key] = index
    elif mention.kind == "person" and entities[index].kind == "unknown":
        entities[index].kind = "person"
    elif mention.kind == "unknown" and entities[index].kind == "organisation" \
            and index not in clusters.spoken_of and entities[index].name.isupper():
        # “TOM!” shouted, then "Tom" in the narration: a name, not an acronym
        entities[index].kind, entities[index].name = "unknown", mention.name
    if not mention.in_quote:
        clusters.spoken_of.add(index)
    mention.entity = index


def _cluster_single_token(mention: NameMention, key: str, clusters: _Clusters) -> bool:
    """Link a one-word name to the one person of that surname or first name; True if settled."""
    entities = clusters.entities
    candidates = clusters.by_surname.get(key, [])
    if len(candidates) > 1:
        # a short form points back: a namesake named only later is someone else
        earlier = [c for c in candidates if clusters.first_seen.get(c, 0) < mention.start]
        candidates = earlier or candidates
    if len(candidates) > 1 and mention.title:
        title_key = _key(mention.title.split()[-1])
        narrowed = [c for c in candidates if title_key in clusters.titled.get(c, ())]
        candidates = narrowed or candidates
    if len(candidates) > 1 and mention.honorific:
        wanted = "male" if _key(mention.honorific) in _MALE_KEYS else (
            "female" if _key(mention.honorific) in _FEMALE_KEYS else "")
        narrowed = [c for c in candidates if _honorific_gender(entities[c]) in ("", wanted)]
        candidates = narrowed or candidates
    if len(candidates) == 1:
        mention.entity = candidates[0]
        return True
    if len(candidates) > 1:
        mention.entity = AMBIGUOUS
        return True
    by_first = clusters.by_first
    firsts = by_first.get(key) or by_first.get(FAMILIAR_GIVEN_NAMES.get(key, key), [])
    if len(firsts) == 1 and not mention.honorific:
        mention.entity = firsts[0]
        return True
    return False


def _add_to_entity(number: int, mention: NameMention, entity: Entity) -> None:
    """Record mention ``number`` on its entity: alias, title, gender votes, fullest name."""
    entity.mentions.append(number)
    if mention.text not in entity.aliases:
        entity.aliases.append(mention.text)
    if mention.title and mention.title not in entity.titles:
        entity.titles.append(mention.title)
    if mention.title:  # "King Charles", "Queen Rania", "Monsignor Darcy"
        title = _key(mention.title.split()[-1])
        if title in MALE_ROLE_NOUNS:
            entity.votes[0] += 3
        elif title in FEMALE_ROLE_NOUNS:
            entity.votes[1] += 3
    if mention.honorific and not (len(mention.tokens) > 1 and mention.kind == "person"):
        honorific = _key(mention.honorific)  # (full names voted when clustered)
        if honorific in _MALE_KEYS:
            entity.votes[0] += 3
        elif honorific in _FEMALE_KEYS:
            entity.votes[1] += 3
    if entity.kind == "person" and _fuller(mention, entity):
        entity.name = mention.name if len(mention.tokens) > 1 else mention.text


def _title_phrases(words: list[str]) -> list[str]:
    """The role phrases a title answers to: the whole title, and the words after each
    word that keeps the role ("Finance Minister" also answers to "minister"; "Vice
    President" only to "vice president": a rank modifier makes another role).

    >>> _title_phrases(["vice", "president"]), _title_phrases(["finance", "minister"])
    (['vice president'], ['finance minister', 'minister'])
    """
    phrases = [" ".join(words)]
    for index in range(1, len(words)):
        if words[index - 1] in RANK_MODIFIERS:
            break
        phrases.append(" ".join(words[index:]))
    return phrases


def _titled_as(mention: NameMention, by_title: dict[str, int]) -> int | None:
    """The titled person a description names by the whole role phrase: "the vice
    president" is Vice President Mendes; "the president" is not (a rank modifier in
    the description is never dropped to find one)."""
    key = mention.tokens[0]
    if " " in key or "'" in key:
        return by_title.get(key)  # "his wife", "child's nurse": no title phrase
    return _phrase_titled(_role_words(mention.text), by_title)


def _role_words(description: str) -> list[str]:
    """The words of a description after its determiner, lower-cased."""
    return [w.strip(",").lower() for w in description.split()[1:]]


def _phrase_titled(words: list[str], by_title: dict[str, int]) -> int | None:
    for index in range(len(words)):
        linked = by_title.get(" ".join(words[index:]))
        if linked is not None:
            return linked
        if words[index] in RANK_MODIFIERS:
            return None
    return None


def title_fits(titles: list[str], description: str) -> bool:
    """Whether ``description`` may name a person given ``titles``: yes unless its head
    word belongs to one of them only inside a longer role phrase.

    >>> title_fits(["Vice President"], "the president"), title_fits(["President"], "the president")
    (False, True)
    >>> title_fits(["Vice President"], "the vice president"), title_fits([], "the president")
    (True, True)
    """
    words = _role_words(description)
    if not words:
        return True
    phrases = [_title_phrases([_key(w) for w in title.split()]) for title in titles]
    holding = [p for p in phrases if words[-1] in p[0].split()]
    if not holding:
        return True
    return _phrase_titled(words, {phrase: 0 for p in holding for phrase in p}) is not None


def _link_kin(mentions: list[NameMention], entities: list[Entity]) -> None:
    """“her aunt”, “his uncle”: the one person the text calls Aunt Juley or Uncle
    William (a kinship title names them by that relation)."""
    kin: dict[str, set[int]] = {}
    for mention in mentions:
        if mention.title in KIN_TITLES and mention.entity >= 0:
            kin.setdefault(_key(mention.title), set()).add(mention.entity)
    if not kin:
        return
    for mention in mentions:
        if mention.kind != "description" or " " not in mention.tokens[0]:
            continue  # (possessive descriptions only: "her aunt", not "an aunt")
        people = kin.get(mention.tokens[0].split()[-1], set())
        if len(people) == 1:
            mention.entity = next(iter(people))


def _honorific_gender(entity: Entity) -> str:
    if entity.votes[0] > entity.votes[1]:
        return "male"
    if entity.votes[1] > entity.votes[0]:
        return "female"
    return ""


def _fuller(mention: NameMention, entity: Entity) -> bool:
    """Whether ``mention`` names the entity more fully than its current name."""
    words = len(mention.tokens)
    current = len(entity.name.split())
    if words > 1:
        return words > current
    # no full name yet: "Mr. Putin" names him better than "Putin", "Aunt Polly" than "Polly"
    return current == 1 and (mention.honorific is not None or mention.title in KIN_TITLES) \
        and entity.name == mention.name


def _vote_pronoun_gender(text: str, mentions: list[NameMention], entities: list[Entity],
                         sentences: list[tuple[int, int]], quotes: list[tuple[int, int]]) -> None:
    """Gender from pronouns that follow the only person named in a sentence."""
    sentence_index = 0
    quote_starts = [q[0] for q in quotes]
    last_only: int = -1
    for s_start, s_end in sentences:
        people = set()
        first_end = s_end
        while sentence_index < len(mentions) and mentions[sentence_index].start < s_end:
            mention = mentions[sentence_index]
            kind = entities[mention.entity].kind if mention.entity >= 0 else ""
            if mention.start >= s_start and mention.entity >= 0 and not mention.in_quote and (
                    kind in ("person", "unnamed")
                    or (kind == "unknown" and mention.start == s_start)):
                people.add(mention.entity)
                first_end = min(first_end, mention.end)
            sentence_index += 1
        window_start = first_end if len(people) == 1 else s_start
        # a sentence that names nobody continues the last one's person, unless it opens
        # with a quotation: “…,” she moaned may be anybody's turn
        target = next(iter(people)) if len(people) == 1 else (
            last_only if not people and not _opens_with_quote(s_start, quotes, quote_starts)
            else -1)
        if target >= 0:
            if entities[target].kind == "unknown" and text.count(" its ", window_start, s_end):
                entities[target].things += 1  # "Plinth laid off 40% of its staff"
            for match in _PRONOUN_RE.finditer(text, window_start, s_end):
                if _in_spans(match.start(), quotes, quote_starts):
                    continue
                gender = PRONOUN_GENDER[match.group().lower()]
                entities[target].votes[0 if gender == "male" else 1] += 1
        last_only = next(iter(people)) if len(people) == 1 else -1


def _role_gap(gap: str) -> bool:
    """“A student, 16-year-old Priya Raman”: a comma and up to two lower-case words of
    description (no function words) between a description and the name it gives."""
    words = gap.split()
    return 2 <= len(words) <= 3 and words[0] == "," and all(
        (w[:1].islower() or w[:1].isdigit()) and w.lower() not in FUNCTION_WORDS
        and w.replace("-", "").isalnum()
        for w in words[1:])


def _link_appositions(text: str, mentions: list[NameMention], entities: list[Entity]) -> None:
    """A description in apposition to a name is that person, from there on.

    "A police spokesman, Tom Berg," and "Tom Berg, a police spokesman," both make
    later mentions of "the spokesman" refer to Tom Berg, whose titles gain the role.
    """
    redirect: dict[str, int] = {}
    shared: set[str] = set()
    ambiguous: dict[str, int] = {}
    for index, mention in enumerate(mentions):
        if mention.kind == "description":
            key = mention.tokens[0]
            person = -1
            following = mentions[index + 1] if index + 1 < len(mentions) else None
            previous = mentions[index - 1] if index > 0 else None
            gap = " ".join(text[mention.end:following.start].split()) \
                if following is not None and following.start - mention.end < 60 else "x"
            if following is not None and (gap in _APPOSITION_GAPS
                                          or _OF_PHRASE_GAP_RE.fullmatch(gap)
                                          or _role_gap(gap)):
                # "the artist himself, Basil Hallward"; "the chief of staff, Mark Ellison"
                person = following.entity
            elif previous is not None and text[previous.end:mention.start] == ", ":
                person = previous.entity
            if person >= 0 and entities[person].kind == "person":
                if redirect.get(key, person) != person:
                    shared.add(key)  # two engineers: "the engineer" could be either
                redirect[key] = person
                noun = key.split()[-1]  # "his wife, Grace Hanlon": she is a woman
                if noun in MALE_ROLE_NOUNS:
                    entities[person].votes[0] += 3
                elif noun in FEMALE_ROLE_NOUNS:
                    entities[person].votes[1] += 3
                role = mention.text.split(" ", 1)[-1] if " " in mention.text else mention.text
                if role not in entities[person].titles:
                    entities[person].titles.append(role)
            elif mention.text.lower().startswith(("a ", "an ")):
                redirect.pop(key, None)  # "a police spokesman": someone new, not the last one
                shared.discard(key)
                ambiguous.pop(key, None)
            if key in shared and person < 0:
                if key not in ambiguous:  # whoever it is, not the cluster's first person
                    ambiguous[key] = len(entities)
                    entities.append(Entity(id=len(entities), name=mention.text,
                                           kind="unnamed",
                                           gender=entities[mention.entity].gender))
                mention.entity = ambiguous[key]
            elif key in redirect and key not in shared:
                mention.entity = redirect[key]


# Words that give a described person's name: "a boy named Jim", "the stranger, whose
# name was Hartley," ("called" only after "a"/"an": "the boy called Tom over").
_NAME_IS = r"(?:(?:real|christian|first)[ \u00a0\n]++)?+name[ \u00a0\n]++(?:is|was)"
_NAMING_GAP_RE = regex.compile(
    r",?+[ \u00a0\n]++(?:named|(?P<called>called)|whose[ \u00a0\n]++" + _NAME_IS
    + r")[ \u00a0\n]++"
)
# "Her name was Duchess": the name of whom the pronoun points back at.
_NAME_WAS_RE = regex.compile(
    r"(?<![\w’'])(?P<pronoun>[Hh]is|[Hh]er)[ \u00a0\n]++" + _NAME_IS + r"[ \u00a0\n]++"
)
_GIVEN_NAME_RE = regex.compile(
    r"\p{Lu}[\p{L}\p{M}’'\-]*+(?:[ \u00a0]\p{Lu}[\p{L}\p{M}’'\-]*+){0,3}+")
_NAME_WAS_REACH = 300  # characters back to the described person, at most


def _described_before(mentions: list[NameMention], starts: list[int], entities: list[Entity],
                      position: int, gender: str) -> NameMention | None:
    """The last description before ``position`` (within reach) of ``gender``; failing
    that, the last one of no known gender. ``starts``: the mentions' start offsets."""
    index = bisect_left(starts, position) - 1
    unsure: NameMention | None = None
    for earlier in range(index, max(-1, index - 12), -1):
        candidate = mentions[earlier]
        if candidate.start < position - _NAME_WAS_REACH:
            break
        if candidate.kind != "description" or candidate.in_quote or candidate.entity < 0:
            continue
        if entities[candidate.entity].gender == gender:
            return candidate
        if unsure is None and entities[candidate.entity].gender == "unknown":
            unsure = candidate
    return unsure


def _link_given_names(text: str, mentions: list[NameMention], entities: list[Entity]) -> None:
    """A described person whom the narration names is that person everywhere.

    "A boy named Jim", "the stranger, whose name was Hartley," and "my mother … Her name
    was Duchess" make every mention of the description (“said my mother”) Jim, Hartley
    or Duchess. For "Her name was", the description is the last one before it, within
    a few sentences, that the pronoun's gender fits.
    """
    name_positions = occurrences(text, " name ")
    found = occurrences(text, " named") + occurrences(text, " called") + name_positions
    # (description, where its name starts)
    namings = _named_descriptions(text, mentions, found)
    starts = [m.start for m in mentions] if found else []
    for position in name_positions:
        naming = _NAME_WAS_RE.match(text, max(0, text.rfind(" ", 0, position) + 1))
        if naming is not None:
            gender = "male" if naming.group("pronoun").lower() == "his" else "female"
            described = _described_before(mentions, starts, entities, naming.start(), gender)
            if described is not None:
                namings.append((described, naming.end()))
    if not namings:
        return
    members: dict[int, list[int]] = {}  # each entity's mentions, by number
    touched: set[int] = set()
    for number, mention in enumerate(mentions):
        if mention.entity >= 0:
            members.setdefault(mention.entity, []).append(number)
    for described, name_start in namings:
        _give_name(text, described, name_start, mentions, entities, starts, members, touched)
    for number in touched:  # (sorted once each, however many namings)
        entities[number].mentions = sorted(set(entities[number].mentions))


def _named_descriptions(text: str, mentions: list[NameMention],
                        found: list[int]) -> list[tuple[NameMention, int]]:
    """Each description a naming phrase follows ("a boy named"), and where its name starts."""
    namings: list[tuple[NameMention, int]] = []
    ends = {m.end: m for m in mentions if m.kind == "description" and not m.in_quote} \
        if found else {}
    for position in found:  # (the phrases are rare: look for them, not at every mention)
        for end in range(position, max(-1, position - 24), -1):
            mention = ends.get(end)
            if mention is None:
                continue
            gap = _NAMING_GAP_RE.match(text, mention.end)
            if gap is not None and not (gap.group("called") and not mention.text.lower(
                    ).startswith(("a ", "an "))):
                namings.append((mention, gap.end()))
                break
    return namings


def _give_name(text: str, described: NameMention, name_start: int,
               mentions: list[NameMention], entities: list[Entity], starts: list[int],
               members: dict[int, list[int]], touched: set[int]) -> None:
    """Make the unnamed entity of ``described`` the person named at ``name_start``."""
    old = described.entity
    if old < 0 or entities[old].kind != "unnamed":
        return
    at = bisect_left(starts, name_start)
    named = mentions[at] if at < len(mentions) and mentions[at].start == name_start else None
    if named is None:  # "Her name was Duchess": a title word, no mention of its own
        word = _GIVEN_NAME_RE.match(text, name_start)
        if word is None or word.group().split()[0].lower() in FUNCTION_WORDS:
            return
        entity = entities[old]
        entity.aliases.append(entity.name)
        entity.name, entity.kind = word.group(), "person"
        return
    if named.entity < 0 or named.kind not in ("person", "unknown") \
            or entities[named.entity].kind not in ("person", "unknown"):
        return
    person = entities[named.entity]
    person.kind = "person"  # the phrase says it is a name
    if entities[old].gender in ("male", "female"):
        person.votes[0 if entities[old].gender == "male" else 1] += 3
    moved = members.pop(old, [])
    for number in moved:
        mentions[number].entity = named.entity
    members.setdefault(named.entity, []).extend(moved)
    person.mentions.extend(moved)
    touched.add(named.entity)
    if entities[old].name not in person.aliases:
        person.aliases.append(entities[old].name)


# An apposition after a name, up to its closing comma or period: ", the city's chief
# engineer," / ", chief engineer at the port." (a phrase after the head is cut off).
_APPOSITION_AFTER_RE = regex.compile(
    r",[ \u00a0\n](?P<np>(?:[\w’'\-]++[ \u00a0\n]){0,5}?[a-z][\w\-]*+)"
    r"(?:[ \u00a0\n](?:of|for|at|in|with|on|to|from|who|and)\b[^,.;:“”\"]{0,80}+)?[,.]"
)
_APPOSITION_BEFORE_RE = regex.compile(
    r"(?<![\w’'])(?P<np>(?:the|The)[ \u00a0\n](?:[\w’'\-]++[ \u00a0\n]){0,4}?[a-z][\w\-]*+)"
    r"(?:[ \u00a0\n]+(?:himself|herself))?,[ \u00a0\n]*+$"
)


_ROLE_OPENERS = frozenset(["the", "a", "an", "his", "her", "its", "their", "our", "my"])


def _role_head(phrase: str) -> str:
    """The head noun of an apposition ("the city's chief engineer" → "engineer"), or ""
    when the phrase is no role (a clause, a participle, an age, an adverb)."""
    words = phrase.split()
    if not words or words[0].lower() in ("who", "which", "whose", "where", "when"):
        return ""
    opener = words[0].lower()
    if opener not in _ROLE_OPENERS and (opener.endswith(("ing", "ed", "ly"))
                                        or opener in FUNCTION_WORDS or opener in CUE_VERBS):
        return ""  # "looking her right in the eye": a clause, not a role
    head = words[-1]
    key = head.lower()
    if len(head) < 3 or not head[0].islower() or not head.replace("-", "").isalpha() or (
            key in FUNCTION_WORDS or key in SENTENCE_ADVERBS or key in CALENDAR_WORDS
            or key.endswith(("ing", "ed", "ly")) or key in CUE_VERBS):
        return ""
    return key


def _named_roles(text: str, mentions: list[NameMention], entities: list[Entity]) -> None:
    """“Rahimi's daughter, Leila,”: a single name in apposition to a role noun is a
    person, of the role's gender."""
    for mention in mentions:
        if mention.entity < 0 or entities[mention.entity].kind != "unknown" \
                or text[max(0, mention.start - 2):mention.start] != ", ":
            continue
        before = text[max(0, mention.start - 30):mention.start - 2].split()
        noun = before[-1].lower() if before else ""
        if noun not in PERSON_NOUNS:
            continue
        entity = entities[mention.entity]
        entity.kind = "person"
        if noun in MALE_ROLE_NOUNS:
            entity.votes[0] += 3
        elif noun in FEMALE_ROLE_NOUNS:
            entity.votes[1] += 3


def _apposition_roles(text: str, mentions: list[NameMention],
                      entities: list[Entity]) -> dict[str, list[int]]:
    """Record the head noun of a role in apposition to a person's name, so that "the
    engineer" can later point back at "Maria Lopez, the city's chief engineer".
    Returns the people of each role noun."""
    by_role: dict[str, list[int]] = {}
    for mention in mentions:
        if mention.entity < 0 or mention.in_quote or mention.kind != "person" \
                or mention.possessive:
            continue
        entity = entities[mention.entity]
        if entity.kind != "person":
            continue
        # (most names have no comma beside them: two character tests before any regex)
        after = _APPOSITION_AFTER_RE.match(text, mention.end, min(len(text), mention.end + 160)
                                           ) if text[mention.end:mention.end + 1] == "," else None
        before = _APPOSITION_BEFORE_RE.search(text, max(0, mention.start - 80), mention.start
                                              ) if text[max(0, mention.start - 4):
                                                        mention.start].rstrip(
                                                  " \u00a0\n")[-1:] == "," else None
        for found in (after, before):
            if found is None:
                continue
            head = _role_head(found.group("np"))
            for role in (head, ROLE_KINDS.get(head, "")):  # the painter is also "the artist"
                if role and role not in entity.roles:
                    entity.roles.append(role)
                    by_role.setdefault(role, []).append(entity.id)
    return by_role


_OTHER_GENDER = {"male": "female", "female": "male"}


def _salience(entity: Entity, mentions: list[NameMention], number: int) -> int:
    """How much an article has been about a person by mention ``number``: their
    mentions so far, and one more for a title or honorific ("President Dana Keller" is
    the article's Keller more than "Ari Keller", though a title alone does not tell two
    people named once each apart)."""
    before = bisect_left(entity.mentions, number)
    titled = any(mentions[n].title or mentions[n].honorific for n in entity.mentions[:before])
    return before + titled


def _most_salient(candidates: list[int], scores: dict[int, int],
                  shortened: set[int]) -> int | None:
    """The candidate the article is about: the only one it already calls by the surname
    alone (the others it names in full, to tell them apart), or failing that one named
    at least twice as often as any other and two times more (a relative named in
    passing is not the subject)."""
    short = [c for c in candidates if c in shortened]
    if len(short) == 1:
        return short[0]
    ranked = sorted(short or candidates, key=lambda c: -scores[c])
    if len(ranked) < 2:
        return ranked[0] if ranked else None
    best, second = scores[ranked[0]], scores[ranked[1]]
    return ranked[0] if best >= 2 * second and best - second >= 2 else None


def _surnames_of_both_genders(mentions: list[NameMention]) -> set[str]:
    """The surnames an article gives both a man's and a woman's honorific to, among
    the mentions no one person fits ("Mr. Clinton" and "Mrs. Clinton": two people)."""
    honorifics: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.honorific and mention.entity == AMBIGUOUS:
            key = _key(mention.honorific)
            honorifics.setdefault(_surname(mention.tokens), set()).add(
                "male" if key in _MALE_KEYS else "female" if key in _FEMALE_KEYS else "")
    return {s for s, genders in honorifics.items() if {"male", "female"} <= genders}


def _honorific_person(entities: list[Entity], made: dict[tuple[str, str], int],
                      mention: NameMention, gender: str) -> int:
    """The person an honorific and a surname name when the article gives that surname
    to a man and a woman it names in full without telling which is which: "Mrs.
    Clinton" is one person, known by that name, and "Mr. Clinton" another."""
    key = (_surname(mention.tokens), gender)
    if key not in made:
        made[key] = len(entities)
        entities.append(Entity(id=len(entities), name=mention.text, kind="person",
                               gender=gender, surname=key[0]))
    return made[key]


def _settle_namesakes(text: str, mentions: list[NameMention], entities: list[Entity]) -> None:
    """A surname shared by two people, settled once pronouns and roles have told their
    genders.

    “Ms. Smith” with Karen and David Smith in the text is Karen when she is the only
    one known to be a woman, and David when Karen is known to be a man. A bare surname,
    or an honorific that several fit, goes to the one the article is about (already
    called by the surname alone, or named far more often), with the others kept as
    ``rivals``; a description in apposition right before it (“her brother, Mr.
    Solberg,”) is them. An even choice stays ``AMBIGUOUS``, every namesake a rival.
    """
    by_surname: dict[str, list[int]] = {}
    for entity in entities:
        if entity.kind == "person" and entity.surname:
            by_surname.setdefault(entity.surname, []).append(entity.id)
    shortened = {m.entity for m in mentions if m.entity >= 0 and len(m.tokens) == 1
                 and m.kind != "description" and entities[m.entity].surname == _key(m.tokens[0])}
    both_genders = _surnames_of_both_genders(mentions)
    by_honorific: dict[tuple[str, str], int] = {}
    for number, mention in enumerate(mentions):
        if mention.entity != AMBIGUOUS:
            continue
        surname = _surname(mention.tokens)
        candidates = by_surname.get(surname, [])
        honorific = _key(mention.honorific) if mention.honorific else ""
        wanted = "male" if honorific in _MALE_KEYS else (
            "female" if honorific in _FEMALE_KEYS else "")
        pool = candidates
        if wanted:  # "Mr. Smith" is never Karen, a woman
            known = [c for c in candidates if entities[c].gender == wanted]
            unknown = [c for c in candidates if entities[c].gender == "unknown"]
            # Karen, the one woman, though David's gender is unknown; or David, when
            # Karen is a woman; or the salient one of several who fit, unless the
            # article gives the surname both honorifics (Mr. and Ms. Smith: two people)
            pool = known if known else unknown if (
                len(unknown) == 1 or surname not in both_genders) else []
        scores = {c: _salience(entities[c], mentions, number) for c in pool}
        chosen = pool[0] if len(pool) == 1 else _most_salient(pool, scores, shortened)
        if wanted and not pool:  # Mr. and Mrs. Clinton, two people: this one is "Mrs. Clinton"
            chosen = _honorific_person(entities, by_honorific, mention, wanted)
        if chosen is None:
            mention.rivals = tuple(candidates)
            continue
        mention.rivals = tuple(c for c in candidates if c != chosen
                               and (not wanted or entities[c].gender != _OTHER_GENDER[wanted]))
        mention.entity = chosen
        insort(entities[chosen].mentions, number)
        if mention.text not in entities[chosen].aliases:
            entities[chosen].aliases.append(mention.text)
        before = mentions[number - 1] if number > 0 else None
        if wanted and before is not None and before.kind == "description" \
                and text[before.end:mention.start] == ", " and before.entity >= 0 \
                and entities[before.entity].kind == "unnamed":
            before.entity = chosen


def analyse_entities(text: str, paragraphs: list[tuple[int, int]],
                     sentences: list[tuple[int, int]] | None = None,
                     quotes: list[tuple[int, int]] | None = None) -> EntityAnalysis:
    """Find name mentions, cluster them, and settle each entity's gender.

    ``quotes`` are the outermost quotation spans: names and pronouns inside them are
    the speaker's words, so they vote for no gender and are flagged ``in_quote``.
    """
    mentions = find_name_mentions(text, paragraphs, quotes)
    _mark_quoted(mentions, quotes or [])
    entities = cluster_mentions(mentions)
    _link_appositions(text, mentions, entities)
    _link_given_names(text, mentions, entities)
    _named_roles(text, mentions, entities)
    by_role = _apposition_roles(text, mentions, entities)
    _vote_pronoun_gender(text, mentions, entities, sentences or paragraphs, quotes or [])
    for entity in entities:
        if entity.kind == "unknown" and max(entity.votes) >= 2 and min(entity.votes) == 0:
            entity.kind = "person"  # "Miguel was tall. He smoked…": referred to as he or she
        elif entity.kind == "unknown" and entity.things and not max(entity.votes):
            entity.kind = "organisation"  # "Plinth laid off 40% of its staff": an it
        if entity.kind == "unnamed" and entity.gender == "unknown":
            male, female = entity.votes
            entity.gender = "male" if male > female else "female" if female > male else "unknown"
        if entity.kind == "person":
            male, female = entity.votes
            if male > female:
                entity.gender = "male"
            elif female > male:
                entity.gender = "female"
    _settle_namesakes(text, mentions, entities)
    return EntityAnalysis(mentions=mentions, entities=entities,
                          starts=[m.start for m in mentions], by_role=by_role)
