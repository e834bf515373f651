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
from .dialogue_run import dialogue_run
from .dialogue_turns import dialogue_turns
from .narrative_subject import narrative_subject
from .paragraph_single_name import paragraph_single_name
from .pronoun_carryover import pronoun_carryover

__all__ = ["DEFAULT_SIEVES", "SIEVE_NAMES", "Context", "Decision", "Sieve"]

# fmt: off
DEFAULT_SIEVES: tuple[tuple[str, Sieve], ...] = (
    # “…,” said X / X said: “…” / according to X, “…”
    ("cue_adjacent", cue_adjacent),
    # X said that … “…” / “A” …, and “B,” said X (the clause that ends the sentence)
    ("cue_in_sentence", cue_in_sentence),
    # X was blunt: “…” / X stated, ¶ “…”
    ("colon_intro", colon_intro),
    # “…,” he said → the salient earlier person of that gender
    ("pronoun_carryover", pronoun_carryover),
    # adding: “…” / …, said X. “…” / an attributed quotation earlier in the paragraph
    ("continuation", continuation),
    # fiction: the turns of a run of dialogue decided together, the named ones fixed
    ("dialogue_run", dialogue_run),
    # a quotation-only paragraph: the speaker goes on, or the partner answers
    ("dialogue_turns", dialogue_turns),
    # the only person named around a cue-less quotation
    ("paragraph_single_name", paragraph_single_name),
    # He tilted me again. “…”: the subject of the narration just before
    ("narrative_subject", narrative_subject),
)
# fmt: on

SIEVE_NAMES: tuple[str, ...] = tuple(name for name, _ in DEFAULT_SIEVES)
