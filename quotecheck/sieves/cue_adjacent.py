"""``cue_adjacent``: a named speaker beside a reporting verb that touches the quotation."""

from __future__ import annotations

from ..quotes import QuoteSpan
from .base import Context, Decision
from .naming import decide_named

__all__ = ["cue_adjacent"]


def cue_adjacent(quote: QuoteSpan, ctx: Context) -> Decision | None:
    """Speaker named right beside a reporting verb that touches the quotation.

    Reads “…,” said X / “…,” X said / X said: “…” / X told reporters that “…” /
    according to X, “…”, where X is a name, an organisation or a description.

    >>> from quotecheck import attribute
    >>> q = attribute("“We will not retreat,” said Mr. Grushko.").quotes[0]
    >>> q.speaker.name, q.attribution.sieve, q.attribution.rule
    ('Mr. Grushko', 'cue_adjacent', 'quote-verb-name')
    >>> attribute("Jane Doe told reporters that “it is over.”").quotes[0].attribution.addressee
    'reporters'
    """
    cue = ctx.primary_cue(ctx.position(quote))
    if cue is None or cue.place not in ("tail", "head") or cue.subject is None:
        return None
    if cue.subject.kind == "pronoun":
        return None
    return decide_named(cue, ctx, ctx.position(quote))
