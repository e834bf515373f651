"""How long ``quotecheck.verify`` takes on a one-hour transcript (about 60,000 characters).

Builds a deterministic transcript of speaker turns from a fixed vocabulary (so word
pairs repeat a lot, as they do in speech), plants a few real remarks in it, and
times ``verify`` for an exact, an altered, an elided and an absent quotation: the
first call on a new source (which builds the word index) and later calls on the
same source (index cached). Prints the median of several runs in milliseconds.

Run: ``.venv/bin/python benchmarks/verify_speed.py``
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotecheck import verify  # noqa: E402

TARGET_CHARS = 60_000
RUNS = 15

_VOCABULARY_TEXT = (
    "the a and of to in that we it is was for on with as at be this have not they are but "
    "what about our their there will would can could should been very more some also just "
    "think know people country government security talks alliance troops border minister "
    "question answer meeting week position allies sanctions pipeline gas energy diplomacy "
    "Europe Russia Ukraine NATO Moscow Brussels Washington president secretary deputy "
    "foreign defense military economic risk conflict decision process agreement proposal "
    "said say going want need make take look see come right really important clear serious"
)
_VOCABULARY = _VOCABULARY_TEXT.split()
_SPEAKERS = ("MODERATOR", "MR. GRUSHKO", "MS. SHERMAN", "MR. STOLTENBERG", "REPORTER")
_REMARKS = (
    "This is a principled position, and we will not move from it.",
    "We are ready to discuss arms control, but not at the barrel of a gun.",
    "The door to diplomacy remains open, and we expect an answer by the end of the month.",
)


def build_transcript(seed: int = 2026) -> str:
    """A transcript of about ``TARGET_CHARS`` characters with the remarks planted in it."""
    rng = random.Random(seed)
    turns: list[str] = []
    size = 0
    planted = 0
    while size < TARGET_CHARS:
        sentences = []
        for _ in range(rng.randint(1, 5)):
            words = [rng.choice(_VOCABULARY) for _ in range(rng.randint(6, 24))]
            sentences.append(" ".join(words).capitalize() + rng.choice(".?."))
        if planted < len(_REMARKS) and size > (planted + 1) * TARGET_CHARS // 4:
            sentences.insert(1, _REMARKS[planted])
            planted += 1
        turn = f"{rng.choice(_SPEAKERS)}: {' '.join(sentences)}"
        turns.append(turn)
        size += len(turn) + 2
    return "\n\n".join(turns)


QUOTATIONS = {
    "exact": "We are ready to discuss arms control, but not at the barrel of a gun",
    "altered": "We are prepared to discuss arms control but not at the point of a gun",
    "elided": "The door to diplomacy remains open … by the end of the month",
    "absent": "Nobody here believes that the pipeline will ever carry a single cubic metre of gas",
}


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> None:
    base = build_transcript()
    print(f"source: {len(base):,} characters, {len(base.split()):,} words; median of {RUNS} runs")
    for label, quotation in QUOTATIONS.items():
        cold: list[float] = []
        warm: list[float] = []
        status = ""
        for run in range(RUNS):
            source = f"{base}\n\n[{label} {run}]"  # a new string: the index is rebuilt
            began = time.perf_counter()
            status = verify(quotation, source).status
            cold.append(time.perf_counter() - began)
            began = time.perf_counter()
            verify(quotation, source)
            warm.append(time.perf_counter() - began)
        print(f"{label:>8}: {status:<9}  first call {_median_ms(cold):7.2f} ms   "
              f"cached source {_median_ms(warm):6.2f} ms")


if __name__ == "__main__":
    main()
