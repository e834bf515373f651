"""Archive scale: the Dask recipe in docs/archive.md runs on Dask's processes scheduler."""

from __future__ import annotations

import json
import pickle
import random
import re
from pathlib import Path
from typing import Any

import pytest

from quotecheck import attribute
from quotecheck.models import Result
from quotecheck.render import to_rows

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "archive.md"
SEED = ROOT / "fixtures" / "nato-russia-talks.txt"

NAMES = ("Ana Lima", "Tom Berg", "Sara Idowu", "Raj Mehta", "Lena Vogel", "Omar Said")


def _code_after(marker: str) -> str:
    """The first fenced ``python`` block after ``marker`` in docs/archive.md."""
    text = DOC.read_text(encoding="utf-8")
    tail = text[text.index(marker) :]
    match = re.search(r"```python\n(.*?)```", tail, flags=re.DOTALL)
    assert match is not None
    return match.group(1)


def _write_archive(folder: Path) -> list[dict[str, str]]:
    rng = random.Random(12)
    records = [{"id": "seed", "text": SEED.read_text(encoding="utf-8")}]
    for number in range(39):
        name = rng.choice(NAMES)
        records.append({
            "id": f"story-{number}",
            "text": f"“We are ready,” said {name}.\n\n{name} added: “Not today.”\n",
        })
    for part in range(3):
        with open(folder / f"part-{part}.jsonl", "w", encoding="utf-8") as handle:
            for record in records[part::3]:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return records


def test_dask_bag_recipe_on_the_processes_scheduler(tmp_path: Path) -> None:
    pytest.importorskip("dask.bag")
    records = _write_archive(tmp_path)
    namespace: dict[str, Any] = {"__name__": "archive_recipe"}  # imported, not run
    exec(compile(_code_after("tests/test_archive.py"), str(DOC), "exec"), namespace)
    quotations = namespace["main"](str(tmp_path))
    expected = [
        {"article": record["id"], **row}
        for record in records
        for row in attribute(record["text"]).to_rows()
    ]
    key = lambda row: (row["article"], row["index"])  # noqa: E731
    assert sorted(quotations, key=key) == sorted(expected, key=key)
    assert len({row["article"] for row in quotations}) == 40


def test_results_come_back_from_worker_processes() -> None:
    dask_bag = pytest.importorskip("dask.bag")
    texts = [SEED.read_text(encoding="utf-8"), "“Hi,” she said.", "", "No quotes."]
    bag = dask_bag.from_sequence(texts, npartitions=2)
    results = bag.map(attribute).compute(scheduler="processes", num_workers=2)
    assert all(isinstance(result, Result) for result in results)
    assert results == [attribute(text) for text in texts]
    assert pickle.loads(pickle.dumps(results)) == results


def test_pyspark_schema_lists_every_row_column() -> None:
    block = _code_after("## PySpark")
    match = re.search(r'ROW_SCHEMA = """(.*?)"""', block, flags=re.DOTALL)
    assert match is not None
    columns = [part.split()[0] for part in match.group(1).split(",")]
    assert columns == ["article", *to_rows(attribute("“Hi,” she said."))[0]]
