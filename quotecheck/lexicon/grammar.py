"""Closed-class words the cue patterns read around a reporting verb.

Data only, lower-cased.
"""

# Words that open a description: "the NATO secretary-general", "a spokeswoman".
# fmt: off
DETERMINERS: frozenset[str] = frozenset({
    "a",
    "an",
    "another",
    "her",
    "his",
    "its",
    "one",
    "our",
    "that",
    "the",
    "their",
    "these",
    "this",
    "those",
})
# fmt: on

# Auxiliaries and negation between a subject and its reporting verb: "has warned".
# fmt: off
AUXILIARIES: frozenset[str] = frozenset({
    "'d",
    "again",
    "already",
    "also",
    "earlier",
    "had",
    "has",
    "have",
    "is",
    "just",
    "later",
    "now",
    "often",
    "once",
    "previously",
    "repeatedly",
    "then",
    "was",
    "were",
    "will",
    "would",
    "’d",
})
# fmt: on

# Auxiliaries between a subject and its reporting verb: "his mother had replied",
# "she would say".
# fmt: off
TENSE_AUXILIARIES: frozenset[str] = frozenset({
    "'d",
    "could",
    "did",
    "do",
    "does",
    "had",
    "has",
    "have",
    "might",
    "must",
    "was",
    "were",
    "will",
    "would",
    "’d",
})
# fmt: on

# Lower-case particles inside a name: "Ludwig van Beethoven", "Bashar al-Assad".
# fmt: off
NAME_CONNECTORS: tuple[str, ...] = (
    "al",
    "bin",
    "da",
    "das",
    "de",
    "del",
    "della",
    "der",
    "di",
    "dos",
    "du",
    "ibn",
    "la",
    "le",
    "van",
    "von",
)
# fmt: on

# Tokens after a surname that are not the surname: "Martin Luther King Jr.", "QC".
# fmt: off
NAME_SUFFIXES: frozenset[str] = frozenset({
    "cbe",
    "esq",
    "ii",
    "iii",
    "iv",
    "jr",
    "kc",
    "mbe",
    "md",
    "mep",
    "mla",
    "mp",
    "msp",
    "obe",
    "phd",
    "qc",
    "sr",
})
# fmt: on

# Words that go with a title before a name and are not the name:
# "Prime Minister Rishi Sunak", "Shadow Home Secretary Yvette Cooper".
# fmt: off
TITLE_MODIFIERS: frozenset[str] = frozenset({
    "acting",
    "assistant",
    "associate",
    "attorney",
    "chief",
    "crown",
    "defence",
    "defense",
    "deputy",
    "executive",
    "finance",
    "first",
    "foreign",
    "former",
    "general",
    "high",
    "home",
    "interior",
    "lord",
    "majority",
    "minority",
    "press",
    "prime",
    "senior",
    "shadow",
    "state",
    "supreme",
    "vice",
})
# fmt: on

# Title modifiers that make another role, not a kind of the same one: a vice president
# is no president, while a finance minister is a minister ("the minister").
# fmt: off
RANK_MODIFIERS: frozenset[str] = frozenset({
    "acting",
    "assistant",
    "associate",
    "attorney",  # an attorney general is no general
    "deputy",
    "lieutenant",  # a lieutenant governor is no governor
    "shadow",
    "under",
    "vice",
})
# fmt: on

# Prepositions: a name right after one is an object, not a subject ("seen by Sky
# News says"), and a noun right after one is not a verb ("secretary of state").
# fmt: off
PREPOSITIONS: frozenset[str] = frozenset({
    "about",
    "after",
    "against",
    "at",
    "before",
    "by",
    "for",
    "from",
    "in",
    "into",
    "of",
    "on",
    "over",
    "to",
    "toward",
    "towards",
    "under",
    "with",
    "without",
})
# fmt: on

# Words after which "a …" is said of someone rather than someone new: "he was a quiet
# boy", "as a child", "like a man".
# fmt: off
PREDICATE_WORDS: frozenset[str] = frozenset({
    "am",
    "are",
    "as",
    "be",
    "became",
    "become",
    "becomes",
    "been",
    "being",
    "is",
    "like",
    "remained",
    "seemed",
    "seems",
    "was",
    "were",
})
# fmt: on

# Words before a naming participle that make it passive, said by no one: "is known as
# “…”", "often described as “…”" (an adverb in -ly does the same: "popularly").
# fmt: off
PASSIVE_MARKERS: frozenset[str] = frozenset({
    "also",
    "are",
    "be",
    "been",
    "being",
    "is",
    "often",
    "sometimes",
    "was",
    "were",
})
# fmt: on
