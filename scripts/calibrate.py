"""Measure how often each kind of decision is right, and write the confidence table.

    .venv/bin/python scripts/calibrate.py            # rewrites the table (below)
    .venv/bin/python scripts/calibrate.py --dry-run  # prints the figures, writes nothing
    .venv/bin/python scripts/calibrate.py --splits   # how each feature splits right/wrong

The table is ``quotecheck/calibration_data.py``.

Runs the engine over the annotated sets (the PolNeAR tune half, LitBank dev, GUM dev and
``fixtures/news-eval``), matches its quotations to the gold ones with the evaluation
kit's matcher and name test (``../shared/eval/score.py``, as ``benchmarks/accuracy.py``
does), reads each attributed quotation's features
(:func:`quotecheck.confidence.decision_features`), picks the order of the key (the sieve
first, then greedily the feature that lowers the held-out log loss most, over documents
in five folds) and the smoothing weight of each depth the same way, both on the
quotations alone, and counts, for
every prefix of the key, how many attributions were decided and how many named the
right speaker.
Reported speech is counted in the same table: on the PolNeAR tune half's attribution
relations, each decided item of :func:`quotecheck.reported.find_reported` is matched to
the gold relations with ``../shared/eval/score_reported.py``'s ``pair``, and, where the
relation is indirect or mixed with a named source, is right when ``score.py``'s ``names``
test accepts its speaker; its features are
:func:`quotecheck.confidence.reported_features`, the reader standing for the sieve.
The table holds those counts only, never a text. Re-run it after any change to the rules:
the counts follow the engine. The PolNeAR report half is never read here.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(EVAL))
sys.path.insert(0, str(ROOT))

import score  # type: ignore[import-not-found]  # noqa: E402
import score_reported  # type: ignore[import-not-found]  # noqa: E402

from quotecheck.confidence import (  # noqa: E402
    FEATURE_NAMES,
    decision_features,
    reported_features,
)
from quotecheck.pipeline import _unnamed_entity, decide  # noqa: E402
from quotecheck.reported import find_reported  # noqa: E402
from quotecheck.sieves.base import Context  # noqa: E402

TABLE = ROOT / "quotecheck" / "calibration_data.py"
# The fitting sets. The report half of the PolNeAR split is held out for measuring.
SETS = {
    "polnear-tune": [ROOT / ".data" / "polnear.tune.jsonl"],
    "litbank": [EVAL / "dev" / "litbank.dev.jsonl"],
    "gum": [EVAL / "dev" / "gum.dev.jsonl"],
    "news-eval": sorted((ROOT / "fixtures" / "news-eval").glob("*.jsonl")),
}
# The pseudo-examples a cell's share is pulled toward its parent's by, one weight per
# depth of the key, each chosen by cross-validation over documents.
WEIGHTS = (1, 2, 4, 8, 16, 32, 64, 128)
ROUNDS = 2
FOLDS = 5
# A cell with fewer examples than this is left out: its parent's share stands for it.
MIN_CELL = 3

Point = tuple[tuple[str, ...], bool]


def _load(paths: list[Path]) -> list[dict[str, Any]]:
    return [json.loads(line) for path in paths if path.exists()
            for line in path.open(encoding="utf-8") if line.strip()]


def document_points(doc: dict[str, Any]) -> list[Point]:
    """(features, right) for every attributed quotation matched to a gold one with a
    named speaker (terms excluded), scored as ``benchmarks/accuracy.py`` scores."""
    text = doc["text"]
    ctx, decided_by = decide(text)
    pred = []
    for index, span in enumerate(ctx.quotes):
        decision, sieve = ctx.decisions[index], decided_by[index]
        if decision is None or sieve is None or decision.speaker is None:
            continue
        features = tuple(decision_features(ctx, index, sieve, decision))
        name = " ".join(ctx.entities[decision.speaker].name.split())
        pred.append({"start": span.start, "end": span.end, "speaker": name,
                     "features": features})
    gold, split = score.by_paragraph(text, doc["quotes"]), score.by_paragraph(text, pred)
    points: list[Point] = []
    for i, j in score.match(text, gold, split, lenient=True):
        g, p = gold[i], split[j]
        if not g.get("speaker") or g.get("type") == "term":
            continue
        points.append((p["features"], bool(score.names(p["speaker"], g))))
    if "relations" in doc:
        points += reported_points(ctx, doc)
    return points


def reported_points(ctx: Context, doc: dict[str, Any]) -> list[Point]:
    """(features, right) for every decided item of reported speech matched to an indirect
    or mixed gold relation with a named source, scored as ``score_reported.py`` scores
    speakers (the speakers the engine describes but does not name get an entity, as
    :func:`quotecheck.attribute` gives them)."""
    text = doc["text"]
    unnamed: dict[str, int] = {}
    pred = []
    for item in find_reported(ctx):
        decision = item.decision
        if decision.speaker is None and decision.description:
            decision.speaker = _unnamed_entity(ctx, decision.description, unnamed)
        if decision.speaker is None:
            continue
        pred.append({"start": item.start, "end": item.end,
                     "speaker": " ".join(ctx.entities[decision.speaker].name.split()),
                     "features": tuple(reported_features(ctx, item.reader, decision))})
    gold = doc["relations"]
    points: list[Point] = []
    for i, j in score_reported.pair(text, gold, pred):
        g, p = gold[i], pred[j]
        if g["kind"] == "direct" or not g.get("speaker"):
            continue
        points.append((p["features"], bool(score.names(p["speaker"], g))))
    return points


def count(points: list[Point]) -> dict[tuple[str, ...], list[int]]:
    """Right and decided per prefix of the feature key (the empty prefix is all), for
    the prefixes with at least ``MIN_CELL`` examples."""
    cells: dict[tuple[str, ...], list[int]] = defaultdict(lambda: [0, 0])
    for features, right in points:
        for depth in range(len(features) + 1):
            cell = cells[features[:depth]]
            cell[0] += right
            cell[1] += 1
    return {key: cell for key, cell in cells.items() if cell[1] >= MIN_CELL or not key}


def estimate(cells: dict[tuple[str, ...], list[int]], features: tuple[str, ...],
             weights: tuple[float, ...]) -> float:
    """The same walk as :func:`quotecheck.confidence.confidence_of`, on live counts."""
    right, decided = cells.get((), (0, 0))
    share = (right + 1) / (decided + 2)
    for depth in range(1, len(features) + 1):
        cell = cells.get(features[:depth])
        if cell is None:
            break
        weight = weights[min(depth, len(weights)) - 1]
        share = (cell[0] + weight * share) / (cell[1] + weight)
    return share


def _loss(documents: list[list[Point]], folds: list[dict[tuple[str, ...], list[int]]],
          weights: tuple[float, ...]) -> float:
    """Log loss of the held-out documents, each scored with the counts of the others."""
    loss = 0.0
    for k, doc in enumerate(documents):
        cells = folds[k % FOLDS]
        for features, right in doc:
            share = min(max(estimate(cells, features, weights), 1e-3), 1 - 1e-3)
            loss -= math.log(share if right else 1 - share)
    return loss


def _choose_weights(documents: list[list[Point]],
                    rounds: int = ROUNDS) -> tuple[tuple[float, ...], float]:
    """One smoothing weight per depth, with the least held-out log loss (coordinate
    descent over ``WEIGHTS``), and that loss."""
    folds = [count([p for k, doc in enumerate(documents) if k % FOLDS != fold for p in doc])
             for fold in range(FOLDS)]
    depths = max((len(f) for doc in documents for f, _ in doc), default=1)
    weights = [16.0] * depths
    for _ in range(rounds):
        for depth in range(len(weights)):
            def trial(weight: float, depth: int = depth) -> float:
                return _loss(documents, folds,
                             tuple(weights[:depth] + [weight] + weights[depth + 1:]))
            weights[depth] = min(WEIGHTS, key=trial)
    return tuple(weights), _loss(documents, folds, tuple(weights))


def _reordered(documents: list[list[Point]], order: list[str]) -> list[list[Point]]:
    """The points keyed by the features named in ``order``, in that order."""
    positions = [FEATURE_NAMES.index(name) for name in order]
    return [[(tuple(features[i] for i in positions), right) for features, right in doc]
            for doc in documents]


def choose_order(documents: list[list[Point]]) -> list[str]:
    """The key order: the sieve first, then, greedily, the feature whose cells lower the
    held-out log loss most (one round of weights per trial)."""
    order, left = [FEATURE_NAMES[0]], list(FEATURE_NAMES[1:])
    while left:
        best = min(left, key=lambda name: _choose_weights(
            _reordered(documents, [*order, name]), rounds=1)[1])
        order.append(best)
        left.remove(best)
    return order


def _calibration(points: list[tuple[float, bool]]) -> tuple[float, float]:
    """Expected calibration error (10 bins) and the wrong share among the 20% least sure."""
    if not points:
        return 0.0, 0.0
    bins: list[list[tuple[float, bool]]] = [[] for _ in range(10)]
    for share, right in points:
        bins[min(9, int(share * 10))].append((share, right))
    ece = sum(abs(sum(s for s, _ in b) - sum(r for _, r in b)) for b in bins if b) / len(points)
    ordered = sorted(points, key=lambda p: p[0])
    wrong = sum(1 for _, r in ordered if not r)
    caught = sum(1 for _, r in ordered[:round(0.2 * len(points))] if not r)
    return ece, caught / max(1, wrong)


def _render(cells: dict[tuple[str, ...], list[int]], weights: tuple[float, ...],
            order: list[str], sets: list[str]) -> str:
    lines = [
        "# ruff: noqa: E501",
        '"""Right and decided attributions per decision situation: the confidence table.',
        "",
        "Generated by ``scripts/calibrate.py`` from the annotated sets "
        f"({', '.join(sets)}); do not edit.",
        "Regenerate after any change to the rules: ``.venv/bin/python scripts/calibrate.py``.",
        "",
        "``COUNTS`` maps a prefix of a decision's features, in the order ``KEY_ORDER``",
        "(the empty key is every decision), to (right, decided);",
        ":mod:`quotecheck.confidence` smooths each cell toward its parent with",
        "``PRIOR_WEIGHTS[depth - 1]`` pseudo-examples. Figures only, never a text.",
        '"""',
        "",
        "KEY_ORDER: tuple[str, ...] = (" + ", ".join(f'"{name}"' for name in order) + ")",
        f"PRIOR_WEIGHTS: tuple[float, ...] = {weights}",
        "",
        "# fmt: off",
        "COUNTS: dict[tuple[str, ...], tuple[int, int]] = {",
    ]
    for key in sorted(cells):
        right, decided = cells[key]
        inside = ", ".join(f'"{part}"' for part in key) + ("," if len(key) == 1 else "")
        lines.append(f"    ({inside}): ({right}, {decided}),")
    lines += ["}", "# fmt: on", ""]
    return "\n".join(lines)


def _splits(points: list[Point]) -> None:
    """Accuracy of each value of each feature, within each sieve."""
    for position, name in enumerate(FEATURE_NAMES[2:], start=2):
        table: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        for features, right in points:
            cell = table[(features[0], features[position])]
            cell[0] += right
            cell[1] += 1
        print(f"-- {name}")
        for (sieve, value), (right, decided) in sorted(table.items()):
            print(f"   {sieve:22} {value:12} {right:5}/{decided:<5} {right / decided:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="print, write nothing")
    parser.add_argument("--splits", action="store_true", help="print each feature's split")
    options = parser.parse_args()
    documents: list[list[Point]] = []
    per_set: dict[str, list[Point]] = {}
    for name, paths in SETS.items():
        docs = _load(paths)
        if not docs:
            print(f"{name}: not found, skipped", file=sys.stderr)
            continue
        per_set[name] = []
        for doc in docs:
            points = document_points(doc)
            documents.append(points)
            per_set[name].extend(points)
    everything = [p for doc in documents for p in doc]
    if options.splits:
        _splits(everything)
    # The key order and the smoothing weights are chosen on the quotations alone, so
    # that counting reported speech too leaves the quotations' confidences as they were.
    quoted = [[p for p in doc if not p[0][0].startswith("reported_")] for doc in documents]
    order = choose_order(quoted)
    quoted = _reordered(quoted, order)
    documents = _reordered(documents, order)
    per_set = {name: [p for doc in docs for p in doc]
               for name, docs in ((name, _reordered([points], order))
                                  for name, points in per_set.items())}
    everything = [p for doc in documents for p in doc]
    weight, loss = _choose_weights(quoted)
    print(f"key order {', '.join(order)}; held-out log loss {loss:.1f}")
    cells = count(everything)
    print(f"{len(everything)} attributions, {len(cells)} cells, prior weights {weight}")
    for name, points in per_set.items():
        shares = [(estimate(cells, f, weight), right) for f, right in points]
        ece, caught = _calibration(shares)
        print(f"  {name:14} n={len(points):5}  ece {ece:.3f}  flag20 {caught:.3f}  (in sample)")
    reported = [(estimate(cells, f, weight), right) for f, right in everything
                if f[order.index("sieve")].startswith("reported_")]
    ece, caught = _calibration(reported)
    print(f"  {'reported':14} n={len(reported):5}  ece {ece:.3f}  flag20 {caught:.3f}  (in sample)")
    if not options.dry_run:
        TABLE.write_text(_render(cells, weight, order, list(per_set)), encoding="utf-8")
        print(f"wrote {TABLE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
