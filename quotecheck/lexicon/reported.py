"""Words of reported (indirect) speech that are not reporting verbs of quotations.

Data only. ``FINDING_VERBS`` are what a document or a poll does with its content
(“the report found that …”, “a poll showed …”); ``BELIEF_VERBS`` attribute a belief
or an intention to a source (“officials believe …”, “the senator wants …”), a class
of lower confidence. ``CONTENT_OPENERS`` may stand between a reporting verb and what
was said (“said that …”, “told reporters how …”).
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

# What a finding verb's subject may be besides a document: "a poll showed …".
POLL_NOUNS: frozenset[str] = frozenset({
    "analysis",
    "audit",
    "data",
    "figures",
    "investigation",
    "poll",
    "polls",
    "research",
    "review",
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

# fmt: on
