"""Personal pronouns that can be the subject of a reporting verb, with gender and number.

Data only. Gender is ``male``, ``female`` or ``unknown``; number ``singular`` or
``plural``. "I" outside a quotation is the narrator (of a novel, or of a first-person
column); other first- and second-person pronouns never name a speaker.
"""

# fmt: off
SUBJECT_PRONOUNS: dict[str, tuple[str, str]] = {
    "i": ("unknown", "singular"),    # the narrator of a first-person text
    "he": ("male", "singular"),
    "she": ("female", "singular"),
    "they": ("unknown", "plural"),
    "it": ("unknown", "singular"),   # an organisation: "the ministry said it …"
}
# fmt: on

# Possessive determiners and the subject pronoun they stand for: “in her view” is
# what she thinks, “in their words” what they said.
# fmt: off
POSSESSIVE_SUBJECTS: dict[str, str] = {
    "his": "he",
    "her": "she",
    "their": "they",
    "its": "it",
    "my": "i",
}
# fmt: on

# Object pronouns and their subject form: “For him, the bill is …” is his view.
# fmt: off
OBJECT_SUBJECTS: dict[str, str] = {
    "him": "he",
    "her": "she",
    "them": "they",
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
