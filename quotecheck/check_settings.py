"""What ``quotecheck check`` reads besides its options: ``[tool.quotecheck]`` and markers.

Settings live in ``pyproject.toml`` under ``[tool.quotecheck]``, found as ruff finds
its own: the nearest ``pyproject.toml`` with that table, from the current folder up.
Keys are the long options without their dashes (kebab-case)::

    [tool.quotecheck]
    select = ["QC1", "QC5"]      # codes, prefixes or names; default: every code
    ignore = ["QC603"]
    style = "british"            # or "american", "logical", "auto" (the default)
    long-paragraph = 400
    min-confidence = 0.8
    encoding = "cp1252"
    glob = "*.story"

An option on the command line wins over the file, except ``--ignore``, which adds
to the file's ``ignore``.

In the copy itself, a marker suppresses findings on its line, as ``# noqa`` does in
code; an HTML comment, so that it stays out of print in web copy::

    “We will win”, said Ana Ruiz. <!-- quotecheck: ignore QC701 -->

``<!-- quotecheck: ignore -->`` (no codes) suppresses every finding on its line;
codes may be prefixes (``QC7``) or names, separated by commas or spaces.

>>> markers = suppressions("A “b”, c. <!-- quotecheck: ignore QC7 -->\\nD.")
>>> markers.by_line[1] == frozenset({"QC701", "QC702"}), markers.problems
(True, [])
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, NamedTuple

import regex

from .checks import STYLE_CHOICES, codes_matching
from .lexicon.checkcodes import CHECK_CODES

__all__ = ["SETTINGS_KEYS", "Suppressions", "find_settings", "read_settings", "suppressions"]

# Key in [tool.quotecheck] → (argparse destination, type, what it must be).
SETTINGS_KEYS: dict[str, tuple[str, type, str]] = {
    "select": ("select", list, "a list of codes"),
    "ignore": ("ignore", list, "a list of codes"),
    "style": ("style", str, f"one of {', '.join(STYLE_CHOICES)}"),
    "long-paragraph": ("long_paragraph", int, "a whole number"),
    "min-confidence": ("min_confidence", float, "a number from 0 to 1"),
    "encoding": ("encoding", str, "an encoding name"),
    "glob": ("glob", str, "a file pattern"),
}
_MARKER_RE = regex.compile(r"<!--[ \t]*+quotecheck:[ \t]*+ignore\b([^>\n]*?)[ \t]*+-->")


def find_settings(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` at or above ``start`` with a ``[tool.quotecheck]``."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                with open(candidate, "rb") as handle:
                    if "quotecheck" in tomllib.load(handle).get("tool", {}):
                        return candidate
            except (OSError, tomllib.TOMLDecodeError):
                return candidate  # read_settings says what is wrong with it
    return None


def read_settings(path: Path) -> dict[str, Any]:
    """The ``[tool.quotecheck]`` table of ``path`` as argparse destinations → values.

    Raises ``ValueError`` with a one-line reason for an unreadable file, an unknown
    key or a value of the wrong kind.
    """
    try:
        with open(path, "rb") as handle:
            table = tomllib.load(handle).get("tool", {}).get("quotecheck", {})
    except OSError as error:
        raise ValueError(f"{path}: {(error.strerror or str(error)).lower()}") from None
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"{path}: not valid TOML ({error})") from None
    settings: dict[str, Any] = {}
    for key, value in table.items():
        if key not in SETTINGS_KEYS:
            raise ValueError(f"{path}: [tool.quotecheck] has no setting {key!r} (known: "
                             f"{', '.join(SETTINGS_KEYS)})")
        destination, kind, wanted = SETTINGS_KEYS[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        fits = isinstance(value, kind) and not isinstance(value, bool)
        if kind is list:
            fits = fits and all(isinstance(item, str) for item in value)
        if key == "style":
            fits = fits and value in STYLE_CHOICES
        if key == "min-confidence":
            fits = fits and 0 <= value <= 1
        if not fits:
            raise ValueError(f"{path}: [tool.quotecheck] {key} must be {wanted}, not {value!r}")
        settings[destination] = value
    if "select" in settings or "ignore" in settings:
        codes_matching([*settings.get("select", []), *settings.get("ignore", [])])
    return settings


class Suppressions(NamedTuple):
    """Line (1-based) → the codes its markers suppress; what was wrong with markers."""

    by_line: dict[int, frozenset[str]]
    problems: list[tuple[int, str]]


def suppressions(text: str) -> Suppressions:
    """The ``<!-- quotecheck: ignore … -->`` markers of ``text``, by line.

    A marker naming an unknown code is reported in ``problems`` (line, message) and
    suppresses nothing of that name, so a typo does not hide a finding in silence.
    """
    by_line: dict[int, frozenset[str]] = {}
    problems: list[tuple[int, str]] = []
    line, counted = 1, 0
    for marker in _MARKER_RE.finditer(text):
        line += text.count("\n", counted, marker.start())  # markers in order: linear
        counted = marker.start()
        names = [n for n in regex.split(r"[\s,]+", marker.group(1)) if n]
        codes: set[str] = set(CHECK_CODES) if not names else set()
        for name in names:
            try:
                codes |= codes_matching([name])
            except ValueError:
                problems.append((line, f"unknown code {name!r} in a quotecheck: ignore marker"))
        by_line[line] = by_line.get(line, frozenset()) | codes
    return Suppressions(by_line, problems)
