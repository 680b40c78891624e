"""Command line: ``python -m wegwijzer check|demo|backup|restore|create-admin``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wegwijzer import text
from wegwijzer.config import settings


def _check(args: argparse.Namespace) -> int:
    from wegwijzer.content.library import check_folder

    folder = Path(args.folder) if args.folder else settings().themes_dir
    library, problems = check_folder(folder)
    for problem in problems:
        print(problem.format())
    if library is None:
        print(f"{text.count(len(problems), 'probleem', 'problemen')} gevonden in {folder}", file=sys.stderr)
        return 1
    print(f"ok: {len(library.themes)} thema's, {len(library.structure.chapters)} hoofdstukken, "
          f"{len(library.structure.parts)} delen")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from wegwijzer.content.library import load_library
    from wegwijzer.demo import populate
    from wegwijzer.storage import Store

    store = Store(args.db or settings().db_path)
    library = load_library(settings().themes_dir)
    ids = populate(store, library, sessions_per_person=2, seed=args.seed, person_id=store.people.local_person())
    print(f"demo-sessies toegevoegd: {ids}")
    return 0


def _backup(args: argparse.Namespace) -> int:
    from wegwijzer.storage.backup import backup

    target = backup(Path(args.db) if args.db else settings().db_path, Path(args.target) if args.target else None)
    print(f"back-up gemaakt: {target}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from wegwijzer.storage.backup import restore

    restored = restore(Path(args.source), Path(args.db) if args.db else settings().db_path)
    print(f"teruggezet naar {restored}")
    return 0


def _create_admin(args: argparse.Namespace) -> int:
    """The first administrator of server mode (once: refused when there is one already)."""
    import getpass
    import os

    from wegwijzer.domain import credentials
    from wegwijzer.service import auth
    from wegwijzer.storage import Store

    store = Store(args.db or settings().db_path)
    if store.people.has_admin() and not args.another:
        print("Er is al een beheerder. Gebruik --nog-een om er nog een te maken.", file=sys.stderr)
        return 1
    password = os.environ.get("WEGWIJZER_ADMIN_PASSWORD")
    if not password:
        password = getpass.getpass("Wachtwoord (minstens 10 tekens): ")
        if password != getpass.getpass("Nog een keer: "):
            print("De twee wachtwoorden zijn niet gelijk; er is niets aangemaakt.", file=sys.stderr)
            return 1
    try:
        auth.register(store, args.name, args.email, password, is_admin=True)
    except auth.LoginRefused as exc:
        print(f"Niet aangemaakt: {exc.message}", file=sys.stderr)
        return 1
    print(f"beheerder aangemaakt: {credentials.normalise_email(args.email)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m wegwijzer", description="Wegwijzer command line")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate the theme content")
    check.add_argument("folder", nargs="?", help="theme folder (default: thema's/ or $WEGWIJZER_THEMES)")
    check.set_defaults(func=_check)
    demo = sub.add_parser("demo", help="add two demo sessions for the local person")
    demo.add_argument("--db", help="database path (default: data/wegwijzer.db or $WEGWIJZER_DB)")
    demo.add_argument("--seed", type=int, default=1)
    demo.set_defaults(func=_demo)
    backup = sub.add_parser("backup", help="online backup of the database (safe while the app runs)")
    backup.add_argument("target", nargs="?", help="backup file (default: data/backups/wegwijzer-<time>.db)")
    backup.add_argument("--db", help="database path (default: data/wegwijzer.db or $WEGWIJZER_DB)")
    backup.set_defaults(func=_backup)
    restore = sub.add_parser("restore", help="put a backup back (the current database is kept aside)")
    restore.add_argument("source", help="backup file to restore")
    restore.add_argument("--db", help="database path (default: data/wegwijzer.db or $WEGWIJZER_DB)")
    restore.set_defaults(func=_restore)
    admin = sub.add_parser("create-admin", help="create the first administrator (server mode)")
    admin.add_argument("--email", required=True)
    admin.add_argument("--name", default="Beheerder")
    admin.add_argument("--nog-een", dest="another", action="store_true", help="also when there is an administrator")
    admin.add_argument("--db", help="database path (default: data/wegwijzer.db or $WEGWIJZER_DB)")
    admin.set_defaults(func=_create_admin)
    args = parser.parse_args(argv)
    return args.func(args)
