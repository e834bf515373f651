"""quotecheck: find every quotation in a news article and name who said it.

>>> import quotecheck
>>> result = quotecheck.attribute("“We will not retreat,” said Mr. Grushko.")
>>> q = result.quotes[0]
>>> q.start, q.end, q.speaker.name
(0, 23, 'Mr. Grushko')
"""

from __future__ import annotations

from .batch import attribute_many
from .models import (
    Attribution,
    Mention,
    Quote,
    Result,
    Span,
    Speaker,
    StrayMark,
    Token,
)
from .pipeline import attribute
from .quotes import find_quotes

__version__ = "0.1.0"

__all__ = [
    "Attribution",
    "Mention",
    "Quote",
    "Result",
    "Span",
    "Speaker",
    "StrayMark",
    "Token",
    "__version__",
    "attribute",
    "attribute_many",
    "find_quotes",
]
