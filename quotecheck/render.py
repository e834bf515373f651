"""Renderings of a :class:`~quotecheck.models.Result`: a plain-text table for now."""

from __future__ import annotations

from .models import Result

__all__ = ["to_table"]


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def to_table(result: Result, width: int = 60) -> str:
    """One line per quotation: offsets, quoted words, speaker and deciding rule.

    >>> from quotecheck import attribute
    >>> print(to_table(attribute("“Go,” said Mr. Smith.")))  # doctest: +ELLIPSIS
    start   end  quote ... speaker ... rule
    ...
    """
    header = f"{'start':>5} {'end':>5}  {'quote':<{width}}  {'speaker':<24}  rule"
    lines = [header, "-" * len(header)]
    for quote in result.quotes:
        speaker = quote.speaker.name if quote.speaker else "—"
        rule = quote.attribution.sieve + "/" + quote.attribution.rule if quote.attribution else ""
        lines.append(
            f"{quote.start:>5} {quote.end:>5}  {_clip(quote.text, width):<{width}}  "
            f"{_clip(speaker, 24):<24}  {rule}"
        )
    return "\n".join(lines)
