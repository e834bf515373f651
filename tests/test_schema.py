"""The exported JSON schemas are current, and what the command line writes validates."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from handbuilt import built_result

from quotecheck import attribute
from quotecheck.cli import main
from quotecheck.render import to_jsonl

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SEED = ROOT / "fixtures" / "nato-russia-talks.txt"


def _export_script() -> ModuleType:
    path = ROOT / "scripts" / "export_schema.py"
    spec = importlib.util.spec_from_file_location("export_schema", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((DOCS / name).read_text(encoding="utf-8"))
    return schema


@pytest.mark.parametrize("name", ["result.schema.json", "record.schema.json"])
def test_committed_schema_is_a_fresh_export(name: str) -> None:
    script = _export_script()
    fresh = script.schemas()[name]
    committed = (DOCS / name).read_text(encoding="utf-8")
    assert committed == script.dump(fresh), "run: .venv/bin/python scripts/export_schema.py"
    jsonschema.Draft202012Validator.check_schema(fresh)


def test_cli_jsonl_lines_validate(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("He said “it was ‘fine’ then.” And a stray ” here.", encoding="utf-8")
    assert main(["--format", "jsonl", str(SEED), str(other)]) == 0
    lines = capsys.readouterr().out.splitlines()
    validator = jsonschema.Draft202012Validator(_schema("record.schema.json"))
    assert len(lines) == 2
    for line in lines:
        validator.validate(json.loads(line))


def test_attributed_result_validates() -> None:
    result = built_result()
    jsonschema.validate(json.loads(result.model_dump_json()), _schema("result.schema.json"))
    jsonschema.validate(json.loads(to_jsonl(result, id=3)), _schema("record.schema.json"))


def test_schema_rejects_what_is_not_a_result() -> None:
    line = json.loads(to_jsonl(attribute("“Hi,” she said."), id="x"))
    line["result"]["quotes"][0]["speaker"] = "she"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(line, _schema("record.schema.json"))
