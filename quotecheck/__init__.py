"""quotecheck: find every quotation in a news article and name who said it.

>>> import quotecheck
>>> result = quotecheck.attribute("“We will not retreat,” said Mr. Grushko.")
>>> q = result.quotes[0]
>>> q.start, q.end, q.speaker.name
(0, 22, 'Mr. Grushko')

``import quotecheck`` loads nothing but this file: every public name is read from its
module on first use (``from quotecheck import attribute`` included), so a program that
imports the package and never calls it does not pay for the engine, its compiled
patterns or pydantic.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .batch import attribute_many
    from .checks import check
    from .lexicon.verbs import Lexicon, VerbRecord
    from .models import (
        Attribution,
        Finding,
        Mention,
        Quote,
        Reported,
        Result,
        Span,
        Speaker,
        StrayMark,
        Token,
        Verification,
    )
    from .pipeline import attribute
    from .quotes import find_quotes
    from .verify import verify, verify_article

# Loaded on first use, so that ``import quotecheck`` stays fast: name → module.
_LAZY = {
    "Attribution": ".models",
    "Finding": ".models",
    "Lexicon": ".lexicon.verbs",
    "Mention": ".models",
    "Quote": ".models",
    "Reported": ".models",
    "Result": ".models",
    "Span": ".models",
    "Speaker": ".models",
    "StrayMark": ".models",
    "Token": ".models",
    "VerbRecord": ".lexicon.verbs",
    "Verification": ".models",
    "attribute": ".pipeline",
    "attribute_many": ".batch",
    "check": ".checks",
    "find_quotes": ".quotes",
    "verify": ".verify",
    "verify_article": ".verify",
}

__version__ = "0.1.0"

__all__ = [
    "Attribution",
    "Finding",
    "Lexicon",
    "Mention",
    "Quote",
    "Reported",
    "Result",
    "Span",
    "Speaker",
    "StrayMark",
    "Token",
    "VerbRecord",
    "Verification",
    "__version__",
    "attribute",
    "attribute_many",
    "check",
    "find_quotes",
    "verify",
    "verify_article",
]


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(ModuleType):
    """The package: importing the submodule ``quotecheck.verify`` would bind the module
    to the name ``verify``, where the function belongs; this keeps the function."""

    def __setattr__(self, name: str, value: object) -> None:
        if name == "verify" and isinstance(value, ModuleType):
            value = value.verify
        super().__setattr__(name, value)

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return import_module, (self.__name__,)  # pickled by name, as modules are


sys.modules[__name__].__class__ = _Package
