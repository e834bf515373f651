"""The copy-desk check codes: code → (severity, name, title).

Data only. A code never changes meaning once published: retire it instead of
reusing it. The hundreds digit groups codes by the check that emits them (``QC1``
marks, ``QC2`` attribution present and named, ``QC3`` attribution ambiguous, ``QC4`` first
references, ``QC5`` name consistency, ``QC6`` quotation style, ``QC7`` punctuation,
``QC8`` paragraph shape). Severity is ``error`` (fix before publication),
``warning`` (look at it) or ``info`` (house-style note).
"""

# fmt: off
CHECK_CODES: dict[str, tuple[str, str, str]] = {
    "QC101": ("error", "unclosed-quote", "quotation mark opened and never closed"),
    "QC102": ("error", "unopened-quote", "closing quotation mark with nothing to close"),
    "QC103": ("info", "ambiguous-mark", "straight mark that neither quotes nor elides"),
    "QC201": ("warning", "unattributed-quote", "quotation with no attribution"),
    "QC202": ("warning", "vague-attribution", "claim credited to no one or to a vague source"),
    "QC301": ("warning", "uncertain-attribution", "attribution the engine is unsure of"),
    "QC302": ("warning", "ambiguous-attribution", "attribution that fits more than one person"),
    "QC303": ("warning", "two-speakers-one-sentence", "two speakers quoted in one sentence"),
    "QC304": ("warning", "joint-attribution", "one quotation credited to two people"),
    "QC401": ("warning", "short-name-first", "surname or honorific before the full name"),
    "QC402": ("warning", "no-full-name", "person never named in full"),
    "QC501": ("error", "name-spelling", "one person's name spelled two ways"),
    "QC502": ("warning", "honorific-mismatch", "one person given honorifics of both genders"),
    "QC601": ("warning", "mixed-quote-marks", "straight and curly quotation marks mixed"),
    "QC602": ("warning", "nested-same-marks", "nested quotation in the same marks as its outer"),
    "QC603": ("info", "mixed-apostrophes", "straight and curly apostrophes mixed"),
    "QC701": ("warning", "punctuation-outside", "comma or period outside the closing mark"),
    "QC702": ("warning", "punctuation-inside", "comma or period inside a quoted fragment"),
    "QC801": ("warning", "late-attribution", "new speaker named only after a long quotation"),
}
# fmt: on

# Honorifics that go before a given name or a peerage title (Sir Keir, Lady Cassandra,
# Lord Henry), not before a surname: the first-reference and honorific checks skip them.
# Lower-cased, without a period.
# fmt: off
GIVEN_NAME_HONORIFICS: frozenset[str] = frozenset({
    "dame",
    "lady",
    "lord",
    "master",
    "sir",
})
# fmt: on

# Quotation marks for the suggested fixes of QC601 (one style of marks) and QC602
# (nested quotations). A straight mark's curly opener and closer:
# fmt: off
CURLY_PAIRS: dict[str, tuple[str, str]] = {
    '"': ("\u201c", "\u201d"),   # “ ”
    "'": ("\u2018", "\u2019"),   # ‘ ’
}
# A curly mark's straight form:
STRAIGHT_MARKS: dict[str, str] = {
    "\u201c": '"',
    "\u201d": '"',
    "\u2018": "'",
    "\u2019": "'",
}
# The mark a nested quotation takes when it repeats its outer quotation's kind:
NESTED_MARKS: dict[str, str] = {
    '"': "'",
    "'": '"',
    "\u201c": "\u2018",
    "\u201d": "\u2019",
    "\u2018": "\u201c",
    "\u2019": "\u201d",
}
# fmt: on

# Words that leave the source of a reported claim unnamed (QC202): "officials said …",
# "…, sources say", "according to people familiar with the talks". Lower-cased; a
# description with one of them before its first preposition is a vague source.
# fmt: off
VAGUE_SOURCES: frozenset[str] = frozenset({
    "analysts",
    "critics",
    "experts",
    "insiders",
    "many",
    "observers",
    "official",
    "officials",
    "others",
    "people",
    "person",
    "some",
    "someone",
    "source",
    "sources",
})
# fmt: on

# Reporting verbs of an impersonal passive, which credits a claim to no one (QC202):
# "it is understood that …", "…, it was reported", "the minister is said to …".
# fmt: off
IMPERSONAL_VERBS: tuple[str, ...] = (
    "alleged",
    "believed",
    "claimed",
    "reported",
    "rumored",
    "rumoured",
    "said",
    "thought",
    "understood",
)
# "X is said to …": "reported to" is left out, as in "was reported to the police".
IMPERSONAL_TO_VERBS: tuple[str, ...] = (
    "alleged",
    "believed",
    "rumored",
    "rumoured",
    "said",
    "thought",
    "understood",
)
# fmt: on
