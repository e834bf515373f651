"""Name analysis: the roles a person is given in apposition, and what is no role."""

from __future__ import annotations

import pytest

from quotecheck.pipeline import analyse


def _roles(text: str) -> dict[str, list[str]]:
    return {e.name: e.roles for e in analyse(text).entities if e.kind == "person"}


@pytest.mark.parametrize(("text", "name", "roles"), [
    ("Maria Lopez, the city's chief engineer, inspected the bridge.", "Maria Lopez", ["engineer"]),
    ("Maria Lopez, chief engineer at the port, inspected it.", "Maria Lopez", ["engineer"]),
    ("“No,” said the NATO secretary-general, Jens Stoltenberg, after the meeting.",
     "Jens Stoltenberg", ["secretary-general"]),
    ("Beside it sat the artist\nhimself, Basil Hale, at ease.", "Basil Hale", ["artist"]),
    ("He met Ana Ruiz, the mayor.", "Ana Ruiz", ["mayor"]),
])
def test_a_role_in_apposition_is_recorded(text: str, name: str, roles: list[str]) -> None:
    assert _roles(text)[name] == roles


@pytest.mark.parametrize("text", [
    "Basil Hale, looking him straight in the face, put down the brush.",  # a participle
    "Lena Park, who leads the clinic, said no.",  # a relative clause
    "Tom Reyes, however, said no.",  # an adverb
    "Tom Reyes, 54, said no.",  # an age
    "Peter Berg, speaking in Delaware, said so.",
])
def test_what_is_no_role(text: str) -> None:
    assert all(not roles for roles in _roles(text).values())


def _descriptions(text: str) -> list[str]:
    return [m.text for m in analyse(text).analysis.mentions if m.kind == "description"]


@pytest.mark.parametrize(("text", "expected"), [
    # the longest person noun: the site engineer, not "the site"
    ("Peter Olsen, the site engineer, agreed.", ["the site engineer"]),
    # an owned person noun is the one owned
    ("Later the child's nurse came down.", ["the child's nurse"]),
    # a line may break inside a description
    ("The boy was taken away. His\nmother sobbed.\n\nLater she slept.", ["The boy", "His\nmother"]),
    # a preposition ends it: no "the two candidates for mayor"
    ("The two candidates for mayor met on Tuesday.", []),
    # said of someone, nobody new
    ("He was a quiet boy, and like a man he waited.", []),
])
def test_descriptions(text: str, expected: list[str]) -> None:
    assert _descriptions(text) == expected
