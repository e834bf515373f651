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


def _kinds(text: str) -> dict[str, str]:
    return {e.name: e.kind for e in analyse(text).entities}


def test_a_single_name_referred_to_as_its_is_an_organisation() -> None:
    kinds = _kinds("Plinth laid off 40% of its employees on Wednesday.")
    assert kinds["Plinth"] == "organisation"


def test_a_single_name_with_he_and_its_stays_open() -> None:
    # "its" may be a thing the person handles; with a "he" the name is no organisation
    kinds = _kinds("Miguel fixed the truck and washed its wheels. He was proud of it.")
    assert kinds["Miguel"] != "organisation"


def test_titles_and_letters_around_a_name() -> None:
    kinds = _kinds("CEO Devin Okafor-Hale met Jane Smith MP and the BBC.")
    assert kinds["Devin Okafor-Hale"] == "person"
    assert kinds["Jane Smith MP"] == "person"
    assert kinds["BBC"] == "organisation"


@pytest.mark.parametrize(("text", "expected"), [
    ("Among those rescued was June Albright, 72.", ["June Albright"]),
    ("On Monday, April Ryan said no.", ["April Ryan"]),
    ("In June Albright said no.", ["Albright"]),  # a date, then the name
    ("The vote is set for May 5.", []),
])
def test_a_month_that_is_a_given_name(text: str, expected: list[str]) -> None:
    found = [m.text for m in analyse(text).analysis.mentions if m.kind != "description"]
    assert found == expected


def test_a_quoted_nickname_inside_a_name() -> None:
    text = "Hawks captain Liam ‘the Bull’ O’Rourke kicked four goals."
    names = [m.name for m in analyse(text).analysis.mentions if m.kind == "person"]
    assert names == ["Liam O’Rourke"]
