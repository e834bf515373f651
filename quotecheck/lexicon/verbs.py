"""Verbs of saying as records: one entry per lemma, its forms and its facts.

Data only. Each record holds a lemma (a label), every surface form the engine reads,
and the facts about it, each a word: a fact applies to every form, or only to the forms
listed after a colon (``continuing:adding``). ``quotecheck.lexicon.cues`` expands the
records into the tables the readers use (``CUE_VERBS``, ``WEAK_CUE_VERBS``, …) with
:func:`forms_with`. Adding a cue verb is one line:

    VerbRecord("riff", "riff riffs riffed riffing", "cue"),

The facts:

- ``cue``: a reporting verb (“…,” said X; X told reporters: “…”);
- ``weak``: often not about speech (“she returned home”), a cue only when it touches the
  quotation or takes "that";
- ``addressee``: its object is the one spoken to (“told Reuters”, “asked the court”);
- ``telling``: the noun phrase after it hears, never speaks (“…, telling Reuters, “…””);
- ``continuing``: a participle that continues a speaker's words (“…, adding: “…””);
- ``reply``: whoever replies is not the one who spoke last (“…,” he replied);
- ``headline``: a capitalised verb of a headline (“Ana Ruiz Says Plan ‘…’”);
- ``evaluates``: communicates or evaluates, for a partial quotation in its clause
  (“Ruiz slammed the plan as a “fiasco””).

>>> sorted(forms_with(VERBS, "continuing"))[:3]
['adding', 'continuing', 'explaining']
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

__all__ = ["FACTS", "VERBS", "Lexicon", "VerbRecord", "forms_with", "regular_forms"]

FACTS: tuple[str, ...] = ("cue", "weak", "addressee", "telling", "continuing", "reply",
                          "headline", "evaluates")


class VerbRecord(NamedTuple):
    """One lemma: its forms (space-separated) and its facts (space-separated words, each
    ``fact`` or ``fact:form,form``)."""

    lemma: str
    forms: str
    facts: str


def _fact_forms(record: VerbRecord, fact: str) -> tuple[str, ...]:
    """The forms of ``record`` that ``fact`` holds for."""
    for entry in record.facts.split():
        name, _, only = entry.partition(":")
        if name == fact:
            return tuple(only.split(",")) if only else tuple(record.forms.split())
    return ()


def forms_with(records: Iterable[VerbRecord], fact: str) -> frozenset[str]:
    """Every form of ``records`` that ``fact`` holds for.

    >>> sorted(forms_with([VerbRecord("riff", "riff riffs riffed riffing", "cue")], "cue"))
    ['riff', 'riffed', 'riffing', 'riffs']
    """
    return frozenset(form for record in records for form in _fact_forms(record, fact))


def regular_forms(lemma: str) -> str:
    """The regular forms of a verb, space-separated: base, third person, past, -ing.

    >>> regular_forms("riff"), regular_forms("quote"), regular_forms("query")
    ('riff riffs riffed riffing', 'quote quotes quoted quoting', 'query queries queried querying')
    """
    if lemma.endswith("ee"):
        past, ing = lemma + "d", lemma + "ing"
    elif lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2:-1] not in ("a", "e", "i", "o", "u"):
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2:-1] not in ("a", "e", "i", "o", "u"):
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    return f"{lemma} {third} {past} {ing}"


@dataclass(frozen=True)
class Lexicon:
    """The verb records the cue readers read, which a caller may extend without
    editing the package: pass it to ``attribute(text, lexicon=…)``.

    The records' ``cue`` and ``weak`` facts reach the cue readers; the other facts are
    read from the package's records.

    >>> lexicon = Lexicon.default().with_cue_verbs("riff")
    >>> "riffed" in lexicon.cue_verbs, "riffed" in Lexicon.default().cue_verbs
    (True, False)
    """

    extra: tuple[VerbRecord, ...] = field(default=())

    @classmethod
    def default(cls) -> Lexicon:
        """The package's records, unextended."""
        return cls()

    def with_verbs(self, *records: VerbRecord) -> Lexicon:
        """This lexicon and ``records`` (a new object; this one is unchanged)."""
        return Lexicon(self.extra + records)

    def with_cue_verbs(self, *lemmas: str) -> Lexicon:
        """This lexicon and a cue verb, in its regular forms, for each of ``lemmas``."""
        return self.with_verbs(*(VerbRecord(lemma, regular_forms(lemma), "cue")
                                 for lemma in lemmas))

    @cached_property
    def cue_verbs(self) -> frozenset[str]:
        return forms_with(VERBS, "cue") | forms_with(self.extra, "cue")

    @cached_property
    def weak_cue_verbs(self) -> frozenset[str]:
        return forms_with(VERBS, "weak") | forms_with(self.extra, "weak")


# One record per lemma, sorted by lemma.
# fmt: off
VERBS: tuple[VerbRecord, ...] = (
    VerbRecord("accuse", "accuse accuses accused accusing", "cue"),
    VerbRecord("acknowledge", "acknowledge acknowledges acknowledged acknowledging", "cue"),
    VerbRecord("add", "add adds added adding", "cue weak continuing:adding"),
    VerbRecord("admit", "admit admits admitted admitting", "cue headline:admits"),
    VerbRecord("advise", "advise advises advised advising", "cue"),
    VerbRecord("affirm", "affirm affirms affirmed affirming", "cue"),
    VerbRecord("agree", "agree agrees agreed agreeing", "cue"),
    VerbRecord("allege", "allege alleges alleged alleging", "cue"),
    VerbRecord("announce", "announce announces announced announcing", "cue"),
    VerbRecord("answer", "answer answers answered answering", "cue weak reply:answers,answered"),
    VerbRecord("apologize", "apologize apologizes apologized apologizing", "cue"),
    VerbRecord("applaud", "applaud applauds applauded applauding", "evaluates"),
    VerbRecord("argue", "argue argues argued arguing", "cue"),
    VerbRecord("ask", "ask asks asked asking", "cue addressee"),
    VerbRecord("assent", "assent assents assented assenting", "cue"),
    VerbRecord("assert", "assert asserts asserted asserting", "cue"),
    VerbRecord("assure", "assure assures assured assuring", "cue addressee:assure,assured telling"),
    VerbRecord("attack", "attacked attacking", "evaluates"),
    VerbRecord("aver", "aver avers avered avering", "cue"),
    VerbRecord("avow", "avow avows avowed avowing", "cue"),
    VerbRecord("bark", "bark barks barked barking", "cue"),
    VerbRecord("bash", "bashed bashing", "evaluates"),
    VerbRecord("beg", "beg begs begged begging", "cue"),
    VerbRecord("begin", "begin begins began begun beginning", "cue weak"),
    VerbRecord("believe", "believe believes believed believing", "cue"),
    VerbRecord("bellow", "bellow bellows bellowed bellowing", "cue"),
    VerbRecord("beseech", "beseech beseeches beseeched beseeching", "cue"),
    VerbRecord("blame", "blamed blaming", "evaluates"),
    VerbRecord("blast", "blast blasts blasted blasting", "cue headline:blasts"),
    VerbRecord("blog", "blog blogs blogged blogging", "cue"),
    VerbRecord("blurt", "blurt blurts blurted blurting", "cue"),
    VerbRecord("boast", "boast boasts boasted boasting", "cue"),
    VerbRecord("brag", "brag brags bragged bragging", "cue"),
    VerbRecord("breathe", "breathe breathes breathed breathing", "cue"),
    VerbRecord("brief", "brief briefs briefed briefing",
               "addressee:brief,briefed,briefing telling"),
    VerbRecord("call", "call calls called calling", "cue weak"),
    VerbRecord("caution", "caution cautions cautioned cautioning", "cue"),
    VerbRecord("celebrate", "celebrate celebrates celebrated celebrating", "evaluates"),
    VerbRecord("champion", "championed championing", "evaluates"),
    VerbRecord("chant", "chanted chanting", "evaluates"),
    VerbRecord("characterise", "characterise characterises characterised characterising", "cue"),
    VerbRecord("characterize", "characterize characterizes characterized characterizing", "cue"),
    VerbRecord("charge", "charge charges charged charging", "cue"),
    VerbRecord("chide", "chide chides chided chiding", "cue"),
    VerbRecord("chirp", "chirp chirps chirped chirping", "cue"),
    VerbRecord("chuckle", "chuckle chuckles chuckled chuckling", "cue weak:chuckle,chuckled"),
    VerbRecord("cite", "cite cites cited citing", "evaluates"),
    VerbRecord("claim", "claim claims claimed claiming", "cue headline:claims"),
    VerbRecord("clarify", "clarify clarifies clarified clarifying", "cue"),
    VerbRecord("command", "command commands commanded commanding", "cue"),
    VerbRecord("commend", "commend commends commended commending", "evaluates"),
    VerbRecord("comment", "comment comments commented commenting", "cue"),
    VerbRecord("complain", "complain complains complained complaining", "cue"),
    VerbRecord("concede", "concede concedes conceded conceding", "cue"),
    VerbRecord("conclude", "conclude concludes concluded concluding", "cue"),
    VerbRecord("concur", "concur concurs concurred concurring", "cue"),
    VerbRecord("condemn", "condemn condemns condemned condemning", "cue"),
    VerbRecord("confess", "confess confesses confessed confessing", "cue"),
    VerbRecord("confide", "confide confides confided confiding", "cue"),
    VerbRecord("confirm", "confirm confirms confirmed confirming", "cue"),
    VerbRecord("congratulate", "congratulated congratulating", "evaluates"),
    VerbRecord("contend", "contend contends contended contending", "cue"),
    VerbRecord("continue", "continue continues continued continuing",
               "cue weak continuing:continuing"),
    VerbRecord("coo", "coo coos cooed cooing", "cue"),
    VerbRecord("counsel", "counsel counsels counseled counseling", "cue"),
    VerbRecord("counter", "counter counters countered countering", "cue reply:counters,countered"),
    VerbRecord("criticise", "criticise criticises criticised criticising", "cue"),
    VerbRecord("criticize", "criticize criticizes criticized criticizing", "cue"),
    VerbRecord("croak", "croak croaks croaked croaking", "cue"),
    VerbRecord("cry", "cry cries cried crying", "cue weak"),
    VerbRecord("declare", "declare declares declared declaring", "cue"),
    VerbRecord("decry", "decry decries decried decrying", "cue"),
    VerbRecord("deem", "deemed deeming", "evaluates"),
    VerbRecord("defend", "defend defends defended defending", "evaluates"),
    VerbRecord("demand", "demand demands demanded demanding", "cue"),
    VerbRecord("denounce", "denounce denounces denounced denouncing", "cue"),
    VerbRecord("deny", "deny denies denied denying", "cue headline:denies"),
    VerbRecord("depict", "depict depicts depicted depicting", "evaluates"),
    VerbRecord("deride", "deride derides derided deriding", "cue"),
    VerbRecord("describe", "describe describes described describing", "cue"),
    VerbRecord("disagree", "disagree disagrees disagreed disagreeing", "cue"),
    VerbRecord("disclose", "disclose discloses disclosed disclosing", "cue"),
    VerbRecord("discuss", "discussed discussing", "evaluates"),
    VerbRecord("dismiss", "dismiss dismisses dismissed dismissing", "cue"),
    VerbRecord("dispute", "dispute disputes disputed disputing", "cue"),
    VerbRecord("drawl", "drawl drawls drawled drawling", "cue"),
    VerbRecord("dub", "dub dubs dubbed dubbing", "cue"),
    VerbRecord("echo", "echo echoes echoed echoing", "cue"),
    VerbRecord("email", "email emails emailed emailing", "cue"),
    VerbRecord("embrace", "embrace embraces embraced embracing", "evaluates"),
    VerbRecord("emphasise", "emphasise emphasises emphasised emphasising", "cue"),
    VerbRecord("emphasize", "emphasize emphasizes emphasized emphasizing", "cue"),
    VerbRecord("endorse", "endorse endorses endorsed endorsing", "evaluates"),
    VerbRecord("enquire", "enquire enquires enquired enquiring", "cue"),
    VerbRecord("entreat", "entreat entreats entreated entreating", "cue"),
    VerbRecord("estimate", "estimate estimates estimated estimating", "cue"),
    VerbRecord("exclaim", "exclaim exclaims exclaimed exclaiming", "cue"),
    VerbRecord("excoriate", "excoriated excoriating", "evaluates"),
    VerbRecord("explain", "explain explains explained explaining", "cue continuing:explaining"),
    VerbRecord("falter", "falter falters faltered faltering", "cue"),
    VerbRecord("fault", "faulted faulting", "evaluates"),
    VerbRecord("finish", "finish finishes finished finishing", "cue weak"),
    VerbRecord("forecast", "forecast forecasts forecasted forecasting", "cue"),
    VerbRecord("fret", "fret frets fretted fretting", "cue"),
    VerbRecord("fume", "fume fumes fumed fuming", "cue"),
    VerbRecord("gasp", "gasp gasps gasped gasping", "cue weak:gasp,gasped"),
    VerbRecord("giggle", "giggle giggles giggled giggling", "cue"),
    VerbRecord("greet", "greet greets greeted greeting", "cue"),
    VerbRecord("grin", "grin grins grinned grinning", "cue weak:grin,grinned"),
    VerbRecord("groan", "groan groans groaned groaning", "cue"),
    VerbRecord("growl", "growl growls growled growling", "cue"),
    VerbRecord("grumble", "grumble grumbles grumbled grumbling", "cue"),
    VerbRecord("grunt", "grunt grunts grunted grunting", "cue"),
    VerbRecord("guess", "guess guesses guessed guessing", "cue"),
    VerbRecord("gush", "gush gushes gushed gushing", "cue"),
    VerbRecord("hail", "hail hails hailed hailing", "cue"),
    VerbRecord("highlight", "highlighted highlighting", "evaluates"),
    VerbRecord("hint", "hint hints hinted hinting", "cue"),
    VerbRecord("hiss", "hiss hisses hissed hissing", "cue"),
    VerbRecord("holler", "holler hollers hollered hollering", "cue"),
    VerbRecord("howl", "howl howls howled howling", "cue"),
    VerbRecord("implore", "implore implores implored imploring", "cue"),
    VerbRecord("imply", "imply implies implied implying", "cue"),
    VerbRecord("inform", "inform informs informed informing",
               "cue addressee:inform,informs,informed telling"),
    VerbRecord("inquire", "inquire inquires inquired inquiring", "cue"),
    VerbRecord("insist", "insist insists insisted insisting",
               "cue continuing:insisting headline:insists"),
    VerbRecord("instruct", "instruct instructs instructed instructing", "cue"),
    VerbRecord("interject", "interject interjects interjected interjecting", "cue"),
    VerbRecord("interpose", "interpose interposes interposed interposing", "cue"),
    VerbRecord("interrupt", "interrupt interrupts interrupted interrupting", "cue"),
    VerbRecord("invoke", "invoke invokes invoked invoking", "evaluates"),
    VerbRecord("jeer", "jeer jeers jeered jeering", "cue"),
    VerbRecord("joke", "joke jokes joked joking", "cue"),
    VerbRecord("knock", "knocked knocking", "evaluates"),
    VerbRecord("lambaste", "lambaste lambastes lambasted lambasting", "cue"),
    VerbRecord("lament", "lament laments lamented lamenting", "cue"),
    VerbRecord("laugh", "laugh laughs laughed laughing", "cue weak"),
    VerbRecord("liken", "liken likens likened likening", "evaluates"),
    VerbRecord("maintain", "maintain maintains maintained maintaining", "cue"),
    VerbRecord("mention", "mention mentions mentioned mentioning", "cue"),
    VerbRecord("moan", "moan moans moaned moaning", "cue"),
    VerbRecord("mock", "mock mocks mocked mocking", "cue"),
    VerbRecord("mumble", "mumble mumbles mumbled mumbling", "cue"),
    VerbRecord("murmur", "murmur murmurs murmured murmuring", "cue"),
    VerbRecord("muse", "muse muses mused musing", "cue"),
    VerbRecord("mutter", "mutter mutters muttered muttering", "cue"),
    VerbRecord("note", "note notes noted noting", "cue continuing:noting"),
    VerbRecord("object", "object objects objected objecting", "cue"),
    VerbRecord("observe", "observe observes observed observing", "cue"),
    VerbRecord("offer", "offer offers offered offering", "cue weak"),
    VerbRecord("order", "order orders ordered ordering", "cue weak"),
    VerbRecord("pan", "panned panning", "evaluates"),
    VerbRecord("plead", "plead pleads pleaded pleading", "cue"),
    VerbRecord("pledge", "pledge pledges pledged pledging", "cue"),
    VerbRecord("portray", "portray portrays portrayed portraying", "evaluates"),
    VerbRecord("post", "post posts posted posting", "cue weak"),
    VerbRecord("praise", "praise praises praised praising", "cue"),
    VerbRecord("predict", "predict predicts predicted predicting", "cue"),
    VerbRecord("proclaim", "proclaim proclaims proclaimed proclaiming", "cue"),
    VerbRecord("promise", "promise promises promised promising", "cue"),
    VerbRecord("promote", "promoted promoting", "evaluates"),
    VerbRecord("pronounce", "pronounce pronounces pronounced pronouncing", "cue"),
    VerbRecord("propose", "propose proposes proposed proposing", "cue"),
    VerbRecord("protest", "protest protests protested protesting", "cue"),
    VerbRecord("purr", "purr purrs purred purring", "cue"),
    VerbRecord("pursue", "pursue pursues pursued pursuing", "cue"),
    VerbRecord("quaver", "quaver quavers quavered quavering", "cue"),
    VerbRecord("query", "query queries queried querying", "cue"),
    VerbRecord("quip", "quip quips quipped quipping", "cue"),
    VerbRecord("rage", "rage rages raged raging", "cue"),
    VerbRecord("rasp", "rasp rasps rasped rasping", "cue"),
    VerbRecord("read", "read reads reading", "cue weak"),
    VerbRecord("reassure", "reassure reassures reassured reassuring", "cue"),
    VerbRecord("rebuke", "rebuked rebuking", "evaluates"),
    VerbRecord("rebut", "rebut rebuts rebutted rebutting", "cue"),
    VerbRecord("recall", "recall recalls recalled recalling", "cue"),
    VerbRecord("recommend", "recommend recommends recommended recommending", "cue"),
    VerbRecord("recount", "recount recounts recounted recounting", "cue"),
    VerbRecord("reflect", "reflect reflects reflected reflecting", "cue"),
    VerbRecord("reiterate", "reiterate reiterates reiterated reiterating", "cue"),
    VerbRecord("reject", "reject rejects rejected rejecting", "evaluates"),
    VerbRecord("rejoin", "rejoin rejoins rejoined rejoining", "cue reply:rejoins,rejoined"),
    VerbRecord("remark", "remark remarks remarked remarking", "cue"),
    VerbRecord("remember", "remember remembers remembered remembering", "cue weak"),
    VerbRecord("remind", "remind reminds reminded reminding",
               "cue addressee:remind,reminds,reminded telling"),
    VerbRecord("repeat", "repeat repeats repeated repeating", "cue"),
    VerbRecord("reply", "reply replies replied replying", "cue reply:replies,replied"),
    VerbRecord("report", "report reports reported reporting", "cue"),
    VerbRecord("respond", "respond responds responded responding", "cue reply:responds,responded"),
    VerbRecord("resume", "resume resumes resumed resuming", "cue"),
    VerbRecord("retort", "retort retorts retorted retorting", "cue reply:retorts,retorted"),
    VerbRecord("return", "return returns returned returning", "cue weak reply:returned"),
    VerbRecord("reveal", "reveal reveals revealed revealing", "cue"),
    VerbRecord("ridicule", "ridiculed ridiculing", "evaluates"),
    VerbRecord("riposte", "riposte ripostes riposted riposting", "cue"),
    VerbRecord("roar", "roar roars roared roaring", "cue"),
    VerbRecord("rule", "rule rules ruled ruling", "cue weak"),
    VerbRecord("say", "say says said saying", "cue continuing:saying headline:says"),
    VerbRecord("scoff", "scoff scoffs scoffed scoffing", "cue"),
    VerbRecord("scold", "scold scolds scolded scolding", "cue"),
    VerbRecord("scrawl", "scrawled scrawling", "evaluates"),
    VerbRecord("scream", "scream screams screamed screaming", "cue"),
    VerbRecord("shout", "shout shouts shouted shouting", "cue"),
    VerbRecord("shriek", "shriek shrieks shrieked shrieking", "cue"),
    VerbRecord("sigh", "sigh sighs sighed sighing", "cue weak:sigh,sighed"),
    VerbRecord("slam", "slam slams slammed slamming", "cue headline:slams"),
    VerbRecord("smile", "smile smiles smiled smiling", "cue weak"),
    VerbRecord("snap", "snap snaps snapped snapping", "cue"),
    VerbRecord("snarl", "snarl snarls snarled snarling", "cue"),
    VerbRecord("sneer", "sneer sneers sneered sneering", "cue"),
    VerbRecord("sniff", "sniff sniffs sniffed sniffing", "cue"),
    VerbRecord("snort", "snort snorts snorted snorting", "cue"),
    VerbRecord("sob", "sob sobs sobbed sobbing", "cue"),
    VerbRecord("speak", "speak speaks spoke spoken speaking", "cue weak"),
    VerbRecord("speculate", "speculate speculates speculated speculating", "cue"),
    VerbRecord("splutter", "splutter splutters spluttered spluttering", "cue"),
    VerbRecord("sputter", "sputter sputters sputtered sputtering", "cue"),
    VerbRecord("squeal", "squeal squeals squealed squealing", "cue"),
    VerbRecord("stammer", "stammer stammers stammered stammering", "cue"),
    VerbRecord("state", "state states stated stating", "cue"),
    VerbRecord("stress", "stress stresses stressed stressing", "cue continuing:stressing"),
    VerbRecord("stutter", "stutter stutters stuttered stuttering", "cue"),
    VerbRecord("suggest", "suggest suggests suggested suggesting", "cue"),
    VerbRecord("suppose", "suppose supposes supposed supposing", "cue weak:suppose,supposed"),
    VerbRecord("swear", "swear swears swore sworn swearing", "cue"),
    VerbRecord("talk", "talked talking", "evaluates"),
    VerbRecord("taunt", "taunt taunts taunted taunting", "cue"),
    VerbRecord("tease", "tease teases teased teasing", "cue"),
    VerbRecord("tell", "tell tells told telling", "cue addressee telling headline:tells"),
    VerbRecord("testify", "testify testifies testified testifying", "cue"),
    VerbRecord("text", "text texts texted texting", "cue"),
    VerbRecord("think", "think thinks thought thinking", "cue"),
    VerbRecord("thunder", "thunder thunders thundered thundering", "cue"),
    VerbRecord("tout", "tout touts touted touting", "cue"),
    VerbRecord("tweet", "tweet tweets tweeted tweeting", "cue"),
    VerbRecord("underline", "underline underlines underlined underlining", "cue"),
    VerbRecord("underscore", "underscore underscores underscored underscoring", "cue"),
    VerbRecord("urge", "urge urges urged urging", "cue addressee:urge,urges,urged headline:urges"),
    VerbRecord("venture", "venture ventures ventured venturing", "cue"),
    VerbRecord("voice", "voiced voicing", "evaluates"),
    VerbRecord("volunteer", "volunteer volunteers volunteered volunteering", "cue"),
    VerbRecord("vow", "vow vows vowed vowing", "cue headline:vows"),
    VerbRecord("wail", "wail wails wailed wailing", "cue"),
    VerbRecord("warn", "warn warns warned warning",
               "cue addressee:warn,warns,warned continuing:warning headline:warns"),
    VerbRecord("welcome", "welcomed welcoming", "evaluates"),
    VerbRecord("whimper", "whimper whimpers whimpered whimpering", "cue"),
    VerbRecord("whine", "whine whines whined whining", "cue"),
    VerbRecord("whisper", "whisper whispers whispered whispering", "cue"),
    VerbRecord("wonder", "wonder wonders wondered wondering", "cue weak"),
    VerbRecord("write", "write writes wrote written writing", "cue"),
    VerbRecord("yell", "yell yells yelled yelling", "cue"),
    VerbRecord("yelp", "yelp yelps yelped yelping", "cue"),
)
# fmt: on
