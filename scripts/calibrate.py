"""Measure how often each kind of decision is right, and write the confidence table.

    .venv/bin/python scripts/calibrate.py            # rewrites the table (below)
    .venv/bin/python scripts/calibrate.py --dry-run  # prints the figures, writes nothing
    .venv/bin/python scripts/calibrate.py --splits   # how each feature splits right/wrong

The table is ``quotecheck/calibration_data.py``.

Runs the engine over the annotated sets (the PolNeAR tune half, LitBank dev, GUM dev and
``fixtures/news-eval``; never PDNC, never a report half), matches its quotations to the
gold ones with the evaluation kit's matcher and name test (``../shared/eval/score.py``,
as ``benchmarks/accuracy.py`` does), reads each attributed quotation's features
(:func:`quotecheck.confidence.decision_features`) and fits one log-odds weight per value
of each term (every feature, and the sieve with the evidence; ``TERMS``) by penalised
logistic regression: a Gaussian prior pulls every weight toward zero, so a value seen a
few times weighs little (the backoff), with the prior's strength chosen among
``PRIORS`` by the held-out log loss over documents in five folds (by a hash of the
document id, so the folds do not depend on file order). The fit is coordinate descent
in a fixed order from zero, to a fixed tolerance: the same data give the same table.
Reported speech is fitted in the same model: on the PolNeAR tune half's attribution
relations, each decided item of :func:`quotecheck.reported.find_reported` is matched to
the gold relations with ``../shared/eval/score_reported.py``'s ``pair``, and, where the
relation is indirect or mixed with a named source, is right when ``score.py``'s ``names``
test accepts its speaker; its features are
:func:`quotecheck.confidence.reported_features`, the reader standing for the sieve.
The table holds weights and counts only, never a text. Re-run it after any change to the
rules: the weights follow the engine.
"""

from __future__ import annotations

import argparse
import hashlib
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
    Features,
    Speakers,
    decision_features,
    reported_features,
)
from quotecheck.pipeline import _unnamed_entity, decide  # noqa: E402
from quotecheck.reported import find_reported  # noqa: E402
from quotecheck.sieves.base import Context  # noqa: E402

TABLE = ROOT / "quotecheck" / "calibration_data.py"
# The fitting sets. The report halves (PolNeAR, PDNC) are held out for measuring.
SETS = {
    "polnear-tune": [ROOT / ".data" / "polnear.tune.jsonl"],
    "litbank": [EVAL / "dev" / "litbank.dev.jsonl"],
    "gum": [EVAL / "dev" / "gum.dev.jsonl"],
    "news-eval": sorted((ROOT / "fixtures" / "news-eval").glob("*.jsonl")),
}
# The terms that get a weight per value: every feature, and the sieve with what named
# the speaker (a description carried back to a name is surer in one sieve than another).
TERMS: tuple[tuple[str, ...], ...] = (*((name,) for name in FEATURE_NAMES),
                                      ("sieve", "evidence"))
# The prior strengths tried (the pseudo-count of evidence that a weight is zero).
PRIORS = (1.0, 2.0, 5.0, 10.0, 20.0)
FOLDS = 5
SWEEPS = 200  # at most; the fit stops when no weight moves by more than TOLERANCE
TOLERANCE = 1e-7

Point = tuple[Features, bool]


def _load(paths: list[Path]) -> list[dict[str, Any]]:
    return [json.loads(line) for path in paths if path.exists()
            for line in path.open(encoding="utf-8") if line.strip()]


def document_points(doc: dict[str, Any]) -> list[Point]:
    """(features, right) for every attributed quotation matched to a gold one with a
    named speaker (terms excluded), scored as ``benchmarks/accuracy.py`` scores."""
    text = doc["text"]
    ctx, decided_by = decide(text)
    pred = []
    speakers = Speakers(ctx)
    for index, span in enumerate(ctx.quotes):
        decision, sieve = ctx.decisions[index], decided_by[index]
        if decision is None or sieve is None or decision.speaker is None:
            continue
        features = decision_features(ctx, index, sieve, decision, speakers)
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
                     "features": reported_features(ctx, item.reader, decision)})
    gold = doc["relations"]
    points: list[Point] = []
    for i, j in score_reported.pair(text, gold, pred):
        g, p = gold[i], pred[j]
        if g["kind"] == "direct" or not g.get("speaker"):
            continue
        points.append((p["features"], bool(score.names(p["speaker"], g))))
    return points


def _keys(features: Features) -> list[str]:
    """The table keys of ``features``, one per term (``name=value``)."""
    return ["+".join(term) + "=" + "+".join(getattr(features, name) for name in term)
            for term in TERMS]


class Fit:
    """Penalised logistic regression over one-hot term values, by coordinate descent.

    The intercept is free; each weight has a Gaussian prior of strength ``prior``
    centred on zero. Each sweep takes one Newton step per weight, in sorted key order.
    """

    def __init__(self, points: list[Point], prior: float) -> None:
        self.prior = prior
        rows = [_keys(features) for features, _ in points]
        self.labels = [1.0 if right else 0.0 for _, right in points]
        self.where: dict[str, list[int]] = defaultdict(list)
        for row, keys in enumerate(rows):
            for key in keys:
                self.where[key].append(row)
        self.weights = dict.fromkeys(sorted(self.where), 0.0)
        share = (sum(self.labels) + 1) / (len(self.labels) + 2)
        self.intercept = math.log(share / (1 - share))
        self.margins = [self.intercept] * len(rows)
        self._solve()

    def _step(self, rows: list[int] | range, weight: float, prior: float) -> float:
        """The Newton step of one weight that ``rows`` share."""
        gradient, curvature = prior * weight, prior + 1e-9
        for row in rows:
            chance = 1.0 / (1.0 + math.exp(-self.margins[row]))
            gradient += chance - self.labels[row]
            curvature += chance * (1.0 - chance)
        return -gradient / curvature

    def _solve(self) -> None:
        everyone = range(len(self.labels))
        for _ in range(SWEEPS):
            moved = self._step(everyone, 0.0, 0.0)
            self.intercept += moved
            self.margins = [m + moved for m in self.margins]
            largest = abs(moved)
            for key, rows in self.where.items():
                moved = self._step(rows, self.weights[key], self.prior)
                self.weights[key] += moved
                for row in rows:
                    self.margins[row] += moved
                largest = max(largest, abs(moved))
            if largest < TOLERANCE:
                break

    def chance(self, features: Features) -> float:
        """The fitted chance that a decision with ``features`` is right."""
        odds = self.intercept + sum(self.weights.get(key, 0.0) for key in _keys(features))
        return 1.0 / (1.0 + math.exp(-odds))


def _fold(document: str) -> int:
    return int(hashlib.sha1(document.encode()).hexdigest(), 16) % FOLDS


def held_out_loss(documents: dict[str, list[Point]], prior: float) -> float:
    """Log loss of each fold's documents under the fit on the other folds."""
    loss = 0.0
    for fold in range(FOLDS):
        train = [p for doc, points in documents.items() if _fold(doc) != fold for p in points]
        fitted = Fit(train, prior)
        for doc, points in documents.items():
            if _fold(doc) == fold:
                for features, right in points:
                    share = min(max(fitted.chance(features), 1e-6), 1 - 1e-6)
                    loss -= math.log(share if right else 1 - share)
    return loss


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


def _render(fitted: Fit, points: list[Point], sets: list[str]) -> str:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for features, right in points:
        for key in _keys(features):
            counts[key][0] += right
            counts[key][1] += 1
    lines = [
        "# ruff: noqa: E501",
        '"""Measured log-odds weights per decision situation: the confidence table.',
        "",
        "Generated by ``scripts/calibrate.py`` from the annotated sets "
        f"({', '.join(sets)}); do not edit.",
        "Regenerate after any change to the rules: ``.venv/bin/python scripts/calibrate.py``.",
        "",
        "A decision's confidence is the logistic of ``INTERCEPT`` plus the weight of the value",
        "of each of its ``TERMS`` (a feature, or two joined by ``+``); ``WEIGHTS`` maps",
        "(term, value) to (weight, right, decided): the weight, and how many attributions",
        "with that value were right and decided. ``PRIOR`` is the strength of the prior",
        "that pulled every weight toward zero. Figures only, never a text.",
        '"""',
        "",
        "TERMS: tuple[tuple[str, ...], ...] = ("
        + " ".join("(" + ", ".join(f'"{n}"' for n in term) + ",)," for term in TERMS) + ")",
        f"PRIOR: float = {fitted.prior}",
        f"INTERCEPT: float = {fitted.intercept:.4f}",
        "",
        "# fmt: off",
        "WEIGHTS: dict[tuple[str, str], tuple[float, int, int]] = {",
    ]
    for key in sorted(fitted.weights):
        term, _, value = key.partition("=")
        weight, seen = fitted.weights[key], counts[key]
        lines.append(f'    ("{term}", "{value}"): ({weight:.4f}, {seen[0]}, {seen[1]}),')
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
        for (sieve, value), (good, decided) in sorted(table.items()):
            print(f"   {sieve:22} {value:12} {good:5}/{decided:<5} {good / decided:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="print, write nothing")
    parser.add_argument("--splits", action="store_true", help="print each feature's split")
    options = parser.parse_args()
    documents: dict[str, list[Point]] = {}
    per_set: dict[str, list[Point]] = {}
    for name, paths in SETS.items():
        docs = _load(paths)
        if not docs:
            print(f"{name}: not found, skipped", file=sys.stderr)
            continue
        per_set[name] = []
        for number, doc in enumerate(docs):
            points = document_points(doc)
            documents[f"{name}/{doc.get('id', number)}"] = points
            per_set[name].extend(points)
    everything = [p for points in documents.values() for p in points]
    if options.splits:
        _splits(everything)
    losses = {prior: held_out_loss(documents, prior) for prior in PRIORS}
    prior = min(PRIORS, key=lambda value: (losses[value], value))
    print("held-out log loss by prior: "
          + ", ".join(f"{value:g} {loss:.1f}" for value, loss in losses.items()))
    fitted = Fit(everything, prior)
    print(f"{len(everything)} attributions, {len(fitted.weights)} weights, prior {prior:g}")
    for name, points in per_set.items():
        ece, caught = _calibration([(fitted.chance(f), right) for f, right in points])
        print(f"  {name:14} n={len(points):5}  ece {ece:.3f}  flag20 {caught:.3f}  (in sample)")
    reported = [(fitted.chance(f), right) for f, right in everything
                if f.sieve.startswith("reported_")]
    ece, caught = _calibration(reported)
    print(f"  {'reported':14} n={len(reported):5}  ece {ece:.3f}  flag20 {caught:.3f}  (in sample)")
    if not options.dry_run:
        TABLE.write_text(_render(fitted, everything, list(per_set)), encoding="utf-8")
        print(f"wrote {TABLE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
