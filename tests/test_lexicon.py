"""Every lexicon table is clean data.

Entries are non-empty strings, stripped, with no double spaces, no duplicates and
lower case where the table holds words. Two slips this catches: adjacent string
literals quietly fusing two entries into one (``"say" "said"`` is ``"saysaid"``) and
a duplicate literal that a ``frozenset`` silently swallows, which only the source
file still shows, so the source is read with :mod:`ast`.
"""

from __future__ import annotations

import ast
import importlib
import io
import pkgutil
import tokenize
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import quotecheck.lexicon
from quotecheck.lexicon.verbs import FACTS, VERBS, VerbRecord

# Tables whose entries are written with their capitals (they sit before a name, or
# they are codes); every other table holding letters is lower-case.
CASED_TABLES = {
    "CHECK_CODES",
    "FEMALE_HONORIFICS",
    "HONORIFICS",
    "KIN_TITLES",
    "MALE_HONORIFICS",
    "NEUTRAL_HONORIFICS",
    "TITLES",
}


def _modules() -> list[ModuleType]:
    names = sorted(info.name for info in pkgutil.iter_modules(quotecheck.lexicon.__path__))
    return [importlib.import_module(f"quotecheck.lexicon.{name}") for name in names]


def _tables() -> list[Any]:
    params = []
    for module in _modules():
        for name, value in vars(module).items():
            if name.isupper() and isinstance(value, frozenset | set | tuple | list | dict):
                short = module.__name__.rsplit(".", 1)[1]
                params.append(pytest.param(name, value, id=f"{short}.{name}"))
    return params


def _entries(value: Any) -> list[Any]:
    """The entries of a table: its members, or the keys of a mapping; a table of records
    (``VerbRecord``) gives their lemmas."""
    entries = list(value.keys()) if isinstance(value, dict) else list(value)
    if entries and all(isinstance(entry, VerbRecord) for entry in entries):
        return [record.lemma for record in entries]
    return entries


def _strings_in(value: Any) -> Iterator[str]:
    """Every string in a table, keys and values, at any depth."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings_in(key)
            yield from _strings_in(item)
    elif isinstance(value, frozenset | set | tuple | list):
        for item in value:
            yield from _strings_in(item)


def test_every_lexicon_module_has_tables() -> None:
    tables = {param.id.split(".")[0] for param in _tables()}
    assert {m.__name__.rsplit(".", 1)[1] for m in _modules()} <= tables


@pytest.mark.parametrize(("name", "table"), _tables())
def test_entries_are_clean_strings(name: str, table: Any) -> None:
    entries = _entries(table)
    assert entries, f"{name} is empty"
    for entry in entries:
        assert isinstance(entry, str), f"{name}: {entry!r} is not a string"
    for text in _strings_in(table):
        assert text, f"{name}: an empty string"
        assert text == text.strip(), f"{name}: {text!r} is not stripped"
        assert "  " not in text, f"{name}: {text!r} holds a double space"


@pytest.mark.parametrize(("name", "table"), _tables())
def test_no_duplicate_entries(name: str, table: Any) -> None:
    entries = _entries(table)
    duplicates = sorted(entry for entry, count in Counter(entries).items() if count > 1)
    assert not duplicates, f"{name}: duplicates {duplicates}"


@pytest.mark.parametrize(("name", "table"), _tables())
def test_word_tables_are_lower_case(name: str, table: Any) -> None:
    if name in CASED_TABLES:
        return
    upper = sorted(entry for entry in _entries(table) if entry != entry.lower())
    assert not upper, f"{name}: not lower-case {upper} (or add the table to CASED_TABLES)"


def _literal_nodes(value: ast.expr) -> list[ast.expr]:
    """The entry nodes of a table literal: ``{…}``, ``(…)``, ``[…]``, ``frozenset({…})``."""
    if isinstance(value, ast.Call) and value.args:
        return _literal_nodes(value.args[0])
    if isinstance(value, ast.Set | ast.Tuple | ast.List):
        return list(value.elts)
    if isinstance(value, ast.Dict):
        return [key for key in value.keys if key is not None]
    return []


def _source_tables() -> list[Any]:
    params = []
    for module in _modules():
        assert module.__file__ is not None
        source = Path(module.__file__).read_text(encoding="utf-8")
        for node in ast.parse(source).body:
            target = node.target if isinstance(node, ast.AnnAssign) else (
                node.targets[0] if isinstance(node, ast.Assign) else None)
            if isinstance(target, ast.Name) and target.id.isupper() and node.value is not None:
                short = module.__name__.rsplit(".", 1)[1]
                params.append(pytest.param(source, target.id, node.value,
                                           id=f"{short}.{target.id}"))
    return params


@pytest.mark.parametrize(("source", "name", "value"), _source_tables())
def test_source_has_no_duplicate_or_fused_literals(source: str, name: str, value: ast.expr
                                                   ) -> None:
    literals: list[str] = []
    for node in _literal_nodes(value):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        literals.append(node.value)
        segment = ast.get_source_segment(source, node) or ""
        pieces = [t for t in tokenize.generate_tokens(io.StringIO(segment).readline)
                  if t.type == tokenize.STRING]
        assert len(pieces) == 1, f"{name}: adjacent literals fused into {node.value!r}"
    duplicates = sorted(text for text, count in Counter(literals).items() if count > 1)
    assert not duplicates, f"{name}: duplicate literals in the source {duplicates}"


def test_kin_titles_are_titles() -> None:
    from quotecheck.lexicon.titles import KIN_TITLES, TITLES

    assert KIN_TITLES <= TITLES


def test_verb_records_are_one_per_lemma_with_known_facts() -> None:
    lemmas = [record.lemma for record in VERBS]
    assert lemmas == sorted(lemmas) and len(lemmas) == len(set(lemmas))
    seen: Counter[str] = Counter(form for record in VERBS for form in record.forms.split())
    assert not [form for form, count in seen.items() if count > 1], "a form in two records"
    for record in VERBS:
        forms = record.forms.split()
        assert record.forms == record.forms.lower() and record.facts == record.facts.lower()
        assert record.facts.split(), f"{record.lemma}: no facts"
        for entry in record.facts.split():
            name, _, only = entry.partition(":")
            assert name in FACTS, f"{record.lemma}: unknown fact {name!r}"
            assert set(only.split(",") if only else forms) <= set(forms), record.lemma
