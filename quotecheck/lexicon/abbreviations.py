"""Abbreviations whose period does not end a sentence.

Data only, lower-cased without the final period. ``NEVER_FINAL`` abbreviations come
before something (a name, a number) and never end a sentence; ``MAYBE_FINAL`` ones
can end it ("… Apple Inc. The company …"), and end it when the next word is a
capitalised function word.
"""

# fmt: off
NEVER_FINAL: frozenset[str] = frozenset({
    "adm",
    "brig",
    "capt",
    "cf",
    "cmdr",
    "col",
    "cpl",
    "del",
    "det",
    "dr",
    "e.g",
    "fr",
    "gen",
    "gov",
    "hon",
    "i.e",
    "insp",
    "lt",
    "m",
    "maj",
    "messrs",
    "mlle",
    "mme",
    "mr",
    "mrs",
    "ms",
    "mt",
    "mx",
    "no",
    "nos",
    "pres",
    "prof",
    "rep",
    "rev",
    "sen",
    "sgt",
    "sra",
    "supt",
    "vs",
})
MAYBE_FINAL: frozenset[str] = frozenset({
    "a.m",
    "apr",
    "aug",
    "bros",
    "co",
    "corp",
    "dec",
    "etc",
    "feb",
    "inc",
    "jan",        # months end a sentence before The, stay before a date
    "jr",
    "jul",
    "jun",
    "ltd",
    "nov",
    "oct",
    "p.m",
    "plc",
    "sep",
    "sept",
    "sr",
    "st",       # Saint before a name (St. Louis), Street at a sentence end (Downing St.)
})
# fmt: on
