"""Measured confidence (issue 13): the table, its backoff, and the runner's stamp."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from test_properties import Article, articles

import quotecheck.calibration_data as table
from quotecheck import attribute
from quotecheck.calibration_data import COUNTS, KEY_ORDER, PRIOR_WEIGHTS
from quotecheck.confidence import (
    FEATURE_NAMES,
    Features,
    confidence_of,
    decision_features,
    key_of,
    share_at,
)
from quotecheck.pipeline import decide
from quotecheck.sieves import SIEVE_NAMES

ROOT = Path(__file__).resolve().parent.parent
SIEVES = ROOT / "quotecheck" / "sieves"
# A piece of a key: a sieve name, a rule id or a feature value, never a text.
_KEY_PART = re.compile(r"[a-z][a-z_-]{1,39}")
_RULE_ROW = re.compile(r"^\| `([a-z][a-z-]+)`", re.MULTILINE)

feature_values = st.sampled_from(
    [*SIEVE_NAMES, "quote-verb-name", "single-name", "news", "dialogue", "name", "pronoun",
     "none", "one", "several", "near", "far", "full", "partial", "fragment", "unheard-of"])


def test_every_sieve_has_a_measured_cell() -> None:
    """A rule the data never saw backs off to its sieve's measured share."""
    for sieve in SIEVE_NAMES:
        assert (sieve,) in COUNTS, f"{sieve} has no cell: re-run scripts/calibrate.py"


def test_every_documented_rule_has_a_cell_or_backs_off() -> None:
    """A rule the data never saw is read at the cell its other features reach: the
    same figure as for any rule nobody measured."""
    rules = set(_RULE_ROW.findall((ROOT / "docs" / "rules.md").read_text(encoding="utf-8")))
    depth = KEY_ORDER.index("rule")
    measured = {key[depth] for key in COUNTS if len(key) > depth}
    assert measured, "the table has no rule cells"
    situation = Features("cue_adjacent", "", "news", "name", "none", "near", "full")
    for rule in sorted(rules):
        for sieve in SIEVE_NAMES:
            features = situation._replace(sieve=sieve, rule=rule)
            share = confidence_of(features)
            assert 0.0 <= share <= 1.0
            if rule not in measured:
                assert share == confidence_of(features._replace(rule="never-measured")), rule


def test_the_key_order_names_every_feature_once() -> None:
    assert sorted(KEY_ORDER) == sorted(FEATURE_NAMES)
    assert KEY_ORDER[0] == "sieve"
    features = Features("a", "b", "c", "d", "e", "f", "g")
    assert sorted(key_of(features)) == sorted(features)


def test_counts_are_consistent() -> None:
    """right ≤ decided in every cell, a cell never holds more than its parent, and the
    keys are prefixes of the features in order."""
    assert len(PRIOR_WEIGHTS) == len(KEY_ORDER)
    for key, (right, decided) in COUNTS.items():
        assert 0 <= right <= decided, key
        assert len(key) <= len(FEATURE_NAMES), key
        if key:
            parent = COUNTS[key[:-1]]
            assert decided <= parent[1] and right <= parent[0], key
            assert all(_KEY_PART.fullmatch(part) for part in key), key


def test_table_module_holds_literals_only() -> None:
    """The table is data: a docstring saying how to regenerate it, and assignments of
    literals (no import, no call, no text beyond the key's words)."""
    assert table.__file__ is not None
    source = Path(table.__file__).read_text(encoding="utf-8")
    tree = ast.parse(source)
    docstring = ast.get_docstring(tree)
    assert docstring is not None and "scripts/calibrate.py" in docstring
    for node in tree.body[1:]:
        assert isinstance(node, ast.AnnAssign | ast.Assign), ast.dump(node)
        assert node.value is not None
        ast.literal_eval(node.value)


def test_no_sieve_types_a_confidence() -> None:
    """The runner stamps the confidence: no sieve passes one to a Decision."""
    for path in sorted(SIEVES.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        for call in re.finditer(r"Decision\(([^()]|\([^()]*\))*\)", source):
            assert not re.search(r"\b0\.\d+\b|confidence", call.group()), (path.name, call.group())


@given(st.lists(feature_values, max_size=len(FEATURE_NAMES)).map(tuple))
def test_confidence_is_a_share(features: tuple[str, ...]) -> None:
    share = confidence_of(features)
    assert 0.0 <= share <= 1.0
    assert share == confidence_of(features) == share_at(key_of(features))


@given(st.lists(feature_values, min_size=1, max_size=len(FEATURE_NAMES) - 1).map(tuple))
def test_an_unseen_situation_backs_off_to_the_longest_seen_prefix(
        key: tuple[str, ...]) -> None:
    depth = 0
    while depth < len(key) and key[:depth + 1] in COUNTS:
        depth += 1
    assert share_at((*key, "unheard-of")) == share_at(key[:depth])
    assert share_at(key) == share_at(key[:depth])


@given(articles())
def test_confidence_is_a_function_of_the_decision_features(article: Article) -> None:
    """The stamped confidence is read from the features alone: recomputing it from the
    decision's features gives the same figure, and equal features give equal figures."""
    ctx, decided_by = decide(article.text)
    result = attribute(article.text)
    seen: dict[Features, float] = {}
    for index, quote in enumerate(result.quotes):
        decision, sieve = ctx.decisions[index], decided_by[index]
        if quote.attribution is None:
            assert decision is None or sieve is None
            continue
        assert decision is not None and sieve is not None
        features = decision_features(ctx, index, sieve, decision)
        assert quote.attribution.confidence == round(confidence_of(features), 3)
        assert seen.setdefault(features, quote.attribution.confidence) == \
            quote.attribution.confidence


def test_a_measured_rule_outranks_a_speculative_one() -> None:
    """A name beside "said" is surer than a remark given to the one person the paragraph
    before names."""
    text = ("Ana Ruiz, the mayor, spoke for an hour on Tuesday.\n\n"
            "“We will rebuild the bridge before winter, whatever it costs,” said Tom Berg.\n\n"
            "Mia Cole took the podium.\n\n“It will not be cheap.”")
    quotes = attribute(text).quotes
    assert quotes[0].attribution is not None and quotes[1].attribution is not None
    assert quotes[0].attribution.rule == "quote-verb-name"
    assert quotes[1].attribution.rule == "previous-paragraph-name"
    assert quotes[0].attribution.confidence > quotes[1].attribution.confidence
