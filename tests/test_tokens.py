"""The tokenizer, sentence splitter and paragraph splitter against the JSON fixture cases.

``tokens.json`` cases give every token as ``[text, kind]``; ``sentences.json`` cases
give every sentence (and, when present, every paragraph) as its text. Every fixture
text of every file must also tokenize losslessly.
"""

from __future__ import annotations

import json
from typing import Any, get_args

import pytest
from conftest import CASES, load_cases

from quotecheck.layout import paragraph_bounds
from quotecheck.models import TokenKind
from quotecheck.tokens import sentence_bounds, tokenize


def _cases_with(key: str, name: str) -> list[Any]:
    """The cases of ``name``, and the known failures that give ``key``."""
    known = [p for p in load_cases("known-failures") if key in p.values[0]]
    return load_cases(name) + known


@pytest.mark.parametrize("case", _cases_with("tokens", "tokens"))
def test_token_case(case: dict[str, Any]) -> None:
    tokens = tokenize(case["text"])
    assert [[t.text, t.kind] for t in tokens] == case["tokens"]


@pytest.mark.parametrize("case", _cases_with("sentences", "sentences"))
def test_sentence_case(case: dict[str, Any]) -> None:
    text = case["text"]
    assert [text[start:end] for start, end in sentence_bounds(text)] == case["sentences"]
    if "paragraphs" in case:
        assert [text[start:end] for start, end in paragraph_bounds(text)] == case["paragraphs"]


def test_every_token_kind_has_a_case() -> None:
    cases = json.loads((CASES / "tokens.json").read_text(encoding="utf-8"))
    kinds = {kind for case in cases for _, kind in case["tokens"]}
    assert kinds == set(get_args(TokenKind))


def _all_fixture_texts() -> list[Any]:
    return [pytest.param(case["text"], id=f"{path.stem}:{case['label']}")
            for path in sorted(CASES.glob("*.json"))
            for case in json.loads(path.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("text", _all_fixture_texts())
def test_fixture_texts_tokenize_losslessly(text: str) -> None:
    position = 0
    for token in tokenize(text):
        assert position <= token.start < token.end, token
        assert text[token.start:token.end] == token.text
        assert not text[position:token.start].strip(), (position, token)
        position = token.end
    assert not text[position:].strip()
