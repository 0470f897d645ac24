"""Command line of the site's own logic.

python -m sitekit check    validate includes/*.yml and the imprint settings of mkdocs.yml and
                           mkdocs.en.yml (REQUIRE_IMPRINT=1 as the deploy sets it); one line per problem
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import ROOT
from .check import problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitekit", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate includes/*.yml and the imprint settings")
    check.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this one)")
    args = parser.parse_args(argv)
    found = problems(args.root)
    for line in found:
        print(line, file=sys.stderr)
    if not found:
        print("includes/legal.yml, includes/cadence.yml, includes/priorities.yml, mkdocs.yml, mkdocs.en.yml: OK")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
