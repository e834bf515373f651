#!/usr/bin/env python3
"""Fill in and check the quote offsets of fixture cases, so nobody counts characters by hand.

    python scripts/fill_case_offsets.py fixtures/cases/nesting.json [more.json ...]

Write each quote as ``{"text": "“…”"}`` (its marks included) and leave out ``start`` and
``end``: the script finds the span in the case's ``text``, searching from the start of the
previous quote, so repeated words and nested quotes (listed after their outer quote,
in document order) resolve to the right place. Quotes that already have offsets are
checked against ``text[start:end]``. The file is rewritten with the offsets first.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

_ORDER = ("start", "end", "text")


def fill_case(case: dict[str, Any]) -> list[str]:
    """Fill missing offsets in one case; return the problems found."""
    problems: list[str] = []
    text = case["text"]
    cursor = 0
    for index, quote in enumerate(case.get("quotes", [])):
        span = quote.get("text")
        if "start" not in quote or "end" not in quote:
            if not span:
                problems.append(f"{case['label']}: quote {index} has neither offsets nor text")
                continue
            found = text.find(span, cursor)
            if found < 0:
                problems.append(f"{case['label']}: quote {index} {span!r} not found")
                continue
            quote["start"], quote["end"] = found, found + len(span)
        elif span is not None and text[quote["start"]:quote["end"]] != span:
            problems.append(f"{case['label']}: quote {index} offsets do not give {span!r}")
        cursor = quote["start"]
        ordered = {key: quote[key] for key in _ORDER if key in quote}
        ordered.update({k: v for k, v in quote.items() if k not in ordered})
        quote.clear()
        quote.update(ordered)
    return problems


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def format_cases(cases: list[dict[str, Any]]) -> str:
    """The house layout: one key per line, one list item (quote, token, sentence) per line."""
    blocks = []
    for case in cases:
        lines = []
        for key, value in case.items():
            if isinstance(value, list) and value:
                items = ",\n".join(f"      {_compact(item)}" for item in value)
                lines.append(f"    {_compact(key)}: [\n{items}\n    ]")
            else:
                lines.append(f"    {_compact(key)}: {_compact(value)}")
        blocks.append("  {\n" + ",\n".join(lines) + "\n  }")
    return "[\n" + ",\n".join(blocks) + "\n]\n"


def main(paths: list[str]) -> int:
    problems: list[str] = []
    for name in paths:
        path = Path(name)
        cases = json.loads(path.read_text(encoding="utf-8"))
        for case in cases:
            problems.extend(f"{path.name}: {p}" for p in fill_case(case))
        path.write_text(format_cases(cases), encoding="utf-8")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
