"""Words of reported (indirect) speech that are not reporting verbs of quotations.

Data only. ``FINDING_VERBS`` are what a document or a poll does with its content
(“the report found that …”, “a poll showed …”); ``BELIEF_VERBS`` attribute a belief
or an intention to a source (“officials believe …”, “the senator wants …”), a class
of lower confidence, as are ``STANCE_VERBS`` (“the union rejected the offer”).
``CONTENT_OPENERS`` may stand between a reporting verb and what was said (“said that …”,
“told reporters how …”). ``PREPOSITIONAL_CUES`` are verbs of communication that take
what was said after a preposition (“called for a recount”, “warned of delays”, “spoke
about the strike”).
"""

# fmt: off
FINDING_VERBS: frozenset[str] = frozenset({
    "concluded",
    "concludes",
    "find",
    "finds",
    "found",
    "indicate",
    "indicated",
    "indicates",
    "show",
    "showed",
    "shown",
    "shows",
    "suggest",
    "suggested",
    "suggests",
})

BELIEF_VERBS: frozenset[str] = frozenset({
    "believe",
    "believed",
    "believes",
    "expect",
    "expected",
    "expects",
    "fear",
    "feared",
    "fears",
    "feel",
    "feels",
    "felt",
    "hope",
    "hoped",
    "hopes",
    "knew",
    "know",
    "knows",
    "think",
    "thinks",
    "thought",
    "want",
    "wanted",
    "wants",
})

# Verbs of a stance taken on something (“the senator endorsed the governor”, “the
# union rejected the offer”): what is supported or opposed is the content, however
# short; of lower confidence, read as beliefs are.
STANCE_VERBS: frozenset[str] = frozenset({
    "backed",
    "backing",
    "backs",
    "cite",
    "cited",
    "cites",
    "citing",
    "defend",
    "defended",
    "defending",
    "defends",
    "endorse",
    "endorsed",
    "endorses",
    "endorsing",
    "oppose",
    "opposed",
    "opposes",
    "opposing",
    "reject",
    "rejected",
    "rejecting",
    "rejects",
    "seek",
    "seeking",
    "seeks",
    "sought",
    "supported",
    "supporting",
    "supports",
})

# What a finding verb's subject may be besides a document: "a poll showed …".
POLL_NOUNS: frozenset[str] = frozenset({
    "analysis",
    "audit",
    "data",
    "estimates",
    "figures",
    "investigation",
    "poll",
    "polls",
    "records",
    "research",
    "review",
    "statistics",
    "studies",
    "study",
    "survey",
    "surveys",
})

CONTENT_OPENERS: frozenset[str] = frozenset({
    "how",
    "that",
    "what",
    "whether",
    "why",
})

# "verb preposition", one pair per line: verbs of communication (asking, urging,
# warning, talking) whose content is the object of their preposition.
PREPOSITIONAL_CUES: frozenset[str] = frozenset({
    "appealed for",
    "appeals for",
    "argue for",
    "argued for",
    "argues for",
    "arguing for",
    "call for",
    "call on",
    "called for",
    "called on",
    "calling for",
    "calling on",
    "calls for",
    "calls on",
    "complain about",
    "complained about",
    "complaining about",
    "complains about",
    "press for",
    "pressed for",
    "presses for",
    "pressing for",
    "push for",
    "pushed for",
    "pushes for",
    "pushing for",
    "speak about",
    "speaking about",
    "speaks about",
    "spoke about",
    "talk about",
    "talked about",
    "talking about",
    "talks about",
    "warn against",
    "warn of",
    "warned against",
    "warned of",
    "warning against",
    "warning of",
    "warns against",
    "warns of",
})

# fmt: on
