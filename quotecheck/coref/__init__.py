"""The coreference layer's beginning (issue 13): who the people of a text are.

``cast`` builds a document's cast once (who is a person, of which gender); ``gender``
settles a character's gender from the narration's evidence, with counts (an honorific
outweighs any pronoun, one pronoun does not overturn many). Both read the entity
analysis only, never a sieve's decision.
"""

from __future__ import annotations

from .cast import Cast, build_cast
from .gender import settled_gender

__all__ = ["Cast", "build_cast", "settled_gender"]
