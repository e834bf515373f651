"""Measured confidence (issue 13): the table, its backoff, and the runner's stamp."""

from __future__ import annotations

import ast
import math
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from test_properties import Article, articles

import quotecheck.calibration_data as table
from quotecheck import attribute
from quotecheck.calibration_data import INTERCEPT, TERMS, WEIGHTS
from quotecheck.confidence import (
    FEATURE_NAMES,
    Features,
    Speakers,
    confidence_of,
    decision_features,
    term_values,
)
from quotecheck.pipeline import decide
from quotecheck.sieves import SIEVE_NAMES

ROOT = Path(__file__).resolve().parent.parent
SIEVES = ROOT / "quotecheck" / "sieves"
# A piece of a key: a sieve name, a rule id or a feature value, never a text.
_KEY_PART = re.compile(r"[a-z0-9][a-z0-9_+-]{0,60}")
_RULE_ROW = re.compile(r"^\| `([a-z][a-z-]+)`", re.MULTILINE)

feature_values = st.sampled_from(
    [*SIEVE_NAMES, "quote-verb-name", "single-name", "news", "dialogue", "name", "pronoun",
     "none", "one", "several", "same", "far", "short", "fragment", "cued", "0", "3",
     "namesake", "once", "many", "mixed", "first", "unheard-of"])
situations = st.lists(feature_values, min_size=len(FEATURE_NAMES),
                      max_size=len(FEATURE_NAMES)).map(lambda values: Features(*values))
_NEWS = Features("cue_adjacent", "quote-verb-name", "news", "name", "none", "same", "short",
                 "none", "person", "cued", "unique", "few", "small", "one", "first")


def test_every_sieve_has_a_measured_weight() -> None:
    """Every sieve was seen deciding in the calibration data."""
    for sieve in SIEVE_NAMES:
        assert ("sieve", sieve) in WEIGHTS, f"{sieve} has no weight: re-run scripts/calibrate.py"


def test_a_rule_never_measured_backs_off_to_the_rest_of_its_situation() -> None:
    """A rule the data never saw weighs nothing: its confidence is that of any rule
    nobody measured, in the same situation."""
    rules = set(_RULE_ROW.findall((ROOT / "docs" / "rules.md").read_text(encoding="utf-8")))
    measured = {value for term, value in WEIGHTS if term == "rule"}
    assert measured, "the table has no rule weights"
    for rule in sorted(rules):
        for sieve in SIEVE_NAMES:
            features = _NEWS._replace(sieve=sieve, rule=rule)
            share = confidence_of(features)
            assert 0.0 <= share <= 1.0
            if rule not in measured:
                assert share == confidence_of(features._replace(rule="never-measured")), rule


def test_the_terms_name_features_only() -> None:
    assert TERMS, "the table has no terms"
    assert all(name in FEATURE_NAMES for term in TERMS for name in term)
    assert ("sieve",) in TERMS and ("rule",) in TERMS
    assert len(dict(term_values(_NEWS))) == len(TERMS)


def test_weights_are_consistent() -> None:
    """right ≤ decided in every cell, every key's term is one of the terms and its
    value has one part per feature of the term, and the figures are finite."""
    terms = {"+".join(term): len(term) for term in TERMS}
    for (term, value), (weight, right, decided) in WEIGHTS.items():
        assert term in terms, term
        assert len(value.split("+")) == terms[term], (term, value)
        assert 0 <= right <= decided and decided > 0, (term, value)
        assert math.isfinite(weight) and abs(weight) < 20, (term, value)
        assert _KEY_PART.fullmatch(value), value
    assert math.isfinite(INTERCEPT)


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


@given(situations)
def test_confidence_is_a_chance(features: Features) -> None:
    share = confidence_of(features)
    assert 0.0 < share < 1.0
    assert share == confidence_of(features)


@given(situations, st.sampled_from(FEATURE_NAMES))
def test_an_unseen_value_weighs_nothing(features: Features, name: str) -> None:
    """Replacing one fact by a value the data never saw removes exactly the weights of
    the terms that read it (the backoff): the log-odds move by their sum."""
    unseen = features._replace(**{name: "unheard-of"})
    before = dict(term_values(features))
    dropped = sum(WEIGHTS[(term, value)][0] for term, value in before.items()
                  if name in term.split("+") and (term, value) in WEIGHTS)

    def logit(share: float) -> float:
        return math.log(share / (1 - share))

    assert abs(logit(confidence_of(features)) - logit(confidence_of(unseen)) - dropped) < 1e-9


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
        assert features == decision_features(ctx, index, sieve, decision, Speakers(ctx))
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


def _features(text: str, index: int = 0) -> Features:
    ctx, decided_by = decide(text)
    decision, sieve = ctx.decisions[index], decided_by[index]
    assert decision is not None and sieve is not None
    return decision_features(ctx, index, sieve, decision)


def test_a_source_cited_after_the_cue_is_read() -> None:
    """“…,” X said, according to Y: the gold credits Y as often as X."""
    cited = _features("“The plan is dead,” Ana Ruiz said on Monday, according to the Herald.")
    assert cited.source == "cited"
    told = _features("“The plan is dead,” Ana Ruiz said, as Tom Berg told reporters.")
    assert told.source in ("other", "cited")
    plain = _features("“The plan is dead,” Ana Ruiz said on Monday.")
    assert plain.source == "none"


def test_a_run_of_turns_with_no_cue_is_counted() -> None:
    text = ("“Where were you?” asked Mia Cole.\n\n“Out.”\n\n“Out where?”\n\n“Just out.”\n\n"
            "“With whom?”")
    ctx, decided_by = decide(text)
    runs = [decision_features(ctx, i, decided_by[i] or "", d).run
            for i, d in enumerate(ctx.decisions) if d is not None and decided_by[i]]
    assert runs[0] == "cued"
    assert runs[1:] == sorted(runs[1:], key=int) and runs[-1] == "3", runs


def test_distance_turns_and_first_read_the_article() -> None:
    text = ("Ana Ruiz spoke first. Then the crowd went quiet. Nobody moved. The wind rose.\n\n"
            "“We will rebuild the bridge,” she said. “We will,” said Ana Ruiz.")
    first = _features(text, 0)
    second = _features(text, 1)
    assert first.first == "first" and second.first == "later"
    assert first.turns == second.turns == "few"
    assert second.distance == "same"


def test_a_paragraph_of_two_speakers_is_mixed() -> None:
    text = "“Go,” said Ana Ruiz. “Stay,” said Tom Berg."
    assert _features(text, 0).mixed == _features(text, 1).mixed == "mixed"
    assert _features("“Go,” said Ana Ruiz. “Now,” she added.").mixed == "one"
