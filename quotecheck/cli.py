"""The command line: ``quotecheck FILE…`` prints each quotation with its speaker."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .pipeline import attribute
from .render import to_table

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="quotecheck", description=__doc__)
    parser.add_argument("files", nargs="+", help="plain-text articles, or - for standard input")
    parser.add_argument("--format", choices=["table"], default="table")
    args = parser.parse_args(argv)
    status = 0
    for path in args.files:
        try:
            if path == "-":
                text = sys.stdin.read()
            else:
                with open(path, encoding="utf-8") as handle:
                    text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            print(f"quotecheck: {path}: {error}", file=sys.stderr)
            status = 1
            continue
        print(to_table(attribute(text)))
    return status
