"""Words and noun phrases around a quotation: the reader the cue finders share.

``read_words`` splits a window of text into words with offsets (a quotation inside
a sentence stands as one placeholder word, see ``WordCache``); ``Reader`` reads the
noun phrase a reporting verb governs, forward (“…,” said *the NATO secretary-general,
Jens Stoltenberg*) or backward (*Lukasz Jasina, the spokesman for …,* said), as a
name, a pronoun or a description.

>>> [w.text for w in read_words("Mr. Grushko told reporters that", 0, 31)]
['Mr.', 'Grushko', 'told', 'reporters', 'that']
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import regex

from .entities import EntityAnalysis, NameMention
from .lexicon.cues import CUE_VERBS, DOCUMENT_NOUNS, PARTICLE_CUES, WEAK_CUE_VERBS
from .lexicon.grammar import AUXILIARIES, DETERMINERS, PREPOSITIONS, TENSE_AUXILIARIES
from .lexicon.pronouns import SUBJECT_PRONOUNS
from .lexicon.titles import (
    FEMALE_ROLE_NOUNS,
    GROUP_NOUNS,
    KIN_TITLES,
    MALE_ROLE_NOUNS,
    PERSON_NOUNS,
    TITLES,
)
from .lexicon.verbs import Lexicon
from .lexicon.words import DAY_PARTS, FUNCTION_WORDS, WEEKDAYS
from .patterns import NON_FINAL_ABBREVIATIONS
from .quotes import QuoteSpan

__all__ = [
    "CLAUSE_END",
    "STOP_PUNCT",
    "Reader",
    "Subject",
    "Word",
    "WordCache",
    "cue_at",
    "is_adverb",
    "is_cue",
    "is_plain_noun",
    "is_verb_at",
    "read_words",
    "role_gender",
]

_ABBREVIATIONS = "|".join(sorted(
    {word.capitalize() for word in NON_FINAL_ABBREVIATIONS if word.isalpha()},
    key=len, reverse=True))
WORD_RE = regex.compile(
    r"[DRI]-(?:\p{Lu}\p{Ll}*+\.?+)++"  # a party and a state: R-Ky., D-N.Y.
    r"|(?:\p{Lu}\.){2,}+"  # U.S., O.S.C.E.
    r"|(?:" + _ABBREVIATIONS + r")\.(?=\s)"  # honorifics and titles keep their period: Dr.
    r"|\p{Lu}\.(?=\s\p{Lu})"  # so do initials: Aleksandr V. Grushko
    r"|[\p{L}\p{M}\p{N}]++(?:[’'\-.][\p{L}\p{M}\p{N}]++)*+"  # a word: it’s, secretary-general
    r"|[^\s\p{L}\p{M}\p{N}]"  # one mark of punctuation
)
STOP_PUNCT = frozenset(".;!?“”\"«»()[]")
CLAUSE_END = frozenset(",;:—–")
MAX_DESCRIPTION = 8
# Words that end a description read around a verb: conjunctions, auxiliaries, negation.
# Verbs whose object is a document its subject speaks through: "issued a statement".
_ISSUING_VERBS = frozenset({"issued", "published", "put", "released", "sent", "posted"})
# Words that open a relative clause set off by commas: "the man, who declined …, said".
_RELATIVES = frozenset({"who", "whom", "whose", "which", "where", "when"})
# Prepositions that open a phrase after a subject's head: "officials in Kyiv".
_PHRASE_PREPOSITIONS = frozenset({"across", "at", "for", "from", "in", "near", "of", "on",
                                  "within"})
_NOT_IN_DESCRIPTION = FUNCTION_WORDS - DETERMINERS - PREPOSITIONS - {"old", "young", "other"}
# Role words, as a role phrase before a name writes them: "spokeswoman", "Secretary".
_ROLE_WORDS = PERSON_NOUNS | {title.rstrip(".").lower() for title in TITLES}
# Titles that take an "of" phrase: "secretary of state", "chief of staff" (not "mother of").
_OF_TITLES = {title.rstrip(".").lower() for title in TITLES} - {t.lower() for t in KIN_TITLES}
MAX_ROLE_PHRASE = 8

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


def read_words(text: str, lo: int, hi: int) -> list[Word]:
    words = []
    for match in WORD_RE.finditer(text, lo, hi):
        word = match.group()
        start, end = match.span()
        words.append(Word(start, end, word, word.lower()))
    return words


def read_words_around(text: str, quotes: list[QuoteSpan], quote_starts: list[int], lo: int,
                      hi: int) -> list[Word]:
    """The words of ``text[lo:hi]``, each quotation that touches it one placeholder word
    (its opening mark, cut to ``[lo, hi)``), so that nothing quoted is read as a cue.

    >>> from quotecheck.quotes import scan_quotes
    >>> text = "She said “we will win” and left."
    >>> quotes = scan_quotes(text, [(0, len(text))])[0]
    >>> [w.text for w in read_words_around(text, quotes, [q.start for q in quotes], 0, 32)]
    ['She', 'said', '“', 'and', 'left', '.']
    """
    words: list[Word] = []
    position = lo
    q = max(0, bisect_left(quote_starts, lo) - 1)
    while q < len(quotes) and quotes[q].start < hi:
        quote = quotes[q]
        q += 1
        if quote.end <= position:
            continue
        if quote.start > position:
            words.extend(read_words(text, position, quote.start))
        words.append(Word(max(quote.start, lo), min(quote.end, hi), "“", "“"))
        position = min(quote.end, hi)
    if position < hi:
        words.extend(read_words(text, position, hi))
    return words


class WordCache:
    """The words of each sentence, read once; windows are slices of them.

    A quotation inside the sentence stands as one placeholder word (its opening
    mark), so a reporting verb quoted inside it is never read as a cue, and its words
    are never tokenized.
    """

    def __init__(self, text: str, sentences: list[tuple[int, int]],
                 quotes: list[QuoteSpan], marked: frozenset[str] = frozenset()) -> None:
        self.text = text
        self.sentences = sentences
        self.quotes = quotes
        self.quote_starts = [q.start for q in quotes]
        self.marked = marked
        self.cache: dict[int, tuple[list[Word], list[int]]] = {}
        self.marks: dict[int, list[int]] = {}

    def has_marked(self, index: int, lo: int, hi: int) -> bool:
        """Whether a word of ``marked`` (given at construction) lies in ``[lo, hi)`` of
        sentence ``index``: a quick test before a scan word by word."""
        self._sentence(index)
        starts = self.marks[index]
        at = bisect_left(starts, lo)
        return at < len(starts) and starts[at] < hi

    def _sentence(self, index: int) -> tuple[list[Word], list[int]]:
        found = self.cache.get(index)
        if found is None:
            lo, hi = self.sentences[index]
            words = read_words_around(self.text, self.quotes, self.quote_starts, lo, hi)
            found = (words, [w.start for w in words])
            if len(self.cache) > 8:
                # quotations come in document order: forget the sentences left behind
                for old in [key for key in self.cache if key < index - 2]:
                    del self.cache[old]
                    del self.marks[old]
            self.cache[index] = found
            self.marks[index] = [w.start for w in words if w.lower in self.marked]
        return found

    def window(self, index: int, lo: int, hi: int) -> list[Word]:
        """Words of sentence ``index`` that lie in ``[lo, hi)``."""
        words, starts = self._sentence(index)
        return words[bisect_left(starts, lo):bisect_left(starts, hi)]


def _before_weekday(words: list[Word], j: int, lo: int) -> int:
    """The index before a day that ends at ``words[j]`` ("on Wednesday", "Tuesday
    night"), or ``j`` when none does: "Ruiz on Wednesday called …" is Ruiz's clause.

    >>> [w.text for w in read_words("Ruiz on Tuesday night", 0, 21)][
    ...     _before_weekday(read_words("Ruiz on Tuesday night", 0, 21), 3, 0)]
    'Ruiz'
    """
    k = j - 1 if j > lo and words[j].lower in DAY_PARTS else j
    if k < lo or words[k].lower not in WEEKDAYS or not words[k].text[:1].isupper():
        return j
    k -= 1
    k = k - 1 if k > lo and words[k].lower in ("on", "last", "this") else k
    before = words[k] if k >= lo else None
    if before is not None and before.text.islower() and (
            before.lower.endswith("ed") or before.lower in CUE_VERBS):
        return j  # "A Berg ad released Monday calls …": the day ends a participle phrase
    return k


def is_adverb(word: Word) -> bool:
    return word.lower in AUXILIARIES or (word.lower.endswith("ly") and len(word.lower) > 4
                                         and word.text.islower())


def is_cue(word: Word, weak_ok: bool = True, lexicon: Lexicon | None = None) -> bool:
    """A reporting verb in lower case: of the package's records, or of ``lexicon``'s
    (a caller's extension)."""
    if lexicon is not None:
        return word.lower in lexicon.cue_verbs and word.text.islower() and (
            weak_ok or word.lower not in lexicon.weak_cue_verbs)
    if word.lower not in CUE_VERBS or not word.text.islower():
        return False  # a capitalised "State" or "Post" is a name, not a verb
    return weak_ok or word.lower not in WEAK_CUE_VERBS


def cue_at(words: list[Word], v: int, weak_ok: bool = True,
           lexicon: Lexicon | None = None) -> bool:
    """A reporting verb at ``words[v]``, or a verb whose particle follows ("pointed out")."""
    if is_cue(words[v], weak_ok, lexicon):
        return True
    particle = PARTICLE_CUES.get(words[v].lower)
    return particle is not None and v + 1 < len(words) and words[v + 1].lower == particle


def is_verb_at(words: list[Word], v: int, weak_ok: bool = True,
               lexicon: Lexicon | None = None) -> bool:
    """A cue word used as a verb: not right after a determiner, preposition or
    possessive ("Russia’s demands", "secretary of state", "the reports")."""
    return cue_at(words, v, weak_ok, lexicon) and words[v].text.islower() \
        and not noun_position(words, v)


def noun_position(words: list[Word], v: int) -> bool:
    """Whether ``words[v]`` stands where a noun does: right after a determiner, a
    preposition or a possessive ("the reports", "of state", "Russia’s demands")."""
    if v == 0:
        return False
    previous = words[v - 1]
    return previous.lower in DETERMINERS or previous.lower in PREPOSITIONS \
        or previous.lower.endswith(("’s", "'s"))


def is_plain_noun(word: Word) -> bool:
    """A lower-case word that is not a function word: "spokeswoman", "secretary-general"."""
    text = word.text
    return (text.isalpha() or ("-" in text and text.replace("-", "").isalpha())) \
        and text.islower() and word.lower not in FUNCTION_WORDS


def _object_of_phrase(words: list[Word], k: int, lo: int) -> bool:
    """Whether a name right after ``words[k]`` is the object of a preposition: the
    preposition itself (“a lawyer for Ana Ruiz”) or one before the name's own role
    (“the widow of slain soldier Tom Brill”). A title's “of” and the one word after
    it are the title's (“secretary of state Ann Wexley”).

    >>> words = read_words("the widow of slain soldier Tom Brill", 0, 36)
    >>> _object_of_phrase(words, 4, 0), _object_of_phrase(words, 4, 3)
    (True, False)
    """
    m = k
    while m >= lo and k - m < 3 and words[m].lower not in PREPOSITIONS \
            and is_plain_noun(words[m]):
        m -= 1
    if m < lo or words[m].lower not in PREPOSITIONS:
        return False
    return not (words[m].lower == "of" and m == k - 1 and m > lo
                and words[m - 1].lower in _OF_TITLES)


def role_gender(words: list[Word]) -> str:
    for word in words:
        if word.lower in MALE_ROLE_NOUNS:
            return "male"
        if word.lower in FEMALE_ROLE_NOUNS:
            return "female"
    return "unknown"


class Reader:
    """Noun-phrase readers over a list of words, with the document's mentions."""

    def __init__(self, text: str, analysis: EntityAnalysis,
                 lexicon: Lexicon | None = None) -> None:
        self.text = text
        self.analysis = analysis
        self.lexicon = lexicon  # a caller's extension of the verb records, or None

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
            described = self._description_forward(words, i, stop_at_verb)
            if described is None and found[1] < len(words) and words[found[1]].text.isalpha() \
                    and words[found[1]].text.islower():
                # "The young clerk held out his ticket …": the description ends at its noun
                mention, j = found
                return Subject("description", mention.start, mention.end, mention.text,
                               mention=mention, gender=role_gender(words[i:j]),
                               description=mention.text), j
            return described
        edge = self._edge_name(words, i, stop_at_verb)
        if edge is not None:
            return edge  # "Northwind Power spokeswoman Lena Brandt": the name at the right edge
        if found is not None and not found[0].possessive:
            mention, j = found
            modifier = j < len(words) and is_plain_noun(words[j]) and not (
                stop_at_verb and is_cue(words[j]))
            if not modifier or mention.kind == "person":
                return Subject("name", mention.start, mention.end, mention.text, mention), j
            # "Russian news agencies": the name modifies a description
            return self._description_forward(words, i, stop_at_verb)
        if word.lower in DETERMINERS or found is not None or word.lower in GROUP_NOUNS:
            return self._description_forward(words, i, stop_at_verb)
        # a role before a name: "team member Rodaba Noori", "curator Elaine Gustafon"
        j = i
        while j < len(words) and j - i < 4 and is_plain_noun(words[j]) and not is_cue(words[j]):
            j += 1
        if j > i and j < len(words):
            named = self._role_then_name(words, i, j)
            if named is not None:
                return named
            if stop_at_verb and cue_at(words, j) and words[j - 1].lower in PERSON_NOUNS:
                # a bare role, as headlines write it: "…," union leader vows
                role = self.text[words[i].start:words[j - 1].end]
                return Subject("description", words[i].start, words[j - 1].end, role,
                               gender=role_gender(words[i:j]), description=role), j
        return None

    def _edge_name(self, words: list[Word], i: int,
                   stop_at_verb: bool) -> tuple[Subject, int] | None:
        """A person named at the right edge of a role phrase that starts at ``words[i]``.

        The words before the name modify it: an organisation, a place or a party
        (“Northwind Power spokeswoman”, “Cruz supporter”, “State spokesman”), a title
        and its “of” phrase (“former secretary of state”), or a title the name itself
        carries (“Acme Corp. CEO Jane Foy”). The subject is the person, the phrase
        its description. A name after a preposition is its object (“a lawyer for Ana
        Ruiz”), and a phrase with no role word names no one ("Ohio State Ray Dunn").

        >>> from quotecheck import attribute
        >>> attribute("“Crews are out,” said Harborline Energy spokeswoman Mirela Kost."
        ...           ).quotes[0].speaker.name
        'Mirela Kost'
        """
        j = i
        role = False
        complement = -1  # the word after a title's "of"
        while j < len(words) and j - i < MAX_ROLE_PHRASE:
            word = words[j]
            found = self._name_at(words, j)
            if j > i and found is not None and not found[0].possessive and (
                    found[0].kind == "person" or found[0].kind == "unknown"
                    and words[j - 1].lower in _ROLE_WORDS) and (
                    words[j - 1].lower in _ROLE_WORDS or complement == j - 1
                    or found[0].title is not None and (words[j - 1].text[:1].isupper()
                                                       or words[j - 1].text == ".")
                    or role and words[j - 1].text[:1].isupper()
                    and words[j - 1].lower not in FUNCTION_WORDS):
                mention, k = found
                description = self.text[words[i].start:words[j - 1].end]
                return Subject("name", mention.start, mention.end, mention.text, mention,
                               gender=role_gender(words[i:j]), description=description), k
            if found is not None and found[0].kind != "description":
                j = found[1]  # a name as a modifier: "Cruz supporter", "Obama adviser"
                if j + 1 < len(words) and words[j].text == "." \
                        and words[j].start == words[j - 1].end:
                    j += 1  # an abbreviation's period: "Acme Corp. CEO Jane Foy"
                continue
            if stop_at_verb and is_cue(word) and j != complement and not (
                    word.lower in PERSON_NOUNS and j + 1 < len(words) and is_cue(words[j + 1])):
                return None
            if word.lower == "of" and j > i and words[j - 1].lower in _OF_TITLES \
                    and j + 1 < len(words) and words[j + 1].lower not in DETERMINERS:
                j += 1  # "secretary of state", "Chief of Staff"
                complement = j
                continue
            if not (is_plain_noun(word) or word.lower in _ROLE_WORDS or (
                    word.text[:1].isupper() and word.text.isalpha()
                    and word.lower not in FUNCTION_WORDS and j > i or j == i
                    and word.text.istitle() and word.lower not in FUNCTION_WORDS)):
                return None
            role = role or word.lower in _ROLE_WORDS
            j += 1
        return None

    def _role_then_name(self, words: list[Word], i: int,
                        j: int) -> tuple[Subject, int] | None:
        """A person named at ``words[j]`` after the role ``words[i:j]``: "team member
        Rodaba Noori"; the subject is the name, the role its description."""
        found = self._name_at(words, j)
        if found is None or found[0].possessive or not (
                found[0].kind == "person"  # (a single word after a person noun: "the poet Syme")
                or (found[0].kind == "unknown" and words[j - 1].lower in PERSON_NOUNS)):
            return None
        if _object_of_phrase(words, j - 1, i):
            return None  # "a lawyer for Ana Ruiz" is the lawyer, not Ana Ruiz
        mention, k = found
        if all(w.lower in DETERMINERS for w in words[i:j]) or k < len(words) and (
                words[k].lower in PERSON_NOUNS or words[k].lower in GROUP_NOUNS):
            return None  # "one Acme Dayton employee": the name modifies the noun after it
        role = self.text[words[i].start:words[j - 1].end]
        return Subject("name", mention.start, mention.end, mention.text, mention,
                       description=role), k

    def _description_forward(self, words: list[Word], i: int,
                             stop_at_verb: bool) -> tuple[Subject, int] | None:
        """A description read forward from ``words[i]``, or the name it introduces."""
        j = i
        while j < len(words) and j - i < MAX_DESCRIPTION:
            if j > i:
                role_name = self._role_then_name(words, i, j)  # "Privacy activist Max Schrems"
                if role_name is not None:
                    return role_name
            if self._description_stops(words, i, j, stop_at_verb):
                break
            j += 1
        if j == i or (j - i == 1 and words[i].lower in DETERMINERS):
            return None
        phrase_end = self._phrase_after_head(words, j, stop_at_verb)
        if phrase_end > j:
            # "officials in Kyiv said", "said residents of the town": the head's phrase
            # belongs to the subject
            j = phrase_end
            description = self.text[words[i].start:words[j - 1].end]
            return Subject("description", words[i].start, words[j - 1].end, description,
                           gender=role_gender(words[i:j]), description=description), j
        description = self.text[words[i].start:words[j - 1].end]
        # a role before a name: "Republican leader Mitch McConnell"
        named = self._document_author(words, i, j, description) \
            or self._apposition_forward(words, j, description)
        if named is not None:
            return named
        return self._plain_description(words, i, j, description)

    @staticmethod
    def _description_stops(words: list[Word], i: int, j: int, stop_at_verb: bool) -> bool:
        """Whether ``words[j]`` ends a description that starts at ``words[i]``."""
        word = words[j]
        if word.text in STOP_PUNCT or word.text in CLAUSE_END:
            return True
        if j > i and stop_at_verb and is_cue(word) and not (
                word.lower in PERSON_NOUNS and j + 1 < len(words) and is_cue(words[j + 1])):
            return True  # ("one campaign volunteer told reporters": the noun, then the verb)
        if j > i and word.lower in ("who", "which", "that", "after", "before", "when",
                                    "as", "while", "in", "at", "on", "and", "but", "or",
                                    "with", "without", "into", "to", "by"):
            return True  # (“said my aunt with some impatience”)
        if j > i + 1 and is_adverb(word) and (
                j + 1 >= len(words) or words[j + 1].text in STOP_PUNCT
                or words[j + 1].text in CLAUSE_END):
            return True  # “…,” said another private loudly. (not “the Ruiz family said”)
        # “…,” his mother had replied
        return j > i and stop_at_verb and word.lower in TENSE_AUXILIARIES \
            and j + 1 < len(words) and is_cue(words[j + 1])

    def _document_author(self, words: list[Word], i: int, j: int,
                         description: str) -> tuple[Subject, int] | None:
        """The author a document in ``words[i:j]`` speaks for ("a statement from X")."""
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
        return None

    def _apposition_forward(self, words: list[Word], j: int,
                            description: str) -> tuple[Subject, int] | None:
        """The name in apposition after a description ending at ``words[j]``."""
        # an apposition: "the NATO secretary-general, Jens Stoltenberg"
        if j + 1 < len(words) and words[j].text == ",":
            found = self._name_at(words, j + 1)
            if found is not None and not found[0].possessive and found[0].kind != "organisation":
                mention, k = found
                subject = Subject("name", mention.start, mention.end, mention.text, mention,
                                  description=description)
                if k < len(words) and words[k].lower in PREPOSITIONS:
                    # "one analyst, Mira Patel of Velora Bank, told clients"
                    end = k
                    while end < len(words) and end - k < 6 and words[end].text != ",":
                        end += 1
                    if end < len(words) and words[end].text == ",":
                        k = end
                if k < len(words) and words[k].text == ",":
                    k += 1
                return subject, k
        return None

    def _plain_description(self, words: list[Word], i: int, j: int,
                           description: str) -> tuple[Subject, int] | None:
        """``words[i:j]`` as a group, an organisation by its name, or a description."""
        if words[i].lower in GROUP_NOUNS and (j == i + 1 or not any(
                w.lower in _NOT_IN_DESCRIPTION for w in words[i + 1:j])):
            # "officials", "residents of the town": a group with no determiner
            return Subject("description", words[i].start, words[j - 1].end, description,
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
                       mention=head, gender=role_gender(words[i:j]),
                       description=description), j

    @staticmethod
    def _phrase_after_head(words: list[Word], j: int, stop_at_verb: bool) -> int:
        """The index after a prepositional phrase at ``words[j]`` that follows a group or
        person noun (“officials | in Kyiv”), or ``j`` when there is none."""
        if not (0 < j < len(words) and words[j].lower in _PHRASE_PREPOSITIONS
                and (words[j - 1].lower in GROUP_NOUNS or words[j - 1].lower in PERSON_NOUNS)):
            return j
        m = j + 1
        while m < len(words) and m - j <= 4 and words[m].text.isalpha() \
                and not (stop_at_verb and is_cue(words[m])) \
                and words[m].lower not in ("who", "which", "that", "and", "but", "or"):
            m += 1
        if m == j + 1 or (stop_at_verb and not (m < len(words) and is_cue(words[m]))):
            return j  # "officials in Kyiv said": a verb must follow the phrase
        if words[j].lower not in ("of", "for") and not any(
                w.text[:1].isupper() for w in words[j + 1:m]):
            return j  # "in Kyiv" is where they are; "in a low voice" is how he said it
        return m

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
        if k >= lo and words[k].lower not in PREPOSITIONS and _object_of_phrase(words, k, lo):
            return None  # "the widow of slain soldier Tom Brill said": the widow speaks
        return mention

    def _organisation_of(self, words: list[Word], j: int, lo: int) -> Subject | None:
        """An organisation whose name holds a lower-case "of", ending at ``words[j]``:
        "The Department of Agriculture said", "the Bank of England warned" (the name
        after "of" belongs to the organisation's, it is not an object).

        >>> from quotecheck.pipeline import analyse
        >>> ctx = analyse("The Department of Agriculture said prices were “the worst in years.”")
        >>> ctx.cues[0][0].subject.text
        'The Department of Agriculture'
        """
        mention = self.analysis.mention_ending_at(words[j].end)
        if mention is None or mention.possessive or mention.kind == "person":
            return None
        k = bisect_left([w.start for w in words], mention.start)
        if k - 2 < lo or words[k - 1].text != "of":
            return None
        head = self.analysis.mention_ending_at(words[k - 2].end)
        if head is None or head.kind != "organisation" or head.possessive:
            return None
        h = bisect_left([w.start for w in words], head.start)
        if h > lo and words[h - 1].lower == "the":
            h -= 1
        if h > lo and words[h - 1].text not in (",", ";", "—", "–") \
                and words[h - 1].text not in CLAUSE_END:
            return None  # (it must open its clause: not "a spokesman for the Department of …")
        text = self.text[words[h].start:mention.end]
        return Subject("description", words[h].start, mention.end, text, description=text)

    def backward(self, words: list[Word], v: int, lo: int) -> Subject | None:
        """Read the subject that ends right before ``words[v]`` (not before index ``lo``)."""
        j = self._subject_end(words, v, lo)
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
        organisation = self._organisation_of(words, j, lo)
        if organisation is not None:
            return organisation
        if word.text in (",", "—", "–"):
            return self._apposition_backward(words, j, lo)
        if is_plain_noun(word) or word.lower in GROUP_NOUNS:
            described = self._description_backward(words, j, lo)
            if described is not None:
                return described
        return self._head_with_phrase(words, j, lo) or self._before_relative(words, j, lo)

    @staticmethod
    def _subject_end(words: list[Word], v: int, lo: int) -> int:
        """The index of the subject's last word before ``words[v]``: adverbs and a
        parenthesis ("(R-Ohio)") skipped."""
        j = v - 1
        skipped = 0
        while j >= lo and skipped < 3 and (is_adverb(words[j]) or words[j].lower == "not"):
            j -= 1
            skipped += 1
        j = _before_weekday(words, j, lo)
        if j >= lo and words[j].text == ")":
            # "Sen. Rob Portman (R-Ohio) said": a parenthesis after the subject
            k = j - 1
            while k >= lo and j - k < 10 and words[k].text != "(":
                k -= 1
            if k > lo and words[k].text == "(":
                j = k - 1
        return j

    def _description_backward(self, words: list[Word], j: int, lo: int) -> Subject | None:
        """A description whose head noun is ``words[j]``, read back to its first word."""
        word = words[j]
        # a description: "a State Department spokeswoman said", "Officials said"
        headed = self._head_with_phrase(words, j, lo)  # "Residents of the town said"
        if headed is not None:
            return headed
        k = self._description_start(words, j, lo)
        possessor = k > lo and words[k - 1].lower.endswith(("’s", "'s")) \
            and words[k - 1].text[:1].isupper()
        if possessor and words[k].lower not in DETERMINERS:
            # "Ana Ruiz’s lawyer said": a possessive name opens the description
            first = k - 1
            while first > lo and words[first - 1].text[:1].isupper() \
                    and words[first - 1].text.isalpha():
                first -= 1
            text = self.text[words[first].start:word.end]
            return Subject("description", words[first].start, word.end, text,
                           gender=role_gender(words[k:j + 1]), description=text)
        if words[k].lower in DETERMINERS and words[k].lower not in ("that", "this") or (
                word.lower in GROUP_NOUNS and k in (j, lo)):  # "County officials"
            text = self.text[words[k].start:word.end]
            if word.lower in DOCUMENT_NOUNS and k - 1 > lo \
                    and words[k - 1].lower in _ISSUING_VERBS:
                # "His office issued a statement saying …": the issuer speaks
                author = self.backward(words, k - 1, lo)
                if author is not None:
                    return author
            return Subject("description", words[k].start, word.end, text,
                           gender=role_gender(words[k:j + 1]), description=text)
        return None

    @staticmethod
    def _description_start(words: list[Word], j: int, lo: int) -> int:
        """The index of the first word of a description whose head is ``words[j]``."""
        k = j
        while k > lo and j - k < MAX_DESCRIPTION and words[k].lower not in DETERMINERS:
            previous = words[k - 1]
            if previous.text in CLAUSE_END or previous.text in STOP_PUNCT or (
                    previous.lower in _NOT_IN_DESCRIPTION) or (
                    previous.text[:1].isupper() and previous.lower.endswith(("’s", "'s"))):
                break  # (a possessive name opens the description: read below)
            k -= 1
        # "The leader of the rail union": a noun phrase with an "of" after its head
        while words[k].lower in DETERMINERS and k - 2 > lo and words[k - 1].lower == "of" \
                and is_plain_noun(words[k - 2]):
            m = k - 2
            while m > lo and k - m < MAX_DESCRIPTION and words[m].lower not in DETERMINERS \
                    and (is_plain_noun(words[m - 1]) or words[m - 1].lower in DETERMINERS):
                m -= 1
            if words[m].lower not in DETERMINERS:
                break
            k = m
        return k

    def _before_relative(self, words: list[Word], j: int, lo: int) -> Subject | None:
        """A subject with a relative clause and no commas: "a volunteer who asked not to
        be named said" → a volunteer."""
        for k in range(j, max(lo, j - 10), -1):
            word = words[k]
            if word.text in STOP_PUNCT or word.text in CLAUSE_END:
                return None
            if word.lower == "who" and k > lo:
                subject = self.backward(words, k, lo)
                if subject is not None and subject.kind != "pronoun":
                    return subject
                return None
        return None

    def _head_with_phrase(self, words: list[Word], j: int, lo: int) -> Subject | None:
        """“Officials in Kyiv said”, “Residents of the town said”: a group or person noun
        with a prepositional phrase after it is the subject, not the phrase's object."""
        k = j
        while k > lo and j - k < 5 and words[k].lower not in _PHRASE_PREPOSITIONS:
            if words[k].text in CLAUSE_END or words[k].text in STOP_PUNCT:
                return None
            k -= 1
        head = k - 1
        if k == j or head < lo or words[k].lower not in _PHRASE_PREPOSITIONS or not (
                words[head].lower in GROUP_NOUNS or words[head].lower in PERSON_NOUNS
                or words[head].lower in DOCUMENT_NOUNS):
            return None  # ("the notice on the gate said": the notice, not the gate)
        first = head
        while first > lo and head - first < 3 and words[first - 1].lower not in DETERMINERS \
                and words[first - 1].text.isalpha() and words[first - 1].text.islower() \
                and words[first - 1].lower not in FUNCTION_WORDS \
                and words[first - 1].lower not in CUE_VERBS:
            first -= 1  # "local officials", "state police"
        if first > lo and words[first - 1].lower in DETERMINERS:
            first -= 1
        opens = first == lo or words[first - 1].text in CLAUSE_END \
            or words[first - 1].text in STOP_PUNCT
        if not (opens or words[first].lower in DETERMINERS):
            return None
        text = self.text[words[first].start:words[j].end]
        return Subject("description", words[first].start, words[j].end, text,
                       gender=role_gender(words[first:head + 1]), description=text)

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
                role = first
                while role > lo and first - role < 3 and is_plain_noun(words[role - 1]) \
                        and named.kind == "person":
                    role -= 1  # ", retired teacher Walter Briggs,"
                if role > lo and words[role - 1].text == "," and (
                        role == first or words[first - 1].lower in PERSON_NOUNS):
                    return Subject("name", named.start, named.end, named.text, named)
        # "Aaltonen's co-author, Professor James Whitcombe of Imperial College London,
        # cautioned": the segment is a name with a phrase of affiliation after it
        k = j - 1
        while k > lo and j - k < 16 and words[k].text not in (",", ";", ":", "(", "—"):
            k -= 1
        if k >= lo and words[k].text == "," and k + 1 < j:
            named = self.analysis.mention_at(words[k + 1].start)
            if named is not None and named.kind == "person" and not named.possessive:
                after = next((m for m in range(k + 1, j) if words[m].start >= named.end), j)
                if after < j and words[after].lower in ("of", "at", "from", "with"):
                    return Subject("name", named.start, named.end, named.text, named)
        k = j
        for _ in range(3):
            k -= 1
            while k >= lo and j - k < 40 and words[k].text not in (",", ";", ":", "(", "—"):
                k -= 1
            if k <= lo or words[k].text not in (",", "—", "–") or (
                    words[k].text != "," and words[j].text != words[k].text):
                break  # (a clause between dashes: "Ruiz — who led the party — said")
            mention = self._subject_name(words, k - 1, lo)
            if mention is not None:
                inner = self.text[words[k + 1].start:words[j - 1].end] if k + 1 < j else None
                subject = Subject("name", mention.start, mention.end, mention.text, mention,
                                  description=inner)
                if mention.kind in ("person", "unknown"):
                    return subject  # a person, or a single name: "Milail, the head of …,"
                fallback = fallback or subject
            elif fallback is None and k + 1 < j and (
                    words[k + 1].lower in _RELATIVES or words[k + 1].lower.endswith("ing")):
                # "Residents of the lower town, where the damage was worst, said": a
                # relative or participle clause set off by commas; the subject is before it
                described = self.backward(words, k, lo)
                if described is not None and described.kind == "description":
                    return described
        return fallback
