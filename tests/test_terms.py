"""Terms: quotations that name something and are nobody's words (``clauses.is_term``)."""

from __future__ import annotations

import pytest

from quotecheck.pipeline import analyse


def _terms(text: str) -> list[bool]:
    ctx = analyse(text)
    return list(ctx.terms)


@pytest.mark.parametrize("text", [
    "Residents complain of what they call the “tanker mafia” in the east.",
    "The press soon dubbed the “Iron Lady” a hero.",
    "A banner over the stage reads “Ridgeway Forward.”",
    "Parents carried placards reading ‘Small school, big heart’ outside.",
    "A sign on the door read “UNSAFE — DO NOT ENTER.”",
    "The print called “Cowboys and Indians” hung there.",
])
def test_a_term_is_nobodys_words(text: str) -> None:
    assert _terms(text) == [True]


@pytest.mark.parametrize("text", [
    "Mr. Marsh called the city’s finances “a slow-motion car crash.”",
    "She called the plan “reckless.”",
    "Ana Ruiz said: “We read the sign and left.”",
    "The report said “no action” was needed.",
])
def test_speech_is_no_term(text: str) -> None:
    assert _terms(text) == [False]
