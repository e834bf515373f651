"""Terms: quotations that name something and are nobody's words (``clauses.is_term``)."""

from __future__ import annotations

import pytest

from quotecheck.pipeline import analyse


@pytest.mark.parametrize(("text", "term"), [
    ("Residents complain of what they call the “tanker mafia” in the east.", True),
    ("The press soon dubbed the “Iron Lady” a hero.", True),
    ("A banner over the stage reads “Ridgeway Forward.”", True),
    ("Parents carried placards reading ‘Small school, big heart’ outside.", True),
    ("A sign on the door read “UNSAFE — DO NOT ENTER.”", True),
    ("The print called “Cowboys and Indians” hung there.", True),
    ("Its cables soon earned it a nickname among residents: “the Harp.”", True),
    ("Managers fear what is popularly described as “quiet quitting” at work.", True),
    ("The report is titled: “Shorter Weeks.”", True),
    # speech, not terms
    ("Mr. Marsh called the city’s finances “a slow-motion car crash.”", False),
    ("She called the plan “reckless.”", False),
    ("Ana Ruiz said: “We read the sign and left.”", False),
    ("The report said “no action” was needed.", False),
    ("She described the plan as “reckless.”", False),
    ("She called: “Come here!”", False),
])
def test_a_term_is_nobodys_words(text: str, term: bool) -> None:
    assert analyse(text).terms == [term]
