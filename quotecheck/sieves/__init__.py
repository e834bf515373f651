"""The ordered sieves: from the most precise rule to the most speculative.

``DEFAULT_SIEVES`` is the registry and the order in one tuple. Pass a subset of
names to :func:`quotecheck.attribute` (``sieves=("cue_adjacent",)``) to run fewer.
"""

from __future__ import annotations

from .base import Context, Decision, Sieve
from .colon_intro import colon_intro
from .continuation import continuation
from .cue_adjacent import cue_adjacent
from .cue_in_sentence import cue_in_sentence
from .dialogue_turns import dialogue_turns
from .paragraph_single_name import paragraph_single_name
from .pronoun_carryover import pronoun_carryover

__all__ = ["DEFAULT_SIEVES", "SIEVE_NAMES", "Context", "Decision", "Sieve"]

# fmt: off
DEFAULT_SIEVES: tuple[tuple[str, Sieve], ...] = (
    ("cue_adjacent", cue_adjacent),                    # “…,” said X / X said: “…” / according to X
    ("cue_in_sentence", cue_in_sentence),              # X said that … “…” / the sentence's closing clause
    ("colon_intro", colon_intro),                      # X was blunt: “…” / X stated, ¶ “…”
    ("pronoun_carryover", pronoun_carryover),          # “…,” he said → the salient earlier person
    ("continuation", continuation),                    # adding: “…” / …, said X. “…” / same paragraph
    ("dialogue_turns", dialogue_turns),                # a quotation-only paragraph continues or answers
    ("paragraph_single_name", paragraph_single_name),  # the only person named around it
)
# fmt: on

SIEVE_NAMES: tuple[str, ...] = tuple(name for name, _ in DEFAULT_SIEVES)
