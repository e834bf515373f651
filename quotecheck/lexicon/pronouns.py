"""Personal pronouns that can be the subject of a reporting verb, with gender and number.

Data only. Gender is ``male``, ``female`` or ``unknown``; number ``singular`` or
``plural``. First- and second-person pronouns are never a speaker we can name.
"""

# fmt: off
SUBJECT_PRONOUNS: dict[str, tuple[str, str]] = {
    "he": ("male", "singular"),
    "she": ("female", "singular"),
    "they": ("unknown", "plural"),
    "it": ("unknown", "singular"),   # an organisation: "the ministry said it …"
}
# fmt: on

# fmt: off
PRONOUN_GENDER: dict[str, str] = {
    "he": "male",
    "him": "male",
    "himself": "male",
    "his": "male",
    "her": "female",
    "hers": "female",
    "herself": "female",
    "she": "female",
}
# fmt: on

# fmt: off
FIRST_PERSON: frozenset[str] = frozenset({
    "i",
    "me",
    "my",
    "our",
    "us",
    "we",
})
# fmt: on
