"""``attribute(text)``: tokens → quotes → entities → sieves → models."""

from __future__ import annotations

from .layout import paragraph_bounds
from .models import Result
from .quotes import scan_quotes, to_model

__all__ = ["attribute"]


def attribute(text: str) -> Result:
    """Find every quotation in ``text`` and name its speaker."""
    if not isinstance(text, str):
        raise TypeError(f"attribute() expects text as str, not {type(text).__name__}")
    paragraphs = paragraph_bounds(text)
    quotes, stray = scan_quotes(text, paragraphs)
    return Result.model_construct(
        text=text, quotes=tuple(to_model(text, q) for q in quotes), speakers=(),
        stray_marks=tuple(stray),
    )
