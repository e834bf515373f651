"""``colon_intro``: a colon, or a paragraph ending in a cue, introduces the quotation."""

from __future__ import annotations

from ..quotes import QuoteSpan
from .base import Context, Decision
from .naming import decide_named

__all__ = ["colon_intro"]


def colon_intro(quote: QuoteSpan, ctx: Context) -> Decision | None:
    """Speaker introduced by a colon with no reporting verb, or by the previous paragraph.

    Mr. X was blunt: “…” → Mr. X (``name-colon``). A paragraph that ends with
    "X stated," or "X wrote:" introduces the quotation that opens the next paragraph
    (``paragraph-intro``).

    >>> from quotecheck import attribute
    >>> r = attribute("Ana Ruiz was blunt: “We are done here.”")
    >>> r.quotes[0].speaker.name, r.quotes[0].attribution.rule
    ('Ana Ruiz', 'name-colon')
    """
    cue = ctx.primary_cue(ctx.position(quote))
    if cue is None or cue.place not in ("colon", "paragraph_intro"):
        return None
    if cue.subject is None or cue.subject.kind == "pronoun":
        return None
    return decide_named(cue, ctx, ctx.position(quote))
