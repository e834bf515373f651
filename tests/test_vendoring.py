"""The package still works when copied under another name, with nothing installed.

Newsroom tooling vendors quotecheck: it copies ``quotecheck/`` into its own tree as,
say, ``newsroom_qc``. That works only while every import inside the package is
relative and nothing reads a data file at run time. The test copies the package to a
temporary folder, starts a fresh interpreter without ``site`` (so the installed
``quotecheck`` is out of reach, and importing it is refused outright), puts only the
copy and the folders of ``regex`` and ``pydantic`` on ``sys.path``, and attributes the
seed article there.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pydantic
import regex

import quotecheck
from quotecheck import attribute

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path(quotecheck.__file__).resolve().parent
SEED = ROOT / "fixtures" / "nato-russia-talks.txt"

_SCRIPT = r"""
import importlib.abc, json, sys
vendor, seed = sys.argv[1], sys.argv[2]
package_dir = vendor + "/newsroom_qc/"
opened = []

def audit(event, args):
    if event == "open" and isinstance(args[0], str) and args[0].startswith(package_dir):
        if not args[0].endswith((".py", ".pyc")):
            opened.append(args[0])

sys.addaudithook(audit)

class RefuseOriginal(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "quotecheck" or name.startswith("quotecheck."):
            raise ImportError(f"the vendored copy imported {name!r}")
        return None

sys.meta_path.insert(0, RefuseOriginal())
sys.path[:0] = [vendor] + sys.argv[3:]

import newsroom_qc
from newsroom_qc.cli import main

with open(seed, encoding="utf-8") as handle:
    result = newsroom_qc.attribute(handle.read())
assert type(result).__module__ == "newsroom_qc.models", type(result).__module__
assert "<mark" in result._repr_html_() and len(result.to_rows()) >= len(result.quotes)
sys.stdout.write(result.model_dump_json() + "\n")
sys.stdout.flush()
status = main(["--format", "jsonl", seed])
sys.stdout.flush()
print(json.dumps({"cli": status, "opened": opened, "modules": sorted(
    m for m in sys.modules if m == "quotecheck" or m.startswith("quotecheck."))}))
"""


def test_vendored_copy_attributes_the_seed(tmp_path: Path) -> None:
    shutil.copytree(PACKAGE, tmp_path / "newsroom_qc", ignore=shutil.ignore_patterns("__pycache__"))
    libraries = sorted({str(Path(str(m.__file__)).parent.parent) for m in (regex, pydantic)})
    done = subprocess.run(
        [sys.executable, "-S", "-c", _SCRIPT, str(tmp_path), str(SEED), *libraries],
        capture_output=True, text=True, encoding="utf-8", cwd=tmp_path, timeout=120,
        env={"PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8"},
    )
    assert done.returncode == 0, done.stderr
    vendored, cli_line, report = done.stdout.splitlines()
    expected = attribute(SEED.read_text(encoding="utf-8"))
    assert vendored == expected.model_dump_json()
    assert json.loads(cli_line)["result"] == json.loads(vendored)
    assert json.loads(report) == {"cli": 0, "opened": [], "modules": []}


def test_no_absolute_imports_of_the_package() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue
            if any(name == "quotecheck" or name.startswith("quotecheck.") for name in names):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_no_data_files_in_the_package() -> None:
    shipped = {p.suffix for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert shipped <= {".py", ".typed"}
