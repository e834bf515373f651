"""Packaging: `make demo` installs the package alone, `make test` the development set,
and the project metadata is what current setuptools reads without a warning."""

from __future__ import annotations

import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _dry_run(target: str) -> str:
    """What ``make TARGET`` would run from scratch (``-n -B``: print, run nothing)."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    done = subprocess.run(["make", "-n", "-B", target], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _installs(commands: str) -> list[str]:
    return [line.split("pip install", 1)[1].split()[-1] for line in commands.splitlines()
            if "pip install" in line and "--upgrade pip" not in line]


def test_make_demo_installs_the_package_alone() -> None:
    commands = _dry_run("demo")
    assert _installs(commands) == ["."]
    assert "quotecheck --format table fixtures/nato-russia-talks.txt" in commands


def test_make_test_installs_the_development_set() -> None:
    commands = _dry_run("test")
    assert "'.[dev,dask]'" in _installs(commands)
    assert "ruff check" in commands and "mypy" in commands and "pytest" in commands


def test_project_metadata_needs_no_deprecated_form() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    # a table ({text = "MIT"}) is deprecated: setuptools 77 reads an SPDX string
    assert project["project"]["license"] == "MIT"
    assert "setuptools>=77" in project["build-system"]["requires"]
    extras = project["project"]["optional-dependencies"]
    assert "pandas" in extras["pandas"] and "pandas" in extras["dev"]
    assert set(project["project"]["dependencies"]) == {"regex>=2023.0", "pydantic>=2"}
