"""Imports inside the package point one way: a module imports only from layers below it.

The order (STYLE.md, "Package layout"): lexicon → models → patterns → layout → quotes
→ tokens → entities → phrases → clauses → sieves → pipeline → render, checks, verify, batch →
cli, cli_checks, __main__ → __init__. Modules of one layer may import each other. An
import inside a function body is run late, so it may point up (``models`` turning a
result into rows through ``render``; ``cli`` reading ``__version__``). Inside the
package every import of itself is relative, so that it still works when vendored.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "quotecheck"

# Layer of each module, lowest first. A new module needs a row here.
LAYERS: dict[str, float] = {
    "lexicon": 0,
    "calibration_data": 0,  # figures measured by scripts/calibrate.py
    "models": 1,
    "patterns": 2,
    "layout": 3,
    "language": 3.5,  # English or not, from the words outside quotations
    "quotes": 4,
    "tokens": 5,
    "entities": 6,
    "coref": 6.2,  # the cast of a document: characters and their genders, from entities
    "phrases": 6.5,  # words and noun phrases around a quotation
    "clauses": 7,  # reporting clauses read from entities and quotes, for the sieves
    "rules": 7.5,  # the cue rules: the registry of readers, and find_cues
    "register": 7.8,  # fiction or news, from the text's shape
    "sieves": 8,
    "coreference": 8.5,  # after the sieves: names for described speakers
    "confidence": 8.7,  # the runner's measured confidence for each decision
    "reported": 8.8,  # reported speech: readers beside the sieves, after them
    "pipeline": 9,
    "house_style": 9.5,  # British or American punctuation, inferred from a result
    "render": 10,
    "checks": 10,
    "verify": 10,
    "batch": 10,
    "files": 10,  # the command line's reader of inputs, shared by its three commands
    "check_settings": 10.5,  # [tool.quotecheck] and inline markers, for quotecheck check
    "cli": 11,
    "cli_checks": 11,
    "__main__": 11,
    "__init__": 12,
}


def _module_key(path: Path) -> str:
    """``lexicon/cues.py`` → ``lexicon``; ``quotes.py`` → ``quotes``."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[0]


def _resolve(path: Path, node: ast.ImportFrom) -> list[str]:
    """The package modules a relative ``from … import …`` reaches, as layer keys."""
    base = path.parent
    for _ in range(node.level - 1):
        base = base.parent
    targets: list[Path] = []
    if node.module:
        targets.append(base.joinpath(*node.module.split(".")))
    else:
        for alias in node.names:
            sub = base / alias.name
            targets.append(sub if sub.with_suffix(".py").exists() or sub.is_dir() else base)
    keys = []
    for target in targets:
        if target == PACKAGE:
            keys.append("__init__")
        else:
            keys.append(target.relative_to(PACKAGE).parts[0].removesuffix(".py"))
    return keys


def _function_level(tree: ast.Module) -> set[int]:
    """Ids of the import nodes that sit inside a function body."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for child in ast.walk(node):
                if isinstance(child, ast.Import | ast.ImportFrom):
                    inside.add(id(child))
    return inside


FILES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    missing = sorted({_module_key(path) for path in FILES} - LAYERS.keys())
    assert not missing, f"give these modules a row in LAYERS: {missing}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down(path: Path) -> None:
    key = _module_key(path)
    layer = LAYERS.get(key)
    if layer is None:
        pytest.skip(f"{key} has no layer (see test_every_module_has_a_layer)")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    late = _function_level(tree)
    upward = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
            assert not any(n == "quotecheck" or n.startswith("quotecheck.") for n in names), (
                f"{path.name}:{node.lineno}: import the package relatively")
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                module = node.module or ""
                assert not (module == "quotecheck" or module.startswith("quotecheck.")), (
                    f"{path.name}:{node.lineno}: import the package relatively")
                continue
            if id(node) in late:
                continue
            for target in _resolve(path, node):
                if LAYERS.get(target, -1) > layer:
                    upward.append(f"line {node.lineno}: {key} (layer {layer}) imports "
                                  f"{target} (layer {LAYERS[target]})")
    assert not upward, "\n".join(upward)


def test_lexicon_imports_nothing_of_the_package() -> None:
    for path in sorted((PACKAGE / "lexicon").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level > 0:
                assert _resolve(path, node) == ["lexicon"], f"{path.name}:{node.lineno}"


def test_import_loads_nothing_until_used() -> None:
    # import time (benchmarks/throughput.py --import): every name is loaded on first use
    import subprocess
    import sys

    code = ("import sys, quotecheck; print(' '.join(sorted(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    loaded = set(done.stdout.split())
    for module in ("multiprocessing", "difflib", "pydantic", "regex", "quotecheck.models",
                   "quotecheck.pipeline", "quotecheck.batch", "quotecheck.checks",
                   "quotecheck.verify", "quotecheck.reported", "quotecheck.render",
                   "quotecheck.cli"):
        assert module not in loaded, module
    code = ("import quotecheck; names = dir(quotecheck); from quotecheck import *; "
            "print(all(n in names and n in globals() for n in quotecheck.__all__), "
            "Result.__module__, attribute.__module__)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.split() == ["True", "quotecheck.models", "quotecheck.pipeline"]
    code = ("import quotecheck.verify, quotecheck; from quotecheck import verify, check; "
            "print(callable(verify), callable(check), verify is quotecheck.verify)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.split() == ["True", "True", "True"]
