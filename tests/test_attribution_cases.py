"""Speaker attribution against the JSON fixture cases (issue 3).

Each case lists every quotation of its text in document order, with the speaker's
name (``null`` when nobody may be named: a scare quote, a title, two Smiths) and the
sieve that must decide it (``null`` when none may). A case that also gives ``rule``
pins the rule inside the sieve, so reaching the right speaker by another route shows;
one that gives ``candidates`` pins the rivals the attribution lists (namesakes).
``ADDRESSEES`` adds whom the speaker told (told Reuters) for a few of the cases.
Known failures of attribution live in ``known-failures.json`` with ``source: issue 3``
and run as strict xfails.
"""

from __future__ import annotations

from typing import Any

import pytest
from conftest import load_cases

import quotecheck
from quotecheck import Quote

ATTRIBUTION_FILES = ("cues", "names", "pronouns", "continuation", "negative-attribution",
                     "articles", "carry", "fiction")

# Whom the speaker addressed (told Reuters), by case label and quotation text. The
# fixture format has no field for it yet, so the table lives here.
ADDRESSEES: dict[tuple[str, str], str] = {
    ("told-reuters", "“We will not comment on an ongoing investigation,”"): "Reuters",
    ("name-told-reporters-that-quote", "“the ball is now in their court.”"): "reporters",
    ("quote-description-verb-headteacher", "“We are closing the school,”"): "parents",
    ("description-verb-quote-diplomat", "“The deal is done.”"): "reporters",
    ("told-object-is-not-speaker", "“You have one week.”"): "Piotr Nowicki",
    ("object-of-warned-is-not-speaker", "“the ice will not wait.”"): "Captain Erik Strand",
}


def _attribution_cases() -> list[Any]:
    """The attribution cases, and the known failures that name speakers and sieves."""
    known = [p for p in load_cases("known-failures")
             if any("sieve" in q for q in p.values[0].get("quotes", []))]
    return load_cases(*ATTRIBUTION_FILES) + known


def _observed(quote: Quote, with_rule: bool) -> dict[str, str | None]:
    attribution = quote.attribution
    seen: dict[str, str | None] = {
        "speaker": quote.speaker.name if quote.speaker is not None else None,
        "sieve": attribution.sieve if attribution is not None else None,
    }
    if with_rule:
        seen["rule"] = attribution.rule if attribution is not None else None
    return seen


@pytest.mark.parametrize("case", _attribution_cases())
def test_attribution_case(case: dict[str, Any]) -> None:
    text = case["text"]
    expected = case["quotes"]
    result = quotecheck.attribute(text)
    found = {(q.start, q.end): q for q in result.all_quotes()}

    assert sorted(found) == [(q["start"], q["end"]) for q in expected], "quotation spans"
    for want in expected:
        quote = found[(want["start"], want["end"])]
        wanted = {"speaker": want["speaker"], "sieve": want["sieve"]}
        if "rule" in want:
            wanted["rule"] = want["rule"]
        assert _observed(quote, "rule" in want) == wanted, f"quotation {want['text']!r}"
        if "candidates" in want:  # the rivals a namesake leaves (in the entities' order)
            assert quote.attribution is not None
            assert list(quote.attribution.candidates) == want["candidates"], \
                f"candidates of {want['text']!r}"
        addressee = ADDRESSEES.get((case["label"], want["text"]))
        if addressee is not None:
            assert quote.attribution is not None
            assert quote.attribution.addressee == addressee, f"addressee of {want['text']!r}"
