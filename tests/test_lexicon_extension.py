"""A caller extends the reporting verbs without editing the package: a ``Lexicon``
passed to ``attribute``, never global state."""

from __future__ import annotations

import json
from pathlib import Path

from quotecheck import Lexicon, VerbRecord, attribute

CASES = Path(__file__).resolve().parent.parent / "fixtures" / "cases"
RIFF = Lexicon.default().with_cue_verbs("riff")


def _speaker(text: str, lexicon: Lexicon | None = None) -> str | None:
    quote = attribute(text, lexicon=lexicon).quotes[-1]
    return quote.speaker.name if quote.speaker is not None else None


def test_an_added_verb_makes_a_new_attribution() -> None:
    for text in ("“We will win the county,” Ana Ruiz riffs.",
                 "Tom Berg spoke first. Later Ana Ruiz riffs, “The plan is dead.”",
                 "Tom Berg laughed. “We won,” riffs Ana Ruiz."):
        assert _speaker(text, RIFF) == "Ana Ruiz", text


def test_the_default_is_unchanged_and_nothing_leaks() -> None:
    text = "“We will win the county,” Ana Ruiz riffs."
    assert _speaker(text) is None
    assert _speaker(text, RIFF) == "Ana Ruiz"
    assert _speaker(text) is None  # the extended call left no state behind
    assert "riffs" not in Lexicon.default().cue_verbs


def test_a_record_with_its_own_forms_and_facts() -> None:
    lexicon = Lexicon.default().with_verbs(VerbRecord("kvetch", "kvetch kvetches kvetched",
                                                      "cue"))
    assert _speaker("“The soup is cold,” Dana Cole kvetches.", lexicon) == "Dana Cole"


def test_the_default_lexicon_gives_the_default_result() -> None:
    cases = json.loads((CASES / "cues.json").read_text(encoding="utf-8"))
    for case in cases[:60]:
        text = case["text"]
        assert attribute(text, lexicon=Lexicon.default()) == attribute(text), case["label"]
