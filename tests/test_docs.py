"""The docs stay true: every code block runs as a reader would run it, the notebook
executes, links resolve, no path leads outside the repository, every public name is in
the API reference."""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import NamedTuple

import pytest

import quotecheck
from quotecheck.cli import _build_parser
from quotecheck.render import to_jsonl

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


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


# -- every code block runs as a reader would run it ------------------------------------

# Blocks shown and not run: their fence says what they are.
SHOWN = {"console": "shell commands", "text": "output", "json": "data", "toml": "settings"}
_FENCE_RE = re.compile(
    r"^(?P<indent>[ ]*)```(?P<language>[^\n`]*)\n(?P<body>.*?)^(?P=indent)```[ ]*$",
    re.MULTILINE | re.DOTALL,
)
# A python block that cannot run on its own says why, in a comment just above it.
_NOT_RUN_RE = re.compile(r"<!-- not run: (?P<reason>[^>]+?) -->\s*$")


class Block(NamedTuple):
    page: str
    line: int
    language: str
    body: str
    not_run: str | None  # the reason given, for a python block that is not run


def _blocks(page: Path) -> list[Block]:
    text = page.read_text(encoding="utf-8")
    blocks = []
    for match in _FENCE_RE.finditer(text):
        before = text[: match.start()].rstrip("\n ").rsplit("\n", 1)[-1]
        reason = _NOT_RUN_RE.search(before)
        body = textwrap.dedent(match["body"])
        blocks.append(Block(
            page.relative_to(ROOT).as_posix(), text.count("\n", 0, match.start()) + 1,
            match["language"].strip(), body, reason["reason"] if reason else None))
    return blocks


def _all_blocks() -> list[Block]:
    return [block for page in _pages() for block in _blocks(page)]


def _scripts() -> list[Block]:
    return [b for b in _all_blocks() if b.language == "python" and b.not_run is None
            and not b.body.lstrip().startswith(">>>")]


def _sessions() -> list[str]:
    """The pages with interactive sessions (``>>>`` blocks), run as one session each."""
    return sorted({b.page for b in _all_blocks() if b.language == "python"
                   and b.body.lstrip().startswith(">>>")})


def test_every_block_says_what_it_is() -> None:
    blocks = _all_blocks()
    assert len(blocks) > 20
    unknown = [f"{b.page}:{b.line} {b.language!r}" for b in blocks
               if b.language not in SHOWN and b.language != "python"]
    assert unknown == []
    # a reason for each python block that is not run, and no reason on a block that is
    assert all(b.not_run.strip() for b in blocks if b.not_run)
    assert not [b for b in blocks if b.not_run and b.language != "python"]


@pytest.fixture
def reader_folder(tmp_path: Path) -> Path:
    """A folder as a reader has one: articles, an archive of JSON Lines, a JSONL output."""
    article = "“We are ready,” said Ana Lima.\n\nTom Berg added: “Not today.”\n"
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(article, encoding="utf-8")
    (tmp_path / "archive").mkdir()
    with open(tmp_path / "archive" / "part-0.jsonl", "w", encoding="utf-8") as handle:
        for number in range(4):
            record = {"id": f"story-{number}", "text": article}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    (tmp_path / "quotes.jsonl").write_text(
        to_jsonl(quotecheck.attribute(article), id="a.txt") + "\n", encoding="utf-8")
    return tmp_path


def _python(folder: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, *argv], cwd=folder, capture_output=True,
                          text=True, encoding="utf-8", env=environment, timeout=300)


@pytest.mark.parametrize("block", _scripts(), ids=lambda b: f"{b.page}:{b.line}")
def test_script_blocks_run_as_scripts(block: Block, reader_folder: Path) -> None:
    for module in re.findall(r"^(?:import|from) (\w+)", block.body, flags=re.MULTILINE):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is not installed")
    script = reader_folder / "example.py"
    script.write_text(block.body, encoding="utf-8")
    done = _python(reader_folder, str(script))
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("page", _sessions())
def test_sessions_run_in_a_fresh_interpreter(page: str, reader_folder: Path) -> None:
    blocks = [b for b in _blocks(ROOT / page)
              if b.language == "python" and b.body.lstrip().startswith(">>>")]
    session = reader_folder / "session.txt"
    session.write_text("\n".join(b.body for b in blocks), encoding="utf-8")
    done = _python(reader_folder, "-m", "doctest", "-o", "ELLIPSIS",
                   "-o", "NORMALIZE_WHITESPACE", str(session))
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr


# -- no path outside the repository ----------------------------------------------------

_OUTSIDE_RE = re.compile(r"(?<![\w.])(?:~|/work|/home|/tmp|/Users|/root)/")
_UP_RE = re.compile(r"(?:\.\./)+[\w.\-/]*")


@pytest.mark.parametrize("page", _pages(), ids=lambda p: p.name)
def test_no_path_leads_outside_the_repository(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert _OUTSIDE_RE.findall(text) == []
    outside = [path for path in _UP_RE.findall(text)
               if not (page.parent / path).resolve().is_relative_to(ROOT)]
    assert outside == []


# -- reference pages -------------------------------------------------------------------

_PUBLIC_MODULES = ("quotecheck", "quotecheck.models", "quotecheck.render",
                   "quotecheck.batch", "quotecheck.checks", "quotecheck.language")


def test_the_api_reference_names_every_public_name() -> None:
    page = _FENCE_RE.sub("", (DOCS / "api.md").read_text(encoding="utf-8"))
    quoted = " ".join(re.findall(r"`([^`]+)`", page))
    missing = [f"{module}.{name}" for module in _PUBLIC_MODULES
               for name in importlib.import_module(module).__all__
               if not re.search(rf"(?<![\w.]){re.escape(name)}(?!\w)", quoted)]
    assert missing == []
    assert "apply_fixes" in quoted


def test_changelog_and_version_agree() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{quotecheck.__version__}"' in project
    assert "## Versioning" in changelog and f"## {quotecheck.__version__} (" in changelog


def test_readme_names_the_distribution_not_the_unrelated_project() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install quotecheck-news" in readme
    assert "`pip install quotecheck` fetches an\nunrelated project" in readme
    assert 'name = "quotecheck-news"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_docs_say_what_confidence_means_and_what_to_do() -> None:
    page = (DOCS / "confidence.md").read_text(encoding="utf-8")
    assert "about 8 in 10" in page and "scripts/calibrate.py" in page
    assert "review" in page and "0.7" in page


def test_the_table_in_the_cli_page_is_what_the_command_prints() -> None:
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    block = next(b for b in _blocks(DOCS / "cli.md")
                 if b.body.startswith("$ quotecheck fixtures/nato-russia-talks.txt"))
    assert block.line > 0 and page
    environment = {**os.environ, "COLUMNS": "100"}
    done = subprocess.run(
        [sys.executable, "-m", "quotecheck", "--format", "table",
         "fixtures/nato-russia-talks.txt"], cwd=ROOT, capture_output=True, text=True,
        encoding="utf-8", env=environment, timeout=60)
    printed = done.stdout.splitlines()
    shown = [line for line in block.body.splitlines()[1:] if line != "…"]
    assert shown[:-1] == printed[: len(shown) - 1] and shown[-1] == printed[-1]
