"""Write the JSON schemas of quotecheck's output to ``docs/``.

``docs/result.schema.json`` describes a :class:`quotecheck.Result` (what
``Result.model_dump_json()`` writes); ``docs/record.schema.json`` describes one line
of ``quotecheck --format jsonl`` output (``{"id": …, "result": Result}``).

Run after changing the models; ``--check`` exits 1 if a committed schema is stale::

    .venv/bin/python scripts/export_schema.py
    .venv/bin/python scripts/export_schema.py --check
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotecheck.models import Result  # noqa: E402
from quotecheck.render import Record  # noqa: E402

DOCS = ROOT / "docs"


def schemas() -> dict[str, dict[str, Any]]:
    """File name in ``docs/`` → JSON schema, as freshly exported from the models."""
    return {
        "result.schema.json": Result.model_json_schema(),
        "record.schema.json": Record.model_json_schema(),
    }


def dump(schema: dict[str, Any]) -> str:
    """The schema as committed: two-space indent, UTF-8 as is, one final newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for name, schema in schemas().items():
        path = DOCS / name
        text = dump(schema)
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if check:
            stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    for name in stale:
        print(f"docs/{name} is stale: run scripts/export_schema.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
