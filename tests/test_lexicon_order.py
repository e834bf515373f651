"""Word tables are sorted, one entry per line, so a diff adding a word shows one line.

(The quotation-mark tables in ``quotemarks.py`` are grouped by family instead.)
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

LEXICON = Path(__file__).resolve().parent.parent / "quotecheck" / "lexicon"
FILES = sorted(p for p in LEXICON.glob("*.py") if p.name not in ("__init__.py", "quotemarks.py"))


def _word_sets(path: Path) -> list[tuple[str, ast.Set, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) \
                and isinstance(node.value, ast.Call) and node.value.args \
                and isinstance(node.value.args[0], ast.Set):
            found.append((node.target.id, node.value.args[0], node.lineno))
    return found


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_word_sets_are_sorted_one_per_line(path: Path) -> None:
    for name, literal, _ in _word_sets(path):
        values = [element.value for element in literal.elts
                  if isinstance(element, ast.Constant)]
        assert values == sorted(values), f"{path.name}: {name} is not sorted"
        lines = [element.lineno for element in literal.elts]
        assert len(lines) == len(set(lines)), f"{path.name}: {name} has two entries on a line"
