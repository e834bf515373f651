"""A document's cast of characters: who is a person, and of which gender.

Built once per document from the entity analysis (never from a sieve's decision), for
the fiction rules that weigh several people at once (``dialogue_run``).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..entities import EntityAnalysis, opens_sentence
from .gender import settled_gender

__all__ = ["Cast", "build_cast"]

_MENTIONS = 20  # mentions read per entity at most (a bound for hostile input)
_LOWER_WORD_RE = regex.compile(r"(?<![\w’'-])\p{Ll}[\p{Ll}’'-]*(?![\w’'-])")


@dataclass(frozen=True, slots=True)
class Cast:
    """Per entity: its settled gender, and whether it is only a capitalised word."""

    genders: tuple[str, ...]
    common_words: frozenset[int]

    def is_character(self, entity: int) -> bool:
        """Whether ``entity`` may be one of the people who speak."""
        return entity not in self.common_words


def _common_word(text: str, analysis: EntityAnalysis, entity: int,
                 lower: frozenset[str]) -> bool:
    """A one-word "name" every mention of which opens a sentence, that the text also
    writes in lower case ("Strangely, …" and "strangely")."""
    character = analysis.entities[entity]
    if len(character.name.split()) != 1 or not character.mentions:
        return False
    return character.name.lower() in lower and all(
        opens_sentence(text, analysis.mentions[number].start)
        for number in character.mentions[:_MENTIONS])


def build_cast(text: str, analysis: EntityAnalysis) -> Cast:
    """The cast of ``text``: each entity's gender (:func:`settled_gender`) and the
    capitalised words that are nobody.

    >>> from quotecheck.pipeline import analyse
    >>> text = "Strangely, Ana Ruiz smiled. She smiled strangely. Tom said so."
    >>> ctx = analyse(text)
    >>> cast = build_cast(text, ctx.analysis)
    >>> sorted((e.name, cast.is_character(e.id)) for e in ctx.entities)
    [('Ana Ruiz', True), ('Strangely', False), ('Tom', True)]
    """
    lower = frozenset(match.group() for match in _LOWER_WORD_RE.finditer(text))
    entities = range(len(analysis.entities))
    return Cast(
        genders=tuple(settled_gender(analysis, entity) for entity in entities),
        common_words=frozenset(entity for entity in entities
                               if _common_word(text, analysis, entity, lower)))
