"""The registry of cue rules (``quotecheck.rules.RULES``) is the one list of them.

Every rule id it declares has a row in ``docs/rules.md`` (the table written from the
registry) and at least three fixture cases of different texts in which it reads a cue;
every cue read on the fixtures carries an id the registry declares; each entry's
example sentence reads one of its ids.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from quotecheck.pipeline import analyse
from quotecheck.rules import RULES, rules_table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from build_rules_doc import PAGE, with_table  # noqa: E402

_IDS = sorted({rule_id for rule in RULES for rule_id in rule.ids})


def _cases_by_rule() -> dict[str, set[str]]:
    """For each cue rule id, the fixture texts (expected to pass) in which it reads a cue."""
    found: dict[str, set[str]] = defaultdict(set)
    for path in sorted((ROOT / "fixtures" / "cases").glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            if case.get("expect", "pass") != "pass" or "text" not in case:
                continue
            for cues in analyse(case["text"]).cues:
                for cue in cues:
                    found[cue.rule].add(case["text"])
    return found


_CASES = _cases_by_rule()


def test_the_page_holds_the_registry_table() -> None:
    page = PAGE.read_text(encoding="utf-8")
    assert with_table(page) == page, "run scripts/build_rules_doc.py"


@pytest.mark.parametrize("rule_id", _IDS)
def test_every_rule_id_has_a_doc_row(rule_id: str) -> None:
    rows = [row for row in rules_table().splitlines() if f"`{rule_id}`" in row]
    assert rows and all(row in PAGE.read_text(encoding="utf-8") for row in rows)


@pytest.mark.parametrize("rule_id", _IDS)
def test_every_rule_id_has_three_fixture_cases(rule_id: str) -> None:
    assert len(_CASES.get(rule_id, set())) >= 3, f"{rule_id}: {sorted(_CASES.get(rule_id, []))}"


def test_every_cue_read_on_the_fixtures_is_declared() -> None:
    assert set(_CASES) <= set(_IDS), sorted(set(_CASES) - set(_IDS))


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.read.__name__)
def test_each_example_reads_its_rule(rule: object) -> None:
    from quotecheck.rules import CueRule

    assert isinstance(rule, CueRule)
    ctx = analyse(rule.example.replace(" ¶ ", "\n\n"))
    assert any(cue.rule in rule.ids for cues in ctx.cues for cue in cues), rule.example


def test_reader_names_are_unique_and_literal_ids_are_greppable() -> None:
    names = [rule.read.__name__ for rule in RULES]
    assert len(names) == len(set(names))
    source = (ROOT / "quotecheck" / "rules.py").read_text(encoding="utf-8")
    for rule_id in _IDS:
        assert source.count(f'"{rule_id}"') >= 2, rule_id  # in a reader and in RULES
