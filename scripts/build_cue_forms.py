"""Print a verb record for each reporting-verb lemma, for ``lexicon/verbs.py``.

The lexicon spells out each form as data (see STYLE.md), one record per lemma; this
script is how the forms were first written. Run it, review the output, and paste the
records you need into ``VERBS`` (facts after the forms: ``"cue"``, ``"cue weak"``, …).

    python scripts/build_cue_forms.py
"""

from __future__ import annotations

# lemma -> irregular forms (3sg, past, participle, gerund) where the rules fail
IRREGULAR = {
    "say": ("says", "said", "said", "saying"),
    "tell": ("tells", "told", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "begin": ("begins", "began", "begun", "beginning"),
    "read": ("reads", "read", "read", "reading"),
    "put": ("puts", "put", "put", "putting"),
    "rule": ("rules", "ruled", "ruled", "ruling"),
    "sum": ("sums", "summed", "summed", "summing"),
    "snap": ("snaps", "snapped", "snapped", "snapping"),
    "quip": ("quips", "quipped", "quipped", "quipping"),
    "sob": ("sobs", "sobbed", "sobbed", "sobbing"),
    "admit": ("admits", "admitted", "admitted", "admitting"),
    "confer": ("confers", "conferred", "conferred", "conferring"),
    "concur": ("concurs", "concurred", "concurred", "concurring"),
    "rebut": ("rebuts", "rebutted", "rebutted", "rebutting"),
    "chat": ("chats", "chatted", "chatted", "chatting"),
    "blog": ("blogs", "blogged", "blogged", "blogging"),
    "text": ("texts", "texted", "texted", "texting"),
    "plead": ("pleads", "pleaded", "pleaded", "pleading"),
    "forbid": ("forbids", "forbade", "forbidden", "forbidding"),
    "prefer": ("prefers", "preferred", "preferred", "preferring"),
    "testify": ("testifies", "testified", "testified", "testifying"),
    "stammer": ("stammers", "stammered", "stammered", "stammering"),
    "stutter": ("stutters", "stuttered", "stuttered", "stuttering"),
    "whisper": ("whispers", "whispered", "whispered", "whispering"),
    "mutter": ("mutters", "muttered", "muttered", "muttering"),
    "answer": ("answers", "answered", "answered", "answering"),
    "counter": ("counters", "countered", "countered", "countering"),
    "offer": ("offers", "offered", "offered", "offering"),
    "remember": ("remembers", "remembered", "remembered", "remembering"),
    "wonder": ("wonders", "wondered", "wondered", "wondering"),
    "bellow": ("bellows", "bellowed", "bellowed", "bellowing"),
    "holler": ("hollers", "hollered", "hollered", "hollering"),
    "chatter": ("chatters", "chattered", "chattered", "chattering"),
    "gibber": ("gibbers", "gibbered", "gibbered", "gibbering"),
    "murmur": ("murmurs", "murmured", "murmured", "murmuring"),
    "post": ("posts", "posted", "posted", "posting"),
    "report": ("reports", "reported", "reported", "reporting"),
    "stress": ("stresses", "stressed", "stressed", "stressing"),
    "wail": ("wails", "wailed", "wailed", "wailing"),
    "growl": ("growls", "growled", "growled", "growling"),
    "howl": ("howls", "howled", "howled", "howling"),
    "yell": ("yells", "yelled", "yelled", "yelling"),
    "call": ("calls", "called", "called", "calling"),
    "drawl": ("drawls", "drawled", "drawled", "drawling"),
    "scowl": ("scowls", "scowled", "scowled", "scowling"),
    "coo": ("coos", "cooed", "cooed", "cooing"),
    "fret": ("frets", "fretted", "fretted", "fretting"),
    "swear": ("swears", "swore", "sworn", "swearing"),
    "bark": ("barks", "barked", "barked", "barking"),
    "grin": ("grins", "grinned", "grinned", "grinning"),
    "beg": ("begs", "begged", "begged", "begging"),
    "brag": ("brags", "bragged", "bragged", "bragging"),
    "slam": ("slams", "slammed", "slammed", "slamming"),
    "retort": ("retorts", "retorted", "retorted", "retorting"),
    "insist": ("insists", "insisted", "insisted", "insisting"),
    "dub": ("dubs", "dubbed", "dubbed", "dubbing"),
    "think": ("thinks", "thought", "thought", "thinking"),
}

LEMMAS = (
    "accuse", "acknowledge", "add", "admit", "advise", "affirm", "agree", "allege",
    "announce", "answer", "apologize", "argue", "ask", "assent", "assert", "assure",
    "aver", "avow", "bark", "beg", "begin", "believe", "bellow", "beseech", "blast",
    "blog", "blurt", "boast", "brag", "breathe", "call", "caution", "characterise",
    "characterize", "charge", "chide", "chirp", "chuckle", "claim", "clarify", "command",
    "comment", "complain", "concede", "conclude", "concur", "condemn", "confess",
    "confide", "confirm", "contend", "continue", "coo", "counsel", "counter", "criticise",
    "criticize", "croak", "cry", "declare", "decry", "demand", "denounce", "deny",
    "deride", "describe", "disagree", "disclose", "dismiss", "dispute", "drawl", "dub",
    "echo", "email", "emphasise", "emphasize", "enquire", "entreat", "estimate", "exclaim",
    "explain", "falter", "finish", "forecast", "fret", "fume", "gasp", "giggle", "greet",
    "grin", "groan", "growl", "grumble", "grunt", "guess", "gush", "hail", "hint", "hiss",
    "holler", "howl", "implore", "imply", "inform", "inquire", "insist", "instruct",
    "interject", "interpose", "interrupt", "jeer", "joke", "lambaste", "lament", "laugh",
    "maintain", "mention", "moan", "mock", "mumble", "murmur", "muse", "mutter", "note",
    "object", "observe", "offer", "order", "plead", "pledge", "post", "praise", "predict",
    "proclaim", "promise", "pronounce", "propose", "protest", "purr", "pursue", "quaver",
    "query", "quip", "rage", "rasp", "read", "reassure", "rebut", "recall", "recommend",
    "recount", "reflect", "reiterate", "rejoin", "remark", "remember", "remind", "repeat",
    "reply", "report", "respond", "resume", "retort", "return", "reveal", "riposte",
    "roar", "rule", "say", "scoff", "scold", "scream", "shout", "shriek", "sigh", "slam",
    "smile", "snap", "snarl", "sneer", "sniff", "snort", "sob", "speak", "speculate",
    "splutter", "sputter", "squeal", "stammer", "state", "stress", "stutter", "suggest",
    "suppose", "swear", "taunt", "tease", "tell", "testify", "text", "think", "thunder",
    "tout", "tweet", "underline", "underscore", "urge", "venture", "volunteer", "vow",
    "wail", "warn", "whimper", "whine", "whisper", "wonder", "write", "yell", "yelp",
)


def forms(lemma: str) -> tuple[str, ...]:
    if lemma in IRREGULAR:
        return (lemma, *IRREGULAR[lemma])
    if lemma.endswith("ee"):
        past, ing = lemma + "d", lemma + "ing"  # agree: agreed, agreeing
    elif lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    return (lemma, third, past, past, ing)


if __name__ == "__main__":
    for lemma in sorted(set(LEMMAS)):
        spelled = " ".join(dict.fromkeys(forms(lemma)))
        print(f'    VerbRecord("{lemma}", "{spelled}", "cue"),')
