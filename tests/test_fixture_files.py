"""Every case in every ``fixtures/cases/*.json`` file is well formed.

A case that is wrong in itself (an offset off by one, a typo in a field name, an
``expect`` that is neither ``pass`` nor ``fail``) would make its test pass or fail for
the wrong reason, so the files are checked on their own, before any code reads them.
Run ``scripts/fill_case_offsets.py`` to fill in offsets instead of counting by hand.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, get_args

import pytest
from conftest import CASES

from quotecheck.models import TokenKind
from quotecheck.sieves import SIEVE_NAMES

# What a case may check: quotations (with speakers), tokens, sentences and paragraphs,
# or copy-desk findings (``checks.json``, run with the case's ``options``), or reported
# speech (``reported.json``).
CONTENT_KEYS = {"quotes", "tokens", "sentences", "paragraphs", "findings", "reported"}
REQUIRED_KEYS = {"label", "comment", "source", "text", "expect"}
CASE_KEYS = REQUIRED_KEYS | CONTENT_KEYS | {"options"}
QUOTE_KEYS = {"start", "end", "text", "speaker", "sieve", "rule", "closed", "paragraphs",
              "candidates"}
REPORTED_KEYS = {"start", "end", "text", "kind", "quotes", "speaker", "sieve", "rule"}
TOKEN_KINDS = set(get_args(TokenKind))
FILES = sorted(CASES.glob("*.json"))


def _cases(path: Path) -> list[Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, list) and data, f"{path.name}: a non-empty JSON array of cases"
    return data


def test_there_are_fixture_files() -> None:
    names = {path.stem for path in FILES}
    assert {"nesting", "multiparagraph", "unbalanced", "negative", "quotemarks", "tokens",
            "sentences"} <= names


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_labels_are_unique(path: Path) -> None:
    labels = [case.get("label") for case in _cases(path)]
    duplicates = sorted({label for label in labels if labels.count(label) > 1})
    assert not duplicates, f"{path.name}: duplicate labels {duplicates}"


def _every_case() -> list[Any]:
    return [pytest.param(path, case, id=f"{path.stem}:{case.get('label')}")
            for path in FILES for case in _cases(path)]


@pytest.mark.parametrize(("path", "case"), _every_case())
def test_case_is_well_formed(path: Path, case: Any) -> None:
    where = f"{path.name}:{case.get('label')!r}"
    assert isinstance(case, dict), where
    assert case.keys() >= REQUIRED_KEYS, f"{where}: missing {REQUIRED_KEYS - case.keys()}"
    assert case.keys() <= CASE_KEYS, f"{where}: unknown fields {case.keys() - CASE_KEYS}"
    assert case.keys() & CONTENT_KEYS, f"{where}: nothing to check"
    label = case["label"]
    assert isinstance(label, str) and label and label == label.strip(), where
    for key in ("comment", "source"):
        assert isinstance(case[key], str) and case[key].strip(), f"{where}: empty {key}"
    assert isinstance(case["text"], str), where
    assert case["expect"] in ("pass", "fail"), f"{where}: expect {case['expect']!r}"
    if path.stem == "known-failures":
        assert case["expect"] == "fail", f"{where}: known failures are expect 'fail'"
    if "quotes" in case:
        _check_quotes(where, case["text"], case["quotes"])
    if "tokens" in case:
        _check_tokens(where, case["text"], case["tokens"])
    for key in ("sentences", "paragraphs"):
        if key in case:
            _check_in_order(where, key, case["text"], case[key])
    if "reported" in case:
        _check_reported(where, case["text"], case["reported"])
    if "findings" in case:
        assert all(isinstance(code, str) and code for code in case["findings"]), where
    if "options" in case:
        assert isinstance(case["options"], dict), where


def _check_quotes(where: str, text: str, quotes: Any) -> None:
    assert isinstance(quotes, list), f"{where}: quotes is a list"
    previous = (-1, 0)
    for quote in quotes:
        assert isinstance(quote, dict), where
        unknown = quote.keys() - QUOTE_KEYS
        assert not unknown, f"{where}: unknown quote fields {unknown}"
        start, end = quote.get("start"), quote.get("end")
        assert isinstance(start, int) and isinstance(end, int), f"{where}: offsets {quote}"
        assert 0 <= start < end <= len(text), f"{where}: offsets out of range {quote}"
        if "text" in quote:
            assert text[start:end] == quote["text"], (
                f"{where}: text[{start}:{end}] is {text[start:end]!r}, not {quote['text']!r}")
        assert (start, -end) > previous, f"{where}: quotes out of document order at {quote}"
        previous = (start, -end)
        for key in ("speaker", "sieve", "rule"):
            value = quote.get(key)
            assert value is None or (isinstance(value, str) and value.strip()), (
                f"{where}: {key} {value!r}")
        if quote.get("sieve") is not None:
            assert quote["sieve"] in SIEVE_NAMES, f"{where}: unknown sieve {quote['sieve']!r}"
        if "closed" in quote:
            assert isinstance(quote["closed"], bool), where
        if "paragraphs" in quote:
            assert isinstance(quote["paragraphs"], int) and quote["paragraphs"] >= 1, where


def _check_tokens(where: str, text: str, tokens: Any) -> None:
    """Each ``[text, kind]`` pair comes next in the text, after whitespace only."""
    assert isinstance(tokens, list), where
    position = 0
    for token in tokens:
        assert isinstance(token, list) and len(token) == 2, f"{where}: token {token!r}"
        token_text, kind = token
        assert kind in TOKEN_KINDS, f"{where}: kind {kind!r}"
        found = text.find(token_text, position)
        assert found >= 0 and not text[position:found].strip(), (
            f"{where}: token {token_text!r} does not come next after offset {position}")
        position = found + len(token_text)
    assert not text[position:].strip(), f"{where}: tokens stop before the end of the text"


def _check_in_order(where: str, key: str, text: str, parts: Any) -> None:
    """Sentences and paragraphs appear in the text in order, whitespace between."""
    assert isinstance(parts, list) and parts, where
    position = 0
    for part in parts:
        assert isinstance(part, str) and part and part == part.strip(), f"{where}: {part!r}"
        found = text.find(part, position)
        assert found >= 0, f"{where}: {key[:-1]} {part!r} not found after offset {position}"
        position = found + len(part)


def _check_reported(where: str, text: str, items: Any) -> None:
    assert isinstance(items, list), where
    for item in items:
        assert isinstance(item, dict) and item.keys() <= REPORTED_KEYS, f"{where}: {item}"
        assert {"start", "end", "text", "kind", "speaker", "sieve"} <= item.keys(), where
        assert 0 <= item["start"] <= item["end"] <= len(text), where
        assert text[item["start"]:item["end"]] == item["text"], f"{where}: {item['text']!r}"
        assert item["kind"] in ("indirect", "mixed"), where
        assert (item["kind"] == "mixed") == bool(item.get("quotes")), where
