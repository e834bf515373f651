"""``cue_in_sentence``: the reporting clause sits elsewhere in the quotation's sentence."""

from __future__ import annotations

from ..quotes import QuoteSpan
from .base import Context, Decision
from .naming import decide_named

__all__ = ["cue_in_sentence"]


def cue_in_sentence(quote: QuoteSpan, ctx: Context) -> Decision | None:
    """Speaker named by a reporting clause in the same sentence, not touching the quotation.

    Two shapes: the clause that ends the sentence covers its earlier quotations
    (“Significant differences” remained, and “…,” said X), and the outermost
    reporting verb before a partial quotation names the speaker (X said that allies
    urged Russia to “…”; X has warned of an unspecified “…” response); a partial
    quotation no verb of speech reports is the subject's when the verb communicates or
    evaluates (X slammed the plan as a “…”).

    >>> from quotecheck import attribute
    >>> r = attribute("Ana Ruiz said that the allies urged Moscow to “step back at once.”")
    >>> r.quotes[0].speaker.name, r.quotes[0].attribution.rule
    ('Ana Ruiz', 'name-verb-partial')
    >>> r = attribute("Ana Ruiz talked up her “jobs agenda” in Ames.")
    >>> r.quotes[0].speaker.name, r.quotes[0].attribution.rule
    ('Ana Ruiz', 'name-verb-partial')
    >>> r = attribute("“Costs” rose, and “it will get worse,” said Ana Ruiz.")
    >>> r.quotes[0].speaker.name, r.quotes[0].attribution.rule
    ('Ana Ruiz', 'sentence-final-cue')
    """
    cue = ctx.primary_cue(ctx.position(quote))
    if cue is None or cue.place not in ("sentence_final", "in_sentence"):
        return None
    if cue.subject is None or cue.subject.kind == "pronoun":
        return None
    return decide_named(cue, ctx, ctx.position(quote))
