"""Reported speech (issue 14): ``attribute(text, reported=True)`` and ``Result.reported``.

The cases live in ``fixtures/cases/reported.json``: every reported content of a text,
with its kind, its quotations (for ``mixed``), its speaker, and the reader and rule
that found it. A case with no ``reported`` items must stay unattributed.
"""

from __future__ import annotations

from typing import Any

import pytest
from conftest import load_cases

import quotecheck
from quotecheck import Reported, Result


def _observed(item: Reported) -> dict[str, Any]:
    seen: dict[str, Any] = {
        "start": item.start, "end": item.end, "text": item.text, "kind": item.kind,
        "speaker": item.speaker.name if item.speaker is not None else None,
        "sieve": item.attribution.sieve if item.attribution is not None else None,
        "rule": item.attribution.rule if item.attribution is not None else None,
    }
    if item.quotes:
        seen["quotes"] = list(item.quotes)
    return seen


@pytest.mark.parametrize("case", load_cases("reported"))
def test_reported_case(case: dict[str, Any]) -> None:
    result = quotecheck.attribute(case["text"], reported=True)
    assert [_observed(item) for item in result.reported] == case["reported"]


def test_default_reads_no_reported_speech() -> None:
    text = "Mayor Ana Ruiz said that the city would not raise taxes."
    assert quotecheck.attribute(text).reported == ()
    assert "reported" not in quotecheck.attribute(text).model_dump()


def test_quotations_are_the_same_either_way() -> None:
    text = ("Pavel Dorn spoke first. “We are ready,” he said. He said the plan was "
            "“a fair bargain” and that the vote would be close, according to his aides.")
    plain = quotecheck.attribute(text)
    both = quotecheck.attribute(text, reported=True)
    assert both.quotes == plain.quotes
    assert both.speakers[:len(plain.speakers)] == plain.speakers


def test_one_person_one_speaker() -> None:
    text = ("Lena Marsh, the governor, spoke on Monday. “We will hold,” Ms. Marsh said. "
            "She said that the levee would be repaired by the spring.")
    result = quotecheck.attribute(text, reported=True)
    (item,) = result.reported
    assert item.speaker is not None and result.quotes[0].speaker is not None
    assert item.speaker == result.quotes[0].speaker
    assert item.speaker in result.speakers


def test_provenance() -> None:
    text = "Dalia Fenwick told reporters that the bridge would close for a month."
    (item,) = quotecheck.attribute(text, reported=True).reported
    attribution = item.attribution
    assert attribution is not None
    assert attribution.sieve == "reported_speech"
    assert attribution.cue_text == "told"
    assert attribution.cue is not None and text[attribution.cue.start:attribution.cue.end] == "told"
    assert attribution.mention is not None and attribution.mention.text == "Dalia Fenwick"
    assert attribution.addressee == "reporters"
    assert 0.0 < attribution.confidence <= 1.0


def test_pronoun_through_coreference() -> None:
    text = "Pavel Dorn spoke to the council on Monday. He said that the budget was balanced."
    (item,) = quotecheck.attribute(text, reported=True).reported
    assert item.speaker is not None and item.speaker.name == "Pavel Dorn"
    assert item.attribution is not None and item.attribution.via is not None
    assert item.attribution.mention is not None and item.attribution.mention.kind == "pronoun"


def test_json_round_trip() -> None:
    text = "Ms. Okafor said the proposal was “a step backward” for the district."
    result = quotecheck.attribute(text, reported=True)
    assert result.reported and result.reported[0].kind == "mixed"
    assert Result.model_validate_json(result.model_dump_json()) == result
