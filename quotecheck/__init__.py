"""quotecheck: find every quotation in a news article and name who said it.

>>> import quotecheck
>>> result = quotecheck.attribute("“We will not retreat,” said Mr. Grushko.")
>>> q = result.quotes[0]
>>> q.start, q.end, q.speaker.name
(0, 22, 'Mr. Grushko')
"""

from __future__ import annotations

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
