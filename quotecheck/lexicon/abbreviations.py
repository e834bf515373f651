"""Abbreviations whose period does not end a sentence.

Data only, lower-cased without the final period. ``NEVER_FINAL`` abbreviations come
before something (a name, a number) and never end a sentence; ``MAYBE_FINAL`` ones
can end it ("… Apple Inc. The company …"), and end it when the next word is a
capitalised function word.
"""

# fmt: off
NEVER_FINAL: frozenset[str] = frozenset({
    "adm",
    "apr",
    "aug",
    "brig",
    "capt",
    "cf",
    "cmdr",
    "col",
    "cpl",
    "dec",
    "del",
    "det",
    "dr",
    "e.g",
    "feb",
    "fr",
    "gen",
    "gov",
    "hon",
    "i.e",
    "insp",
    "jan",
    "jul",
    "jun",
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
    "nov",
    "oct",
    "pres",
    "prof",
    "rep",
    "rev",
    "sen",
    "sep",
    "sept",
    "sgt",
    "sra",
    "supt",
    "vs",
})
MAYBE_FINAL: frozenset[str] = frozenset({
    "a.m",
    "bros",
    "co",
    "corp",
    "etc",
    "inc",
    "jr",
    "ltd",
    "p.m",
    "plc",
    "sr",
    "st",       # Saint before a name (St. Louis), Street at a sentence end (Downing St.)
})
# fmt: on
