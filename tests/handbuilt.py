"""A fully attributed :class:`Result` built by hand, for tests of the renderers.

Rendering tests must not depend on how far the attribution engine has got, so they
build their results here: two speakers, a nested quotation, quotations without a
speaker, a stray mark, and text and names that need escaping.
"""

from __future__ import annotations

from quotecheck.models import Attribution, Mention, Quote, Result, Span, Speaker, StrayMark

TEXT = (
    '<script>alert("x")</script> Talks & more.\n\n'
    "“We will not retreat,” said Mr. Grushko. “It is ‘simple’ now,” he added.\n\n"
    "Ms. Sherman called them “non-starters”. A “scare quote” here, and a stray ” mark."
)


def _quote(text: str, outer: str, after: int = 0, **fields: object) -> Quote:
    start = text.index(outer, after)
    return Quote(
        start=start, end=start + len(outer), text=outer[1:-1], open_mark=outer[0],
        close_mark=outer[-1], **fields,  # type: ignore[arg-type]
    )


def _span(text: str, words: str, after: int = 0) -> Span:
    start = text.index(words, after)
    return Span(start=start, end=start + len(words))


def _mention(text: str, words: str, kind: str, after: int = 0) -> Mention:
    span = _span(text, words, after)
    return Mention(start=span.start, end=span.end, text=words, kind=kind)  # type: ignore[arg-type]


def built_result() -> Result:
    """A fully attributed result, built by hand: two speakers, nesting, no-speaker, stray."""
    grushko = Speaker(
        id=3, name='Aleksandr V. "Sasha" Grushko', gender="male",
        titles=("deputy foreign minister",), aliases=("Mr. Grushko",),
    )
    sherman = Speaker(id=8, name="Wendy R. Sherman <b>", gender="female")
    said = _span(TEXT, "said")
    first = _quote(
        TEXT, "“We will not retreat,”", speaker=grushko,
        attribution=Attribution(
            sieve="cue_adjacent", rule="quote-verb-name", confidence=0.95, cue=said,
            cue_text="said", mention=_mention(TEXT, "Mr. Grushko", "name"),
        ),
    )
    nested = _quote(TEXT, "‘simple’")
    second = _quote(
        TEXT, "“It is ‘simple’ now,”", speaker=grushko, nested=(nested,),
        attribution=Attribution(
            sieve="pronoun_carryover", rule="quote-pronoun-verb", confidence=0.8,
            cue=_span(TEXT, "added"), cue_text="added", mention=_mention(TEXT, "he", "pronoun"),
            via=_span(TEXT, "Mr. Grushko"), candidates=("Jens Stoltenberg",),
        ),
    )
    third = _quote(
        TEXT, "“non-starters”", speaker=sherman,
        attribution=Attribution(
            sieve="cue_in_sentence", rule="name-verb-quote", confidence=0.9,
            cue=_span(TEXT, "called"), cue_text="called",
            mention=_mention(TEXT, "Ms. Sherman", "name"), addressee="reporters",
        ),
    )
    scare = _quote(TEXT, "“scare quote”")
    stray_at = TEXT.rindex("”")
    return Result(
        text=TEXT, quotes=(first, second, third, scare), speakers=(grushko, sherman),
        stray_marks=(StrayMark(start=stray_at, end=stray_at + 1, mark="”", reason="unopened"),),
    )
