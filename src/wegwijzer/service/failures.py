"""What a person is told when something fails underneath: the database full, read-only, damaged or missing.

One translation for the app and the HTTP routes: :func:`report` logs the technical detail (exception,
traceback, paths) to the server log through :mod:`logging`, and returns a :class:`Failure` in Dutch that says
what happened and what to do, without a path or a traceback. Nothing already stored is touched: a write that
fails is rolled back whole (``Database.write``).
"""

from __future__ import annotations

import errno
import logging
import sqlite3
from dataclasses import dataclass

from wegwijzer.storage import DatabaseProblem
from wegwijzer.storage.database import failure_kind

log = logging.getLogger("wegwijzer")

_ADMIN = "Blijft het gebeuren? Meld het aan de beheerder van Wegwijzer; in het serverlog staat wat er misging."


@dataclass(frozen=True)
class Failure:
    """``title`` names what happened, ``message`` says what it means for the person and what to do."""

    kind: str
    title: str
    message: str
    status: int = 503


FAILURES = {
    "full": Failure(
        "full", "De schijf is vol",
        "Wat je net invulde, is niet bewaard; alles wat al bewaard was, is er nog. Er moet eerst ruimte komen op "
        "de schijf waarop de database staat (op een server doet de beheerder dat); vul het daarna opnieuw in."),
    "readonly": Failure(
        "readonly", "Wegwijzer kan nu niets bewaren",
        "De database is alleen-lezen; er is niets verloren gegaan. De beheerder moet Wegwijzer schrijfrechten "
        "geven op het databasebestand en de map eromheen (het serverlog noemt het pad) en Wegwijzer opnieuw starten."),
    "corrupt": Failure(
        "corrupt", "De database is beschadigd",
        "Wegwijzer heeft niets overschreven. De beheerder zet de laatste back-up terug (zie 'Je gegevens' in de "
        "README)."),
    "missing": Failure(
        "missing", "De database is niet te openen",
        "Het databasebestand of de map ervan ontbreekt of is niet bereikbaar. De beheerder controleert het pad "
        "in WEGWIJZER_DB (het serverlog noemt het) en start Wegwijzer opnieuw."),
    "busy": Failure(
        "busy", "Het is even te druk",
        "Het lukte niet om je wijziging op tijd te bewaren; ze is niet bewaard. Probeer het over een paar seconden "
        "opnieuw."),
    "database": Failure(
        "database", "Wegwijzer kan de database nu niet gebruiken",
        "Wat je net deed, is niet bewaard; alles wat al bewaard was, is er nog. Probeer het opnieuw. " + _ADMIN),
    "other": Failure(
        "other", "Er ging iets mis", "Wat je net deed, is misschien niet gelukt. Probeer het opnieuw. " + _ADMIN,
        status=500),
}

def kind_of(exc: BaseException) -> str:
    """"full", "readonly", "corrupt", "missing", "busy", "database" or "other"."""
    if isinstance(exc, DatabaseProblem):
        return exc.kind
    if isinstance(exc, sqlite3.Error):
        return failure_kind(exc)
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "full"
    return "other"


def report(exc: BaseException, where: str = "") -> Failure:
    """Log ``exc`` with its traceback for the administrator; the Dutch :class:`Failure` for the person."""
    failure = FAILURES[kind_of(exc)]
    log.error("%s%s: %s", f"{where}: " if where else "", failure.kind, exc, exc_info=exc)
    return failure
