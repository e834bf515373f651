"""Honorifics that come before a name, with the gender they mark.

Data only. Entries are written as they appear, with their period where English
news uses one; ``patterns`` accepts both ``Mr.`` and ``Mr``.
"""

# fmt: off
MALE_HONORIFICS: frozenset[str] = frozenset({
    "Herr",
    "Lord",
    "M.",        # French Monsieur
    "Master",
    "Messrs.",   # plural of Mr.
    "Mister",
    "Monsieur",
    "Mr",
    "Mr.",
    "Señor",
    "Signor",
    "Sir",
    "Sr.",       # Spanish Señor; also "senior" after a name, see abbreviations
})
FEMALE_HONORIFICS: frozenset[str] = frozenset({
    "Dame",
    "Frau",
    "Fräulein",
    "Lady",
    "Madam",
    "Madame",
    "Mademoiselle",
    "Miss",
    "Mistress",
    "Mlle.",
    "Mme.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Señora",
    "Signora",
    "Signorina",
    "Sra.",
})
NEUTRAL_HONORIFICS: frozenset[str] = frozenset({
    "Dr",
    "Dr.",
    "Mx",
    "Mx.",
    "Prof",
    "Prof.",
    "Rev.",
    "Revd",
})
# fmt: on

HONORIFICS: frozenset[str] = MALE_HONORIFICS | FEMALE_HONORIFICS | NEUTRAL_HONORIFICS
