"""Command line: ``python -m wegwijzer check|backup|restore``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .config import settings


def _check(args: argparse.Namespace) -> int:
    from .content import check_folder

    folder = Path(args.folder) if args.folder else settings().themes_dir
    library, problems = check_folder(folder)
    for problem in problems:
        print(problem.format())
    if library is None:
        print(f"{len(problems)} probleem/problemen gevonden in {folder}", file=sys.stderr)
        return 1
    print(f"ok: {len(library.themes)} thema's, {len(library.structure.chapters)} hoofdstukken, "
          f"{len(library.structure.parts)} delen")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m wegwijzer", description="Wegwijzer command line")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate the theme content")
    check.add_argument("folder", nargs="?", help="theme folder (default: thema's/ or $WEGWIJZER_THEMES)")
    check.set_defaults(func=_check)
    args = parser.parse_args(argv)
    return args.func(args)
