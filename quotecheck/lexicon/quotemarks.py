"""Quotation marks as data: which mark opens, which closes it, which are ambiguous.

Data only. ``QUOTE_PAIRS`` maps an opening mark to the marks that may close it
(German „…“ and Swedish ”…” close with what English opens with). ``AMBIGUOUS_MARKS``
open or close by the characters around them, and the single ones may also be
apostrophes.
"""

# fmt: off
QUOTE_PAIRS: dict[str, tuple[str, ...]] = {
    "\u201c": ("\u201d",),            # “ ”
    "\u2018": ("\u2019",),            # ‘ ’
    "\u201d": ("\u201d",),            # ” ” (Swedish, and writers who open with ”)
    "\u201e": ("\u201c", "\u201d"),   # „ “ (German), „ ” (Polish)
    "\u201a": ("\u2018", "\u2019"),   # ‚ ‘
    "\u00ab": ("\u00bb",),            # « »
    "\u00bb": ("\u00ab",),            # » « (German, Danish)
    "\u2039": ("\u203a",),            # ‹ ›
    "\u203a": ("\u2039",),            # › ‹
    "\u300c": ("\u300d",),            # 「 」
    "\u300e": ("\u300f",),            # 『 』
    '"': ('"',),
    "'": ("'", "\u2019"),
    "''": ("''",),                    # NYT style doubled apostrophes
    "\u2018\u2018": ("\u2019\u2019",),  # ‘‘ ’’ doubled curly singles, as archives type “ ”
    "``": ("''", '"'),                # TeX style
}
# fmt: on

# Closers typed in the other style (or the wrong way round), tried only when no closer
# of the opener's own kind is left for it in the paragraph: “…" and "…” (copy pasted
# together from two sources), “…“ and "…“ (typed slips), ‘…' and a straight ' for ‘.
# fmt: off
MIXED_CLOSERS: dict[str, tuple[str, ...]] = {
    "\u201c": ('"', "\u201c"),   # “…" and “…“
    "\u2018": ("'",),            # ‘…'
    '"': ("\u201d", "\u201c"),   # "…” and "…“
}
# fmt: on

# Marks whose role depends on their neighbours.
# fmt: off
AMBIGUOUS_MARKS: frozenset[str] = frozenset({
    '"',
    "'",
    "''",
    "\u2019",   # ’ closing single quote or apostrophe
    "\u201d",   # ” closes, but some writers open with it too
    "\u00bb",   # » closes in French, opens in German
    "\u203a",
})
# fmt: on

# Marks that can only ever close (never open) when nothing ambiguous is going on.
# fmt: off
CLOSING_MARKS: frozenset[str] = frozenset({
    "\u201d",
    "\u2019",
    "\u00bb",
    "\u203a",
    "\u300d",
    "\u300f",
})
# fmt: on

# Single-quote family: their closers double as apostrophes.
# fmt: off
SINGLE_MARKS: frozenset[str] = frozenset({
    "'",
    "\u2018",
    "\u2019",
    "\u201a",
    "\u2039",
    "\u203a",
})
# fmt: on
