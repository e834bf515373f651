"""The docs stay true: their examples run, the notebook executes, links resolve."""

from __future__ import annotations

import doctest
import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from quotecheck.cli import _build_parser

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


@pytest.mark.parametrize(
    "page", ["README.md", "docs/quickstart.md", "docs/model.md", "docs/rules.md"]
)
def test_examples_in_the_docs_run(page: str) -> None:
    failures, tried = doctest.testfile(
        str(ROOT / page), module_relative=False, encoding="utf-8",
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert tried > 0 and failures == 0


def _pages() -> list[Path]:
    return [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]


@pytest.mark.parametrize("page", _pages(), ids=lambda p: p.name)
def test_relative_links_resolve(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    missing = []
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            continue
        path = (page.parent / target.split("#")[0]).resolve()
        if not path.exists():
            missing.append(target)
    assert missing == []


def test_readme_keeps_the_two_commands_at_the_top() -> None:
    top = (ROOT / "README.md").read_text(encoding="utf-8").split("\n## ", 1)[0]
    assert "make demo" in top and "make test" in top


def test_cli_page_names_every_option() -> None:
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    options = [
        option
        for action in _build_parser()._actions
        for option in action.option_strings
        if option.startswith("--") and option not in ("--help", "--version")
    ]
    assert options and [o for o in options if o not in page] == []


def test_the_notebook_executes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for module in ("nbformat", "nbclient", "ipykernel"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is not installed (it is in the dev extra)")
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(DOCS / "explore.ipynb", as_version=4)
    assert all(
        not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"
    ), "commit the notebook without outputs"
    # A kernel on this very interpreter, whatever "python3" kernels the machine has.
    spec = tmp_path / "kernels" / "quotecheck-tests"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    kernel = {"argv": argv, "display_name": "quotecheck tests", "language": "python"}
    (spec / "kernel.json").write_text(json.dumps(kernel), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    client = NotebookClient(
        notebook, timeout=120, kernel_name="quotecheck-tests",
        resources={"metadata": {"path": str(DOCS)}},
    )
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    pages = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any('<mark class="qc-quote' in page and "qc-legend" in page for page in pages)
