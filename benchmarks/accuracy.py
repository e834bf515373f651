"""Accuracy on every development set, in one table: the figures the issues quote.

    .venv/bin/python benchmarks/accuracy.py [SET ...] [--json OUT]

Reads the evaluation kit in ``../shared/eval`` (its matcher and name test, so the figures
agree with ``score.py`` and ``calibration.py``) and the sets it knows: the seed, GUM dev,
LitBank dev, ``fixtures/news-eval`` and, when they were built into ``.data/``, the two
halves of the PolNeAR dev split and of the PDNC dev split (``.data/pdnc.tune.jsonl``,
``.data/pdnc.report.jsonl``, split as the kit's README says), and the two halves of LitBank
dev (``litbank-tune``, ``litbank-report``, split here by the same rule). Prints, per set:
quotations found (lenient precision and recall), speaker accuracy, end-to-end F1 on named
gold, the expected calibration error and the share of wrong speakers among the 20% least
confident, and ``spk+m``: speaker accuracy that also counts a speaker read from the gold's
own mention (PolNeAR's gold is mention-level, so a description resolved to the person's name
scores wrong in ``spk``).
Never run in the test suite.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(EVAL))
sys.path.insert(0, str(ROOT))

import score  # type: ignore[import-not-found]  # noqa: E402

import quotecheck  # noqa: E402

SETS = {
    "seed": EVAL / "dev" / "seed.dev.jsonl",
    "gum": EVAL / "dev" / "gum.dev.jsonl",
    "litbank": EVAL / "dev" / "litbank.dev.jsonl",
    "news-eval": ROOT / "fixtures" / "news-eval",
    "polnear-tune": ROOT / ".data" / "polnear.tune.jsonl",
    "polnear-report": ROOT / ".data" / "polnear.report.jsonl",
    "litbank-tune": EVAL / "dev" / "litbank.dev.jsonl",
    "litbank-report": EVAL / "dev" / "litbank.dev.jsonl",
    "pdnc-tune": ROOT / ".data" / "pdnc.tune.jsonl",
    "pdnc-report": ROOT / ".data" / "pdnc.report.jsonl",
}


def _half(doc_id: str) -> str:
    """The half of a dev split a document belongs to (``../shared/eval/README.md``)."""
    return "tune" if int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 2 == 0 else "report"


def _select(name: str, docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """LitBank dev is one file: its ``-tune`` and ``-report`` sets are its two halves."""
    if name.startswith("litbank-"):
        return [d for d in docs if _half(d["id"]) == name.split("-", 1)[1]]
    return docs


def _load(path: Path) -> list[dict[str, Any]]:
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    return [json.loads(line) for f in files for line in f.open(encoding="utf-8")]


def _calibration(points: list[tuple[float, bool]], flag: float = 0.2) -> tuple[float, float]:
    """Expected calibration error (10 bins) and the wrong share caught by flagging ``flag``."""
    if not points:
        return 0.0, 0.0
    bins: list[list[tuple[float, bool]]] = [[] for _ in range(10)]
    for c, r in points:
        bins[min(9, int(c * 10))].append((c, r))
    n = len(points)
    ece = sum(
        abs(sum(c for c, _ in b) / len(b) - sum(r for _, r in b) / len(b)) * len(b) / n
        for b in bins
        if b
    )
    ordered = sorted(points, key=lambda p: p[0])
    wrong = sum(1 for _, r in ordered if not r)
    caught = sum(1 for _, r in ordered[: round(flag * n)] if not r)
    return ece, caught / max(1, wrong)


def _same_mention(gold: list[int] | None, pred: tuple[int, int] | None) -> bool:
    """Whether the engine read the speaker from the gold's own mention (overlapping
    spans): "the Texas senator said", resolved to the senator's name, is scored wrong by
    a mention-level gold, but the engine chose the right words."""
    return gold is not None and pred is not None and pred[0] < gold[1] and gold[0] < pred[1]


def measure(docs: list[dict[str, Any]]) -> dict[str, float]:
    preds: dict[str, dict[str, Any]] = {}
    points: list[tuple[float, bool]] = []
    by_mention = [0, 0]  # right by name or by the gold's own mention, scorable
    chars, spent = 0, 0.0
    for doc in docs:
        text = doc["text"]
        began = time.perf_counter()
        res = quotecheck.attribute(text)
        spent += time.perf_counter() - began
        chars += len(text)
        pred = [
            {
                "start": q.start,
                "end": q.end,
                "speaker": q.speaker.name if q.speaker else None,
                "conf": q.attribution.confidence if q.attribution else None,
                "mention": (q.attribution.mention.start, q.attribution.mention.end)
                if q.attribution and q.attribution.mention else None,
            }
            for q in res.quotes
        ]
        preds[doc["id"]] = {"id": doc["id"], "quotes": pred}
        gold, split = score.by_paragraph(text, doc["quotes"]), score.by_paragraph(text, pred)
        for i, j in score.match(text, gold, split, lenient=True):
            g, p = gold[i], split[j]
            if not g.get("speaker") or g.get("type") == "term":
                continue
            right = bool(score.names(p["speaker"], g))
            by_mention[1] += 1
            by_mention[0] += right or _same_mention(g.get("speaker_mention"), p["mention"])
            if p["speaker"] and p["conf"] is not None:
                points.append((p["conf"], right))
    res = score.score(docs, preds)
    ece, caught = _calibration(points)
    return {
        "P": res["quotes_lenient"]["p"],
        "R": res["quotes_lenient"]["r"],
        "spk": res["speaker_acc"],
        "e2e": res["end_to_end_named"]["f1"],
        "spk_m": by_mention[0] / max(1, by_mention[1]),
        "ece": ece,
        "flag20": caught,
        "kchar_s": chars / max(spent, 1e-9) / 1000,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sets", nargs="*", default=list(SETS))
    ap.add_argument("--json", help="also write the figures to this file")
    a = ap.parse_args()
    rows = {}
    heads = ("P", "R", "spk", "e2e", "ece", "flag20", "spk+m")
    print(f"{'set':16} " + " ".join(f"{h:>6}" for h in heads))
    for name in a.sets:
        path = SETS[name]
        if not path.exists():
            print(f"{name:16} (not built)")
            continue
        m = measure(_select(name, _load(path)))
        rows[name] = m
        print(
            f"{name:16} {m['P']:6.3f} {m['R']:6.3f} {m['spk']:6.3f} {m['e2e']:6.3f}"
            f" {m['ece']:6.3f} {m['flag20']:6.3f} {m['spk_m']:6.3f}",
            flush=True,
        )
    if a.json:
        Path(a.json).write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
