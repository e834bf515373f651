"""Provenance is honest: the recorded sieve, run again on its quotation, decides the same.

Every attributed quotation names the sieve that decided it. Run that sieve alone on
that quotation, in the context the runner had built (the other decisions in place),
and it must return the same speaker and the same rule. The sieve names are the
registry's, and no speaker is a bare pronoun.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotecheck import attribute
from quotecheck.pipeline import _run, analyse
from quotecheck.sieves import DEFAULT_SIEVES, SIEVE_NAMES

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "fixtures" / "nato-russia-talks.txt").read_text(encoding="utf-8")
PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "him", "her", "them"}

FIRST = ["Ana", "Tomas", "Kwame", "Mei", "Lukas", "Priya", "Omar", "Sofia"]
LAST = ["Ruiz", "Berg", "Okafor", "Chen", "Novak", "Shah", "Haddad", "Rossi"]
SHAPES = [
    "“{q},” said {full}.",
    "“{q},” {full} said.",
    "{full} said: “{q}.”",
    "{hon} {last} told reporters that “{q}.”",
    "“{q},” {pron} said.",
    "“{q}.”",
    "{full} arrived late. “{q},” {pron} added.",
]
QUOTES = ["we will not retreat", "the plan is on track", "nobody asked us", "it is a start"]


def _article(rng: random.Random) -> str:
    paragraphs = []
    for _ in range(rng.randint(2, 6)):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        male = rng.random() < 0.5
        paragraphs.append(rng.choice(SHAPES).format(
            q=rng.choice(QUOTES).capitalize(), full=f"{first} {last}", last=last,
            hon="Mr." if male else "Ms.", pron="he" if male else "she"))
    return "\n\n".join(paragraphs)


def _replays(text: str) -> int:
    """Check every decision of ``text`` by replaying its sieve; return how many."""
    ctx = analyse(text)
    decided_by = _run(ctx, DEFAULT_SIEVES)
    registry = dict(DEFAULT_SIEVES)
    checked = 0
    for index, name in enumerate(decided_by):
        decision = ctx.decisions[index]
        if name is None or decision is None:
            continue
        assert name in SIEVE_NAMES
        ctx.decisions[index] = None
        try:
            again = registry[name](ctx.quotes[index], ctx)
        finally:
            ctx.decisions[index] = decision
        assert again is not None, (name, text[ctx.quotes[index].start:ctx.quotes[index].end])
        assert again.rule == decision.rule
        if again.speaker is not None or decision.description is None:
            assert again.speaker == decision.speaker
        checked += 1
    return checked


def test_seed_article_decisions_replay() -> None:
    assert _replays(SEED) >= 30


@pytest.mark.property
@given(st.integers(min_value=0, max_value=2**32 - 1))
@settings(max_examples=60)
def test_generated_article_decisions_replay(seed: int) -> None:
    _replays(_article(random.Random(seed)))


@pytest.mark.property
@given(st.integers(min_value=0, max_value=2**32 - 1))
@settings(max_examples=40)
def test_no_speaker_is_a_bare_pronoun(seed: int) -> None:
    result = attribute(_article(random.Random(seed)))
    for quote in result.quotes:
        if quote.speaker is not None:
            assert quote.speaker.name.lower() not in PRONOUNS
            assert quote.attribution is not None and quote.attribution.sieve in SIEVE_NAMES
