"""Shared test set-up: hypothesis profiles and the JSON fixture-case loader."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "fixtures" / "cases"

# `make test` runs a bounded number of examples, the same ones on every run, so CI on a
# clean checkout is reproducible; `make fuzz` explores: many more examples, a new seed
# each run. A failure fuzzing finds becomes an `@example` of its property.
settings.register_profile(
    "default", max_examples=60, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "fuzz", max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def load_cases(*names: str) -> list[Any]:
    """Every case in ``fixtures/cases/<name>.json`` as a pytest param with its label as id.

    Cases with ``expect: "fail"`` are marked ``xfail(strict=True)``, so a fix shows up.
    """
    params = []
    for name in names:
        path = CASES / f"{name}.json"
        for case in json.loads(path.read_text(encoding="utf-8")):
            marks = []
            if case.get("expect", "pass") == "fail":
                marks.append(pytest.mark.xfail(strict=True, reason=case.get("comment", "")))
            params.append(pytest.param(case, id=f"{name}:{case['label']}", marks=marks))
    return params
