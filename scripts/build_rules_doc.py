"""Write the table of cue rules in docs/rules.md from the registry, quotecheck.rules.RULES.

Run it after adding or changing a rule: ``.venv/bin/python scripts/build_rules_doc.py``.
``tests/test_rules_registry.py`` fails while the page and the registry differ.
"""

from __future__ import annotations

from pathlib import Path

from quotecheck.rules import rules_table

PAGE = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
BEGIN = "<!-- cue rules: written by scripts/build_rules_doc.py from quotecheck.rules.RULES -->\n"
END = "<!-- end of cue rules -->\n"


def with_table(page: str) -> str:
    """``page`` with the text between the two markers replaced by the registry's table."""
    head, rest = page.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return head + BEGIN + rules_table() + END + tail


def main() -> None:
    page = PAGE.read_text(encoding="utf-8")
    PAGE.write_text(with_table(page), encoding="utf-8")


if __name__ == "__main__":
    main()
