"""Reporting cues: verbs in every surface form, phrase cues and naming cues.

Data, and the tables of verb forms built from the verb records of
``quotecheck.lexicon.verbs`` (one line per lemma: its forms and its facts), so adding
a cue verb is one line there.
"""

from . import verbs as _verbs


def _build_forms(fact: str) -> frozenset[str]:
    """Every form of the verb records that ``fact`` holds for (``"cue"``: CUE_VERBS)."""
    return _verbs.forms_with(_verbs.VERBS, fact)


CUE_VERBS: frozenset[str] = _build_forms("cue")

# Forms that are often not about speech ("she returned home", "he continued to work",
# "the report called for"): they count as cues only when they touch the quotation.
WEAK_CUE_VERBS: frozenset[str] = _build_forms("weak")

# Verbs that introduce the speaker's *addressee* as their object: "told Reuters",
# "told reporters", "asked the court", "informed the committee".
ADDRESSEE_VERBS: frozenset[str] = _build_forms("addressee")

# Verbs whose noun phrase after them is the hearer, never the speaker: in "…, telling
# Reuters, “…”" Reuters hears.
TELLING_VERBS: frozenset[str] = _build_forms("telling")

# Forms that continue a speaker's words in a participle clause: "…," she said,
# adding: "…"  /  Mr. X said, adding that "…".
CONTINUING_CUES: frozenset[str] = _build_forms("continuing")

# Phrases that attribute by source rather than by verb; the source follows:
# “…,” according to Mr. X / in the words of the prosecutor, Mark Tedeschi, “…”.
# Longest first, so the longest phrase that fits is read.
# fmt: off
SOURCE_PHRASES: tuple[str, ...] = (
    "in the words of",
    "as reported by",
    "according to",
    "quoting",
)
# fmt: on

# Verbs of a reply: whoever replies is not the one who spoke last (“…?” she asked. /
# “…,” he replied: not her).
REPLY_CUES: frozenset[str] = _build_forms("reply")

# Nouns of something said: “Tom Berg's claim that the plan was “a fantasy”” quotes
# Tom Berg, whoever rejects the claim.
# fmt: off
SPEECH_NOUNS: frozenset[str] = frozenset({
    "accusation",
    "admission",
    "argument",
    "assertion",
    "boast",
    "claim",
    "comment",
    "comments",
    "complaint",
    "declaration",
    "demand",
    "description",
    "insistence",
    "pledge",
    "prediction",
    "promise",
    "remark",
    "remarks",
    "statement",
    "suggestion",
    "vow",
    "warning",
})
# fmt: on

# Nouns of an opinion or an account: “in her view”, “in his words”, “in their telling”.
# fmt: off
VIEW_NOUNS: frozenset[str] = frozenset({
    "account",
    "estimation",
    "judgement",
    "judgment",
    "opinion",
    "telling",
    "view",
    "words",
})
# fmt: on

# Verbs that report speech only with their particle: “…,” she pointed out / “…,”
# broke in a tall young woman. Verb form → particle.
# fmt: off
PARTICLE_CUES: dict[str, str] = {
    "broke": "in",
    "chimed": "in",
    "cut": "in",
    "fired": "back",
    "fires": "back",
    "hit": "back",
    "hits": "back",
    "piped": "up",
    "pointed": "out",
    "put": "in",
    "shot": "back",
    "shoots": "back",
    "spoke": "up",
    "summed": "up",
    "went": "on",
}
# fmt: on

# Verbs that communicate or evaluate only with their particle, for a partial quotation
# in their clause ("Ruiz waved off the delay as “minor”", "Berg lashed out at the
# “sham” vote"): "verb particle", one pair per line.
# fmt: off
PARTIAL_PARTICLE_VERBS: frozenset[str] = frozenset({
    "brushed aside",
    "brushed off",
    "brushes aside",
    "brushes off",
    "brushing off",
    "lashed out",
    "lashes out",
    "lashing out",
    "laughed off",
    "laughs off",
    "played down",
    "played up",
    "playing down",
    "playing up",
    "plays down",
    "plays up",
    "shrugged off",
    "shrugs off",
    "waved off",
    "waves off",
    "waving off",
})
# fmt: on

# Words right before a quotation that make it a name or a term, not speech:
# a robot named “Robogee”, a print called “Cowboys and Indians”, so-called “experts”.
# fmt: off
NAMING_CUES: frozenset[str] = frozenset({
    "branded",
    "called",
    "christened",
    "dubbed",
    "entitled",
    "labeled",
    "labelled",
    "named",
    "nicknamed",
    "so-called",
    "termed",
    "titled",
})
# fmt: on

# Nouns that, after a naming preposition, make the quotation a term: "the word “x”",
# "the phrase “y”", "a sign reading “z”".
# fmt: off
TERM_NOUNS: frozenset[str] = frozenset({
    "book",
    "campaign",
    "exhibit",
    "exhibition",
    "expression",
    "film",
    "headline",
    "label",
    "motto",
    "movie",
    "name",
    "nickname",
    "phrase",
    "program",
    "programme",
    "show",
    "sign",
    "slogan",
    "song",
    "term",
    "title",
    "word",
    "words",
})
# fmt: on

# Things that carry words and speak for nobody: “A banner over the stage reads “…””, “a
# placard reading “…””. Their words are a term, not speech (``INSCRIPTION_VERBS``).
# fmt: off
INSCRIPTION_NOUNS: frozenset[str] = frozenset({
    "banner",
    "banners",
    "billboard",
    "billboards",
    "caption",
    "graffiti",
    "gravestone",
    "headline",
    "headstone",
    "inscription",
    "label",
    "mural",
    "notice",
    "placard",
    "placards",
    "plaque",
    "poster",
    "posters",
    "shirt",
    "shirts",
    "sign",
    "signs",
    "sticker",
    "stickers",
    "t-shirt",
    "t-shirts",
    "tattoo",
})
INSCRIPTION_VERBS: frozenset[str] = frozenset({
    "bearing",
    "bears",
    "bore",
    "declared",
    "declares",
    "declaring",
    "proclaimed",
    "proclaiming",
    "proclaims",
    "read",
    "reading",
    "reads",
    "said",
    "saying",
    "says",
    "warned",
    "warning",
    "warns",
})
# fmt: on

# Participles that name something when passive: "popularly described as “…”".
# fmt: off
PASSIVE_NAMING_VERBS: frozenset[str] = frozenset({
    "billed",
    "branded",
    "described",
    "dubbed",
    "known",
    "labeled",
    "labelled",
    "referred",
})
# fmt: on

# Words that announce the words to follow and make the verb before them a cue: "as
# follows:", "thus:", "in these words:".
# fmt: off
ANNOUNCING_WORDS: frozenset[str] = frozenset({
    "follows",
    "thus",
    "words",
})
# fmt: on

# Nouns for a label that a colon then gives: “earned it a nickname: “the Harp.””.
# fmt: off
LABEL_NOUNS: frozenset[str] = frozenset({
    "motto",
    "nickname",
    "nicknames",
    "slogan",
    "title",
})
# fmt: on

# Documents that speak for their author: "according to a statement from the
# ministry" names the ministry.
# fmt: off
DOCUMENT_NOUNS: frozenset[str] = frozenset({
    "ad",
    "affidavit",
    "analysis",
    "announcement",
    "article",
    "audit",
    "banner",
    "book",
    "caption",
    "complaint",
    "document",
    "editorial",
    "email",
    "filing",
    "headline",
    "indictment",
    "label",
    "lawsuit",
    "letter",
    "memo",
    "message",
    "note",
    "notice",
    "placard",
    "plaque",
    "poll",
    "post",
    "poster",
    "release",
    "report",
    "ruling",
    "sign",
    "statement",
    "study",
    "survey",
    "transcript",
    "tweet",
    "website",
})
# fmt: on

# Verbs that communicate or evaluate without introducing speech of their own: a partial
# quotation in their clause is the subject's words ("Ruiz slammed the plan as a
# “fiasco”", "Berg talked up his “jobs agenda”"). Cue verbs are not repeated here; only
# forms that are seldom nouns (not "attack", "voice", "pan").
PARTIAL_CUE_VERBS: frozenset[str] = _build_forms("evaluates")

# Verbs with which a document speaks (a poll "found", a study "showed"): cues only when
# their subject is a document, a poll or a group.
# fmt: off
FINDING_VERBS: frozenset[str] = frozenset({
    "find",
    "finding",
    "finds",
    "found",
    "showed",
    "shows",
})
# fmt: on

# Words before a title-case quotation that make it a title: appeared on “Meet the
# Press”, told CNN’s “State of the Union”.
# fmt: off
TITLE_LEAD_WORDS: frozenset[str] = frozenset({
    "at",
    "in",
    "on",
    "read",
    "reading",
    "saw",
    "see",
    "starring",
    "told",
    "watch",
    "watched",
    "watching",
})
# fmt: on

# How speakers name themselves: “I am Doctor Marsh, the new vicar”, “My name is
# Ruiz”. The name that follows is the speaker's.
# fmt: off
SELF_NAMING: tuple[str, ...] = (
    "my name is",
    "i am",
    "i'm",
    "i’m",
)
# How a first-person narrator is named in the narration: “So, I called myself Pip”,
# “Call me Ishmael”, “my name was Esther Summerson”. (“I am …” in narration is as
# often a state, “I am Glad”, as a name, so it is not here.)
NARRATOR_NAMING: tuple[str, ...] = (
    "call me",
    "called me",
    "called myself",
    "i am called",
    "i am named",
    "i was called",
    "i was christened",
    "i was named",
    "my name being",
    "my name is",
    "my name was",
    "they call me",
)
# fmt: on

# Reporting verbs as a headline writes them, in the present and capitalised: “Ana Ruiz
# Says Plan ‘Dead On Arrival’”. Only these split a headline's capitalised run, so a
# name such as “United States” keeps its “States”.
HEADLINE_VERBS: frozenset[str] = _build_forms("headline")
